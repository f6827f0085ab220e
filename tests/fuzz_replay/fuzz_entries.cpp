// See fuzz_entries.hpp. Compiled into sla-tests (this folder is picked up by the test glob) and
// into every libFuzzer program of tests/fuzz/.
#include "fuzz_replay/fuzz_entries.hpp"

#include <sla/calendar.hpp>
#include <sla/error.hpp>
#include <sla/policy.hpp>
#include <sla/ticket.hpp>
#include <sla/time.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <climits>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sla_fuzz {
namespace {

using namespace std::chrono_literals;
using std::chrono::seconds;

const std::string policies_dir = SLA_SOURCE_DIR "/policies";

std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return size == 0 ? std::string_view{} : std::string_view(reinterpret_cast<const char*>(data), size);
}

template <typename... Args>
void expect(bool ok, fmt::format_string<Args...> what, Args&&... args) {
  if (!ok) throw invariant_violation(fmt::format(what, std::forward<Args>(args)...));
}

std::string shown(std::optional<sla::instant> t) { return t ? sla::format_instant(*t) : "never"; }
std::string shown(sla::instant t) {
  if (t >= sla::min_instant - 24h * 366 * 100 && t <= sla::max_instant + 24h * 366 * 100) return sla::format_instant(t);
  return fmt::format("{}s", t.time_since_epoch().count());
}
bool in_range(sla::instant t) { return t >= sla::min_instant && t <= sla::max_instant; }

// A small deterministic generator seeded from the input bytes (FNV-1a, then splitmix64), so the
// same input always runs the same operations.
class generator {
 public:
  explicit generator(std::string_view bytes) {
    std::uint64_t h = 14695981039346656037ull;
    for (char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    state_ = h;
  }
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  // Uniform enough in [lo, hi].
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    auto span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
    if (span == std::numeric_limits<std::uint64_t>::max()) return static_cast<std::int64_t>(next());
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + next() % (span + 1));
  }

 private:
  std::uint64_t state_;
};

// Runs `op`, which uses instant(s) in the supported range or not: in range it must not throw;
// out of range it must throw sla::error(out_of_range). Returns whether it ran.
template <typename F>
bool guarded(bool args_in_range, std::string_view what, F&& op) {
  try {
    op();
  } catch (const sla::error& e) {
    expect(!args_in_range, "{}: threw for instants in the supported range: {}", what, e.what());
    expect(e.code() == sla::error_code::out_of_range, "{}: an instant out of range threw {} instead of out_of_range",
           what, e.what());
    return false;
  }
  expect(args_in_range, "{}: accepted an instant outside the supported range", what);
  return true;
}

// ---- calendar ------------------------------------------------------------------------------------

constexpr seconds horizon = 24h * 7305;  // calendar.hpp: "none within 20 years"

struct calendar_checks {
  const sla::business_calendar& cal;
  generator& gen;
  std::vector<sla::instant> spec_days;  // midnights (UTC) of the spec's own dates, in range

  sla::instant any_instant() {
    using sla::instant;
    std::int64_t min = sla::min_instant.time_since_epoch().count(), max = sla::max_instant.time_since_epoch().count();
    switch (gen.next() % 8) {
      case 0: return instant{seconds{gen.between(min, max)}};
      case 1: return instant{seconds{gen.between(min, min + 40 * 86400)}};
      case 2: return instant{seconds{gen.between(max - 40 * 86400, max)}};
      case 3: return instant{seconds{gen.between(min - 3 * 86400, min + 3)}};  // sometimes before the range
      case 4: return instant{seconds{gen.between(max - 3, max + 3 * 86400)}};  // sometimes after it
      case 5:
        if (!spec_days.empty()) {
          instant day = spec_days[gen.next() % spec_days.size()];
          return day + seconds{gen.between(-3 * 86400, 4 * 86400)};
        }
        [[fallthrough]];
      default: {
        // 2020–2030, where the fixture zones change offsets twice a year.
        std::int64_t from = 1577836800, to = 1893456000;
        return instant{seconds{gen.between(from, to)}};
      }
    }
  }

  seconds any_duration() {
    switch (gen.next() % 10) {
      case 0: return seconds{std::numeric_limits<std::int64_t>::max()};
      case 1: return seconds{std::numeric_limits<std::int64_t>::min()};
      case 2: return seconds{-std::numeric_limits<std::int64_t>::max()};
      case 3: return seconds{gen.between(0, 300LL * 366 * 86400)};
      case 4: return seconds{gen.between(-7 * 86400, 0)};
      case 5: return seconds{gen.between(0, 3)};
      default: return seconds{gen.between(1, 14 * 86400)};
    }
  }

  sla::instant clamp_to_max(sla::instant t) const { return std::min(t, sla::max_instant); }

  void check_add(sla::instant t, seconds d) {
    std::optional<sla::instant> u;
    if (!guarded(in_range(t), "add", [&] { u = cal.add(t, d); })) return;
    std::string at = fmt::format("add({}, {}s) = {}", shown(t), d.count(), shown(u));
    if (d == 0s) return expect(u == t, "{}: adding nothing must give t", at);
    if (d < 0s) {
      if (d.count() == std::numeric_limits<std::int64_t>::min()) return;
      auto v = cal.subtract(t, -d);
      return expect(u == v, "{}: a negative duration must equal subtract(t, {}s) = {}", at, -d.count(), shown(v));
    }
    if (u) {
      expect(in_range(*u) && *u >= t, "{}: the result lies before t or outside the range", at);
      expect(cal.elapsed(t, *u) == d, "{}: elapsed(t, result) = {}s", at, cal.elapsed(t, *u).count());
      if (*u > t) expect(cal.elapsed(t, *u - 1s) == d - 1s, "{}: not the earliest such instant", at);
    } else {
      seconds to_max = cal.elapsed(t, sla::max_instant);
      seconds soon = cal.elapsed(t, clamp_to_max(t + std::min(horizon, sla::max_instant - t)));
      expect(!(to_max >= d && soon > 0s), "{}: there are {}s of business time before the range ends, {}s within 20 years",
             at, to_max.count(), soon.count());
    }
  }

  void check_subtract(sla::instant t, seconds d) {
    std::optional<sla::instant> u;
    if (!guarded(in_range(t), "subtract", [&] { u = cal.subtract(t, d); })) return;
    std::string at = fmt::format("subtract({}, {}s) = {}", shown(t), d.count(), shown(u));
    if (d == 0s) return expect(u == t, "{}: subtracting nothing must give t", at);
    if (d < 0s) {
      if (d.count() == std::numeric_limits<std::int64_t>::min()) return;
      auto v = cal.add(t, -d);
      return expect(u == v, "{}: a negative duration must equal add(t, {}s) = {}", at, -d.count(), shown(v));
    }
    seconds before = cal.elapsed(sla::min_instant, t);
    if (u) {
      expect(in_range(*u) && *u <= t, "{}: the result lies after t or outside the range", at);
      expect(cal.elapsed(*u, t) == d, "{}: elapsed(result, t) = {}s", at, cal.elapsed(*u, t).count());
      if (*u < t) expect(cal.elapsed(*u + 1s, t) == d - 1s, "{}: not the latest such instant", at);
    } else {
      expect(before < d, "{}: there are {}s of business time since the range began", at, before.count());
    }
  }

  void check_elapsed(sla::instant a, sla::instant b, sla::instant c) {
    seconds ab{}, bc{}, ac{}, ba{};
    bool ok = in_range(a) && in_range(b) && in_range(c);
    if (!guarded(ok, "elapsed", [&] {
          ab = cal.elapsed(a, b);
          bc = cal.elapsed(b, c);
          ac = cal.elapsed(a, c);
          ba = cal.elapsed(b, a);
        }))
      return;
    std::string at = fmt::format("elapsed over {}, {}, {}", shown(a), shown(b), shown(c));
    auto wall = [](sla::instant x, sla::instant y) { return y > x ? y - x : 0s; };
    expect(ab >= 0s && ab <= wall(a, b), "{}: elapsed(a, b) = {}s", at, ab.count());
    if (a <= b && b <= c) expect(ac == ab + bc, "{}: {}s + {}s != {}s", at, ab.count(), bc.count(), ac.count());
    if (b > a) expect(ba == 0s, "{}: elapsed(b, a) = {}s with b > a", at, ba.count());
  }

  void check_open(sla::instant t) {
    bool open = false;
    if (!guarded(in_range(t), "is_open", [&] { open = cal.is_open(t); })) return;
    if (t < sla::max_instant)
      expect(open == (cal.elapsed(t, t + 1s) == 1s), "is_open({}) = {} disagrees with elapsed", shown(t), open);

    std::optional<sla::instant> u;
    guarded(true, "next_open", [&] { u = cal.next_open(t); });
    std::string at = fmt::format("next_open({}) = {}", shown(t), shown(u));
    if (u) {
      expect(in_range(*u) && *u >= t, "{}: before t or outside the range", at);
      expect(cal.is_open(*u), "{}: the result is not business time", at);
      expect(cal.elapsed(t, *u) == 0s, "{}: business time before the result", at);
      expect(!open || *u == t, "{}: t itself is open", at);
    } else {
      seconds soon = cal.elapsed(t, clamp_to_max(t + std::min(horizon, sla::max_instant - t)));
      expect(soon == 0s, "{}: {}s of business time within 20 years", at, soon.count());
    }

    std::optional<sla::instant> close;
    guarded(true, "next_close", [&] { close = cal.next_close(t); });
    at = fmt::format("next_close({}) = {}", shown(t), shown(close));
    if (close) {
      expect(in_range(*close) && *close >= t, "{}: before t or outside the range", at);
      expect(!cal.is_open(*close), "{}: the result is business time", at);
      expect(cal.elapsed(t, *close) == *close - t, "{}: a closed stretch before the result", at);
      expect(open == (*close > t), "{}: is_open(t) is {}", at, open);
    } else {
      expect(cal.elapsed(t, sla::max_instant) == sla::max_instant - t, "{}: not business time all the way", at);
    }
  }

  void check_business_days(sla::instant t, int n) {
    std::optional<sla::instant> u;
    if (!guarded(in_range(t), "add_business_days", [&] { u = cal.add_business_days(t, n); })) return;
    std::string at = fmt::format("add_business_days({}, {}) = {}", shown(t), n, shown(u));
    if (n < 0) return expect(!u, "{}: a negative count must give never", at);
    if (u) expect(in_range(*u), "{}: outside the range", at);
    if (n == 0) {
      auto open = cal.next_open(t);
      expect(u == open, "{}: zero days must stay on the start, next_open = {}", at, shown(open));
    }

    std::optional<sla::instant> close;
    guarded(true, "next_business_day_close", [&] { close = cal.next_business_day_close(t); });
    at = fmt::format("next_business_day_close({}) = {}", shown(t), shown(close));
    if (close) expect(in_range(*close) && *close > t, "{}: not after t", at);
  }
};

void check_spec(const sla::calendar_spec& spec) {
  for (std::size_t d = 0; d < 7; ++d)
    for (const auto& w : spec.hours[d])
      expect(w.start >= 0s && w.start < 24h && w.end > 0s && w.end <= 24h && w.end != w.start,
             "parse_calendar_spec accepted a window {}s-{}s", w.start.count(), w.end.count());
  for (const auto& h : spec.holidays) expect(h.date.ok(), "parse_calendar_spec accepted an impossible holiday");
  for (const auto& s : spec.special_days) expect(s.date.ok(), "parse_calendar_spec accepted an impossible special day");
}

// ---- events --------------------------------------------------------------------------------------

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> out;
  std::size_t from = 0;
  for (;;) {
    auto at = text.find(separator, from);
    if (at == std::string_view::npos) {
      out.push_back(text.substr(from));
      return out;
    }
    out.push_back(text.substr(from, at - from));
    from = at + 1;
  }
}

void same_evaluation(const sla::ticket_evaluation& a, const sla::ticket_evaluation& b, sla::instant now) {
  std::string at = fmt::format("evaluate at {} and ticket_tracker", shown(now));
  expect(a.type == b.type && a.severity == b.severity && a.plan == b.plan, "{}: different cells", at);
  expect(a.next_change == b.next_change, "{}: next_change {} vs {}", at, shown(a.next_change), shown(b.next_change));
  expect(a.targets.size() == b.targets.size(), "{}: {} targets vs {}", at, a.targets.size(), b.targets.size());
  for (std::size_t i = 0; i < a.targets.size(); ++i) {
    const auto &x = a.targets[i], &y = b.targets[i];
    expect(x.name == y.name && x.calendar == y.calendar && x.amount == y.amount, "{}: target {} differs", at, i);
    expect(x.state == y.state, "{}: {} is {} vs {}", at, x.name, sla::to_string(x.state), sla::to_string(y.state));
    expect(x.deadline == y.deadline, "{}: {} deadline {} vs {}", at, x.name, shown(x.deadline), shown(y.deadline));
    expect(x.met_at == y.met_at && x.breached_at == y.breached_at, "{}: {} met/breached differ", at, x.name);
    expect(x.target == y.target && x.accrued == y.accrued && x.remaining == y.remaining,
           "{}: {} target/accrued/remaining {}/{}/{} vs {}/{}/{}", at, x.name, x.target.count(), x.accrued.count(),
           x.remaining.count(), y.target.count(), y.accrued.count(), y.remaining.count());
    expect(x.warnings == y.warnings && x.escalation == y.escalation && x.cycles == y.cycles,
           "{}: {} warnings/escalation/cycles differ", at, x.name);
  }
}

void check_evaluation(const sla::ticket_evaluation& e, const sla::ticket& t, sla::instant now) {
  sla::instant created = t.events().front().at;
  for (const auto& s : e.targets) {
    std::string at = fmt::format("evaluate at {}: {}", shown(now), s.name);
    expect(s.accrued >= 0s, "{}: accrued {}s", at, s.accrued.count());
    if (now >= created) expect(s.accrued <= now - created, "{}: accrued {}s in {}s", at, s.accrued.count(), (now - created).count());
    if (s.target > 0s) expect(s.remaining == s.target - s.accrued, "{}: remaining != target - accrued", at);
    expect(s.cycles >= 1, "{}: {} cycles", at, s.cycles);
    if (s.state == sla::target_state::breached) expect(s.breached_at.has_value(), "{}: breached without an instant", at);
  }
  if (e.next_change) expect(*e.next_change > now, "evaluate at {}: next_change {} is not after now", shown(now), shown(e.next_change));
}

const sla::policy& avallain() {
  static const sla::policy p = sla::policy::load(policies_dir + "/avallain.yaml");
  return p;
}

}  // namespace

// ---- the entries -----------------------------------------------------------------------------------

void policy_loader(const std::uint8_t* data, std::size_t size) {
  std::string_view text = as_text(data, size);
  const std::string source = "fuzz.yaml";
  std::vector<sla::problem> problems = sla::validate_policy(text, source, policies_dir);
  bool has_errors = std::any_of(problems.begin(), problems.end(),
                                [](const sla::problem& p) { return p.severity == sla::problem_severity::error; });
  for (const auto& p : problems) expect(!p.message.empty(), "validate_policy: a problem without a message");
  std::optional<sla::policy> loaded;
  try {
    loaded.emplace(sla::policy::parse(text, source, policies_dir));
  } catch (const sla::error& e) {
    expect(has_errors, "policy::parse threw ({}) but validate_policy found no error", e.what());
    return;
  }
  expect(!has_errors, "policy::parse accepted a policy in which validate_policy found errors");

  const sla::policy& p = *loaded;
  expect(!p.types().empty() && !p.calendars().empty(), "a loaded policy without types or calendars");
  const sla::instant start = sla::parse_instant("2026-03-06T21:30:00Z");
  std::vector<std::string> plans(p.plans().begin(), p.plans().begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(p.plans().size(), 3)));
  plans.push_back("");
  std::size_t cells = 0;
  // A policy without severities has one cell per type and plan, named with an empty severity.
  std::vector<std::string> severities = p.severities().empty() ? std::vector<std::string>{""} : p.severities();
  for (const auto& type : p.types())
    for (const auto& severity : severities)
      for (const auto& plan : plans) {
        if (++cells > 64) break;
        std::vector<sla::target_definition> defs;
        try {
          defs = p.targets_for(type, severity, plan);
        } catch (const sla::error& e) {
          throw invariant_violation(fmt::format("targets_for({}, {}, {}) threw for declared names: {}", type, severity, plan, e.what()));
        }
        for (const auto& d : defs) {
          for (std::string_view zone : {"", "Europe/Berlin"}) {
            try {
              auto due = p.deadline(d, start, zone);
              if (due) expect(*due >= start, "deadline of {} for {}/{} is before its start", d.name, type, severity);
            } catch (const sla::error& e) {
              throw invariant_violation(fmt::format("deadline({}) threw: {}", d.name, e.what()));
            }
          }
        }
      }
  for (const auto& c : p.calendars()) {
    try {
      (void)p.calendar(c.name).next_open(start);
    } catch (const sla::error& e) {
      throw invariant_violation(fmt::format("calendar({}) of a loaded policy threw: {}", c.name, e.what()));
    }
  }
  (void)p.classify("high", "high");
}

void rfc3339(const std::uint8_t* data, std::size_t size) {
  std::string_view text = as_text(data, size);
  std::string why;
  std::optional<sla::instant> t = sla::try_parse_instant(text, &why);
  try {
    sla::instant u = sla::parse_instant(text);
    expect(t == u, "parse_instant and try_parse_instant disagree");
  } catch (const sla::error& e) {
    expect(!t, "parse_instant threw ({}) where try_parse_instant gave {}", e.what(), shown(t));
    expect(e.code() == sla::error_code::invalid_timestamp || e.code() == sla::error_code::out_of_range,
           "parse_instant threw an unexpected code: {}", e.what());
    expect(!why.empty(), "try_parse_instant failed without a reason");
    return;
  }
  expect(t.has_value(), "parse_instant accepted what try_parse_instant rejected");
  expect(in_range(*t), "accepted {} outside the supported range", shown(*t));
  // Round trip: the text less its fraction, with T and Z in upper case, is the UTC rendering
  // (for Z) or the rendering in the fixed zone of its offset.
  std::string canonical(text.substr(0, 19));
  canonical[10] = 'T';
  std::size_t pos = 19;
  if (pos < text.size() && text[pos] == '.')
    while (++pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
    }
  std::string_view offset = text.substr(pos);
  if (offset == "Z" || offset == "z") {
    expect(sla::format_instant(*t) == canonical + "Z", "\"{}\" formats as {}", text, sla::format_instant(*t));
  } else {
    expect(offset.size() == 6, "accepted the offset \"{}\"", offset);
    if (offset != "-00:00") {
      std::string local = sla::time_zone::load(offset).format_local(*t);
      expect(local == canonical + std::string(offset), "\"{}\" formats in its own offset as {}", text, local);
    }
    expect(sla::parse_instant(sla::format_instant(*t)) == *t, "{} does not parse back", sla::format_instant(*t));
  }
}

void duration(const std::uint8_t* data, std::size_t size) {
  std::string_view text = as_text(data, size);
  sla::target_amount a;
  try {
    a = sla::parse_target_amount(text);
  } catch (const sla::error& e) {
    expect(e.code() == sla::error_code::invalid_argument, "parse_target_amount threw an unexpected code: {}", e.what());
    return;
  }
  switch (a.kind) {
    case sla::amount_kind::business_time:
      expect(a.time > 0s && a.time <= 24h * 366 * 100, "\"{}\" gave {}s", text, a.time.count());
      break;
    case sla::amount_kind::business_days: expect(a.days >= 1 && a.days <= 3650, "\"{}\" gave {} days", text, a.days); break;
    case sla::amount_kind::none:
    case sla::amount_kind::next_business_day: break;
  }
  std::string formatted = sla::format_target_amount(a);
  sla::target_amount again;
  try {
    again = sla::parse_target_amount(formatted);
  } catch (const sla::error& e) {
    throw invariant_violation(fmt::format("\"{}\" formats as \"{}\", which does not parse: {}", text, formatted, e.what()));
  }
  expect(again == a, "\"{}\" formats as \"{}\", which parses to something else", text, formatted);
}

void calendar(const std::uint8_t* data, std::size_t size) {
  std::string_view text = as_text(data, size);
  sla::calendar_spec spec;
  try {
    spec = sla::parse_calendar_spec(text);
  } catch (const sla::error& e) {
    expect(e.code() == sla::error_code::invalid_calendar || e.code() == sla::error_code::unknown_time_zone,
           "parse_calendar_spec threw an unexpected code: {}", e.what());
    return;
  }
  check_spec(spec);
  std::optional<sla::business_calendar> compiled;
  try {
    compiled.emplace(spec);
  } catch (const sla::error& e) {
    expect(e.code() == sla::error_code::unknown_time_zone || e.code() == sla::error_code::invalid_calendar,
           "business_calendar threw an unexpected code: {}", e.what());
    return;
  }
  expect(compiled->spec() == spec, "the compiled calendar's spec differs from the one given");

  generator gen(text);
  calendar_checks checks{*compiled, gen, {}};
  auto keep = [&](std::chrono::year_month_day d) {
    sla::instant midnight{std::chrono::sys_days{d}};
    if (in_range(midnight)) checks.spec_days.push_back(midnight);
  };
  for (const auto& h : spec.holidays) keep(h.date);
  for (const auto& s : spec.special_days) keep(s.date);

  for (int round = 0; round < 6; ++round) {
    sla::instant t = checks.any_instant();
    checks.check_open(t);
    checks.check_add(t, checks.any_duration());
    checks.check_subtract(t, checks.any_duration());
    std::vector<sla::instant> abc = {t, checks.any_instant(), t + seconds{gen.between(0, 30 * 86400)}};
    std::sort(abc.begin(), abc.end());
    checks.check_elapsed(abc[0], abc[1], abc[2]);
    constexpr int counts[] = {0, 1, 2, 5, -1, INT_MAX, 3650};
    int n = gen.next() % 2 ? counts[gen.next() % std::size(counts)] : static_cast<int>(gen.between(0, 400));
    checks.check_business_days(t, n);
  }
}

void events(const std::uint8_t* data, std::size_t size) {
  std::string_view text = as_text(data, size);
  if (text.size() > 1 << 16) return;  // an event list, not a stress test of the line splitter
  const sla::policy& p = avallain();
  auto lines = split(text, '\n');
  auto now = sla::try_parse_instant(lines[0]);
  if (!now) return;

  // Tickets by id, each with its tracker, in order of first appearance (at most 8).
  struct history {
    sla::ticket ticket;
    sla::ticket_tracker tracker;
  };
  std::vector<history> tickets;
  for (std::size_t i = 1; i < lines.size() && i <= 64; ++i) {
    auto f = split(lines[i], ',');
    f.resize(9);  // ticket,at,event,type,severity,plan,timezone,users_affected,status
    sla::ticket_event e;
    auto at = sla::try_parse_instant(f[1]);
    auto kind = sla::parse_event_kind(f[2]);
    if (!at || !kind) continue;
    e.at = *at;
    e.kind = *kind;
    e.type = f[3];
    e.severity = f[4];
    e.plan = f[5];
    e.timezone = f[6];
    long long users = 0;
    if (!f[7].empty()) {
      auto [end, ec] = std::from_chars(f[7].data(), f[7].data() + f[7].size(), users);
      if (ec == std::errc{} && end == f[7].data() + f[7].size()) e.users_affected = users;
    }
    e.status = f[8];
    std::string id(f[0]);
    auto it = std::find_if(tickets.begin(), tickets.end(), [&](const history& h) { return h.ticket.id() == id; });
    if (it == tickets.end()) {
      if (tickets.size() == 8) continue;
      tickets.push_back({sla::ticket(id), sla::ticket_tracker(p, id)});
      it = tickets.end() - 1;
    }
    std::string ticket_error, tracker_error;
    try {
      it->ticket.append(e, &p);
    } catch (const sla::error& bad) {
      ticket_error = bad.what();
    }
    try {
      it->tracker.append(e);
    } catch (const sla::error& bad) {
      tracker_error = bad.what();
    }
    expect(ticket_error.empty() == tracker_error.empty(), "line {}: ticket::append says \"{}\", ticket_tracker \"{}\"",
           i + 1, ticket_error, tracker_error);
  }

  std::vector<sla::ticket> open;
  for (const auto& [t, tracker] : tickets) {
    if (t.events().empty()) continue;
    open.push_back(t);
    std::optional<sla::ticket_evaluation> full, incremental;
    std::string full_error, incremental_error;
    try {
      full = sla::evaluate(p, t, *now);
    } catch (const sla::error& e) {
      full_error = e.what();
    }
    try {
      incremental = tracker.evaluate(*now);
    } catch (const sla::error& e) {
      incremental_error = e.what();
    }
    expect(full.has_value() == incremental.has_value(), "ticket {}: evaluate says \"{}\", ticket_tracker \"{}\"", t.id(),
           full_error, incremental_error);
    if (!full) continue;
    check_evaluation(*full, t, *now);
    same_evaluation(*full, *incremental, *now);
    for (const auto& s : full->targets) {
      try {
        auto segments = sla::explain(p, t, s.name, *now);
        for (std::size_t i = 1; i < segments.size(); ++i)
          expect(segments[i - 1].end == segments[i].start, "explain({}): a gap between stretches", s.name);
      } catch (const sla::error&) {
      }
    }
  }
  try {
    auto order = sla::queue_order(p, open, *now);
    for (auto i : order) expect(i < open.size(), "queue_order gave index {}", i);
  } catch (const sla::error&) {
  }
}

const std::vector<entry>& entries() {
  static const std::vector<entry> all = {
      {"policy", policy_loader}, {"rfc3339", rfc3339}, {"duration", duration}, {"calendar", calendar}, {"events", events},
  };
  return all;
}

}  // namespace sla_fuzz
