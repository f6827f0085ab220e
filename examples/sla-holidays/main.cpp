// sla-holidays import FILE.ics --from-year Y --to-year Y [-o OUT.yaml] [--name NAME] [--country CODE]
// Turns an iCalendar holiday calendar (a Google Calendar, Outlook or Apple export, a government
// .ics) into a holiday set file that calendars include (policies/README.md, "Holiday rules"):
// the whole days its events close in [--from-year, --to-year], one dated entry each. The file is
// read with libical (sla/ical.hpp). FILE `-` is standard input; the YAML goes to OUT, or to
// standard output. Events left out (timed events) are reported on standard error as
// "sla-holidays: warning: FILE:LINE: …". Exit status: 0 written, 2 bad input, an unreadable
// file, bad arguments or a failed write.
#include <sla/sla.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <regex>

#include "common/cli.hpp"
#include "common/yaml_text.hpp"

namespace {

std::string date_text(std::chrono::year_month_day d) {
  return fmt::format("{:04d}-{:02d}-{:02d}", int(d.year()), unsigned(d.month()), unsigned(d.day()));
}

// The holiday set file, in the form sla::load_holiday_set reads.
std::string holiday_set_yaml(const sla::holiday_set& set) {
  using sla_examples::yaml_quote;
  std::string out = fmt::format("# Written by sla-holidays {} from an iCalendar file (see sources).\n", sla::version);
  out += fmt::format("name: {}\n", yaml_quote(set.name));
  if (!set.description.empty()) out += fmt::format("description: {}\n", yaml_quote(set.description));
  if (!set.country.empty()) out += fmt::format("country: {}\n", yaml_quote(set.country));
  out += "sources:\n";
  for (const auto& s : set.sources) out += fmt::format("  - {}\n", yaml_quote(s));
  if (set.known_good_from && set.known_good_to)
    out += fmt::format("known_good: {{from: {}, to: {}}}\n", *set.known_good_from, *set.known_good_to);
  out += set.rules.empty() ? "holidays: []\n" : "holidays:\n";
  for (const auto& rule : set.rules)
    out += rule.name.empty() ? fmt::format("  - {{date: {}}}\n", date_text(rule.date))
                             : fmt::format("  - {{name: {}, date: {}}}\n", yaml_quote(rule.name), date_text(rule.date));
  return out;
}

void write_output(const std::string& path, const std::string& text) {
  bool to_stdout = path.empty() || path == "-";
  std::FILE* out = to_stdout ? stdout : std::fopen(path.c_str(), "w");
  if (!out) throw sla::error(sla::error_code::io, fmt::format("cannot write {}: {}", path, std::strerror(errno)));
  bool ok = std::fwrite(text.data(), 1, text.size(), out) == text.size();
  ok = (to_stdout ? std::fflush(out) : std::fclose(out)) == 0 && ok;
  if (!ok)
    throw sla::error(sla::error_code::io,
                     fmt::format("cannot write {}: {}", to_stdout ? "standard output" : path, std::strerror(errno)));
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Holiday sets from iCalendar files"};
  app.require_subcommand(1);
  sla_examples::add_version(app, "sla-holidays");
  auto* import = app.add_subcommand("import", "write the whole days an .ics file closes as a holiday set YAML file");
  import->footer(
      "Closed dates: all-day events (DTSTART;VALUE=DATE, until DTEND exclusive, or DURATION), and date-time events\n"
      "that run from midnight to midnight in their own zone (Outlook's all-day events); RRULE, RDATE, EXDATE and\n"
      "RECURRENCE-ID are followed, STATUS:CANCELLED events left out. Timed events are not holidays: each is a\n"
      "warning on standard error. The output has name (X-WR-CALNAME, or --name), description (X-WR-CALDESC),\n"
      "country (--country), sources (FILE), known_good: {from, to} and holidays: [{name, date}].\n"
      "Exit status: 0 written, 2 bad input, an unreadable file, bad arguments or a failed write.");
  std::string file, output, name, country;
  int from_year = 0, to_year = 0;
  import->add_option("file", file, "the iCalendar file (- is standard input)")->required();
  import->add_option("--from-year", from_year, "the first year to import (1900-2199)")->required();
  import->add_option("--to-year", to_year, "the last year to import (1900-2199)")->required();
  import->add_option("-o,--output", output, "the holiday set file to write (default: standard output)");
  import->add_option("--name", name, "the holiday set's name (default: X-WR-CALNAME, or the file's stem)");
  import->add_option("--country", country, "ISO 3166 code of the country or subdivision: DE, US, GB-ENG");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  try {
    if (!country.empty() && !std::regex_match(country, std::regex("[A-Z]{2}(-[A-Z0-9]{1,3})?")))
      throw sla::error(sla::error_code::invalid_argument,
                       fmt::format("--country: \"{}\" is not an ISO 3166 code such as DE, US or GB-ENG", country));
    sla_examples::input_file in(file);
    std::string text = in.read_all();
    std::vector<sla::problem> warnings;
    sla::holiday_set set = sla::parse_ical_holidays(text, in.name(), from_year, to_year, &warnings);
    for (const auto& w : warnings)
      fmt::print(
          stderr, "sla-holidays: warning: {}\n",
          sla::format_error(w.where, w.path, w.hint.empty() ? w.message : fmt::format("{} ({})", w.message, w.hint)));
    if (!name.empty()) set.name = name;
    set.country = country;
    write_output(output, holiday_set_yaml(set));
    return 0;
  } catch (const sla::error& e) {
    fmt::print(stderr, "sla-holidays: {}\n", e.what());
    return 2;
  }
}
