// The fast path against the brute-force reference (tests/reference), swept over random
// instants around both daylight-saving switches of 2026 in five zones, on calendars whose
// windows start, end or sit inside the skipped and repeated hours.
#include <catch2/catch.hpp>

#include <sla/calendar.hpp>

#include <random>

#include "reference/reference_calendar.hpp"

namespace {

using sla::instant;
using sla::parse_daily_window;
using std::chrono::seconds;

struct zone_case {
  const char* zone;
  const char* switches[2];  // the two 2026 offset changes, UTC
};

const zone_case zones[] = {
    {"America/New_York", {"2026-03-08T07:00:00Z", "2026-11-01T06:00:00Z"}},
    {"Australia/Sydney", {"2026-04-04T16:00:00Z", "2026-10-03T16:00:00Z"}},
    {"Europe/London", {"2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z"}},
    {"Australia/Lord_Howe", {"2026-04-04T15:00:00Z", "2026-10-03T15:30:00Z"}},
    {"Pacific/Chatham", {"2026-04-04T14:00:00Z", "2026-09-26T14:00:00Z"}},
};

std::vector<sla::calendar_spec> calendars_in(const std::string& zone) {
  auto w = [](const char* text) { return parse_daily_window(text); };
  std::vector<sla::calendar_spec> out;
  sla::calendar_spec office;  // Mon–Fri 09:00–17:00
  for (int d = 0; d < 5; ++d) office.hours[d] = {w("09:00-17:00")};
  out.push_back(office);
  out.push_back(sla::calendar_spec::always());
  sla::calendar_spec nights;  // every night 22:00–06:00, belonging to the evening's date
  for (auto& d : nights.hours) d = {w("22:00-06:00")};
  nights.holidays.push_back({std::chrono::year{2026} / 4 / 3, "Good Friday"});
  out.push_back(nights);
  sla::calendar_spec split;  // Mon–Sat split shift
  for (int d = 0; d < 6; ++d) split.hours[d] = {w("08:00-12:00"), w("13:00-17:00")};
  out.push_back(split);
  sla::calendar_spec edges;  // windows with edges in the skipped / repeated hour, overlapping
  for (auto& d : edges.hours) d = {w("01:30-02:30"), w("00:00-02:15"), w("02:45-03:15"), w("23:00-01:00")};
  edges.special_days.push_back({std::chrono::year{2026} / 4 / 5, {w("01:00-04:00")}, "special"});
  edges.holidays.push_back({std::chrono::year{2026} / 10 / 4, "closed"});
  edges.holidays.push_back({std::chrono::year{2026} / 3 / 8, "closed"});
  out.push_back(edges);
  for (auto& c : out) c.timezone = zone;
  return out;
}

}  // namespace

TEST_CASE("sweep: the fast path agrees with the brute-force reference around DST switches", "[calendar][reference]") {
  std::mt19937_64 rng(20261122);
  for (const auto& z : zones) {
    const std::vector<sla::calendar_spec> specs = calendars_in(z.zone);
    for (std::size_t index = 0; index < specs.size(); ++index) {
      const sla::calendar_spec& spec = specs[index];
      sla::business_calendar fast(spec);
      sla_ref::reference_calendar slow(spec);
      for (const char* sw : z.switches) {
        instant center = sla::parse_instant(sw);
        auto random_instant = [&] {
          long long minutes = static_cast<long long>(rng() % (8 * 1440)) - 4 * 1440;
          return center + seconds{minutes * 60};
        };
        for (int i = 0; i < 60; ++i) {
          instant a = random_instant(), b = random_instant();
          if (b < a) std::swap(a, b);
          INFO(z.zone << " calendar " << index << " a=" << sla::format_instant(a)
                      << " b=" << sla::format_instant(b));
          CHECK(fast.is_open(a) == slow.is_open(a));
          CHECK(fast.elapsed(a, b).count() == slow.elapsed(a, b));

          long long d = static_cast<long long>(rng() % (3 * 86400)) + 1;
          if (i % 4 == 0) d = (d / 60) * 60;  // whole minutes: lands on window edges
          auto ref_add = slow.add(a, d, 40);
          if (ref_add) CHECK(fast.add(a, seconds{d}) == ref_add);
          auto ref_sub = slow.subtract(b, d, 40);
          if (ref_sub) CHECK(fast.subtract(b, seconds{d}) == ref_sub);
          auto ref_open = slow.next_open(a, 40);
          if (ref_open) CHECK(fast.next_open(a) == ref_open);
          int n = static_cast<int>(rng() % 4);
          auto ref_days = slow.add_business_days(a, n, 40);
          if (ref_days) CHECK(fast.add_business_days(a, n) == ref_days);
          auto ref_next = slow.next_business_day_close(a, 40);
          if (ref_next) CHECK(fast.next_business_day_close(a) == ref_next);
        }
      }
    }
  }
}
