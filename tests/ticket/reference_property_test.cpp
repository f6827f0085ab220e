// Random ticket histories on the seed policies, evaluated by the library (from scratch and
// incrementally) and by the minute-stepping reference in tests/reference/reference_tickets.
#include <catch2/catch.hpp>

#include <sla/ticket.hpp>

#include <random>

#include "reference/reference_tickets.hpp"

namespace {

using sla::event_kind;
using sla::instant;
using std::chrono::seconds;

struct seed_case {
  const char* file;
  std::vector<const char*> zones;  // tenant zones to try ("" = none)
};

std::string text(const std::optional<instant>& t) { return t ? sla::format_instant(*t) : "none"; }

template <class T>
const T& pick(std::mt19937_64& rng, const std::vector<T>& v) {
  return v[rng() % v.size()];
}

std::vector<sla::ticket_event> random_history(std::mt19937_64& rng, const sla::policy& p, const char* zone) {
  std::vector<sla::ticket_event> events;
  // Whole minutes over 2026, so that DST switches and holidays come up.
  instant at = sla::parse_instant("2026-01-01T00:00:00Z") + seconds{static_cast<long long>(rng() % (360 * 1440)) * 60};
  sla::ticket_event created;
  created.at = at;
  created.kind = event_kind::created;
  created.type = pick(rng, p.types());
  created.severity = pick(rng, p.severities());
  if (!p.plans().empty()) created.plan = pick(rng, p.plans());
  created.timezone = zone;
  events.push_back(created);
  int n = static_cast<int>(rng() % 8);
  for (int i = 0; i < n; ++i) {
    at += seconds{static_cast<long long>(rng() % (2 * 1440)) * 60};
    sla::ticket_event e;
    e.at = at;
    switch (rng() % 7) {
      case 0: e.kind = event_kind::responded; break;
      case 1: e.kind = event_kind::resolved; break;
      case 2: e.kind = event_kind::reopened; break;
      case 3: e.kind = event_kind::severity; e.severity = pick(rng, p.severities()); break;
      case 4: if (rng() % 4 == 0) { e.kind = event_kind::cancelled; break; } [[fallthrough]];
      default: e.kind = event_kind::status; e.status = pick(rng, p.statuses()); break;
    }
    events.push_back(e);
  }
  return events;
}

}  // namespace

TEST_CASE("ticket clocks agree with the minute-stepping reference on random histories", "[ticket][reference]") {
  const std::vector<seed_case> cases = {
      {"avallain.yaml", {""}},
      {"xen.yaml", {"", "Europe/London", "America/New_York"}},
      {"advendio.yaml", {""}},
      {"schoolstatus.yaml", {""}},
  };
  std::mt19937_64 rng(4242);
  int compared = 0;
  for (const auto& c : cases) {
    sla::policy p = sla::policy::load(std::string(SLA_SOURCE_DIR "/policies/") + c.file);
    for (int k = 0; k < 40; ++k) {
      const char* zone = pick(rng, c.zones);
      auto events = random_history(rng, p, zone);
      instant now = events.back().at + seconds{static_cast<long long>(rng() % (3 * 1440)) * 60};
      sla::ticket ticket("R");
      sla::ticket_tracker tracker(p, "R");
      for (const auto& e : events) {
        ticket.append(e, &p);
        tracker.append(e);
      }
      auto fast = sla::evaluate(p, ticket, now);
      auto incremental = tracker.evaluate(now);
      auto slow = sla_ref::evaluate_ticket(p, ticket.events(), now);
      REQUIRE(fast.targets.size() == slow.size());
      for (std::size_t i = 0; i < fast.targets.size(); ++i) {
        const auto& f = fast.targets[i];
        const auto& s = slow.at(f.name);
        INFO(c.file << " zone '" << zone << "' ticket " << k << " target " << f.name << " created "
                    << sla::format_instant(events.front().at) << " now " << sla::format_instant(now));
        CHECK(f.state == s.state);
        CHECK(f.accrued.count() == s.accrued);
        CHECK(text(f.met_at) == text(s.met_at));
        CHECK(text(f.breached_at) == text(s.breached_at));
        CHECK(text(f.deadline) == text(s.deadline));
        CHECK(incremental.targets[i].deadline == f.deadline);
        CHECK(incremental.targets[i].accrued == f.accrued);
        ++compared;
      }
    }
  }
  CHECK(compared > 200);
}
