// The examples of sla/time.hpp, and RFC 3339 text at its edges, checked on the library itself.
#include <catch2/catch.hpp>

#include <sla/error.hpp>
#include <sla/time.hpp>

#include <fmt/format.h>

#include <random>
#include <string>

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

TEST_CASE("time: the plain UTC form reads as the same instant with a +00:00 offset, over random seconds", "[time]") {
  // parse_instant reads 2026-03-08T06:59:00Z on a short path; the same text with "+00:00" (or a
  // lowercase z) goes the general way. Both must give the instant days_from_civil gives.
  auto days_from_civil = [](long long y, long long m, long long d) {  // H. Hinnant's algorithm, written out
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400, yoe = y - era * 400;
    const long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1, doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  };
  std::mt19937_64 random(3339);
  for (int i = 0; i < 20000; ++i) {
    const int y = 1900 + static_cast<int>(random() % 300), m = 1 + static_cast<int>(random() % 12);
    const int month_days[] = {31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int d = 1 + static_cast<int>(random() % static_cast<unsigned>(month_days[m - 1]));
    const int hh = static_cast<int>(random() % 24), mm = static_cast<int>(random() % 60), ss = static_cast<int>(random() % 60);
    const std::string text = fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}", y, m, d, hh, mm, ss);
    const long long expected = days_from_civil(y, m, d) * 86400 + hh * 3600 + mm * 60 + ss;
    REQUIRE(sla::parse_instant(text + "Z").time_since_epoch().count() == expected);
    REQUIRE(sla::parse_instant(text + "+00:00").time_since_epoch().count() == expected);
    REQUIRE(sla::try_parse_instant(text + "z")->time_since_epoch().count() == expected);
  }
  // What the short path does not take, the general one reports.
  std::string why;
  CHECK_FALSE(sla::try_parse_instant("2026-02-29T10:00:00Z", &why));
  CHECK(why.find("is not a date") != std::string::npos);
  CHECK_FALSE(sla::try_parse_instant("2026-11-23T24:00:00Z", &why));
  CHECK(why.find("hour 24") != std::string::npos);
  CHECK_FALSE(sla::try_parse_instant("2026-11-23T10:00:60Z", &why));
  CHECK(why.find("leap seconds") != std::string::npos);
  CHECK_FALSE(sla::try_parse_instant("1899-12-31T23:59:59Z", &why));
  CHECK(why.find("outside the supported range") != std::string::npos);
  CHECK_FALSE(sla::try_parse_instant("2026-11-23T1O:00:00Z", &why));
  CHECK(why.find("expected RFC 3339") != std::string::npos);
}
