// sla-lint FILE… [--json]: checks policy files and prints every problem, one per line:
//   policies/acme.yaml:14:7: targets[3].targets.resolution: "soon" is not a target amount …
// Warnings (overlapping windows, unused calendars) are printed too, prefixed "warning: ".
// Exit status: 0 no errors (warnings allowed), 1 errors found, 2 a file could not be read or
// the arguments are wrong. A summary goes to stderr.
#include <sla/sla.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "common/json_text.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Check support-policy files and report every problem with file:line:column"};
  std::vector<std::string> files;
  bool json = false;
  app.add_option("files", files, "policy files")->required();
  app.add_flag("--json", json, "one JSON object per problem");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  int errors = 0, warnings = 0;
  bool unreadable = false;
  for (const auto& file : files) {
    for (const sla::problem& p : sla::validate_policy_file(file)) {
      bool is_error = p.severity == sla::problem_severity::error;
      (is_error ? errors : warnings) += 1;
      if (is_error && p.where.line == 0 && p.message.rfind("cannot read", 0) == 0) unreadable = true;
      if (json) {
        using sla_examples::json_quote;
        fmt::print("{{\"file\": {}, \"line\": {}, \"column\": {}, \"path\": {}, \"severity\": \"{}\", \"message\": {}, "
                   "\"hint\": {}}}\n",
                   json_quote(file), p.where.line, p.where.column, json_quote(p.path), is_error ? "error" : "warning",
                   json_quote(p.message), json_quote(p.hint));
      } else {
        fmt::print("{}\n", sla::format_problem(p));
      }
    }
  }
  fmt::print(stderr, "{} file{}, {} error{}, {} warning{}\n", files.size(), files.size() == 1 ? "" : "s", errors,
             errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
  if (unreadable) return 2;
  return errors > 0 ? 1 : 0;
}
