// The examples of sla/time.hpp, and RFC 3339 text at its edges, checked on the library itself.
#include <catch2/catch.hpp>

#include <sla/error.hpp>
#include <sla/time.hpp>

using sla::format_instant;
using sla::parse_instant;

TEST_CASE("time: the examples of time.hpp", "[time]") {
  // parse_instant("2026-03-08T01:59:00-05:00") == 2026-03-08T06:59:00Z: 01:59 at UTC-5 is 06:59Z.
  CHECK(format_instant(parse_instant("2026-03-08T01:59:00-05:00")) == "2026-03-08T06:59:00Z");
  // format_instant(parse_instant("2026-03-09T09:00:00-04:00")) == "2026-03-09T13:00:00Z".
  CHECK(format_instant(parse_instant("2026-03-09T09:00:00-04:00")) == "2026-03-09T13:00:00Z");
}

TEST_CASE("time: a fraction of a second is truncated toward the past, an offset is required", "[time]") {
  CHECK(parse_instant("2026-03-08T06:59:00.999Z") == parse_instant("2026-03-08T06:59:00Z"));
  CHECK(parse_instant("2026-03-08t06:59:00z") == parse_instant("2026-03-08T06:59:00Z"));
  CHECK_THROWS_WITH(parse_instant("2026-03-08T06:59:00"), Catch::Contains("missing UTC offset"));
  CHECK_THROWS_AS(parse_instant("2026-02-30T00:00:00Z"), sla::error);
  CHECK_THROWS_AS(parse_instant("2026-03-08T23:59:60Z"), sla::error);
}

TEST_CASE("time: the supported range is 1900-01-01 to 2200-01-01", "[time]") {
  CHECK(format_instant(parse_instant("1900-01-01T00:00:00Z")) == "1900-01-01T00:00:00Z");
  CHECK(format_instant(parse_instant("2200-01-01T00:00:00Z")) == "2200-01-01T00:00:00Z");
  try {
    parse_instant("1899-12-31T23:59:59Z");
    FAIL("accepted an instant before 1900");
  } catch (const sla::error& e) {
    CHECK(e.code() == sla::error_code::out_of_range);
  }
}
