// sla-lint [--json] FILE…: checks policy files and prints every problem, one per line:
//   policies/acme.yaml:14:7: targets[3].targets.resolution: "soon" is not a target amount …
// Warnings — the mistakes that load but do not do what their author meant: a misspelt or dead
// target, a cell without targets, an unused calendar, a holiday that never closes a business
// day, overlapping windows — are printed too, prefixed "warning: ", each with a hint ("did you
// mean `resolution`?"). `-` reads a policy from standard input (its holiday sets relative to
// the current folder). Exit status: 0 no errors (warnings allowed), 1 errors found, 2 a file
// could not be read or the arguments are wrong. A summary goes to stderr.
#include <sla/sla.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "common/cli.hpp"
#include "common/json_text.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Check support-policy files and report every problem with file:line:column"};
  app.footer("Each problem is one line, FILE:LINE:COLUMN: KEY.PATH: MESSAGE (HINT); warnings say \"warning: \".\n"
             "--json: one object per problem {file, line, column, path, severity, code, message, hint}.\n"
             "Exit status: 0 no errors (warnings allowed), 1 errors, 2 an unreadable file or bad arguments.");
  std::vector<std::string> files;
  bool json = false;
  app.add_option("files", files, "policy files (- is standard input)")->required();
  app.add_flag("--json", json, "one JSON object per problem");
  sla_examples::add_version(app, "sla-lint");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  int errors = 0, warnings = 0;
  bool unreadable = false;
  for (const auto& file : files) {
    std::vector<sla::problem> problems;
    if (file == "-") {
      try {
        sla_examples::input_file in(file);
        problems = sla::validate_policy(in.read_all(), in.name(), ".");
      } catch (const sla::error& e) {
        problems.push_back({sla::problem_severity::error, {"<stdin>", 0, 0}, "", e.message(), "", sla::error_code::io});
      }
    } else {
      problems = sla::validate_policy_file(file);
    }
    for (const sla::problem& p : problems) {
      bool is_error = p.severity == sla::problem_severity::error;
      (is_error ? errors : warnings) += 1;
      if (is_error && p.code == sla::error_code::io && p.where.line == 0) unreadable = true;
      if (json) {
        using sla_examples::json_quote;
        fmt::print("{{\"file\": {}, \"line\": {}, \"column\": {}, \"path\": {}, \"severity\": \"{}\", \"code\": \"{}\", "
                   "\"message\": {}, \"hint\": {}}}\n",
                   json_quote(p.where.source.empty() ? file : p.where.source), p.where.line, p.where.column, json_quote(p.path),
                   is_error ? "error" : "warning", sla::to_string(p.code), json_quote(p.message), json_quote(p.hint));
      } else {
        fmt::print("{}\n", sla::format_problem(p));
      }
    }
  }
  std::fflush(stdout);
  fmt::print(stderr, "{} file{}, {} error{}, {} warning{}\n", files.size(), files.size() == 1 ? "" : "s", errors,
             errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
  if (unreadable) return 2;
  return errors > 0 ? 1 : 0;
}
