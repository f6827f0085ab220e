// sla/sla.hpp — the whole public API of sla-engine in one include.
#pragma once

#include <sla/version.hpp>
#include <sla/error.hpp>
#include <sla/time.hpp>
#include <sla/calendar.hpp>
