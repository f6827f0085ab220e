// The time-zone adapter's compiled form: the UTC offsets in force over the supported range as a
// sorted table, so that the rest of the library never calls cctz (or any tz code) on its hot
// path. Built once per zone name and shared (see zone.cpp).
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace sla::detail {

// Seconds since 1970-01-01T00:00:00Z: instants on the UTC axis, or wall-clock readings on the
// local ("civil") axis, depending on the name.
using seconds64 = std::int64_t;

struct zone_data {
  std::string name;
  // starts[0] is -infinity in effect (the table's lower margin); offsets[k] is in force on
  // [starts[k], starts[k+1]). Only real offset changes are listed (not abbreviation changes).
  std::vector<seconds64> starts;
  std::vector<std::int32_t> offsets;

  std::size_t segment_at(seconds64 t) const noexcept {
    auto it = std::upper_bound(starts.begin() + 1, starts.end(), t);
    return static_cast<std::size_t>(it - starts.begin()) - 1;
  }
  std::int32_t offset_at(seconds64 t) const noexcept { return offsets[segment_at(t)]; }

  // The first instant at which the wall clock reads `local` or later: the transition for a
  // skipped reading, the first occurrence for a repeated one.
  seconds64 first_reading_at_or_after(seconds64 local) const noexcept;
};

}  // namespace sla::detail
