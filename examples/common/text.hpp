// How the example programs show times and durations to people: a local time with its weekday
// and offset, a duration as hours and minutes.
#pragma once

#include <sla/time.hpp>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <string>

namespace sla_examples {

// "Mon 2026-11-23 10:15 +01:00" (seconds shown only when not zero).
inline std::string local_time_text(const sla::time_zone& zone, sla::instant t) {
  std::string rfc = zone.format_local(t);  // 2026-11-23T10:15:00+01:00
  auto local = std::chrono::floor<std::chrono::days>(zone.to_local(t));
  std::chrono::weekday day{std::chrono::sys_days{local.time_since_epoch()}};
  static constexpr const char* names[7] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  std::string hm = rfc.substr(11, 5), s = rfc.substr(17, 2), offset = rfc.substr(19);
  return fmt::format("{} {} {}{} {}", names[day.c_encoding()], rfc.substr(0, 10), hm, s == "00" ? "" : ":" + s,
                     offset == "Z" ? "+00:00" : offset);
}

// "8h00m", "-1h30m", "0h00m15s" (seconds shown only when not zero).
inline std::string duration_text(std::chrono::seconds d) {
  long long v = d.count() < 0 ? -d.count() : d.count();
  return fmt::format("{}{}h{:02d}m{}", d.count() < 0 ? "-" : "", v / 3600, v / 60 % 60, v % 60 ? fmt::format("{:02d}s", v % 60) : "");
}

}  // namespace sla_examples
