// Writing YAML that the library's reader reads back exactly: a string always double-quoted, so
// that names with colons, quotes, '#', a leading '-', "yes" or "null" stay strings.
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>

namespace sla_examples {

// `"text"` with YAML's double-quoted escapes (\" \\ \n \t, \xNN for other control characters,
// \uNNNN for the C1 controls and U+FEFF); UTF-8 is kept as it is, and bytes that are not valid
// UTF-8 become U+FFFD. Example: yaml_quote("Tag der \"Einheit\": 3.10.") == "\"Tag der \\\"Einheit\\\": 3.10.\"".
inline std::string yaml_quote(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\n': out += "\\n"; continue;
      case '\t': out += "\\t"; continue;
      default: break;
    }
    if (c < 0x20 || c == 0x7F) {
      out += fmt::format("\\x{:02x}", c);
      continue;
    }
    if (c < 0x80) {
      out += static_cast<char>(c);
      continue;
    }
    std::size_t len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = len > 0 && i + len <= s.size();
    for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) >> 6) == 0x2;
    if (!ok) {
      out += "\xEF\xBF\xBD";
      continue;
    }
    char32_t cp = len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    // Not printable in YAML: C1 controls (U+0085 is a line break there) and the byte-order mark.
    if ((cp >= 0x80 && cp <= 0x9F) || cp == 0xFEFF)
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
    else
      out.append(s.substr(i, len));
    i += len - 1;
  }
  return out + "\"";
}

}  // namespace sla_examples
