// sla/time.hpp — instants, RFC 3339 text, and time zones.
//
// An instant is a point in UTC with one-second resolution (std::chrono::sys_seconds). Text
// input is strict RFC 3339 with an explicit offset; output is UTC with a `Z`, or a local
// rendering that carries its offset. The supported range is [min_instant, max_instant]:
// 1900-01-01T00:00:00Z to 2200-01-01T00:00:00Z inclusive. See docs/semantics.md, 1.1 "Instants and their text".
//
// Time zones are IANA names read from the system tz database (honouring $TZDIR), `UTC`, or a
// fixed offset `+05:30` / `-03:00`. `EST` is what the tz database says it is (fixed UTC-5),
// which is not `America/New_York`.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace sla {

using instant = std::chrono::sys_seconds;

inline constexpr instant min_instant{std::chrono::sys_days{std::chrono::year{1900} / 1 / 1}};
inline constexpr instant max_instant{std::chrono::sys_days{std::chrono::year{2200} / 1 / 1}};

// Parses strict RFC 3339: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`. `T` and `Z` may be lower
// case. A fraction is truncated toward the past. A timestamp without an offset, a leap second
// (`:60`), an impossible date (`2026-02-30`) or an instant outside the supported range is an
// error. Example: parse_instant("2026-03-08T01:59:00-05:00") == 2026-03-08T06:59:00Z.
// Throws sla::error (invalid_timestamp or out_of_range).
instant parse_instant(std::string_view text);

// As parse_instant, but never throws: std::nullopt, with the reason in *why when given.
std::optional<instant> try_parse_instant(std::string_view text, std::string* why = nullptr) noexcept;

// `YYYY-MM-DDTHH:MM:SSZ`. Example: format_instant(parse_instant("2026-03-09T09:00:00-04:00"))
// == "2026-03-09T13:00:00Z".
std::string format_instant(instant t);

namespace detail {
struct zone_data;
}

// A time zone: an immutable value sharing its loaded rules; cheap to copy. Its functions take
// instants (and local readings) up to two days outside the supported range; beyond that they
// throw sla::error(out_of_range).
// Thread safety: all member functions are const and safe to call from any number of threads.
class time_zone {
 public:
  // Loads `UTC`, a fixed offset (`+05:30`, `-03:00`, `+0530`), or an IANA name from the tz
  // database. A name that is not in the database, or that tries to leave it (`../etc/passwd`),
  // throws sla::error(unknown_time_zone) naming the zone — never a silent fallback to UTC.
  static time_zone load(std::string_view name);
  static time_zone utc();

  // The name as given to load() ("America/New_York", "UTC", "+05:30").
  const std::string& name() const noexcept;

  // Offset from UTC in force at t. Example: America/New_York at 2026-03-08T07:00:00Z is -4h
  // (daylight time began at 2026-03-08T07:00:00Z), one second earlier it is -5h.
  std::chrono::seconds utc_offset(instant t) const;

  // The local wall-clock reading at t.
  std::chrono::local_seconds to_local(instant t) const;

  // The earliest instant at which the local wall clock reads `local` or later: for a time in a
  // skipped hour that is the transition, for a repeated time the first occurrence.
  // Example: America/New_York 2026-03-08 02:30 (skipped) → 2026-03-08T07:00:00Z (03:00 EDT).
  instant from_local_earliest(std::chrono::local_seconds local) const;

  // `2026-03-09T09:00:00-04:00`: the local reading of t with the offset in force.
  std::string format_local(instant t) const;

  friend bool operator==(const time_zone& a, const time_zone& b) noexcept { return a.name() == b.name(); }

  const detail::zone_data& data() const noexcept { return *data_; }  // for the library's own use

 private:
  explicit time_zone(std::shared_ptr<const detail::zone_data> data) : data_(std::move(data)) {}
  std::shared_ptr<const detail::zone_data> data_;
};

}  // namespace sla
