// Ticket clocks: evaluate() of a 10-event ticket under policies/avallain.yaml, its naive
// baseline, and evaluation throughput on one and two threads sharing one policy.
//
//   BM_Ticket_Evaluate/<ticket>               sla::evaluate(policy, ticket, now): replays the 10
//                                             events, then builds the result — each target's state,
//                                             deadline, warnings, and the evaluation's next_change
//                                             (there is no separate next_change call: it is a field
//                                             of the result, so its cost is inside this figure)
//   BM_Ticket_EvaluateResolved/<ticket>       sla::evaluate(policy, resolved_history, now): the same
//                                             ticket with its names resolved once beforehand
//                                             (sla::resolve_event), as a host that keeps events
//                                             in that form (sla-check does) evaluates it
//   BM_Ticket_TrackerEvaluate/<ticket>        ticket_tracker::evaluate(now) after the 10 appends:
//                                             the incremental path (copies the clocks, advances to now)
//   BM_Naive_Evaluate/bug_urgent_10_events    the same answers from the reference calendar, by a
//                                             minimal replay written here for this ticket shape
//                                             (pauses, the responded stop, 75%/90% warnings): every
//                                             elapsed/add walks minutes. Checked against evaluate()
//                                             before timing; `mismatches` counts disagreements.
//   BM_Ticket_EvaluateThroughput/shared_policy/threads:N
//                                             N threads evaluate their own tickets (a disjoint slice
//                                             each) against ONE policy object; items = events, so
//                                             items_per_second is events evaluated per second, all
//                                             threads together (wall time)
//   BM_Ticket_EvaluateThroughput/shared_policy_resolved/threads:N
//                                             the shared policy again, on resolved histories
//   BM_Ticket_EvaluateThroughput/policy_per_thread/threads:N
//                                             the same, each thread with its own policy::load() of the
//                                             file: nothing shared between threads at all, to show
//                                             what sharing the policy costs
//
// Tickets (random, fixed seed): created uniformly over 2024–2029, then open, in_progress,
// waiting_for_customer (pauses both targets), in_progress, responded (meets the response),
// waiting_for_customer, in_progress, escalated, in_progress — gaps of minutes to two days —
// evaluated at a `now` up to 10 hours after the last event.
//   bug_urgent_10_events       bug/urgent: working-days calendar (Mon–Fri 00:00–24:00 UTC),
//                              response 24h, resolution 5 business days
//   incident_urgent_10_events  incident/urgent: always calendar, response 15m, resolution 8h
#include <benchmark/benchmark.h>

#include <sla/policy.hpp>
#include <sla/ticket.hpp>

#include <reference/reference_calendar.hpp>

#include "bench_common.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <stdexcept>

namespace {

using namespace sla_bench;
using std::chrono::seconds;

const std::string policy_path = source_dir + "/policies/avallain.yaml";

struct sample {
  sla::ticket ticket{""};
  sla::instant now;
};

sla::ticket_event status_event(sla::instant at, std::string status) {
  sla::ticket_event e;
  e.at = at;
  e.kind = sla::event_kind::status;
  e.status = std::move(status);
  return e;
}

std::vector<sample> make_tickets(const sla::policy& p, const std::string& type, std::size_t n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto minutes = [&](int lo, int hi) { return seconds{std::uniform_int_distribution<int>(lo, hi)(rng) * 60}; };
  std::vector<sla::instant> created = random_instants(n, seed, instant_of(2024, 1, 1), instant_of(2030, 1, 1));
  std::vector<sample> out;
  for (std::size_t i = 0; i < n; ++i) {
    sample s;
    s.ticket = sla::ticket(type + "-" + std::to_string(i));
    sla::instant t = created[i];
    sla::ticket_event c;
    c.at = t;
    c.kind = sla::event_kind::created;
    c.type = type;
    c.severity = "urgent";
    s.ticket.append(c, &p);
    s.ticket.append(status_event(t += minutes(1, 30), "open"), &p);
    s.ticket.append(status_event(t += minutes(10, 120), "in_progress"), &p);
    s.ticket.append(status_event(t += minutes(30, 240), "waiting_for_customer"), &p);
    s.ticket.append(status_event(t += minutes(60, 2880), "in_progress"), &p);
    sla::ticket_event responded;
    responded.at = t += minutes(5, 60);
    responded.kind = sla::event_kind::responded;
    s.ticket.append(responded, &p);
    s.ticket.append(status_event(t += minutes(60, 600), "waiting_for_customer"), &p);
    s.ticket.append(status_event(t += minutes(60, 2880), "in_progress"), &p);
    s.ticket.append(status_event(t += minutes(60, 600), "escalated"), &p);
    s.ticket.append(status_event(t += minutes(60, 600), "in_progress"), &p);
    s.now = t + minutes(1, 600);
    out.push_back(std::move(s));
  }
  return out;
}

// ---- The naive baseline: this ticket shape, replayed on the reference calendar ---------------

struct naive_answer {
  std::array<seconds, 2> accrued{};
  std::array<std::optional<sla::instant>, 2> deadline;
  std::optional<sla::instant> next_change;
};

// Avallain bug/urgent: response 24h and resolution 5 business days on the working-days calendar;
// waiting_for_customer pauses both; `responded` meets the response; warnings at 75% and 90%.
naive_answer naive_evaluate(const sla_ref::reference_calendar& cal, const sla::ticket& t, sla::instant now) {
  const auto& events = t.events();
  sla::instant created = events.front().at;
  std::array<long long, 2> target{24 * 3600, cal.elapsed(created, cal.add_business_days(created, 5).value())};
  std::array<long long, 2> accrued{0, 0};
  std::array<std::optional<sla::instant>, 2> breached, met;
  std::string status;
  for (std::size_t i = 0; i < events.size() && events[i].at <= now; ++i) {
    const auto& e = events[i];
    if (e.kind == sla::event_kind::status) status = e.status;
    if (e.kind == sla::event_kind::responded && !met[0]) met[0] = e.at;
    sla::instant to = i + 1 < events.size() && events[i + 1].at <= now ? events[i + 1].at : now;
    for (std::size_t k = 0; k < 2; ++k) {
      if (met[k] || status == "waiting_for_customer") continue;
      long long before = accrued[k];
      accrued[k] += cal.elapsed(e.at, to);
      if (!breached[k] && before < target[k] && accrued[k] >= target[k]) breached[k] = cal.add(e.at, target[k] - before);
    }
  }
  naive_answer out;
  auto consider = [&](std::optional<sla::instant> c) {
    if (c && *c > now && (!out.next_change || *c < *out.next_change)) out.next_change = c;
  };
  for (std::size_t k = 0; k < 2; ++k) {
    out.accrued[k] = seconds{accrued[k]};
    out.deadline[k] = breached[k] ? breached[k] : cal.add(met[k] ? *met[k] : now, target[k] - accrued[k]);
    bool running = !met[k] && status != "waiting_for_customer";
    if (!running) continue;
    if (!breached[k]) consider(out.deadline[k]);
    for (double percent : {75.0, 90.0}) {
      if (static_cast<double>(accrued[k]) * 100.0 >= percent * static_cast<double>(target[k])) continue;
      auto needed = static_cast<long long>(std::ceil(percent * static_cast<double>(target[k]) / 100.0));
      consider(cal.add(now, needed - accrued[k]));
    }
  }
  return out;
}

bool agrees(const naive_answer& naive, const sla::ticket_evaluation& fast) {
  if (fast.targets.size() != 2 || naive.next_change != fast.next_change) return false;
  for (std::size_t k = 0; k < 2; ++k)
    if (naive.accrued[k] != fast.targets[k].accrued || naive.deadline[k] != fast.targets[k].deadline) return false;
  return true;
}

// ---- Registration ----------------------------------------------------------------------------

constexpr std::size_t ticket_count = 1024;  // per kind; a power of two
constexpr double events_per_ticket = 10;

void register_all() {
  static const sla::policy shared = sla::policy::load(policy_path);
  static const std::vector<sample> bugs = make_tickets(shared, "bug", ticket_count, 7);
  static const std::vector<sample> incidents = make_tickets(shared, "incident", ticket_count, 11);

  struct kind {
    std::string name;
    const std::vector<sample>* tickets;
  };
  static const std::vector<kind> kinds = {{"bug_urgent_10_events", &bugs}, {"incident_urgent_10_events", &incidents}};

  for (const kind& k : kinds) {
    std::size_t with_next_change = 0;
    for (const sample& s : *k.tickets) with_next_change += sla::evaluate(shared, s.ticket, s.now).next_change ? 1 : 0;
    benchmark::RegisterBenchmark(("BM_Ticket_Evaluate/" + k.name).c_str(), [&k, with_next_change](benchmark::State& state) {
      std::size_t i = 0;
      for (auto _ : state) {
        const sample& s = (*k.tickets)[i & (ticket_count - 1)];
        auto r = sla::evaluate(shared, s.ticket, s.now);
        benchmark::DoNotOptimize(r);
        ++i;
      }
      state.counters["share_with_next_change"] = static_cast<double>(with_next_change) / ticket_count;
    });

    auto resolved = std::make_shared<std::vector<std::vector<sla::resolved_event>>>();
    for (const sample& s : *k.tickets) {
      resolved->emplace_back();
      for (const auto& e : s.ticket.events()) resolved->back().push_back(sla::resolve_event(shared, e, s.ticket.id()));
    }
    benchmark::RegisterBenchmark(("BM_Ticket_EvaluateResolved/" + k.name).c_str(), [&k, resolved](benchmark::State& state) {
      std::size_t i = 0;
      for (auto _ : state) {
        std::size_t j = i & (ticket_count - 1);
        const sample& s = (*k.tickets)[j];
        auto r = sla::evaluate(shared, sla::resolved_history{s.ticket.id(), {}, {}, (*resolved)[j]}, s.now);
        benchmark::DoNotOptimize(r);
        ++i;
      }
    });

    auto trackers = std::make_shared<std::vector<sla::ticket_tracker>>();
    for (const sample& s : *k.tickets) {
      trackers->emplace_back(shared, s.ticket.id());
      for (const auto& e : s.ticket.events()) trackers->back().append(e);
    }
    benchmark::RegisterBenchmark(("BM_Ticket_TrackerEvaluate/" + k.name).c_str(), [&k, trackers](benchmark::State& state) {
      std::size_t i = 0;
      for (auto _ : state) {
        std::size_t j = i & (ticket_count - 1);
        auto r = (*trackers)[j].evaluate((*k.tickets)[j].now);
        benchmark::DoNotOptimize(r);
        ++i;
      }
    });
  }

  // The naive baseline, checked against the fast path before it is timed.
  static const sla_ref::reference_calendar working_days([] {
    for (const auto& c : shared.calendars())
      if (c.name == "working-days") return c.spec;
    throw std::runtime_error("avallain.yaml has no working-days calendar");
  }());
  std::size_t checked = 64, disagreements = 0;
  for (std::size_t i = 0; i < checked; ++i)
    if (!agrees(naive_evaluate(working_days, bugs[i].ticket, bugs[i].now), sla::evaluate(shared, bugs[i].ticket, bugs[i].now)))
      ++disagreements;
  if (disagreements) std::fprintf(stderr, "sla-bench-ticket: naive and fast evaluate disagree on %zu of %zu tickets\n", disagreements, checked);
  benchmark::RegisterBenchmark("BM_Naive_Evaluate/bug_urgent_10_events", [disagreements](benchmark::State& state) {
    std::size_t i = 0;
    for (auto _ : state) {
      const sample& s = bugs[i & (ticket_count - 1)];
      auto r = naive_evaluate(working_days, s.ticket, s.now);
      benchmark::DoNotOptimize(r);
      ++i;
    }
    state.counters["mismatches"] = static_cast<double>(disagreements);
  })->MinTime(0.05);

  // Throughput: each thread evaluates its own slice of the 2048 tickets (bugs and incidents).
  static std::vector<const sample*> mixed;
  for (std::size_t i = 0; i < ticket_count; ++i) {
    mixed.push_back(&bugs[i]);
    mixed.push_back(&incidents[i]);
  }
  static std::vector<std::vector<sla::resolved_event>> mixed_resolved;
  for (const sample* s : mixed) {
    mixed_resolved.emplace_back();
    for (const auto& e : s->ticket.events()) mixed_resolved.back().push_back(sla::resolve_event(shared, e, s->ticket.id()));
  }
  auto throughput = [](benchmark::State& state, bool own_policy, bool use_resolved = false) {
    std::optional<sla::policy> own;
    if (own_policy) own = sla::policy::load(policy_path);
    const sla::policy& p = own ? *own : shared;
    std::size_t slice = mixed.size() / static_cast<std::size_t>(state.threads());
    std::size_t first = slice * static_cast<std::size_t>(state.thread_index()), i = 0;
    for (auto _ : state) {
      const sample& s = *mixed[first + i];
      if (use_resolved) {
        auto r = sla::evaluate(p, sla::resolved_history{s.ticket.id(), {}, {}, mixed_resolved[first + i]}, s.now);
        benchmark::DoNotOptimize(r);
      } else {
        auto r = sla::evaluate(p, s.ticket, s.now);
        benchmark::DoNotOptimize(r);
      }
      if (++i == slice) i = 0;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * events_per_ticket));
  };
  benchmark::RegisterBenchmark("BM_Ticket_EvaluateThroughput/shared_policy",
                               [throughput](benchmark::State& state) { throughput(state, false); })
      ->Threads(1)->Threads(2)->UseRealTime();
  benchmark::RegisterBenchmark("BM_Ticket_EvaluateThroughput/shared_policy_resolved",
                               [throughput](benchmark::State& state) { throughput(state, false, true); })
      ->Threads(1)->Threads(2)->UseRealTime();
  benchmark::RegisterBenchmark("BM_Ticket_EvaluateThroughput/policy_per_thread",
                               [throughput](benchmark::State& state) { throughput(state, true); })
      ->Threads(1)->Threads(2)->UseRealTime();
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  register_all();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
