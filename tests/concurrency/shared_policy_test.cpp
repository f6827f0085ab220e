// Several threads share one policy, its calendars (including calendars compiled on first use
// for tenant zones) and one compiled calendar, compute deadlines and evaluate tickets, and every
// answer is compared with a single-threaded run of the same work. Run under ThreadSanitizer by
// scripts/test; under a normal build it still checks that the answers do not depend on threads.
#include <catch2/catch.hpp>

#include <sla/sla.hpp>

#include <random>
#include <thread>

namespace {

using sla::instant;
using std::chrono::seconds;

struct answer {
  std::optional<instant> add, next_open, business_days, deadline;
  seconds elapsed{0};
  std::vector<std::optional<instant>> ticket_deadlines;
  std::optional<instant> next_change;
  bool operator==(const answer&) const = default;
};

const char* tenant_zones[] = {"", "Europe/London", "America/New_York", "Asia/Kolkata", "Pacific/Chatham"};

answer work(const sla::policy& xen, const sla::policy& avallain, const sla::business_calendar& cal, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  instant base = sla::parse_instant("2026-01-01T00:00:00Z");
  instant t = base + seconds{static_cast<long long>(rng() % (730LL * 86400))};
  answer a;
  a.add = cal.add(t, seconds{static_cast<long long>(rng() % (200 * 3600))});
  a.elapsed = cal.elapsed(t, t + seconds{static_cast<long long>(rng() % (30 * 86400))});
  a.next_open = cal.next_open(t);
  a.business_days = cal.add_business_days(t, static_cast<int>(rng() % 10));
  const char* zone = tenant_zones[rng() % 5];
  auto targets = xen.targets_for("support", "high", "standard");
  a.deadline = xen.deadline(targets.at(0), t, zone);

  sla::ticket ticket("T");
  sla::ticket_event created;
  created.at = t;
  created.kind = sla::event_kind::created;
  created.type = "incident";
  created.severity = rng() % 2 ? "urgent" : "important";
  ticket.append(created, &avallain);
  sla::ticket_event waiting;
  waiting.at = t + seconds{600};
  waiting.kind = sla::event_kind::status;
  waiting.status = "waiting_for_customer";
  ticket.append(waiting, &avallain);
  sla::ticket_event back = waiting;
  back.at = t + seconds{4000};
  back.status = "in_progress";
  ticket.append(back, &avallain);
  auto ev = sla::evaluate(avallain, ticket, t + seconds{static_cast<long long>(rng() % 86400)});
  for (const auto& s : ev.targets) a.ticket_deadlines.push_back(s.deadline);
  a.next_change = ev.next_change;
  return a;
}

}  // namespace

TEST_CASE("concurrency: threads sharing a policy and calendars give the single-threaded answers", "[concurrency]") {
  const sla::policy xen = sla::policy::load(SLA_SOURCE_DIR "/policies/xen.yaml");
  const sla::policy avallain = sla::policy::load(SLA_SOURCE_DIR "/policies/avallain.yaml");
  sla::calendar_spec spec = sla::parse_calendar_spec(R"({"timezone": "America/New_York", "hours": {"mon-fri": ["08:00-18:00"]},
                                                          "holidays": [2026-11-26, 2026-12-25]})");
  const sla::business_calendar cal(spec);

  constexpr int jobs = 400;
  std::vector<answer> expected;
  {
    // The single-threaded run uses fresh copies, so the tenant calendars the threads compile
    // on first use are compiled concurrently there.
    const sla::policy xen_alone = sla::policy::load(SLA_SOURCE_DIR "/policies/xen.yaml");
    for (int j = 0; j < jobs; ++j) expected.push_back(work(xen_alone, avallain, cal, static_cast<std::uint64_t>(j)));
  }

  constexpr int threads = 4;
  std::vector<std::vector<answer>> got(threads);
  std::vector<std::thread> pool;
  for (int k = 0; k < threads; ++k)
    pool.emplace_back([&, k] {
      for (int j = 0; j < jobs; ++j) got[static_cast<std::size_t>(k)].push_back(work(xen, avallain, cal, static_cast<std::uint64_t>(j)));
    });
  for (auto& th : pool) th.join();
  for (int k = 0; k < threads; ++k) CHECK(got[static_cast<std::size_t>(k)] == expected);
}
