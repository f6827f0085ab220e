#include "convert.hpp"

#include <datetime.h>  // CPython's datetime C API; PyDateTimeAPI is per translation unit

#include <fmt/format.h>

#include <cmath>

#include "shared/bindings.hpp"

namespace sla_python {

namespace {

constexpr std::int64_t micro = 1'000'000;

std::string type_name(py::handle value) { return py::str(py::type::handle_of(value).attr("__name__")); }

std::string shown(py::handle value) { return py::repr(value).cast<std::string>(); }

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// pandas.NaT is a datetime that is not equal to itself.
bool is_missing_time(py::handle value) { return PyObject_RichCompareBool(value.ptr(), value.ptr(), Py_NE) == 1; }

std::int64_t delta_microseconds(PyObject* delta) {
  return (std::int64_t{PyDateTime_DELTA_GET_DAYS(delta)} * 86400 + PyDateTime_DELTA_GET_SECONDS(delta)) * micro +
         PyDateTime_DELTA_GET_MICROSECONDS(delta);
}

sla::instant checked(sla::instant t, const char* what, py::handle value) {
  if (t < sla::min_instant || t > sla::max_instant)
    throw sla::error(sla::error_code::out_of_range,
                     fmt::format("{}: {} is outside the supported range 1900-01-01T00:00:00Z .. 2200-01-01T00:00:00Z",
                                 what, shown(value)));
  return t;
}

sla::instant from_datetime(py::handle value, const char* what) {
  if (is_missing_time(value))
    throw sla::error(sla::error_code::invalid_timestamp, fmt::format("{}: missing (NaT)", what));
  py::object offset = value.attr("utcoffset")();
  if (offset.is_none())
    throw sla::error(sla::error_code::invalid_timestamp,
                     fmt::format("{}: {} has no time zone; a time without an offset is ambiguous (give tzinfo, e.g. "
                                 "datetime.timezone.utc)",
                                 what, shown(value)));
  PyObject* dt = value.ptr();
  auto day = std::chrono::sys_days{std::chrono::year{PyDateTime_GET_YEAR(dt)} /
                                   static_cast<unsigned>(PyDateTime_GET_MONTH(dt)) /
                                   static_cast<unsigned>(PyDateTime_GET_DAY(dt))};
  std::int64_t local = (std::int64_t{day.time_since_epoch().count()} * 86400 + PyDateTime_DATE_GET_HOUR(dt) * 3600 +
                        PyDateTime_DATE_GET_MINUTE(dt) * 60 + PyDateTime_DATE_GET_SECOND(dt)) *
                           micro +
                       PyDateTime_DATE_GET_MICROSECOND(dt);
  std::int64_t utc = local - delta_microseconds(offset.ptr());
  return checked(sla::instant{std::chrono::seconds{floor_div(utc, micro)}}, what, value);
}

}  // namespace

void init_datetime() {
  PyDateTime_IMPORT;
  if (!PyDateTimeAPI) throw py::error_already_set();
}

sla::instant to_instant(py::handle value, const char* what) {
  if (PyUnicode_Check(value.ptr())) {
    try {
      return sla::parse_instant(value.cast<std::string>());
    } catch (const sla::error& e) {
      throw sla::error(e.code(), fmt::format("{}: {}", what, e.message()));
    }
  }
  if (PyDateTime_Check(value.ptr())) return from_datetime(value, what);
  throw py::type_error(fmt::format("{}: expected a timezone-aware datetime or RFC 3339 text such as "
                                   "\"2026-03-06T16:30:00-05:00\", got {}",
                                   what, type_name(value)));
}

py::object to_datetime(sla::instant t) {
  auto day = std::chrono::floor<std::chrono::days>(t);
  std::chrono::year_month_day ymd{day};
  std::chrono::hh_mm_ss hms{t - day};
  PyObject* dt = PyDateTimeAPI->DateTime_FromDateAndTime(
      int(ymd.year()), static_cast<int>(unsigned(ymd.month())), static_cast<int>(unsigned(ymd.day())),
      static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
      static_cast<int>(hms.seconds().count()), 0, PyDateTime_TimeZone_UTC, PyDateTimeAPI->DateTimeType);
  if (!dt) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(dt);
}

py::object to_datetime(const std::optional<sla::instant>& t) { return t ? to_datetime(*t) : py::none(); }

std::chrono::seconds to_duration(py::handle value, const char* what) {
  PyObject* v = value.ptr();
  if (PyDelta_Check(v)) {
    std::int64_t us = delta_microseconds(v);
    if (us % micro != 0)
      throw sla::error(sla::error_code::invalid_argument,
                       fmt::format("{}: {} is not a whole number of seconds", what, shown(value)));
    return std::chrono::seconds{us / micro};
  }
  if (!PyBool_Check(v) && !PyFloat_Check(v) && PyIndex_Check(v)) {
    py::object index = py::reinterpret_steal<py::object>(PyNumber_Index(v));
    if (!index) throw py::error_already_set();
    int overflow = 0;
    long long n = PyLong_AsLongLongAndOverflow(index.ptr(), &overflow);
    if (overflow)
      throw sla::error(sla::error_code::out_of_range, fmt::format("{}: {} seconds is too large", what, shown(value)));
    return std::chrono::seconds{n};
  }
  throw py::type_error(fmt::format("{}: expected whole seconds (int) or a datetime.timedelta, got {}", what, type_name(value)));
}

py::object to_timedelta(std::chrono::seconds d) {
  auto days = floor_div(d.count(), 86400);
  PyObject* delta = PyDelta_FromDSU(static_cast<int>(days), static_cast<int>(d.count() - days * 86400), 0);
  if (!delta) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(delta);
}

std::optional<std::string> to_text(py::handle value, const char* what) {
  PyObject* v = value.ptr();
  if (value.is_none()) return std::nullopt;
  if (PyUnicode_Check(v)) return value.cast<std::string>();
  if (PyFloat_Check(v)) {
    double d = PyFloat_AsDouble(v);
    if (std::isnan(d)) return std::nullopt;  // pandas' missing value
    if (d == std::floor(d) && std::fabs(d) < 9.0e15) return fmt::format("{}", static_cast<long long>(d));
  } else if (!PyBool_Check(v) && PyIndex_Check(v)) {
    return py::str(py::reinterpret_steal<py::object>(PyNumber_Index(v))).cast<std::string>();
  }
  throw sla::error(sla::error_code::invalid_argument,
                   fmt::format("{}: expected text or a whole number, got {}", what, shown(value)));
}

std::string text_or_empty(const py::object& value) {
  if (value.is_none()) return {};
  if (!PyUnicode_Check(value.ptr())) throw py::type_error(fmt::format("expected str or None, got {}", type_name(value)));
  return value.cast<std::string>();
}

py::object none_if_empty(const std::string& s) { return s.empty() ? py::object(py::none()) : py::object(py::str(s)); }

sla::ticket_event to_event(py::handle mapping) {
  if (!py::hasattr(mapping, "items"))
    throw py::type_error(fmt::format("an event is a mapping such as {{\"at\": ..., \"event\": \"created\", ...}}, got {}",
                                     type_name(mapping)));
  sla::ticket_event e;
  bool has_at = false, has_event = false;
  for (py::handle item : mapping.attr("items")()) {
    py::tuple pair = py::reinterpret_borrow<py::tuple>(item);
    std::string key = py::str(pair[0]);
    py::handle value = pair[1];
    if (key == "ticket") continue;
    if (key == "at") {
      e.at = to_instant(value, "at");
      has_at = true;
    } else if (key == "event") {
      auto name = to_text(value, "event");
      if (!name) throw sla::error(sla::error_code::invalid_argument, "event: missing");
      sla_bindings::set_event_kind(e, *name);
      has_event = true;
    } else if (auto text = to_text(value, key.c_str())) {
      sla_bindings::set_event_field(e, key, *text);
    }
  }
  if (!has_at) throw sla::error(sla::error_code::invalid_argument, "missing at");
  if (!has_event) throw sla::error(sla::error_code::invalid_argument, "missing event");
  return e;
}

void register_error_translator() {
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const sla::error& e) {
      try {
        py::object cls = py::module_::import("sla._errors").attr("Error");
        auto unknown_if_zero = [](int n) { return n > 0 ? py::object(py::int_(n)) : py::object(py::none()); };
        py::object instance = cls(e.what(), std::string(sla::to_string(e.code())), none_if_empty(e.where().source),
                                  unknown_if_zero(e.where().line), unknown_if_zero(e.where().column),
                                  none_if_empty(e.path()), e.message());
        PyErr_SetObject(cls.ptr(), instance.ptr());
      } catch (const py::error_already_set&) {
        PyErr_SetString(PyExc_RuntimeError, e.what());
      }
    }
  });
}

}  // namespace sla_python
