// The examples of sla/time.hpp's time_zone, on the hermetic fixture zones (tests/data/tz).
#include <catch2/catch.hpp>

#include <sla/error.hpp>
#include <sla/time.hpp>

using namespace std::chrono_literals;
using sla::parse_instant;

TEST_CASE("zones: the examples of time.hpp", "[tz]") {
  auto ny = sla::time_zone::load("America/New_York");
  // America/New_York at 2026-03-08T07:00:00Z is -4h: clocks went from 02:00 EST to 03:00 EDT at
  // 07:00Z that morning.
  CHECK(ny.utc_offset(parse_instant("2026-03-08T07:00:00Z")) == -4h);
  CHECK(ny.utc_offset(parse_instant("2026-03-08T06:59:59Z")) == -5h);
  // 2026-03-08 02:30 does not exist in New York: it maps to the transition, 07:00Z (03:00 EDT).
  auto skipped = std::chrono::local_days{std::chrono::year{2026} / 3 / 8} + 2h + 30min;
  CHECK(sla::format_instant(ny.from_local_earliest(skipped)) == "2026-03-08T07:00:00Z");
  // 2026-11-01 01:30 happens twice: the first, at EDT (UTC-4), is 05:30Z.
  auto repeated = std::chrono::local_days{std::chrono::year{2026} / 11 / 1} + 1h + 30min;
  CHECK(sla::format_instant(ny.from_local_earliest(repeated)) == "2026-11-01T05:30:00Z");
  CHECK(ny.format_local(parse_instant("2026-03-09T13:00:00Z")) == "2026-03-09T09:00:00-04:00");
}

TEST_CASE("zones: UTC, fixed offsets, and names the tz database does not have", "[tz]") {
  CHECK(sla::time_zone::load("UTC").utc_offset(parse_instant("2026-06-01T00:00:00Z")) == 0s);
  CHECK(sla::time_zone::load("+05:30").utc_offset(parse_instant("2026-06-01T00:00:00Z")) == 5h + 30min);
  CHECK(sla::time_zone::load("-03:00").utc_offset(parse_instant("2026-06-01T00:00:00Z")) == -3h);
  try {
    sla::time_zone::load("Mars/Olympus");
    FAIL("loaded a zone that does not exist");
  } catch (const sla::error& e) {
    CHECK(e.code() == sla::error_code::unknown_time_zone);
  }
}
