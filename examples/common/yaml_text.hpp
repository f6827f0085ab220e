// Writing YAML that the library's reader reads back exactly: a string always double-quoted, so
// that names with colons, quotes, '#', a leading '-', "yes" or "null" stay strings.
#pragma once

#include <string>
#include <string_view>

#include "common/json_text.hpp"

namespace sla_examples {

// `"text"` with YAML's double-quoted escapes (those JSON shares, and \u escapes for DEL, the C1
// controls and U+FEFF); UTF-8 is kept as it is, and bytes that are not valid UTF-8 become
// U+FFFD. Example: yaml_quote("Tag der \"Einheit\": 3.10.") == "\"Tag der \\\"Einheit\\\": 3.10.\"".
inline std::string yaml_quote(std::string_view s) { return detail::quoted(s, true); }

}  // namespace sla_examples
