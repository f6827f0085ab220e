// Quoting a user's value inside a message: the one place that decides how much of it is shown
// and how characters that would garble a one-line message are written.
#pragma once

#include <string>
#include <string_view>

namespace sla::detail {

// `"value"`, at most 40 characters of it followed by "…"; control characters as \n, \t, \xNN.
// Example: quote_value("08:00-18:00") == "\"08:00-18:00\"".
std::string quote_value(std::string_view value);

}  // namespace sla::detail
