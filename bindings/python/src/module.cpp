// sla._sla: the compiled part of the Python module `sla` (bindings/python/sla/__init__.py
// re-exports it). Policy, BusinessCalendar and Tracker wrap the library's values; evaluation
// results are the plain dataclasses of sla/_results.py, with timezone-aware UTC datetimes.
#include <sla/sla.hpp>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

#include "convert.hpp"
#include "frame.hpp"
#include "reader.hpp"
#include "shared/bindings.hpp"

namespace py = pybind11;
using namespace py::literals;

namespace sla_python {

namespace {

// ---- Policies ----------------------------------------------------------------------------------

// A policy and how it was made, so that a pickled copy (sent to a Dask worker) loads it again.
struct py_policy {
  sla::policy value;
  bool from_file = true;
  std::string path;                     // from_file
  std::string text, source, base_dir;   // parsed from text

  static py_policy load(const std::string& path) { return {sla::policy::load(path), true, path, {}, {}, {}}; }
  static py_policy parse(const std::string& text, const std::string& source, const std::string& base_dir) {
    return {sla::policy::parse(text, source, base_dir), false, {}, text, source, base_dir};
  }
};

py::tuple policy_state(const py_policy& p) {
  return p.from_file ? py::make_tuple("file", p.path) : py::make_tuple("text", p.text, p.source, p.base_dir);
}

py_policy policy_from_state(const py::tuple& state) {
  if (state.size() == 2 && state[0].cast<std::string>() == "file") return py_policy::load(state[1].cast<std::string>());
  if (state.size() == 4 && state[0].cast<std::string>() == "text")
    return py_policy::parse(state[1].cast<std::string>(), state[2].cast<std::string>(), state[3].cast<std::string>());
  throw py::value_error("not a pickled sla.Policy");
}

py::object results(const char* name) { return py::module_::import("sla._results").attr(name); }

py::object target_object(const sla::target_definition& t) {
  return results("Target")("name"_a = t.name, "calendar"_a = none_if_empty(t.calendar),
                           "amount"_a = sla::format_target_amount(t.amount), "rule"_a = t.rule);
}

py::list targets(const py_policy& p, const py::object& type, const py::object& severity, const py::object& plan) {
  py::list out;
  for (const auto& t : p.value.targets_for(text_or_empty(type), text_or_empty(severity), text_or_empty(plan)))
    out.append(target_object(t));
  return out;
}

py::list deadlines(const py_policy& p, py::handle created, const py::object& type, const py::object& severity,
                   const py::object& plan, const py::object& region, const py::object& country, const py::object& zone) {
  sla_bindings::new_ticket t{text_or_empty(type),   text_or_empty(severity), text_or_empty(plan),
                             text_or_empty(region), text_or_empty(country),  text_or_empty(zone),
                             to_instant(created, "created")};
  py::list out;
  for (const auto& r : sla_bindings::new_ticket_deadlines(p.value, t)) {
    py::object amount_seconds = r.amount_seconds ? py::object(py::int_(r.amount_seconds->count())) : py::object(py::none());
    out.append(results("Deadline")("name"_a = r.target.name, "calendar"_a = none_if_empty(r.calendar),
                                   "amount"_a = sla::format_target_amount(r.target.amount),
                                   "amount_seconds"_a = amount_seconds, "deadline"_a = to_datetime(r.deadline),
                                   "starts"_a = r.starts, "rule"_a = r.target.rule));
  }
  return out;
}

std::vector<std::string> calendar_names(const py_policy& p) {
  std::vector<std::string> names;
  for (const auto& c : p.value.calendars()) names.push_back(c.name);
  return names;
}

std::vector<std::string> region_names(const py_policy& p) {
  std::vector<std::string> names;
  for (const auto& [name, _] : p.value.regions()) names.push_back(name);
  return names;
}

// ---- Calendars ---------------------------------------------------------------------------------

// A compiled calendar and how it was made (a spec's text, or a policy's calendar), for pickling.
struct py_calendar {
  sla::business_calendar value;
  py::tuple state;
};

// A spec from YAML/JSON text, or from a mapping written out as JSON (dates as their ISO text).
std::string spec_text(py::handle spec) {
  if (PyUnicode_Check(spec.ptr())) return spec.cast<std::string>();
  if (!py::hasattr(spec, "items"))
    throw py::type_error("a calendar spec is YAML/JSON text or a mapping such as {\"timezone\": \"UTC\", \"hours\": \"always\"}");
  py::object dumps = py::module_::import("json").attr("dumps");
  return dumps(spec, "ensure_ascii"_a = false, "default"_a = py::module_::import("builtins").attr("str")).cast<std::string>();
}

py_calendar calendar_from_spec(py::handle spec) {
  std::string text = spec_text(spec);
  return {sla::business_calendar(sla::parse_calendar_spec(text)), py::make_tuple("spec", text)};
}

py_calendar policy_calendar(const py::object& policy, const std::string& name, const py::object& zone,
                            const py::object& region, const py::object& country) {
  const auto& p = policy.cast<const py_policy&>();
  return {p.value.calendar(name, text_or_empty(zone), text_or_empty(region), text_or_empty(country)),
          py::make_tuple("policy", policy, name, zone, region, country)};
}

py_calendar calendar_from_state(const py::tuple& state) {
  std::string kind = state[0].cast<std::string>();
  if (kind == "spec" && state.size() == 2) return calendar_from_spec(state[1]);
  if (kind == "policy" && state.size() == 6)
    return policy_calendar(state[1], state[2].cast<std::string>(), state[3], state[4], state[5]);
  throw py::value_error("not a pickled sla.BusinessCalendar");
}

// ---- Evaluations -------------------------------------------------------------------------------

py::object cycle_object(const sla::completed_cycle& c) {
  return results("CompletedCycle")("start"_a = to_datetime(c.start), "end"_a = to_datetime(c.end),
                                   "outcome"_a = std::string(sla::to_string(c.outcome)), "met_at"_a = to_datetime(c.met_at),
                                   "breached_at"_a = to_datetime(c.breached_at), "accrued_seconds"_a = c.accrued.count());
}

py::object target_status_object(const sla::target_status& s) {
  py::list cycles;
  for (const auto& c : s.completed) cycles.append(cycle_object(c));
  return results("TargetStatus")(
      "name"_a = s.name, "calendar"_a = none_if_empty(s.calendar), "amount"_a = sla::format_target_amount(s.amount),
      "state"_a = std::string(sla::to_string(s.state)), "deadline"_a = to_datetime(s.deadline),
      "met_at"_a = to_datetime(s.met_at), "breached_at"_a = to_datetime(s.breached_at),
      "target_seconds"_a = s.target.count(), "accrued_seconds"_a = s.accrued.count(),
      "remaining_seconds"_a = s.remaining.count(), "percent"_a = s.percent, "warnings"_a = py::cast(s.warnings),
      "escalation"_a = s.escalation ? py::object(py::str(*s.escalation)) : py::object(py::none()), "cycles"_a = s.cycles,
      "completed_cycles"_a = cycles, "rule"_a = none_if_empty(s.rule));
}

py::object evaluation_object(const std::string& ticket, const sla::ticket_evaluation& ev) {
  py::list targets;
  for (const auto& s : ev.targets) targets.append(target_status_object(s));
  return results("TicketEvaluation")("ticket"_a = ticket, "type"_a = none_if_empty(ev.type),
                                     "severity"_a = none_if_empty(ev.severity), "plan"_a = none_if_empty(ev.plan),
                                     "region"_a = none_if_empty(ev.region), "country"_a = none_if_empty(ev.country),
                                     "targets"_a = targets, "next_change"_a = to_datetime(ev.next_change));
}

// The ticket id the events name (all the same), else `fallback`.
std::string ticket_id(const py::list& events, const std::string& given) {
  std::string id = given;
  for (py::handle e : events) {
    if (!py::hasattr(e, "get")) continue;
    py::object named = e.attr("get")("ticket");
    if (named.is_none()) continue;
    std::string text = py::str(named);
    if (id.empty()) id = text;
    else if (text != id)
      throw sla::error(sla::error_code::invalid_argument,
                       fmt::format("the events are of two tickets, \"{}\" and \"{}\": evaluate takes one ticket's", id, text));
  }
  return id.empty() ? std::string("ticket") : id;
}

py::object evaluate(const py_policy& p, const py::iterable& events, py::handle now, const std::string& ticket) {
  py::list list(events);
  std::string id = ticket_id(list, ticket);
  std::vector<sla::ticket_event> history;
  for (py::handle e : list) history.push_back(to_event(e));
  sla::instant at = to_instant(now, "now");
  sla::ticket t = sla_bindings::make_ticket(p.value, id, history);
  return evaluation_object(id, sla::evaluate(p.value, t, at));
}

py::dict evaluate_columns_entry(const py_policy& p, const py::dict& columns, py::handle now, const std::string& output,
                                const std::string& errors) {
  return evaluate_columns(p.value, columns, to_instant(now, "now"), output, errors);
}

// ---- Trackers ----------------------------------------------------------------------------------

struct py_tracker {
  sla::ticket_tracker value;
};

void define_policy(py::module_& m) {
  py::class_<py_policy>(m, "Policy",
                        "A support policy (policies/README.md): its types, severities, plans, calendars and targets.")
      .def_static("load", [](const py::object& path) { return py_policy::load(py::str(path)); }, "path"_a,
                  "Loads a policy file; its holiday sets are read relative to its folder. Raises sla.Error.")
      .def_static("parse", &py_policy::parse, "text"_a, "source"_a = "<text>", "base_dir"_a = ".",
                  "Reads a policy from YAML text; `source` names it in errors, `base_dir` resolves included files.")
      .def_property_readonly("name", [](const py_policy& p) { return p.value.name(); })
      .def_property_readonly("source", [](const py_policy& p) { return p.value.source(); })
      .def_property_readonly("types", [](const py_policy& p) { return p.value.types(); })
      .def_property_readonly("severities", [](const py_policy& p) { return p.value.severities(); })
      .def_property_readonly("plans", [](const py_policy& p) { return p.value.plans(); })
      .def_property_readonly("default_plan", [](const py_policy& p) { return none_if_empty(p.value.default_plan()); })
      .def_property_readonly("statuses", [](const py_policy& p) { return p.value.statuses(); })
      .def_property_readonly("events", [](const py_policy& p) { return p.value.events(); })
      .def_property_readonly("calendars", &calendar_names)
      .def_property_readonly("regions", &region_names)
      .def_property_readonly("default_region", [](const py_policy& p) { return none_if_empty(p.value.default_region()); })
      .def("targets", &targets, "type"_a = py::none(), "severity"_a = py::none(), "plan"_a = py::none(),
           "The targets of a ticket of this type, severity and plan (None: the only one, or the default plan).")
      .def("deadlines", &deadlines, "created"_a, "type"_a = py::none(), "severity"_a = py::none(), "plan"_a = py::none(),
           py::kw_only(), "region"_a = py::none(), "country"_a = py::none(), "timezone"_a = py::none(),
           "A new ticket's targets and, for those whose clock starts at the creation, their deadlines if it runs "
           "without pauses (as sla-deadline computes them).")
      .def(
          "calendar",
          [](const py::object& self, const std::string& name, const py::object& zone, const py::object& region,
             const py::object& country) { return policy_calendar(self, name, zone, region, country); },
          "name"_a, py::kw_only(), "timezone"_a = py::none(), "region"_a = py::none(), "country"_a = py::none(),
          "A calendar of the policy by the name its targets use; `timezone` replaces a tenant calendar's zone.")
      .def("classify",
           [](const py_policy& p, const std::string& impact, const std::string& urgency) {
             return p.value.classify(impact, urgency);
           })
      .def("__repr__", [](const py_policy& p) { return fmt::format("<sla.Policy {} from {}>", p.value.name(), p.value.source()); })
      .def(py::pickle(&policy_state, &policy_from_state));
}

void define_calendar(py::module_& m) {
  py::class_<py_calendar>(m, "BusinessCalendar",
                          "A compiled business calendar: a zone, weekly hours, holidays and special days (sla/calendar.hpp).")
      .def(py::init([](py::handle spec) { return calendar_from_spec(spec); }), "spec"_a,
           "Compiles a calendar spec: YAML or JSON text, or a mapping such as "
           "{\"timezone\": \"America/New_York\", \"hours\": {\"mon-fri\": [\"08:00-18:00\"]}}.")
      .def_property_readonly("timezone", [](const py_calendar& c) { return c.value.zone().name(); })
      .def("is_open", [](const py_calendar& c, py::handle t) { return c.value.is_open(to_instant(t, "t")); }, "t"_a)
      .def("elapsed",
           [](const py_calendar& c, py::handle a, py::handle b) {
             return to_timedelta(c.value.elapsed(to_instant(a, "a"), to_instant(b, "b")));
           },
           "a"_a, "b"_a, "The business time in [a, b), as a timedelta (zero when b <= a).")
      .def("add",
           [](const py_calendar& c, py::handle t, py::handle d) {
             return to_datetime(c.value.add(to_instant(t, "t"), to_duration(d, "duration")));
           },
           "t"_a, "duration"_a, "The earliest u >= t with elapsed(t, u) == duration; None when it never comes.")
      .def("subtract",
           [](const py_calendar& c, py::handle t, py::handle d) {
             return to_datetime(c.value.subtract(to_instant(t, "t"), to_duration(d, "duration")));
           },
           "t"_a, "duration"_a, "The latest u <= t with elapsed(u, t) == duration; None when there is none.")
      .def("next_open", [](const py_calendar& c, py::handle t) { return to_datetime(c.value.next_open(to_instant(t, "t"))); },
           "t"_a)
      .def("next_close", [](const py_calendar& c, py::handle t) { return to_datetime(c.value.next_close(to_instant(t, "t"))); },
           "t"_a)
      .def("add_business_days",
           [](const py_calendar& c, py::handle t, int days) {
             return to_datetime(c.value.add_business_days(to_instant(t, "t"), days));
           },
           "t"_a, "days"_a)
      .def("next_business_day_close",
           [](const py_calendar& c, py::handle t) { return to_datetime(c.value.next_business_day_close(to_instant(t, "t"))); },
           "t"_a)
      .def("__repr__", [](const py_calendar& c) { return fmt::format("<sla.BusinessCalendar {}>", c.value.zone().name()); })
      .def(py::pickle([](const py_calendar& c) { return c.state; }, &calendar_from_state));
}

void define_tracker(py::module_& m) {
  py::class_<py_tracker>(m, "Tracker",
                         "One ticket's clocks, advanced event by event (sla::ticket_tracker). Not for concurrent use.")
      .def(py::init([](const py_policy& p, const std::string& ticket) { return py_tracker{sla::ticket_tracker(p.value, ticket)}; }),
           "policy"_a, "ticket"_a)
      .def("append", [](py_tracker& t, py::handle event) { t.value.append(to_event(event)); }, "event"_a,
           "Appends an event such as {\"at\": \"2026-11-23T10:00:00Z\", \"event\": \"created\", \"type\": \"incident\", "
           "\"severity\": \"urgent\"}. Raises sla.Error when the history rejects it (the tracker is unchanged).")
      .def("evaluate",
           [](const py_tracker& t, py::handle now) {
             return evaluation_object(t.value.history().id(), t.value.evaluate(to_instant(now, "now")));
           },
           "now"_a)
      .def("evaluate_json",
           [](const py_tracker& t, py::handle now) {
             return sla_bindings::evaluation_json(t.value.history().id(), t.value.evaluate(to_instant(now, "now")));
           },
           "now"_a, "The JSON line sla-check writes for this ticket.")
      .def_property_readonly("ticket", [](const py_tracker& t) { return t.value.history().id(); });
}

}  // namespace

}  // namespace sla_python

PYBIND11_MODULE(_sla, m) {
  using namespace sla_python;
  m.doc() = "sla-engine's compiled core; import `sla`, not this module.";
  init_datetime();
  register_error_translator();
  define_policy(m);
  define_calendar(m);
  define_tracker(m);
  m.def("evaluate", &evaluate, "policy"_a, "events"_a, "now"_a, "ticket"_a = "",
        "Evaluates one ticket's events (mappings with sla-check's input keys) at `now`, in sla-check's order; "
        "`ticket` names it (default: the events' `ticket`, else \"ticket\").");
  m.def("_evaluate_columns", &evaluate_columns_entry, "policy"_a, "columns"_a, "now"_a, "output"_a, "errors"_a);
  m.def("_read_events", &read_events, "data"_a, "header"_a);
  m.def("parse_instant", [](const std::string& text) { return to_datetime(sla::parse_instant(text)); }, "text"_a,
        "Strict RFC 3339 with an offset, as a timezone-aware UTC datetime.");
  m.def("format_instant", [](py::handle t) { return sla::format_instant(to_instant(t, "t")); }, "t"_a,
        "YYYY-MM-DDTHH:MM:SSZ.");
  m.attr("__version__") = SLA_VERSION_STRING;
}
