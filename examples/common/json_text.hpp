// Small helpers the example programs share for writing JSON: a quoted, escaped string, an
// optional instant as a string or null.
#pragma once

#include <sla/time.hpp>

#include <fmt/format.h>

#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace sla_examples {

namespace detail {

// A double-quoted string in the escapes JSON and YAML share (\" \\ \n \r \t, \u00XX for other
// control characters); bytes that are not valid UTF-8 become U+FFFD. `yaml`: also escape what
// YAML does not allow unescaped — DEL, the C1 controls (U+0085 is a line break there) and the
// byte-order mark.
inline void quoted_to(std::string& out, std::string_view s, bool yaml) {
  out += '"';
  // The common case: nothing to escape.
  bool plain = true;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
      plain = false;
      break;
    }
  }
  if (plain) {
    out.append(s);
    out += '"';
    return;
  }
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
  out += '"';
}

inline std::string quoted(std::string_view s, bool yaml) {
  std::string out;
  quoted_to(out, s, yaml);
  return out;
}

}  // namespace detail

// `"text"` with JSON escapes; bytes that are not valid UTF-8 are replaced by U+FFFD.
inline std::string json_quote(std::string_view s) { return detail::quoted(s, false); }

inline void json_quote_to(std::string& out, std::string_view s) { detail::quoted_to(out, s, false); }

namespace detail {
// `"2026-11-23T10:00:00Z"` (22 bytes) written at `to` for a time of the years 0000–9999; false
// (nothing written) for another.
inline bool instant_chars(char* to, sla::instant t) noexcept {
  const long long s = t.time_since_epoch().count();
  long long days = s / 86400, rest = s % 86400;
  if (rest < 0) rest += 86400, --days;
  // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
  const long long z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
  const long long doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
  const long long d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9, y = yoe + era * 400 + (m <= 2);
  if (y < 0 || y > 9999) return false;
  std::memcpy(to, "\"0000-00-00T00:00:00Z\"", 22);
  auto two = [&](int at, long long v) {
    to[at] = static_cast<char>('0' + v / 10);
    to[at + 1] = static_cast<char>('0' + v % 10);
  };
  two(1, y / 100);
  two(3, y % 100);
  two(6, m);
  two(9, d);
  two(12, rest / 3600);
  two(15, rest / 60 % 60);
  two(18, rest % 60);
  return true;
}
}  // namespace detail

// `"2026-11-23T10:00:00Z"`, appended; `null` when there is none.
inline void json_instant_to(std::string& out, const std::optional<sla::instant>& t) {
  if (!t) {
    out += "null";
    return;
  }
  char text[22];
  if (detail::instant_chars(text, *t)) out.append(text, 22);
  else json_quote_to(out, sla::format_instant(*t));
}

inline std::string json_instant(const std::optional<sla::instant>& t) {
  std::string out;
  json_instant_to(out, t);
  return out;
}

}  // namespace sla_examples
