// Shared by the holiday tests: a date as YYYY-MM-DD, a bundled holiday set by file name.
#pragma once

#include <sla/holiday.hpp>

#include <cstdio>
#include <string>

namespace holiday_test {

inline std::string text(std::chrono::year_month_day d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(d.year()), unsigned(d.month()), unsigned(d.day()));
  return buf;
}

// policies/holidays/<file>.
inline sla::holiday_set load(const std::string& file) {
  return sla::load_holiday_set(std::string(SLA_SOURCE_DIR "/policies/holidays/") + file);
}

}  // namespace holiday_test
