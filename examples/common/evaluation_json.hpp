// A ticket's evaluation as one JSON object, the line sla-check writes:
//   {"ticket": "T-1", "type": "incident", "severity": "urgent", "plan": null, "region": null,
//    "country": null,
//    "targets": [{"name": "response", "calendar": "always", "amount": "15m", "state": "met",
//                 "deadline": "…Z", "met_at": "…Z", "breached_at": null, "target_seconds": 900,
//                 "accrued_seconds": 600, "remaining_seconds": 300, "percent": 66.7,
//                 "warnings": [], "escalation": null, "cycles": 1, "completed_cycles": [],
//                 "rule": "policies/avallain.yaml:57:7"}, …],
//    "next_change": "…Z"}
// Instants are UTC (RFC 3339, Z); a missing value is null; `state` is running, paused, met,
// breached, cancelled, not_applicable or not_started (docs/semantics.md 2.10). Each completed
// cycle is {"start", "end", "outcome" (met, breached or cancelled), "met_at", "breached_at",
// "accrued_seconds"}; `rule` is where the rule that set the target is written.
#pragma once

#include <sla/ticket.hpp>

#include <fmt/compile.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

#include "common/json_text.hpp"

namespace sla_examples {

namespace detail {

// Writes JSON text into room reserved beforehand (a bound of its length: see
// evaluation_json_to): each piece a copy of known length, no check on the way.
class json_room {
 public:
  explicit json_room(char* at) : p_(at) {}
  char* end() const noexcept { return p_; }
  template <std::size_t N>
  void text(const char (&piece)[N]) noexcept {
    std::memcpy(p_, piece, N - 1);
    p_ += N - 1;
  }
  void text(std::string_view piece) noexcept {
    std::memcpy(p_, piece.data(), piece.size());
    p_ += piece.size();
  }
  // At most 6 bytes a byte of s, and 2.
  void quoted(std::string_view s) {  // at most quoted_bound(s) bytes
    bool plain = true;
    for (char ch : s) {
      const unsigned char c = static_cast<unsigned char>(ch);
      plain = plain && c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
    }
    if (!plain) {
      std::string escaped;
      quoted_to(escaped, s, false);
      return text(escaped);
    }
    *p_++ = '"';
    text(s);
    *p_++ = '"';
  }
  void text_or_null(const std::string& s) {
    if (s.empty()) text("null");
    else quoted(s);
  }
  void number(long long n) noexcept {  // at most 20 bytes
    fmt::format_int digits(n);
    text(std::string_view(digits.data(), digits.size()));
  }
  void instant(const std::optional<sla::instant>& t) {  // at most max_instant bytes
    if (!t) return text("null");
    if (instant_chars(p_, *t)) {
      p_ += 22;
      return;
    }
    std::string far;  // beyond the year 9999: "+10000-01-01T00:00:00Z"
    json_instant_to(far, t);
    text(far);
  }
  static constexpr std::size_t max_instant = 48;
  // As fmt's {:.1f} (at most max_one_decimal bytes: DBL_MAX has 309 digits): with integer
  // arithmetic where v·10 is not within 1e-6 of a rounding tie (below 1e9 the product's own
  // rounding error is under 1.2e-7, so it cannot move a value across one), else with fmt.
  void one_decimal(double v) {
    const double r = v * 10.0;
    if (!std::signbit(r) && r < 1e9) {
      const double whole = std::floor(r), fraction = r - whole;
      if (std::fabs(fraction - 0.5) > 1e-6) {
        const long long n = static_cast<long long>(whole) + (fraction > 0.5 ? 1 : 0);
        number(n / 10);
        *p_++ = '.';
        *p_++ = static_cast<char>('0' + n % 10);
        return;
      }
    }
    char digits[max_one_decimal];
    auto written = fmt::format_to_n(digits, sizeof digits, FMT_COMPILE("{:.1f}"), v);
    text(std::string_view(digits, std::min<std::size_t>(written.size, sizeof digits)));
  }
  static constexpr std::size_t max_one_decimal = 320;
  // A target amount's text ("15m", "5 business days"): the last one is kept, as the targets of
  // a run share a few amounts.
  void amount(const sla::target_amount& a) {
    thread_local sla::target_amount last{sla::amount_kind::none, std::chrono::seconds{-1}, -1};
    thread_local std::string last_text;
    if (!(a == last)) {
      last_text = sla::format_target_amount(a);
      last = a;
    }
    quoted(last_text);
  }

 private:
  char* p_;
};

inline std::size_t quoted_bound(std::string_view s) noexcept { return 6 * s.size() + 2; }

}  // namespace detail

// Appends the line (without a newline) to `out`: a std::string, or a buffer with the same
// size(), resize() and data() (common/text_buffer.hpp, which grows without filling).
template <class Text>
void evaluation_json_to(Text& out, std::string_view ticket, const sla::ticket_evaluation& ev) {
  using detail::quoted_bound;
  constexpr std::size_t instant = detail::json_room::max_instant, number = 24;
  constexpr std::size_t amount_length = 48;  // longer than any amount text: "15m", "2147483647 business days"
  static_assert(amount_length > sizeof "2147483647 business days");
  // A bound of the line's length: its fixed text, and each value at its longest.
  std::size_t bound = 160 + quoted_bound(ticket) + quoted_bound(ev.type) + quoted_bound(ev.severity) +
                      quoted_bound(ev.plan) + quoted_bound(ev.region) + quoted_bound(ev.country) + instant;
  for (const auto& s : ev.targets) {
    bound += 400 + quoted_bound(s.name) + quoted_bound(s.calendar) + (6 * amount_length + 2) + 3 * instant + 4 * number + detail::json_room::max_one_decimal +
             quoted_bound(s.rule) + (s.escalation ? quoted_bound(*s.escalation) : 0);
    for (const auto& w : s.warnings) bound += 2 + quoted_bound(w);
    bound += s.completed.size() * (120 + 4 * instant + number);
  }
  const std::size_t old = out.size();
  out.resize(old + bound);
  detail::json_room j(out.data() + old);
  j.text("{\"ticket\": ");
  j.quoted(ticket);
  j.text(", \"type\": ");
  j.text_or_null(ev.type);
  j.text(", \"severity\": ");
  j.text_or_null(ev.severity);
  j.text(", \"plan\": ");
  j.text_or_null(ev.plan);
  j.text(", \"region\": ");
  j.text_or_null(ev.region);
  j.text(", \"country\": ");
  j.text_or_null(ev.country);
  j.text(", \"targets\": [");
  for (std::size_t i = 0; i < ev.targets.size(); ++i) {
    const auto& s = ev.targets[i];
    if (i) j.text(", {\"name\": ");
    else j.text("{\"name\": ");
    j.quoted(s.name);
    j.text(", \"calendar\": ");
    j.text_or_null(s.calendar);
    j.text(", \"amount\": ");
    j.amount(s.amount);
    j.text(", \"state\": \"");
    j.text(sla::to_string(s.state));
    j.text("\", \"deadline\": ");
    j.instant(s.deadline);
    j.text(", \"met_at\": ");
    j.instant(s.met_at);
    j.text(", \"breached_at\": ");
    j.instant(s.breached_at);
    j.text(", \"target_seconds\": ");
    j.number(s.target.count());
    j.text(", \"accrued_seconds\": ");
    j.number(s.accrued.count());
    j.text(", \"remaining_seconds\": ");
    j.number(s.remaining.count());
    j.text(", \"percent\": ");
    j.one_decimal(s.percent);
    j.text(", \"warnings\": [");
    for (std::size_t k = 0; k < s.warnings.size(); ++k) {
      if (k) j.text(", ");
      j.quoted(s.warnings[k]);
    }
    j.text("], \"escalation\": ");
    if (s.escalation) j.quoted(*s.escalation);
    else j.text("null");
    j.text(", \"cycles\": ");
    j.number(s.cycles);
    j.text(", \"completed_cycles\": [");
    for (std::size_t k = 0; k < s.completed.size(); ++k) {
      const auto& c = s.completed[k];
      if (k) j.text(", {\"start\": ");
      else j.text("{\"start\": ");
      j.instant(c.start);
      j.text(", \"end\": ");
      j.instant(c.end);
      j.text(", \"outcome\": \"");
      j.text(sla::to_string(c.outcome));
      j.text("\", \"met_at\": ");
      j.instant(c.met_at);
      j.text(", \"breached_at\": ");
      j.instant(c.breached_at);
      j.text(", \"accrued_seconds\": ");
      j.number(c.accrued.count());
      j.text("}");
    }
    j.text("], \"rule\": ");
    j.text_or_null(s.rule);
    j.text("}");
  }
  j.text("], \"next_change\": ");
  j.instant(ev.next_change);
  j.text("}");
  out.resize(static_cast<std::size_t>(j.end() - out.data()));
}

inline std::string evaluation_json(std::string_view ticket, const sla::ticket_evaluation& ev) {
  std::string out;
  evaluation_json_to(out, ticket, ev);
  return out;
}

}  // namespace sla_examples
