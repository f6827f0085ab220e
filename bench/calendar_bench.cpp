// Business-time arithmetic on a compiled calendar — add, elapsed, next_open, add_business_days —
// beside the same calls on the naive reference calendar of the tests (tests/reference/), which
// walks the interval minute by minute asking cctz for each minute's wall-clock reading.
//
//   BM_Calendar_Add/<calendar>/<duration>        business_calendar::add(start, duration)
//   BM_Calendar_Elapsed/<calendar>/<duration>    elapsed(start, add(start, duration)): the same spans
//   BM_Calendar_NextOpen/<calendar>
//   BM_Calendar_AddBusinessDays/<calendar>/<n>
//   BM_Naive_…                                   the same call on sla_ref::reference_calendar
//
// Every iteration takes the next start from 8192 pre-generated random instants (bench_common.hpp).
// The fast path's answers are computed once before timing and checked to exist; each naive call
// is compared with the fast path's answer, and a `mismatches` counter reports any disagreement.
// Naive runs are kept short (--benchmark_min_time is overridden to 0.05 s: one or a few calls for
// the long spans, each of which steps through up to half a million minutes).
#include <benchmark/benchmark.h>

#include <reference/reference_calendar.hpp>

#include "bench_common.hpp"

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace {

using namespace sla_bench;

struct prepared {
  bench_calendar calendar;
  sla::business_calendar compiled;
  std::shared_ptr<sla_ref::reference_calendar> reference;
};

constexpr double naive_min_time = 0.05;  // seconds
constexpr int naive_horizon_days = 2000;  // the reference gives up past this; no answer here is that far

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "sla-bench-calendar: %s\n", what.c_str());
  std::exit(1);
}

void register_all() {
  static std::vector<prepared> cals;
  for (auto& c : calendars()) {
    sla::business_calendar compiled(c.spec);
    cals.push_back({c, compiled, std::make_shared<sla_ref::reference_calendar>(c.spec)});
  }
  static const std::vector<sla::instant> starts = random_instants(sample_count, 20260101);

  for (const prepared& p : cals) {
    for (const bench_duration& d : durations(p.calendar)) {
      // The fast path's answers: the ends the elapsed benchmarks measure up to, and what the naive
      // answers must equal.
      auto ends = std::make_shared<std::vector<sla::instant>>();
      for (sla::instant s : starts) {
        auto r = p.compiled.add(s, d.amount);
        if (!r) fail(p.calendar.name + "/" + d.name + ": add gave no answer for " + sla::format_instant(s));
        ends->push_back(*r);
      }
      std::string suffix = p.calendar.name + "/" + d.name;

      benchmark::RegisterBenchmark(("BM_Calendar_Add/" + suffix).c_str(), [&p, d](benchmark::State& state) {
        std::size_t i = 0;
        for (auto _ : state) {
          auto r = p.compiled.add(starts[i & sample_mask], d.amount);
          benchmark::DoNotOptimize(r);
          ++i;
        }
      });
      benchmark::RegisterBenchmark(("BM_Naive_Add/" + suffix).c_str(), [&p, d, ends](benchmark::State& state) {
        std::size_t i = 0, mismatches = 0;
        for (auto _ : state) {
          auto r = p.reference->add(starts[i & sample_mask], d.amount.count(), naive_horizon_days);
          if (r != (*ends)[i & sample_mask]) ++mismatches;
          ++i;
        }
        state.counters["mismatches"] = static_cast<double>(mismatches);
      })->MinTime(naive_min_time);

      benchmark::RegisterBenchmark(("BM_Calendar_Elapsed/" + suffix).c_str(), [&p, ends](benchmark::State& state) {
        std::size_t i = 0;
        for (auto _ : state) {
          auto r = p.compiled.elapsed(starts[i & sample_mask], (*ends)[i & sample_mask]);
          benchmark::DoNotOptimize(r);
          ++i;
        }
      });
      benchmark::RegisterBenchmark(("BM_Naive_Elapsed/" + suffix).c_str(), [&p, d, ends](benchmark::State& state) {
        std::size_t i = 0, mismatches = 0;
        for (auto _ : state) {
          long long r = p.reference->elapsed(starts[i & sample_mask], (*ends)[i & sample_mask]);
          if (r != d.amount.count()) ++mismatches;
          ++i;
        }
        state.counters["mismatches"] = static_cast<double>(mismatches);
      })->MinTime(naive_min_time);
    }
  }

  for (const prepared& p : cals) {
    auto opens = std::make_shared<std::vector<sla::instant>>();
    for (sla::instant s : starts) opens->push_back(p.compiled.next_open(s).value());
    benchmark::RegisterBenchmark(("BM_Calendar_NextOpen/" + p.calendar.name).c_str(), [&p](benchmark::State& state) {
      std::size_t i = 0;
      for (auto _ : state) {
        auto r = p.compiled.next_open(starts[i & sample_mask]);
        benchmark::DoNotOptimize(r);
        ++i;
      }
    });
    benchmark::RegisterBenchmark(("BM_Naive_NextOpen/" + p.calendar.name).c_str(), [&p, opens](benchmark::State& state) {
      std::size_t i = 0, mismatches = 0;
      for (auto _ : state) {
        auto r = p.reference->next_open(starts[i & sample_mask], naive_horizon_days);
        if (r != (*opens)[i & sample_mask]) ++mismatches;
        ++i;
      }
      state.counters["mismatches"] = static_cast<double>(mismatches);
    })->MinTime(naive_min_time);
  }

  for (const prepared& p : cals) {
    for (int n : {1, 5, 60}) {
      auto landings = std::make_shared<std::vector<sla::instant>>();
      for (sla::instant s : starts) landings->push_back(p.compiled.add_business_days(s, n).value());
      std::string suffix = p.calendar.name + "/" + std::to_string(n);
      benchmark::RegisterBenchmark(("BM_Calendar_AddBusinessDays/" + suffix).c_str(), [&p, n](benchmark::State& state) {
        std::size_t i = 0;
        for (auto _ : state) {
          auto r = p.compiled.add_business_days(starts[i & sample_mask], n);
          benchmark::DoNotOptimize(r);
          ++i;
        }
      });
      benchmark::RegisterBenchmark(("BM_Naive_AddBusinessDays/" + suffix).c_str(),
                                   [&p, n, landings](benchmark::State& state) {
                                     std::size_t i = 0, mismatches = 0;
                                     for (auto _ : state) {
                                       auto r = p.reference->add_business_days(starts[i & sample_mask], n,
                                                                               naive_horizon_days);
                                       if (r != (*landings)[i & sample_mask]) ++mismatches;
                                       ++i;
                                     }
                                     state.counters["mismatches"] = static_cast<double>(mismatches);
                                   })
          ->MinTime(naive_min_time);
    }
  }
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
