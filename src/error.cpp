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

error::error(error_code code, std::string message, source_position where, std::string path)
    : std::runtime_error(format_error(where, path, message)),
      code_(code),
      where_(std::move(where)),
      path_(std::move(path)),
      message_(std::move(message)) {}

}  // namespace sla
