// sla/sla.hpp — the whole public API of sla-engine in one include.
#pragma once

#include <sla/version.hpp>
#include <sla/error.hpp>
#include <sla/time.hpp>
#include <sla/calendar.hpp>
#include <sla/holiday.hpp>
#include <sla/ical.hpp>
#include <sla/policy.hpp>
#include <sla/ticket.hpp>
#include <sla/availability.hpp>
