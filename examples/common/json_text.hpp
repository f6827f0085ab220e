// Small helpers the example programs share for writing JSON: a quoted, escaped string, an
// optional instant as a string or null.
#pragma once

#include <sla/time.hpp>

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>

namespace sla_examples {

namespace detail {

// A double-quoted string in the escapes JSON and YAML share (\" \\ \n \r \t, \u00XX for other
// control characters); bytes that are not valid UTF-8 become U+FFFD. `yaml`: also escape what
// YAML does not allow unescaped — DEL, the C1 controls (U+0085 is a line break there) and the
// byte-order mark.
inline std::string quoted(std::string_view s, bool yaml) {
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
    if (c < 0x20 || (yaml && c == 0x7F)) {
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
    if (!ok) {
      out += "\xEF\xBF\xBD";
      continue;
    }
    char32_t cp = len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (yaml && ((cp >= 0x80 && cp <= 0x9F) || cp == 0xFEFF))
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
    else
      out.append(s.substr(i, len));
    i += len - 1;
  }
  return out + "\"";
}

}  // namespace detail

// `"text"` with JSON escapes; bytes that are not valid UTF-8 are replaced by U+FFFD.
inline std::string json_quote(std::string_view s) { return detail::quoted(s, false); }

inline std::string json_instant(const std::optional<sla::instant>& t) {
  return t ? json_quote(sla::format_instant(*t)) : std::string("null");
}

}  // namespace sla_examples
