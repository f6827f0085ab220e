#include "reader.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
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
  simdjson::ondemand::parser parser;
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
      line.reserve(line.size() + simdjson::SIMDJSON_PADDING);  // On-Demand reads past the end
      ok = sla_examples::detail::parse_json(parser, line.data(), line.size(), e.event, e.ticket, &why);
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

// A column of few distinct values (event names, types, statuses, zones, …) as a pandas
// Categorical's codes and categories: cheap to build, to ship between Dask workers, and to read
// back in evaluate_frame. "" (not given) is code -1.
class category_column {
 public:
  void push(const std::string& value) {
    if (value.empty()) return codes_.push_back(-1);
    auto [it, added] = index_.try_emplace(value, static_cast<std::int64_t>(categories_.size()));
    if (added) categories_.push_back(value);
    codes_.push_back(it->second);
  }
  py::tuple to_py() const {
    return py::make_tuple(py::array_t<std::int64_t>(codes_.size(), codes_.data()), py::cast(categories_));
  }

 private:
  std::vector<std::int64_t> codes_;
  std::vector<std::string> categories_;
  std::unordered_map<std::string, std::int64_t> index_;
};

py::dict columns_of(const std::vector<sla_examples::event_line>& events) {
  py::list ticket;
  category_column event, type, severity, plan, region, timezone, country, status;
  std::vector<std::int64_t> line, at, users;
  std::vector<bool> no_users;
  for (const auto& l : events) {
    const sla::ticket_event& e = l.event;
    line.push_back(l.line);
    at.push_back(e.at.time_since_epoch().count() * 1'000'000'000);
    ticket.append(l.ticket);
    event.push(e.kind == sla::event_kind::custom ? e.name : std::string(sla::to_string(e.kind)));
    type.push(e.type), severity.push(e.severity), plan.push(e.plan), region.push(e.region), timezone.push(e.timezone);
    country.push(e.country), status.push(e.status);
    users.push_back(e.users_affected.value_or(0)), no_users.push_back(!e.users_affected);
  }
  py::array_t<bool> users_mask(no_users.size());
  for (std::size_t i = 0; i < no_users.size(); ++i) users_mask.mutable_at(i) = no_users[i];
  py::dict c;
  c["line"] = py::array_t<std::int64_t>(line.size(), line.data());
  c["ticket"] = ticket, c["at"] = py::array_t<std::int64_t>(at.size(), at.data()), c["event"] = event.to_py();
  c["type"] = type.to_py(), c["severity"] = severity.to_py(), c["plan"] = plan.to_py(), c["region"] = region.to_py();
  c["timezone"] = timezone.to_py(), c["country"] = country.to_py(), c["status"] = status.to_py();
  c["users_affected"] = py::make_tuple(py::array_t<std::int64_t>(users.size(), users.data()), users_mask);
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
