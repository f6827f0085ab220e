// Where things are in the raw text of an iCalendar file. libical does the reading; this only
// locates lines for messages (libical keeps no line numbers) and checks what libical's parser
// lets through: its END closes whichever component is open (END:VTODO ends a VEVENT), and a
// component left open makes it return nothing, without saying which.
//
// The text is split into content lines, unfolded (RFC 5545 3.1: a line that starts with a space
// or a tab continues the one before; CRLF or LF), each with the line it starts on. A line's name
// is what comes before its first ';' or ':' ("DTSTART" for "DTSTART;TZID=…:…"), upper-cased.
#pragma once

#include <sla/error.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sla::detail {

struct ical_content_line {
  std::string name;  // "DTSTART", "BEGIN", …
  std::string text;  // the whole unfolded line
  int line = 0;      // 1-based, where it starts
};

// One BEGIN:…END: block, with the content lines directly inside it (not those of nested blocks).
struct ical_block {
  std::string kind;  // "VEVENT", upper-cased
  int begin_line = 0;
  std::vector<ical_content_line> lines;
};

class ical_lines {
 public:
  // Calendars nest three deep (VCALENDAR, VTIMEZONE, STANDARD; VEVENT, VALARM); deeper is not a
  // calendar, and would only make libical's recursive walks deep.
  static constexpr std::size_t max_depth = 10;

  // Scans `text`. The first problem that makes it unusable — empty, a NUL byte, bytes that are
  // not UTF-8, no BEGIN:VCALENDAR first, an END that closes another block or nothing, a block
  // never closed, blocks nested deeper than max_depth, text after END:VCALENDAR — is added to
  // *problems (at `source`:line).
  ical_lines(std::string_view text, const std::string& source, std::vector<problem>* problems);

  // The blocks in document order (a block before the ones nested in it): the order in which a
  // depth-first walk of libical's components meets them.
  const std::vector<ical_block>& blocks() const noexcept { return blocks_; }

  // The line of the content line named `name` (any name when empty) in block `block` whose text
  // contains `value`; else the first line of that name; else the block's BEGIN line; 0 when
  // there is no such block.
  int line_of(std::size_t block, std::string_view name, std::string_view value = {}) const;

 private:
  std::vector<ical_block> blocks_;
};

}  // namespace sla::detail
