#include "frame.hpp"

#include <sla/ticket.hpp>

#include <fmt/format.h>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <limits>
#include <unordered_map>
#include <vector>

#include "convert.hpp"
#include "shared/bindings.hpp"

namespace sla_python {

namespace {

enum class error_mode { raise, report };

constexpr const char* event_fields[] = {"type", "severity", "plan", "region", "timezone", "country", "status", "users_affected"};

// ---- Reading the rows (GIL held) -------------------------------------------------------------

struct event_rows {
  std::vector<std::string> ticket;
  std::vector<sla::ticket_event> event;
  std::vector<long> line;
  std::vector<std::string> problem;  // why the row cannot be used; "" when it can
};

// A column of the events: a list of Python values, or a pandas Categorical given as
// ("categorical", codes, categories), whose categories are turned into text once.
class column_view {
 public:
  column_view() = default;
  column_view(py::handle value, const char* name, std::size_t rows) : name_(name) {
    if (py::isinstance<py::tuple>(value)) {
      py::tuple t = py::reinterpret_borrow<py::tuple>(value);
      codes_ = t[1].cast<py::array_t<std::int64_t, py::array::forcecast>>();
      for (py::handle c : py::reinterpret_borrow<py::list>(t[2])) categories_.push_back(category(c));
      categorical_ = true;
      check_size(static_cast<std::size_t>(codes_.size()), rows);
    } else {
      list_ = py::reinterpret_borrow<py::list>(value);
      check_size(list_.size(), rows);
    }
  }

  // Row i as text; nothing when missing. Throws sla::error for a value that is not text or a
  // whole number.
  std::optional<std::string> text(std::size_t i) const {
    if (!categorical_) return to_text(list_[i], name_);
    std::int64_t code = codes_.at(i);
    if (code < 0) return std::nullopt;
    const auto& c = categories_.at(static_cast<std::size_t>(code));
    if (!c.why.empty()) throw sla::error(sla::error_code::invalid_argument, c.why);
    return c.text;
  }

  py::handle value(std::size_t i) const { return list_[i]; }  // a list column's item
  bool categorical() const { return categorical_; }

 private:
  struct category_text {
    std::optional<std::string> text;
    std::string why;  // why it is not acceptable; "" when it is
  };
  category_text category(py::handle c) const {
    try {
      return {to_text(c, name_), {}};
    } catch (const sla::error& e) {
      return {std::nullopt, e.message()};
    }
  }
  void check_size(std::size_t size, std::size_t rows) const {
    if (size != rows) throw py::value_error(fmt::format("column {} has {} values, column ticket {}", name_, size, rows));
  }

  const char* name_ = "";
  py::list list_;
  py::array_t<std::int64_t> codes_;
  std::vector<category_text> categories_;
  bool categorical_ = false;
};

// The `at` column: instants as text or datetimes (a list), or whole seconds since 1970
// ("at_seconds", with the smallest int64 for a missing one).
class at_view {
 public:
  at_view(const py::dict& columns, std::size_t rows) {
    if (columns.contains("at_seconds")) {
      seconds_ = py::reinterpret_borrow<py::object>(columns["at_seconds"]).cast<py::array_t<std::int64_t, py::array::forcecast>>();
      by_seconds_ = true;
    } else {
      values_ = column_view(columns["at"], "at", rows);
    }
  }

  sla::instant at(std::size_t i) const {
    if (!by_seconds_) return to_instant(values_.value(i), "at");
    std::int64_t s = seconds_.at(i);
    if (s == std::numeric_limits<std::int64_t>::min()) throw sla::error(sla::error_code::invalid_timestamp, "at: missing");
    sla::instant t{std::chrono::seconds{s}};
    if (t < sla::min_instant || t > sla::max_instant)
      throw sla::error(sla::error_code::out_of_range,
                       fmt::format("at: {} is outside the supported range 1900-01-01T00:00:00Z .. 2200-01-01T00:00:00Z",
                                   sla::format_instant(t)));
    return t;
  }

 private:
  bool by_seconds_ = false;
  py::array_t<std::int64_t> seconds_;
  column_view values_;
};

struct event_columns {
  column_view ticket, event;
  std::optional<at_view> at;
  std::vector<std::pair<const char*, column_view>> fields;
};

// Reads row i into rows; returns why it cannot be used ("" when it can).
std::string read_row(std::size_t i, const event_columns& c, event_rows& rows) {
  try {
    auto id = c.ticket.text(i);
    if (!id || id->empty()) return "missing ticket";
    rows.ticket[i] = *id;
    sla::ticket_event& e = rows.event[i];
    auto kind = c.event.text(i);
    if (!kind) return "missing event";
    sla_bindings::set_event_kind(e, *kind);
    e.at = c.at->at(i);
    for (const auto& [name, values] : c.fields)
      if (auto text = values.text(i)) sla_bindings::set_event_field(e, name, *text);
    return {};
  } catch (const sla::error& e) {
    return e.message();
  } catch (const py::builtin_exception& e) {  // a value of the wrong type
    return e.what();
  }
}

std::size_t row_count(py::handle ticket) {
  if (py::isinstance<py::tuple>(ticket)) return py::len(py::reinterpret_borrow<py::tuple>(ticket)[1]);
  return py::len(ticket);
}

event_rows read_rows(const py::dict& columns, error_mode mode) {
  if (!columns.contains("ticket") || !columns.contains("event") || (!columns.contains("at") && !columns.contains("at_seconds")))
    throw py::value_error("the events need the columns ticket, at and event");
  std::size_t n = row_count(columns["ticket"]);
  event_columns c{column_view(columns["ticket"], "ticket", n), column_view(columns["event"], "event", n), at_view(columns, n), {}};
  for (const char* name : event_fields)
    if (columns.contains(name)) c.fields.emplace_back(name, column_view(columns[name], name, n));
  std::optional<py::array_t<std::int64_t>> lines;
  if (columns.contains("line"))
    lines = py::reinterpret_borrow<py::object>(columns["line"]).cast<py::array_t<std::int64_t, py::array::forcecast>>();
  if (lines && static_cast<std::size_t>(lines->size()) != n) throw py::value_error("column line has another length");

  event_rows rows{std::vector<std::string>(n), std::vector<sla::ticket_event>(n), std::vector<long>(n),
                  std::vector<std::string>(n)};
  for (std::size_t i = 0; i < n; ++i) {
    rows.line[i] = lines ? static_cast<long>(lines->at(i)) : static_cast<long>(i + 1);
    rows.problem[i] = read_row(i, c, rows);
    if (!rows.problem[i].empty() && mode == error_mode::raise)
      throw sla::error(sla::error_code::invalid_argument, fmt::format("row {}: {}", rows.line[i], rows.problem[i]));
  }
  return rows;
}

// ---- Evaluating (GIL released) -----------------------------------------------------------------

struct ticket_result {
  std::string id;
  std::vector<std::size_t> rows;  // its usable rows, in frame order
  std::optional<sla::ticket_evaluation> evaluation;
  std::string json;
};

struct problem_row {
  std::optional<long> line;  // none for a ticket whose evaluation failed
  std::string ticket;
  std::string message;
};

struct evaluation_run {
  std::vector<ticket_result> tickets;  // in the order of their first usable row
  std::vector<problem_row> problems;   // by line; evaluation failures last
};

std::vector<ticket_result> group_by_ticket(const event_rows& rows, std::vector<problem_row>& problems) {
  std::vector<ticket_result> tickets;
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < rows.ticket.size(); ++i) {
    if (!rows.problem[i].empty()) {
      problems.push_back({rows.line[i], rows.ticket[i], rows.problem[i]});
      continue;
    }
    auto [it, added] = index.try_emplace(rows.ticket[i], tickets.size());
    if (added) tickets.push_back({rows.ticket[i], {}, std::nullopt, {}});
    tickets[it->second].rows.push_back(i);
  }
  return tickets;
}

// Evaluates one ticket; its events are moved out of `rows`.
void evaluate_ticket(const sla::policy& p, event_rows& rows, sla::instant now, bool json, error_mode mode,
                     ticket_result& t, std::vector<problem_row>& problems) {
  std::vector<sla::ticket_event> events;
  events.reserve(t.rows.size());
  for (std::size_t r : t.rows) events.push_back(std::move(rows.event[r]));
  sla::ticket ticket(t.id);
  for (std::size_t k : sla_bindings::history_order(events)) {
    try {
      ticket.append(events[k], &p);
    } catch (const sla::error& e) {
      if (mode == error_mode::raise) throw;
      problems.push_back({rows.line[t.rows[k]], t.id, e.what()});
    }
  }
  if (ticket.events().empty()) return;
  try {
    t.evaluation = sla::evaluate(p, ticket, now);
  } catch (const sla::error& e) {
    if (mode == error_mode::raise) throw;
    problems.push_back({std::nullopt, t.id, fmt::format("ticket {}: {}", t.id, e.what())});
    return;
  }
  if (json) t.json = sla_bindings::evaluation_json(t.id, *t.evaluation);
}

evaluation_run evaluate_rows(const sla::policy& p, event_rows& rows, sla::instant now, bool json, error_mode mode) {
  evaluation_run run;
  run.tickets = group_by_ticket(rows, run.problems);
  for (auto& t : run.tickets) evaluate_ticket(p, rows, now, json, mode, t, run.problems);
  std::stable_sort(run.problems.begin(), run.problems.end(), [](const problem_row& a, const problem_row& b) {
    if (a.line.has_value() != b.line.has_value()) return a.line.has_value();
    return a.line && *a.line < *b.line;
  });
  return run;
}

// ---- The answer as columns (GIL held) ----------------------------------------------------------

struct text_column {
  py::list values;
  void push(const std::string& s) { values.append(none_if_empty(s)); }
  void push_none() { values.append(py::none()); }
};

// Nanoseconds since 1970 for pandas' datetime64[ns, UTC]; NaT is the smallest int64.
struct time_column {
  std::vector<std::int64_t> ns;
  void push(const std::optional<sla::instant>& t) {
    ns.push_back(t ? t->time_since_epoch().count() * 1'000'000'000 : std::numeric_limits<std::int64_t>::min());
  }
  py::array_t<std::int64_t> to_array() const { return py::array_t<std::int64_t>(ns.size(), ns.data()); }
};

struct int_column {
  std::vector<std::int64_t> values;
  std::vector<bool> missing;
  void push(std::int64_t v) { values.push_back(v), missing.push_back(false); }
  void push_none() { values.push_back(0), missing.push_back(true); }
  // (values, mask): the mask is None when nothing is missing.
  py::tuple to_py() const {
    py::array_t<std::int64_t> v(values.size(), values.data());
    if (std::none_of(missing.begin(), missing.end(), [](bool m) { return m; })) return py::make_tuple(v, py::none());
    py::array_t<bool> mask(missing.size());
    for (std::size_t i = 0; i < missing.size(); ++i) mask.mutable_at(i) = missing[i];
    return py::make_tuple(v, mask);
  }
};

struct float_column {
  std::vector<double> values;
  void push(double v) { values.push_back(v); }
  void push_none() { values.push_back(std::numeric_limits<double>::quiet_NaN()); }
  py::array_t<double> to_array() const { return py::array_t<double>(values.size(), values.data()); }
};

py::object completed_cycles(const std::vector<sla::completed_cycle>& cycles) {
  py::list out;
  if (cycles.empty()) return out;
  py::object make = py::module_::import("sla._results").attr("CompletedCycle");
  for (const auto& c : cycles)
    out.append(make(py::arg("start") = to_datetime(c.start), py::arg("end") = to_datetime(c.end),
                    py::arg("outcome") = std::string(sla::to_string(c.outcome)), py::arg("met_at") = to_datetime(c.met_at),
                    py::arg("breached_at") = to_datetime(c.breached_at), py::arg("accrued_seconds") = c.accrued.count()));
  return out;
}

// One row per ticket and target.
struct row_columns {
  text_column ticket, type, severity, plan, region, country, target, calendar, amount, state, escalation, rule, error;
  time_column deadline, met_at, breached_at, next_change;
  int_column target_seconds, accrued_seconds, remaining_seconds, cycles, line;
  float_column percent;
  py::list warnings, completed;

  void push_ticket(const std::string& id, const sla::ticket_evaluation& ev) {
    ticket.push(id), type.push(ev.type), severity.push(ev.severity), plan.push(ev.plan), region.push(ev.region);
    country.push(ev.country), next_change.push(ev.next_change);
  }

  void push_target(const sla::target_status& s) {
    target.push(s.name), calendar.push(s.calendar), amount.push(sla::format_target_amount(s.amount));
    state.push(std::string(sla::to_string(s.state)));
    deadline.push(s.deadline), met_at.push(s.met_at), breached_at.push(s.breached_at);
    target_seconds.push(s.target.count()), accrued_seconds.push(s.accrued.count()), remaining_seconds.push(s.remaining.count());
    percent.push(s.percent);
    warnings.append(py::cast(s.warnings));
    escalation.push(s.escalation.value_or(""));
    cycles.push(s.cycles);
    completed.append(completed_cycles(s.completed));
    rule.push(s.rule);
    line.push_none(), error.push_none();
  }

  void push_no_target() {
    for (auto* c : {&target, &calendar, &amount, &state, &escalation, &rule, &error}) c->push_none();
    for (auto* c : {&deadline, &met_at, &breached_at}) c->push(std::nullopt);
    for (auto* c : {&target_seconds, &accrued_seconds, &remaining_seconds, &cycles, &line}) c->push_none();
    percent.push_none();
    warnings.append(py::list()), completed.append(py::list());
  }

  void push_problem(const problem_row& p) {
    for (auto* c : {&type, &severity, &plan, &region, &country}) c->push_none();
    ticket.push(p.ticket), next_change.push(std::nullopt);
    push_no_target();
    line.values.back() = p.line.value_or(0), line.missing.back() = !p.line;
    error.values[error.values.size() - 1] = py::str(p.message);
  }

  py::dict to_py(bool with_errors) const {
    py::dict columns;
    auto put_text = [&](const char* name, const text_column& c) { columns[name] = c.values; };
    put_text("ticket", ticket), put_text("type", type), put_text("severity", severity), put_text("plan", plan);
    put_text("region", region), put_text("country", country), put_text("target", target), put_text("calendar", calendar);
    put_text("amount", amount), put_text("state", state);
    columns["deadline"] = deadline.to_array(), columns["met_at"] = met_at.to_array();
    columns["breached_at"] = breached_at.to_array();
    columns["target_seconds"] = target_seconds.to_py(), columns["accrued_seconds"] = accrued_seconds.to_py();
    columns["remaining_seconds"] = remaining_seconds.to_py(), columns["percent"] = percent.to_array();
    columns["warnings"] = warnings, put_text("escalation", escalation), columns["cycles"] = cycles.to_py();
    columns["completed_cycles"] = completed, put_text("rule", rule), columns["next_change"] = next_change.to_array();
    if (with_errors) columns["line"] = line.to_py(), put_text("error", error);
    return columns;
  }
};

py::dict rows_answer(const evaluation_run& run, bool with_errors) {
  row_columns out;
  for (const auto& p : run.problems) out.push_problem(p);
  for (const auto& t : run.tickets) {
    if (!t.evaluation) continue;
    for (const auto& s : t.evaluation->targets) out.push_ticket(t.id, *t.evaluation), out.push_target(s);
    if (t.evaluation->targets.empty()) out.push_ticket(t.id, *t.evaluation), out.push_no_target();
  }
  py::dict answer;
  answer["columns"] = out.to_py(with_errors);
  answer["time_columns"] = py::make_tuple("deadline", "met_at", "breached_at", "next_change");
  answer["int_columns"] = with_errors ? py::make_tuple("target_seconds", "accrued_seconds", "remaining_seconds", "cycles", "line")
                                      : py::make_tuple("target_seconds", "accrued_seconds", "remaining_seconds", "cycles");
  return answer;
}

// One row per ticket: its sla-check line; with errors, first one row per problem, whose json
// is sla-check's {"line": N, "error": …} (None for an evaluation that failed: sla-check writes
// that to standard error).
py::dict json_answer(const evaluation_run& run, bool with_errors) {
  text_column ticket, json, error;
  int_column line;
  for (const auto& p : run.problems) {
    ticket.push(p.ticket), error.push(p.message);
    if (p.line) json.push(sla_bindings::error_json(*p.line, p.message)), line.push(*p.line);
    else json.push_none(), line.push_none();
  }
  for (const auto& t : run.tickets) {
    if (!t.evaluation) continue;
    ticket.push(t.id), json.push(t.json), error.push_none(), line.push_none();
  }
  py::dict columns;
  columns["ticket"] = ticket.values;
  columns["json"] = json.values;
  if (with_errors) columns["line"] = line.to_py(), columns["error"] = error.values;
  py::dict answer;
  answer["columns"] = columns;
  answer["time_columns"] = py::tuple();
  answer["int_columns"] = with_errors ? py::make_tuple("line") : py::tuple();
  return answer;
}

}  // namespace

py::dict evaluate_columns(const sla::policy& p, const py::dict& columns, sla::instant now, const std::string& output,
                          const std::string& errors) {
  if (output != "rows" && output != "json")
    throw py::value_error(fmt::format("output must be \"rows\" or \"json\", not \"{}\"", output));
  if (errors != "raise" && errors != "report")
    throw py::value_error(fmt::format("errors must be \"raise\" or \"report\", not \"{}\"", errors));
  error_mode mode = errors == "raise" ? error_mode::raise : error_mode::report;
  bool json = output == "json";

  event_rows rows = read_rows(columns, mode);
  evaluation_run run;
  {
    py::gil_scoped_release unlocked;  // the library touches no Python object
    run = evaluate_rows(p, rows, now, json, mode);
  }
  return json ? json_answer(run, mode == error_mode::report) : rows_answer(run, mode == error_mode::report);
}

}  // namespace sla_python
