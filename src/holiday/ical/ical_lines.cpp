// See ical_lines.hpp.
#include "holiday/ical/ical_lines.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>

namespace sla::detail {
namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::toupper(c)); });
  return out;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The 0-based offset of the first byte that does not belong to a well-formed UTF-8 sequence.
std::optional<std::size_t> first_invalid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return i;
    for (std::size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return i;
    i += len;
  }
  return std::nullopt;
}

// "VEVENT" for "BEGIN:vevent ".
std::string block_kind(const ical_content_line& l) {
  auto colon = l.text.find(':');
  return colon == std::string::npos ? std::string() : upper(trimmed(std::string_view(l.text).substr(colon + 1)));
}

}  // namespace

ical_lines::ical_lines(std::string_view text, const std::string& source, std::vector<problem>* problems) {
  auto fail = [&](int line, std::string message) {
    problem p;
    p.where = {source, line, line > 0 ? 1 : 0};
    p.message = std::move(message);
    p.code = error_code::invalid_calendar;
    problems->push_back(std::move(p));
  };

  // Physical lines, unfolded into content lines.
  std::vector<ical_content_line> lines;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a byte-order mark (Outlook)
  int number = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = std::min(text.find('\n', pos), text.size());
    std::string_view physical = text.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    if (!physical.empty() && physical.back() == '\r') physical.remove_suffix(1);
    if (physical.find('\0') != std::string_view::npos) {
      fail(number, "a NUL byte: this is not an iCalendar text file");
      return;
    }
    if (auto bad = first_invalid_utf8(physical)) {
      fail(number, fmt::format("byte 0x{:02X} at column {} is not UTF-8 text (iCalendar files are UTF-8)",
                               static_cast<unsigned char>(physical[*bad]), *bad + 1));
      return;
    }
    if (!physical.empty() && (physical.front() == ' ' || physical.front() == '\t') && !lines.empty()) {
      lines.back().text += physical.substr(1);
      continue;
    }
    if (trimmed(physical).empty()) continue;
    std::string_view name = physical.substr(0, physical.find_first_of(";:"));
    lines.push_back({upper(trimmed(name)), std::string(physical), number});
  }

  // The BEGIN/END structure: one VCALENDAR, every block closed by its own END.
  if (lines.empty()) {
    fail(0, "no events: the input is empty");
    return;
  }
  if (lines.front().name != "BEGIN" || block_kind(lines.front()) != "VCALENDAR") {
    fail(lines.front().line, "not an iCalendar file: it does not start with BEGIN:VCALENDAR");
    return;
  }
  std::vector<std::size_t> open;  // indices into blocks_, innermost last
  for (const auto& l : lines) {
    if (!blocks_.empty() && open.empty()) {
      fail(l.line, l.name == "BEGIN" && block_kind(l) == "VCALENDAR"
                       ? "a second VCALENDAR in the file: import one calendar at a time"
                       : "text after END:VCALENDAR");
      return;
    }
    if (l.name == "BEGIN") {
      if (open.size() == max_depth) {
        fail(l.line, fmt::format("BEGIN:{} nests blocks more than {} deep", block_kind(l), max_depth));
        return;
      }
      blocks_.push_back({block_kind(l), l.line, {}});
      open.push_back(blocks_.size() - 1);
    } else if (l.name == "END") {
      const ical_block& innermost = blocks_[open.back()];
      std::string kind = block_kind(l);
      if (kind != innermost.kind) {
        bool closes_outer =
            std::any_of(open.begin(), open.end(), [&](std::size_t b) { return blocks_[b].kind == kind; });
        if (closes_outer)
          fail(innermost.begin_line,
               fmt::format("BEGIN:{} is never closed: END:{} (line {}) comes first", innermost.kind, kind, l.line));
        else
          fail(l.line, fmt::format("END:{} closes nothing: the open block is BEGIN:{} (line {})", kind, innermost.kind,
                                   innermost.begin_line));
        return;
      }
      open.pop_back();
    } else {
      blocks_[open.back()].lines.push_back(l);
    }
  }
  if (!open.empty()) {
    const ical_block& innermost = blocks_[open.back()];
    fail(innermost.begin_line,
         fmt::format("BEGIN:{} is never closed: the file ends before END:{}", innermost.kind, innermost.kind));
  }
}

int ical_lines::line_of(std::size_t block, std::string_view name, std::string_view value) const {
  if (block >= blocks_.size()) return 0;
  const ical_block& b = blocks_[block];
  int named = 0;
  for (const auto& l : b.lines) {
    if (!name.empty() && l.name != name) continue;
    if (value.empty() || l.text.find(value) != std::string::npos) return l.line;
    if (named == 0 && !name.empty()) named = l.line;
  }
  return named > 0 ? named : b.begin_line;
}

}  // namespace sla::detail
