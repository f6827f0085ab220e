// The one table of day names: `mon` … `sun` as policies and calendar specs write them, in the
// order of calendar_spec::hours ([0] = Monday).
#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace sla::detail {

inline constexpr std::array<std::string_view, 7> day_names{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
inline constexpr std::array<std::string_view, 7> full_day_names{"monday", "tuesday",  "wednesday", "thursday",
                                                                "friday", "saturday", "sunday"};

// "mon" → 0 … "sun" → 6; std::nullopt for anything else (names are lower case).
inline std::optional<std::size_t> day_index(std::string_view name) {
  for (std::size_t i = 0; i < day_names.size(); ++i)
    if (day_names[i] == name) return i;
  return std::nullopt;
}

// 0 (Monday) … 6 (Sunday) → std::chrono::weekday.
inline std::chrono::weekday weekday_of(std::size_t index) { return std::chrono::weekday{static_cast<unsigned>((index + 1) % 7)}; }

// A hint for a name that is not a day: "Monday" or "MON" → "write mon"; otherwise the list.
inline std::string day_hint(std::string_view name) {
  std::string lower;
  for (char c : name) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  for (std::size_t i = 0; i < day_names.size(); ++i)
    if (lower == day_names[i] || lower == full_day_names[i]) return "write " + std::string(day_names[i]);
  return "days are mon, tue, wed, thu, fri, sat, sun";
}

}  // namespace sla::detail
