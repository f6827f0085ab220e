// Strict RFC 3339 parsing and UTC formatting (docs/semantics.md, 1.1).
#include <sla/error.hpp>
#include <sla/time.hpp>

#include <fmt/format.h>


namespace sla {
namespace {

// Reads exactly `n` ASCII digits at text[pos]; -1 when they are not all digits.
int digits(std::string_view text, std::size_t pos, std::size_t n) {
  if (pos + n > text.size()) return -1;
  int v = 0;
  for (std::size_t i = 0; i < n; ++i) {
    char c = text[pos + i];
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::string quote_value(std::string_view text) {
  constexpr std::size_t max_shown = 64;
  std::string out = "\"";
  for (char c : text.substr(0, max_shown)) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f || u >= 0x80) out += fmt::format("\\x{:02x}", u);
    else if (c == '"' || c == '\\') { out += '\\'; out += c; }
    else out += c;
  }
  if (text.size() > max_shown) out += "...";
  return out + "\"";
}

struct parse_result {
  std::optional<instant> value;
  error_code code = error_code::invalid_timestamp;
  std::string why;
};

parse_result parse(std::string_view text) {
  auto fail = [&](std::string why, error_code code = error_code::invalid_timestamp) {
    return parse_result{std::nullopt, code, fmt::format("{} in timestamp {}", why, quote_value(text))};
  };
  const char* expected = "expected RFC 3339 such as 2026-03-08T06:59:00Z or 2026-03-08T01:59:00-05:00";
  if (text.size() < 19) return fail(expected);
  int year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
  int hour = digits(text, 11, 2), minute = digits(text, 14, 2), second = digits(text, 17, 2);
  if (year < 0 || text[4] != '-' || month < 0 || text[7] != '-' || day < 0 ||
      (text[10] != 'T' && text[10] != 't') || hour < 0 || text[13] != ':' || minute < 0 ||
      text[16] != ':' || second < 0)
    return fail(expected);
  if (month < 1 || month > 12) return fail(fmt::format("month {:02d} does not exist", month));
  auto ymd = std::chrono::year{year} / std::chrono::month{unsigned(month)} / std::chrono::day{unsigned(day)};
  if (!ymd.ok()) return fail(fmt::format("{:04d}-{:02d}-{:02d} is not a date", year, month, day));
  if (hour > 23) return fail(fmt::format("hour {:02d} does not exist", hour));
  if (minute > 59) return fail(fmt::format("minute {:02d} does not exist", minute));
  if (second == 60) return fail("leap seconds (:60) are not supported");
  if (second > 59) return fail(fmt::format("second {:02d} does not exist", second));

  std::size_t pos = 19;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    std::size_t start = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (pos == start) return fail("a '.' must be followed by digits");
    // The fraction is dropped: truncation toward the past.
  }
  if (pos == text.size()) return fail("missing UTC offset (add Z or ±HH:MM; a time without an offset is ambiguous)");
  long offset_seconds = 0;
  char c = text[pos];
  if (c == 'Z' || c == 'z') {
    ++pos;
  } else if (c == '+' || c == '-') {
    int oh = digits(text, pos + 1, 2), om = digits(text, pos + 4, 2);
    if (oh < 0 || pos + 3 >= text.size() || text[pos + 3] != ':' || om < 0)
      return fail("expected a UTC offset such as Z, +05:30 or -04:00");
    if (oh > 23 || om > 59) return fail(fmt::format("offset {} is out of range", text.substr(pos, 6)));
    offset_seconds = (oh * 3600L + om * 60L) * (c == '-' ? -1 : 1);
    pos += 6;
  } else {
    return fail("expected a UTC offset such as Z, +05:30 or -04:00");
  }
  if (pos != text.size()) return fail(fmt::format("unexpected {} after the offset", quote_value(text.substr(pos))));

  instant t = instant{std::chrono::sys_days{ymd}} + std::chrono::seconds{hour * 3600L + minute * 60L + second} -
              std::chrono::seconds{offset_seconds};
  if (t < min_instant || t > max_instant)
    return fail("outside the supported range 1900-01-01T00:00:00Z to 2200-01-01T00:00:00Z", error_code::out_of_range);
  return {t, error_code::invalid_timestamp, {}};
}

// The common form, 2026-03-08T06:59:00Z, read without the general path's bookkeeping; nullopt
// for any other text (the general path reads it, or says what is wrong).
std::optional<instant> parse_plain_utc(std::string_view text) noexcept {
  if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != 'Z')
    return std::nullopt;
  const int year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
  const int hour = digits(text, 11, 2), minute = digits(text, 14, 2), second = digits(text, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 ||
      second < 0 || second > 59)
    return std::nullopt;
  const auto ymd = std::chrono::year{year} / std::chrono::month{unsigned(month)} / std::chrono::day{unsigned(day)};
  if (!ymd.ok()) return std::nullopt;
  const instant t = instant{std::chrono::sys_days{ymd}} + std::chrono::seconds{hour * 3600L + minute * 60L + second};
  if (t < min_instant || t > max_instant) return std::nullopt;
  return t;
}

}  // namespace

instant parse_instant(std::string_view text) {
  if (auto t = parse_plain_utc(text)) return *t;
  parse_result r = parse(text);
  if (!r.value) throw error(r.code, std::move(r.why));
  return *r.value;
}

std::optional<instant> try_parse_instant(std::string_view text, std::string* why) noexcept {
  if (auto t = parse_plain_utc(text)) return t;
  try {
    parse_result r = parse(text);
    if (!r.value && why) *why = std::move(r.why);
    return r.value;
  } catch (...) {  // only std::bad_alloc can reach here
    if (why) why->clear();
    return std::nullopt;
  }
}

std::string format_instant(instant t) {
  auto day = std::chrono::floor<std::chrono::days>(t);
  std::chrono::year_month_day ymd{day};
  std::chrono::hh_mm_ss hms{t - day};
  return fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}Z", int(ymd.year()), unsigned(ymd.month()),
                     unsigned(ymd.day()), hms.hours().count(), hms.minutes().count(), hms.seconds().count());
}

}  // namespace sla
