// Python values ↔ the library's: instants, durations, optional text, and sla::error raised as
// sla.Error. Every function here needs the GIL.
#pragma once

#include <sla/error.hpp>
#include <sla/ticket.hpp>
#include <sla/time.hpp>

#include <pybind11/pybind11.h>

#include <chrono>
#include <optional>
#include <string>

namespace sla_python {

namespace py = pybind11;

// Must run once, at module import: loads CPython's datetime C API.
void init_datetime();

// An instant from an aware datetime (pandas.Timestamp included) or RFC 3339 text. A naive
// datetime throws sla::error(invalid_timestamp): a time without an offset is ambiguous. Fractions
// of a second are truncated toward the past. `what` names the argument in messages. Another type
// throws py::type_error.
sla::instant to_instant(py::handle value, const char* what);

// A timezone-aware UTC datetime, or None.
py::object to_datetime(const std::optional<sla::instant>& t);
py::object to_datetime(sla::instant t);

// Whole seconds from an int (anything with __index__, not bool) or a timedelta without a
// fraction of a second. Another type throws py::type_error; a fraction throws sla::error.
std::chrono::seconds to_duration(py::handle value, const char* what);

py::object to_timedelta(std::chrono::seconds d);

// Text from str, a whole number (int, or an integral float), or nothing for None and NaN;
// another type throws sla::error(invalid_argument) naming `what`.
std::optional<std::string> to_text(py::handle value, const char* what);

// An optional string argument: None or "" is empty.
std::string text_or_empty(const py::object& value);

// "" → None, else the str.
py::object none_if_empty(const std::string& s);

// A ticket event from a mapping with sla-check's input keys (at, event, type, severity, plan,
// region, timezone, country, status, users_affected; ticket is read by the caller). None or NaN
// means "not given". Throws sla::error naming the key.
sla::ticket_event to_event(py::handle mapping);

// Registers the translation of sla::error into sla.Error (sla._errors.Error).
void register_error_translator();

}  // namespace sla_python
