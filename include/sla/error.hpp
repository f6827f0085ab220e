// sla/error.hpp — the one error type of sla-engine.
//
// Errors are thrown only while loading or reading input (policy files, calendar specs,
// timestamps, time-zone names); the arithmetic on compiled values never throws for valid
// input. An error carries a code, an optional position (source, line, column — 1-based) and
// the key path that was being read, and renders as one line:
//
//   policies/acme.yaml:14:7: targets.bug.urgent.resolution: expected a duration such as "4h", got "soon"
//
// Thread safety: an error is a plain value; copies may be used from any thread.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace sla {

enum class error_code {
  invalid_timestamp,   // not RFC 3339, no offset, impossible date or time
  out_of_range,        // an instant outside [min_instant, max_instant] (see time.hpp)
  unknown_time_zone,   // a zone name the tz database does not have, or a malformed offset
  invalid_calendar,    // a calendar spec that is malformed (bad window, day twice, unknown key)
  invalid_policy,      // a policy file that is malformed or inconsistent (unknown target, overlapping rules, …)
  invalid_argument,    // a value that is well formed but not acceptable (negative days, unknown status, …)
  io,                  // a file that cannot be read
};

// "invalid_policy", … (the enumerator's name).
std::string_view to_string(error_code code);

// Where in a source an error was found. line/column are 1-based; 0 means unknown.
struct source_position {
  std::string source;  // file name, "<stdin>", "line 3", … ; empty when unknown
  int line = 0;
  int column = 0;
};

class error : public std::runtime_error {
 public:
  error(error_code code, std::string message, source_position where = {}, std::string path = {});

  error_code code() const noexcept { return code_; }
  const source_position& where() const noexcept { return where_; }
  // The key path being read when the error was found, e.g. "calendar.hours.fri"; may be empty.
  const std::string& path() const noexcept { return path_; }
  // The message alone, without position or path.
  const std::string& message() const noexcept { return message_; }

 private:
  error_code code_;
  source_position where_;
  std::string path_;
  std::string message_;
};

// "source:line:column: path: message", leaving out the parts that are unknown.
std::string format_error(const source_position& where, const std::string& path, const std::string& message);

// ---- Problems: what a validator reports, all at once --------------------------------------------

enum class problem_severity { error, warning };

// One problem found while reading a document: an error (the document cannot be used) or a
// warning (it can, but probably says something its author did not mean).
struct problem {
  problem_severity severity = problem_severity::error;
  source_position where;
  std::string path;     // "targets[3].response"
  std::string message;  // what is wrong
  std::string hint;     // how to fix it ("did you mean `resolution`?"); may be empty
  error_code code = error_code::invalid_policy;  // the code an error carries when thrown
};

// "file:line:col: path: message (hint)", with "warning: " before the message for warnings.
std::string format_problem(const problem& p);

// The error a problem becomes when a loader throws it.
error to_error(const problem& p);

}  // namespace sla
