// Small helpers the example programs share for writing JSON: a quoted, escaped string, an
// optional instant as a string or null.
#pragma once

#include <sla/time.hpp>

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>

namespace sla_examples {

// `"text"` with JSON escapes; bytes that are not valid UTF-8 are replaced by U+FFFD.
inline std::string json_quote(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      default: break;
    }
    if (c < 0x20) {
      out += fmt::format("\\u{:04x}", c);
      continue;
    }
    if (c < 0x80) {
      out += static_cast<char>(c);
      continue;
    }
    // A UTF-8 sequence: copy it when well formed.
    std::size_t len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = len > 0 && i + len <= s.size();
    for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) >> 6) == 0x2;
    if (ok) {
      out.append(s.substr(i, len));
      i += len - 1;
    } else {
      out += "\xEF\xBF\xBD";
    }
  }
  return out + "\"";
}

inline std::string json_instant(const std::optional<sla::instant>& t) {
  return t ? json_quote(sla::format_instant(*t)) : std::string("null");
}

}  // namespace sla_examples
