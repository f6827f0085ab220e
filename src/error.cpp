#include <sla/error.hpp>

#include <fmt/format.h>

namespace sla {

std::string format_error(const source_position& where, const std::string& path, const std::string& message) {
  std::string out;
  if (!where.source.empty()) {
    out += where.source;
    if (where.line > 0) {
      out += fmt::format(":{}", where.line);
      if (where.column > 0) out += fmt::format(":{}", where.column);
    }
    out += ": ";
  } else if (where.line > 0) {
    out += where.column > 0 ? fmt::format("{}:{}: ", where.line, where.column) : fmt::format("{}: ", where.line);
  }
  if (!path.empty()) {
    out += path;
    out += ": ";
  }
  out += message;
  return out;
}

std::string_view to_string(error_code code) {
  switch (code) {
    case error_code::invalid_timestamp: return "invalid_timestamp";
    case error_code::out_of_range: return "out_of_range";
    case error_code::unknown_time_zone: return "unknown_time_zone";
    case error_code::invalid_calendar: return "invalid_calendar";
    case error_code::invalid_policy: return "invalid_policy";
    case error_code::invalid_argument: return "invalid_argument";
    case error_code::io: return "io";
  }
  return "unknown";
}

std::string format_problem(const problem& p) {
  std::string message = p.severity == problem_severity::warning ? "warning: " + p.message : p.message;
  if (!p.hint.empty()) message += fmt::format(" ({})", p.hint);
  return format_error(p.where, p.path, message);
}

error to_error(const problem& p) {
  return error(p.code, p.hint.empty() ? p.message : fmt::format("{} ({})", p.message, p.hint), p.where, p.path);
}

error::error(error_code code, std::string message, source_position where, std::string path)
    : std::runtime_error(format_error(where, path, message)),
      code_(code),
      where_(std::move(where)),
      path_(std::move(path)),
      message_(std::move(message)) {}

}  // namespace sla
