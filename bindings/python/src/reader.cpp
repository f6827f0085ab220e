#include "reader.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/event_reader.hpp"
#include "convert.hpp"

namespace sla_python {

namespace {

struct read_result {
  std::vector<sla_examples::event_line> events;
  std::vector<std::pair<long, std::string>> errors;
  long lines = 0;
};

// sla-check's reading loop (examples/common/event_reader.hpp, read_events) over a buffer.
read_result read_lines(std::string_view text, std::vector<std::string> header) {
  read_result out;
  simdjson::dom::parser parser;
  std::size_t from = 0;
  while (from < text.size()) {
    std::size_t end = text.find('\n', from);
    std::string line(text.substr(from, end == std::string_view::npos ? std::string_view::npos : end - from));
    from = end == std::string_view::npos ? text.size() : end + 1;
    ++out.lines;
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos) continue;
    sla_examples::event_line e;
    e.line = out.lines;
    std::string why;
    bool ok = false;
    if (line[first] == '{') {
      ok = sla_examples::detail::parse_json(parser, line, e, &why);
    } else {
      auto cells = sla_examples::split_csv(line);
      if (sla_examples::is_csv_header(cells)) {
        header = std::move(cells);
        continue;
      }
      if (header.empty()) why = "expected a JSON object, or a CSV header such as ticket,at,event,type,severity,status";
      else ok = sla_examples::detail::parse_csv(header, line, e, &why);
    }
    if (ok) out.events.push_back(std::move(e));
    else out.errors.emplace_back(out.lines, std::move(why));
  }
  return out;
}

py::object text_or_none(const std::string& s) { return none_if_empty(s); }

py::dict columns_of(const std::vector<sla_examples::event_line>& events) {
  py::list ticket, event, type, severity, plan, region, timezone, country, status, users;
  std::vector<std::int64_t> line, at;
  for (const auto& l : events) {
    const sla::ticket_event& e = l.event;
    line.push_back(l.line);
    at.push_back(e.at.time_since_epoch().count() * 1'000'000'000);
    ticket.append(l.ticket);
    event.append(e.kind == sla::event_kind::custom ? e.name : std::string(sla::to_string(e.kind)));
    type.append(text_or_none(e.type)), severity.append(text_or_none(e.severity)), plan.append(text_or_none(e.plan));
    region.append(text_or_none(e.region)), timezone.append(text_or_none(e.timezone));
    country.append(text_or_none(e.country)), status.append(text_or_none(e.status));
    users.append(e.users_affected ? py::object(py::int_(*e.users_affected)) : py::object(py::none()));
  }
  py::dict c;
  c["line"] = py::array_t<std::int64_t>(line.size(), line.data());
  c["ticket"] = ticket, c["at"] = py::array_t<std::int64_t>(at.size(), at.data()), c["event"] = event;
  c["type"] = type, c["severity"] = severity, c["plan"] = plan, c["region"] = region, c["timezone"] = timezone;
  c["country"] = country, c["status"] = status, c["users_affected"] = users;
  return c;
}

}  // namespace

py::dict read_events(const py::bytes& data, const py::object& header) {
  std::string text = data;
  std::vector<std::string> cells = header.is_none() ? std::vector<std::string>{} : header.cast<std::vector<std::string>>();
  read_result r;
  {
    py::gil_scoped_release unlocked;
    r = read_lines(text, std::move(cells));
  }
  py::dict out;
  out["columns"] = columns_of(r.events);
  out["errors"] = py::cast(r.errors);
  out["lines"] = r.lines;
  return out;
}

}  // namespace sla_python
