// Calendar spec values: window text and the 24/7 spec. The YAML reader is in yaml/.
#include <sla/calendar.hpp>
#include <sla/error.hpp>

#include <fmt/format.h>

namespace sla {
namespace {

// Input quoted back in a message, cut short so that a huge value does not make a huge message.
std::string excerpt(std::string_view s) {
  return s.size() <= 40 ? std::string(s) : fmt::format("{}…", s.substr(0, 40));
}

// "HH:MM" or "HH:MM:SS" → seconds after midnight; 24:00 allowed only as an end.
std::optional<long> parse_clock(std::string_view s, bool is_end, std::string* why) {
  auto digits2 = [&](std::size_t p) -> int {
    if (p + 2 > s.size() || s[p] < '0' || s[p] > '9' || s[p + 1] < '0' || s[p + 1] > '9') return -1;
    return (s[p] - '0') * 10 + (s[p + 1] - '0');
  };
  if (s.size() != 5 && s.size() != 8) {
    *why = fmt::format("\"{}\" is not a time of day: expected HH:MM or HH:MM:SS", excerpt(s));
    return std::nullopt;
  }
  int h = digits2(0), m = s[2] == ':' ? digits2(3) : -1, sec = 0;
  if (s.size() == 8) sec = s[5] == ':' ? digits2(6) : -1;
  if (h < 0 || m < 0 || sec < 0) {
    *why = fmt::format("\"{}\" is not a time of day: expected HH:MM or HH:MM:SS", s);
    return std::nullopt;
  }
  if (h == 24 && m == 0 && sec == 0) {
    if (is_end) return 86400;
    *why = "24:00 can only end a window";
    return std::nullopt;
  }
  if (h > 23 || m > 59 || sec > 59) {
    *why = fmt::format("\"{}\" is not a time of day: hours run 00–23 (24:00 only as an end), minutes and "
                       "seconds 00–59",
                       s);
    return std::nullopt;
  }
  return h * 3600L + m * 60L + sec;
}

}  // namespace

daily_window parse_daily_window(std::string_view text) {
  auto dash = text.find('-');
  if (dash == std::string_view::npos || text.find('-', dash + 1) != std::string_view::npos)
    throw error(error_code::invalid_calendar,
                fmt::format("\"{}\" is not a window: expected \"HH:MM-HH:MM\" such as \"08:00-18:00\"", excerpt(text)));
  std::string why;
  auto start = parse_clock(text.substr(0, dash), false, &why);
  if (!start) throw error(error_code::invalid_calendar, why);
  auto end = parse_clock(text.substr(dash + 1), true, &why);
  if (!end) throw error(error_code::invalid_calendar, why);
  if (*start == *end)
    throw error(error_code::invalid_calendar,
                fmt::format("window \"{}\" is empty: its end equals its start (a whole day is \"00:00-24:00\")", excerpt(text)));
  if (*end == 0) end = 86400;  // "22:00-00:00" ends at midnight, as "22:00-24:00" does
  return daily_window{std::chrono::seconds{*start}, std::chrono::seconds{*end}};
}

calendar_spec calendar_spec::always(std::string zone) {
  calendar_spec spec;
  spec.timezone = std::move(zone);
  for (auto& day : spec.hours) day = {daily_window{std::chrono::seconds{0}, std::chrono::seconds{86400}}};
  return spec;
}

}  // namespace sla
