// The only file that talks to cctz. Loads a zone by name (IANA from the system tz database,
// honouring $TZDIR; `UTC`; fixed offsets) and flattens its offsets over the supported range into
// a table. Loaded zones are kept in a process-wide registry, so every calendar in a given zone
// shares one table; the registry is touched only when a zone is loaded, never on the hot path.
#include "tz/zone.hpp"

#include <sla/error.hpp>
#include <sla/time.hpp>

#include <cctz/time_zone.h>
#include <fmt/format.h>

#include <map>
#include <mutex>

namespace sla {
namespace detail {

// The table covers the supported range with a margin on each side, wide enough for any
// computation that looks a few days past either end.
constexpr seconds64 table_margin = 16 * 86400;

seconds64 zone_data::first_reading_at_or_after(seconds64 local) const noexcept {
  // Offsets lie within ±26h, so only segments overlapping [local-26h, local+26h] can matter.
  constexpr seconds64 reach = 26 * 3600;
  std::size_t first = segment_at(local - reach), last = segment_at(local + reach);
  seconds64 best = local + reach;
  for (std::size_t k = first; k <= last; ++k) {
    seconds64 lo = starts[k], hi = k + 1 < starts.size() ? starts[k + 1] : INT64_MAX;
    if (k == 0) lo = INT64_MIN;
    seconds64 u = std::max(lo, local - offsets[k]);
    if (u < hi) best = std::min(best, u);
  }
  return best;
}

}  // namespace detail

namespace {

using detail::seconds64;

std::string quote_value(std::string_view s) { return fmt::format("\"{}\"", s.substr(0, 80)); }

// `+05:30`, `-03:00`, `+0530`, `+05`: seconds east of UTC, or nothing when not of that form.
std::optional<int> parse_fixed_offset(std::string_view s) {
  if (s.size() < 3 || (s[0] != '+' && s[0] != '-')) return std::nullopt;
  auto two = [&](std::size_t p) -> int {
    if (p + 2 > s.size() || s[p] < '0' || s[p] > '9' || s[p + 1] < '0' || s[p + 1] > '9') return -1;
    return (s[p] - '0') * 10 + (s[p + 1] - '0');
  };
  int h = two(1), m = 0;
  if (h < 0) return std::nullopt;
  if (s.size() == 6 && s[3] == ':') m = two(4);
  else if (s.size() == 5) m = two(3);
  else if (s.size() != 3) return std::nullopt;
  if (m < 0 || h > 23 || m > 59) return std::nullopt;
  int total = h * 3600 + m * 60;
  return s[0] == '-' ? -total : total;
}

// An IANA-looking name: components of [A-Za-z0-9_+-], separated by '/', none of them `.` or
// `..`, no leading '/'. Rejects anything that could read a file outside the tz database.
bool plausible_iana_name(std::string_view s) {
  if (s.empty() || s.size() > 128 || s.front() == '/' || s.back() == '/') return false;
  if (s == "localtime") return false;  // cctz would read /etc/localtime
  std::size_t component = 0;
  for (char c : s) {
    if (c == '/') {
      if (component == 0) return false;
      component = 0;
      continue;
    }
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
              c == '+' || c == '-';
    if (!ok) return false;
    ++component;
  }
  return true;
}

std::shared_ptr<const detail::zone_data> build_fixed(std::string name, int offset) {
  auto z = std::make_shared<detail::zone_data>();
  z->name = std::move(name);
  z->starts = {min_instant.time_since_epoch().count() - detail::table_margin};
  z->offsets = {offset};
  return z;
}

std::shared_ptr<const detail::zone_data> build_from_cctz(std::string name, const cctz::time_zone& tz) {
  using tp = std::chrono::time_point<std::chrono::system_clock, std::chrono::seconds>;
  auto z = std::make_shared<detail::zone_data>();
  z->name = std::move(name);
  seconds64 from = min_instant.time_since_epoch().count() - detail::table_margin;
  seconds64 to = max_instant.time_since_epoch().count() + detail::table_margin;
  tp cursor{std::chrono::seconds{from}};
  z->starts.push_back(from);
  z->offsets.push_back(tz.lookup(cursor).offset);
  cctz::time_zone::civil_transition trans;
  while (tz.next_transition(cursor, &trans)) {
    // The transition instant: the civil reading just before it, in the offset before it.
    seconds64 before_offset = z->offsets.back();
    seconds64 at = (trans.from - cctz::civil_second(1970, 1, 1, 0, 0, 0)) - before_offset;
    if (at <= cursor.time_since_epoch().count()) break;  // defensive: never loop in place
    if (at > to) break;
    cursor = tp{std::chrono::seconds{at}};
    int after = tz.lookup(cursor).offset;
    if (after != z->offsets.back()) {
      z->starts.push_back(at);
      z->offsets.push_back(after);
    }
  }
  return z;
}

std::shared_ptr<const detail::zone_data> load_zone_data(std::string_view name) {
  if (name == "UTC" || name == "Z") return build_fixed(std::string(name), 0);
  if (auto fixed = parse_fixed_offset(name)) return build_fixed(std::string(name), *fixed);
  if (!plausible_iana_name(name))
    throw error(error_code::unknown_time_zone,
                fmt::format("{} is not a time zone: expected an IANA name such as America/New_York, UTC, or an "
                            "offset such as +05:30",
                            quote_value(name)));
  cctz::time_zone tz;
  if (!cctz::load_time_zone(std::string(name), &tz))
    throw error(error_code::unknown_time_zone,
                fmt::format("unknown time zone {}: not in the tz database (names are case-sensitive, e.g. "
                            "Europe/Berlin)",
                            quote_value(name)));
  return build_from_cctz(std::string(name), tz);
}

}  // namespace

time_zone time_zone::load(std::string_view name) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const detail::zone_data>, std::less<>> registry;
  {
    std::lock_guard lock(mutex);
    if (auto it = registry.find(name); it != registry.end()) return time_zone(it->second);
  }
  auto data = load_zone_data(name);  // outside the lock: loading reads a file
  std::lock_guard lock(mutex);
  auto [it, inserted] = registry.emplace(std::string(name), std::move(data));
  return time_zone(it->second);
}

time_zone time_zone::utc() {
  static const time_zone zone = load("UTC");
  return zone;
}

namespace {
// The zone tables cover the supported range with a margin; beyond it, offsets are not known and
// the arithmetic could overflow, so the zone functions refuse such instants.
void check_zone_range(std::int64_t t, const char* what) {
  constexpr std::int64_t lo = min_instant.time_since_epoch().count() - 2 * 86400;
  constexpr std::int64_t hi = max_instant.time_since_epoch().count() + 2 * 86400;
  if (t < lo || t > hi)
    throw error(error_code::out_of_range,
                fmt::format("{} {} s after 1970-01-01 is outside the supported range {} to {}", what, t,
                            format_instant(min_instant), format_instant(max_instant)));
}
}  // namespace

const std::string& time_zone::name() const noexcept { return data_->name; }

std::chrono::seconds time_zone::utc_offset(instant t) const {
  check_zone_range(t.time_since_epoch().count(), "instant");
  return std::chrono::seconds{data_->offset_at(t.time_since_epoch().count())};
}

std::chrono::local_seconds time_zone::to_local(instant t) const {
  return std::chrono::local_seconds{t.time_since_epoch() + utc_offset(t)};
}

instant time_zone::from_local_earliest(std::chrono::local_seconds local) const {
  check_zone_range(local.time_since_epoch().count(), "local time");
  return instant{std::chrono::seconds{data_->first_reading_at_or_after(local.time_since_epoch().count())}};
}

std::string time_zone::format_local(instant t) const {
  std::chrono::local_seconds local = to_local(t);
  auto day = std::chrono::floor<std::chrono::days>(local);
  std::chrono::year_month_day ymd{day};
  std::chrono::hh_mm_ss hms{local - day};
  long offset = utc_offset(t).count();
  char sign = offset < 0 ? '-' : '+';
  long a = offset < 0 ? -offset : offset;
  std::string off = a % 60 == 0 ? fmt::format("{}{:02d}:{:02d}", sign, a / 3600, a / 60 % 60)
                                 : fmt::format("{}{:02d}:{:02d}:{:02d}", sign, a / 3600, a / 60 % 60, a % 60);
  return fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}{}", int(ymd.year()), unsigned(ymd.month()),
                     unsigned(ymd.day()), hms.hours().count(), hms.minutes().count(), hms.seconds().count(), off);
}

}  // namespace sla
