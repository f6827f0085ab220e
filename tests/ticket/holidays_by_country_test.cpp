// Holidays chosen by a ticket's country (docs/semantics.md 2.18): policies/examples/global-desk.yaml
// has one calendar, Mon–Fri 09:00–17:00 UTC, with {country: ticket, default: US} and a company
// closure on 30–31 Dec 2027; regions americas (US), uk (GB-ENG), dach (DE), japan (JP). Every
// ticket is created Friday 2027-12-24 16:00Z with first_response 8h (normal severity). The
// holidays around it, from the bundled sets (error columns below count the line's first
// character as 1):
//   US: Christmas Sat 25 Dec is observed Fri 24 (nearest weekday); New Year 2028 (Sat) Fri 31.
//   GB-ENG: Christmas Sat 25 → Mon 27, Boxing Day Sun 26 → Tue 28; New Year (Sat) → Mon 3 Jan.
//   DE: 25 and 26 Dec fall on the weekend and are not moved; 24 Dec is a working day.
#include <catch2/catch.hpp>

#include <sla/ticket.hpp>

#include "ticket/ticket_history.hpp"

namespace {

using sla::parse_instant;
using ticket_test::target;

const sla::policy& desk() { return ticket_test::seed("examples/global-desk.yaml"); }

sla::ticket created(const char* region, const char* country) {
  sla::ticket t{"T"};
  sla::ticket_event e;
  e.at = parse_instant("2027-12-24T16:00:00Z");
  e.kind = sla::event_kind::created;
  e.type = "question";
  e.severity = "normal";
  e.region = region;
  e.country = country;
  t.append(e, &desk());
  return t;
}

std::string deadline_of(const sla::ticket& t, const char* name, const char* now = "2027-12-24T16:30:00Z") {
  auto ev = sla::evaluate(desk(), t, parse_instant(now));
  const auto& s = target(ev, name);
  return s.deadline ? sla::format_instant(*s.deadline) : "none";
}

}  // namespace

TEST_CASE("holidays by country: the ticket's country, its region's, or the default", "[ticket][holidays]") {
  // GB-ENG by region: 1h on Fri (16–17), Sat–Tue closed, Wed 29 09:00 + 7h = 16:00.
  CHECK(deadline_of(created("uk", ""), "first_response") == "2027-12-29T16:00:00Z");
  // DE by the ticket's own country (in the default region): Fri 1h, Mon 27 09:00 + 7h = 16:00.
  CHECK(deadline_of(created("", "DE"), "first_response") == "2027-12-27T16:00:00Z");
  // The default region americas (US): Fri 24 is closed (observed Christmas), so the clock
  // starts Mon 27 09:00: 8h → 17:00.
  CHECK(deadline_of(created("", ""), "first_response") == "2027-12-27T17:00:00Z");
  // The ticket's own country wins over its region's: GB-ENG in dach.
  CHECK(deadline_of(created("dach", "GB-ENG"), "first_response") == "2027-12-29T16:00:00Z");
  // The evaluation says whose holidays applied.
  CHECK(sla::evaluate(desk(), created("uk", ""), parse_instant("2027-12-24T16:30:00Z")).country == "GB-ENG");
  CHECK(sla::evaluate(desk(), created("", ""), parse_instant("2027-12-24T16:30:00Z")).country == "US");
}

TEST_CASE("holidays by country: 5 business days across Christmas, New Year and the closure", "[ticket][holidays]") {
  // GB-ENG: Fri 1h; Wed 29 (8h, 9h in all); Thu 30 and Fri 31 company closure; Mon 3 Jan New
  // Year's substitute; Tue 4 (17h), Wed 5 (25h), Thu 6 (33h), Fri 7 09:00 + 7h = 16:00.
  CHECK(deadline_of(created("uk", ""), "resolution") == "2028-01-07T16:00:00Z");
  // DE: Fri 1h; Mon 27, Tue 28, Wed 29 (25h); closure; Mon 3 Jan (33h; New Year on Saturday is
  // not moved in Germany); Tue 4 09:00 + 7h = 16:00.
  CHECK(deadline_of(created("", "DE"), "resolution") == "2028-01-04T16:00:00Z");
  // US: Mon 27 – Wed 29 (24h); closure (and the observed New Year, Fri 31); Mon 3 (32h); Tue 4
  // 09:00 + 8h = 17:00.
  CHECK(deadline_of(created("americas", ""), "resolution") == "2028-01-04T17:00:00Z");
}

TEST_CASE("holidays by country: a region change moves a ticket without a country of its own", "[ticket][holidays]") {
  // In uk, then moved to dach on Mon 27 12:00. keep: recounted from the start on the DE
  // calendar: Fri 1h + Mon 09–12 3h = 4h at 12:00; deadline Mon 16:00.
  sla::ticket t = created("uk", "");
  sla::ticket_event move;
  move.at = parse_instant("2027-12-27T12:00:00Z");
  move.kind = sla::event_kind::region;
  move.region = "dach";
  t.append(move, &desk());
  auto ev = sla::evaluate(desk(), t, parse_instant("2027-12-27T12:00:00Z"));
  CHECK(ev.country == "DE");
  CHECK(target(ev, "first_response").accrued == std::chrono::hours{4});
  CHECK(deadline_of(t, "first_response", "2027-12-27T12:00:00Z") == "2027-12-27T16:00:00Z");
  // A ticket with its own country keeps it: GB-ENG moved to dach still skips Mon 27 and Tue 28.
  sla::ticket own = created("uk", "GB-ENG");
  own.append(move, &desk());
  auto kept = sla::evaluate(desk(), own, parse_instant("2027-12-27T12:00:00Z"));
  CHECK(kept.country == "GB-ENG");
  CHECK(target(kept, "first_response").accrued == std::chrono::hours{1});
}

TEST_CASE("holidays by country: an unknown or malformed country is an error naming the known ones", "[ticket][holidays]") {
  CHECK_THROWS_WITH(created("", "ZZ"), Catch::Contains("unknown country \"ZZ\"") && Catch::Contains("GB-ENG"));
  CHECK_THROWS_WITH(created("", "gb-eng"), Catch::Contains("\"gb-eng\" is not a country code"));
  // A policy without holidays by country accepts a well-formed country and uses nothing of it.
  const sla::policy& avallain = ticket_test::seed("avallain.yaml");
  CHECK(avallain.holiday_countries().empty());
  sla::ticket t{"A"};
  sla::ticket_event e;
  e.at = parse_instant("2026-11-23T10:00:00Z");
  e.kind = sla::event_kind::created;
  e.type = "incident";
  e.severity = "urgent";
  e.country = "FR";
  CHECK_NOTHROW(t.append(e, &avallain));
}

TEST_CASE("holidays by country: policy mistakes", "[policy][holidays]") {
  auto message_of = [](const std::string& calendar_and_regions) -> std::string {
    const std::string text = "policy: p\ntypes: [t]\nholiday_library: [holidays]\ncalendars:\n" + calendar_and_regions +
                             "targets:\n  - {calendar: c, targets: {response: 1h}}\n";
    try {
      sla::policy::parse(text, "p.yaml", SLA_SOURCE_DIR "/policies");
    } catch (const sla::error& e) {
      return e.what();
    }
    return "no error";
  };
  CHECK_THAT(message_of("  c: {timezone: UTC, hours: always, holiday_sets: [{country: GB-EN}]}\n"),
             Catch::StartsWith("p.yaml:5:62: calendars.c.holiday_sets[0].country: no holiday set for country \"GB-EN\" in the "
                               "holiday library (did you mean `GB-ENG`?"));
  CHECK(message_of("  c: {timezone: UTC, hours: always, holiday_sets: [{country: ticket}]}\n") ==
        "p.yaml:5:52: calendars.c.holiday_sets[0].default: missing default (the country of a ticket that names none and whose "
        "region names none, e.g. default: US (or default: none))");
  CHECK(message_of("  c: {timezone: UTC, hours: always, holiday_sets: [{country: DE, default: US}]}\n") ==
        "p.yaml:5:75: calendars.c.holiday_sets[0].default: 'default' goes with `country: ticket` (a fixed country needs no "
        "default)");
  CHECK_THAT(message_of("  c: {timezone: UTC, hours: always, holiday_sets: [{country: ticket, default: none}]}\n"
                        "regions:\n  r: {country: XY}\n"),
             Catch::StartsWith("p.yaml:7:16: regions.r.country: no holiday set for country \"XY\" in the holiday library"));
  // A fixed country closes its holidays: Christmas 2026 (Fri) in GB-ENG.
  const std::string fixed = "policy: p\ntypes: [t]\nholiday_library: [holidays]\ncalendars:\n"
                            "  c: {timezone: UTC, hours: always, holiday_sets: [{country: GB-ENG}]}\n"
                            "targets:\n  - {calendar: c, targets: {response: 1h}}\n";
  auto p = sla::policy::parse(fixed, "p.yaml", SLA_SOURCE_DIR "/policies");
  auto cal = p.calendar("c");
  CHECK(!cal.is_open(parse_instant("2026-12-25T12:00:00Z")));
  CHECK(cal.is_open(parse_instant("2026-12-24T12:00:00Z")));
  // The library folder must exist.
  const std::string missing = "policy: p\ntypes: [t]\nholiday_library: [nowhere]\ncalendars:\n"
                              "  c: {timezone: UTC, hours: always, holiday_sets: [{country: GB-ENG}]}\n"
                              "targets:\n  - {calendar: c, targets: {response: 1h}}\n";
  CHECK_THROWS_WITH(sla::policy::parse(missing, "p.yaml", SLA_SOURCE_DIR "/policies"),
                    Catch::Contains("cannot read the holiday library"));
}
