// sla-holidays end to end: the holiday set it writes is read back with sla::load_holiday_set and
// compared with dates typed by hand (tests/holiday/ical_holidays_test.cpp shows the reasoning
// for the fixtures); bad and unreadable input exits 2 with file:line.
#include <catch2/catch.hpp>

#include <sla/holiday.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "examples/program_runner.hpp"

namespace {

using sla_test::run_program;
using dated_names = std::vector<std::pair<std::string, std::string>>;

const std::string ical_dir = SLA_TEST_DATA_DIR "/ical/";

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

dated_names dates_of(const sla::holiday_set& set) {
  dated_names out;
  for (const auto& r : set.rules) {
    CHECK(r.kind == sla::holiday_rule_kind::date);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(r.date.year()), unsigned(r.date.month()), unsigned(r.date.day()));
    out.emplace_back(buf, r.name);
  }
  return out;
}

}  // namespace

TEST_CASE("sla-holidays: a Google export becomes a holiday set file that reads back", "[examples][ical]") {
  const std::string out = sla_test::write_temp_file("holidays-google.yaml", "");
  const std::string err = sla_test::write_temp_file("holidays-google.err", "");
  auto r = run_program("sla-holidays", "import " + ical_dir + "google-de.ics --from-year 2027 --to-year 2027 -o " + out +
                                           " --country DE 2>" + err);
  CHECK(r.status == 0);
  CHECK(r.out.empty());  // the set went to the file
  CHECK(read_text(err).empty());
  auto set = sla::load_holiday_set(out);
  CHECK(set.name == "Feiertage in Deutschland");
  CHECK(set.description == "Feiertage und Gedenktage in Deutschland");
  CHECK(set.country == "DE");
  CHECK(set.sources == std::vector<std::string>{ical_dir + "google-de.ics"});
  CHECK(set.known_good_from == 2027);
  CHECK(set.known_good_to == 2027);
  // Easter Sunday 2027 is March 28: Good Friday March 26, Easter Monday March 29, Ascension
  // May 6, Whit Monday May 17, Corpus Christi May 27.
  CHECK(dates_of(set) ==
        dated_names{{"2027-01-01", "Neujahr"},
                    {"2027-03-26", "Karfreitag"},
                    {"2027-03-29", "Ostermontag"},
                    {"2027-05-01", "Tag der Arbeit"},
                    {"2027-05-06", "Christi Himmelfahrt"},
                    {"2027-05-17", "Pfingstmontag"},
                    {"2027-05-27", "Fronleichnam (regionaler Feiertag in Baden-Württemberg, Bayern, Hessen, "
                                   "Nordrhein-Westfalen, Rheinland-Pfalz und Saarland)"},
                    {"2027-10-03", "Tag der Deutschen Einheit"},
                    {"2027-12-25", "1. Weihnachtstag"},
                    {"2027-12-26", "2. Weihnachtstag"}});
}

TEST_CASE("sla-holidays: standard input, --name, local dates of an Outlook export, warnings on stderr", "[examples][ical]") {
  const std::string out = sla_test::write_temp_file("holidays-outlook.yaml", "");
  const std::string err = sla_test::write_temp_file("holidays-outlook.err", "");
  auto r = run_program("sla-holidays", "import - --from-year 2026 --to-year 2026 --name berlin-office --country DE-BE < " +
                                           ical_dir + "outlook-berlin.ics 2>" + err);
  CHECK(r.status == 0);
  std::ofstream(out) << r.out;
  auto set = sla::load_holiday_set(out);
  CHECK(set.name == "berlin-office");
  CHECK(set.country == "DE-BE");
  CHECK(set.sources == std::vector<std::string>{"<stdin>"});
  // Heiligabend is 2026-12-24 00:00 CET (2026-12-23T23:00Z): the 24th.
  CHECK(dates_of(set) == dated_names{{"2026-05-01", "Tag der Arbeit"},
                                     {"2026-05-15", "Brückentag nach Christi Himmelfahrt"},
                                     {"2026-10-03", "Tag der Deutschen Einheit"},
                                     {"2026-12-24", "Heiligabend"},
                                     {"2026-12-28", "Betriebsferien"},
                                     {"2026-12-29", "Betriebsferien"},
                                     {"2026-12-30", "Betriebsferien"},
                                     {"2026-12-31", "Betriebsferien"},
                                     {"2026-12-31", "Silvester"}});
  CHECK(read_text(err) ==
        "sla-holidays: warning: <stdin>:134:1: event \"Teammeeting\": timed event (2026-03-04 09:00:00 to 12:00:00 W. Europe "
        "Standard Time): it does not cover whole days, so it is not a holiday\n");
}

TEST_CASE("sla-holidays: names with colons, quotes, '#', a leading '-' or non-ASCII stay exactly as written", "[examples][ical]") {
  const std::vector<std::string> names = {
      "Tag: \"Einheit\" # 1",  "- leading dash", "yes",          "null",       "Ostern – Montag 🐣",
      "'single' & {braces}",   "back\\slash",    "[not a list]", "two  spaces", "@at, *star, !bang, %percent, `tick`",
  };
  std::string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//sla-engine tests//EN\r\nX-WR-CALNAME:key: value # comment\r\n";
  for (std::size_t i = 0; i < names.size(); ++i) {
    // SUMMARY is TEXT: a backslash is written \\ (RFC 5545 3.3.11), a comma \, — libical unescapes them.
    std::string summary;
    for (char c : names[i]) summary += c == '\\' ? std::string("\\\\") : c == ',' ? std::string("\\,") : std::string(1, c);
    ics += "BEGIN:VEVENT\r\nUID:" + std::to_string(i) + "@example.com\r\nDTSTART;VALUE=DATE:202601" + std::to_string(i + 10) +
           "\r\nSUMMARY:" + summary + "\r\nEND:VEVENT\r\n";
  }
  ics += "END:VCALENDAR\r\n";
  const std::string in = sla_test::write_temp_file("holidays-names.ics", ics);
  const std::string out = sla_test::write_temp_file("holidays-names.yaml", "");
  auto r = run_program("sla-holidays", "import " + in + " --from-year 2026 --to-year 2026 -o " + out + " 2>&1");
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  auto set = sla::load_holiday_set(out);
  CHECK(set.name == "key: value # comment");
  dated_names expected;
  for (std::size_t i = 0; i < names.size(); ++i) expected.emplace_back("2026-01-" + std::to_string(i + 10), names[i]);
  CHECK(dates_of(set) == expected);
}

TEST_CASE("sla-holidays: a malformed calendar is exit status 2 with file:line", "[examples][ical]") {
  const std::string bad = ical_dir + "bad/dtend-before-dtstart.ics";
  auto r = run_program("sla-holidays", "import " + bad + " --from-year 2026 --to-year 2026 2>&1");
  CHECK(r.status == 2);
  CHECK(r.out == "sla-holidays: " + bad + ":9:1: event \"Christmas Day\": DTEND 2026-12-24 is before DTSTART 2026-12-25 "
                 "(an all-day event ends on the day after its last day)\n");
  // Nothing is written when the import fails.
  const std::string out = (std::filesystem::temp_directory_path() / "sla-test-holidays-not-written.yaml").string();
  std::filesystem::remove(out);
  auto truncated = run_program("sla-holidays", "import " + ical_dir + "bad/truncated.ics --from-year 2026 --to-year 2026 -o " +
                                                   out + " 2>&1");
  CHECK(truncated.status == 2);
  CHECK_THAT(truncated.out, Catch::Contains("truncated.ics:10:1: BEGIN:VEVENT is never closed"));
  CHECK(!std::filesystem::exists(out));
}

TEST_CASE("sla-holidays: unreadable input, bad years, a bad country code, no command: exit status 2", "[examples][ical]") {
  auto missing = run_program("sla-holidays", "import /nonexistent/holidays.ics --from-year 2026 --to-year 2026 2>&1");
  CHECK(missing.status == 2);
  CHECK_THAT(missing.out, Catch::Contains("cannot read /nonexistent/holidays.ics: No such file or directory"));
  const std::string google = ical_dir + "google-de.ics";
  auto reversed = run_program("sla-holidays", "import " + google + " --from-year 2027 --to-year 2026 2>&1");
  CHECK(reversed.status == 2);
  CHECK_THAT(reversed.out, Catch::Contains("2027–2026"));
  auto country = run_program("sla-holidays", "import " + google + " --from-year 2026 --to-year 2026 --country Germany 2>&1");
  CHECK(country.status == 2);
  CHECK_THAT(country.out, Catch::Contains("--country"));
  CHECK(run_program("sla-holidays", "import " + google + " --from-year 2026 2>/dev/null").status == 2);
  CHECK(run_program("sla-holidays", "2>/dev/null").status == 2);
  CHECK(run_program("sla-holidays", "export " + google + " 2>/dev/null").status == 2);
  auto unwritable = run_program("sla-holidays", "import " + google + " --from-year 2026 --to-year 2026 -o /nonexistent/out.yaml 2>&1");
  CHECK(unwritable.status == 2);
  CHECK_THAT(unwritable.out, Catch::Contains("cannot write /nonexistent/out.yaml"));
}
