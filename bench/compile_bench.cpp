// Compiling a calendar from its spec, and what a compiled calendar costs in memory.
//
//   BM_Calendar_Compile/<calendar>         business_calendar(spec), the zone ALREADY LOADED: the
//                                          zone registry (src/tz/zone.cpp) keeps every zone it has
//                                          read, so only a process's first calendar in a zone pays
//                                          for reading the tz file; that cost is measured apart:
//   BM_Zone_LoadCold                       time_zone::load of a zone this process has never loaded
//                                          (a different IANA name every iteration, from zone1970.tab)
//   BM_Calendar_CompileColdZone/new_york_hours
//                                          the New York spec recompiled in a never-loaded zone:
//                                          zone load + compile, what a first calendar really costs
//   BM_Naive_Compile/<calendar>            the reference calendar's constructor (copies the spec and
//                                          loads the cctz zone; it precomputes nothing — its cost is
//                                          paid on every query instead, see sla-bench-calendar)
//
// Counters on BM_Calendar_Compile: `memory_bytes` (business_calendar::memory_bytes(), what the
// library reports) and `heap_bytes` (bytes still allocated after the calendar was built and
// the spec it was built from destroyed, counted by the replacement operator new below — it
// includes the copy of the spec the calendar keeps for spec(), which memory_bytes leaves out),
// plus the spec's size (`holidays`). new_york_10y is the New York calendar with holidays for
// 2026–2035 only ("a 12/5 calendar with holidays used over ten years" — here 12/5 is
// Mon–Fri 07:00–19:00), new_york_10h the same with the 08:00–18:00 hours.
#include <benchmark/benchmark.h>

#include <reference/reference_calendar.hpp>

#include "bench_common.hpp"

#include <malloc.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <new>
#include <sstream>

// ---- Heap accounting: live bytes, by malloc_usable_size so new and delete agree -------------

namespace {
std::atomic<long long> live_heap_bytes{0};
}

void* operator new(std::size_t n) {
  void* p = std::malloc(n == 0 ? 1 : n);
  if (!p) throw std::bad_alloc();
  live_heap_bytes.fetch_add(static_cast<long long>(malloc_usable_size(p)), std::memory_order_relaxed);
  return p;
}
void* operator new[](std::size_t n) { return operator new(n); }
void operator delete(void* p) noexcept {
  if (!p) return;
  live_heap_bytes.fetch_sub(static_cast<long long>(malloc_usable_size(p)), std::memory_order_relaxed);
  std::free(p);
}
void operator delete[](void* p) noexcept { operator delete(p); }
void operator delete(void* p, std::size_t) noexcept { operator delete(p); }
void operator delete[](void* p, std::size_t) noexcept { operator delete(p); }

namespace {

using namespace sla_bench;

// IANA zone names from zone1970.tab, minus the ones the calendars of this program use.
std::vector<std::string> fresh_zone_names() {
  std::vector<std::string> out;
  std::ifstream in("/usr/share/zoneinfo/zone1970.tab");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string codes, coordinates, name;
    fields >> codes >> coordinates >> name;
    if (name.empty() || name == "America/New_York" || name == "Europe/Berlin" || name == "Asia/Kolkata") continue;
    out.push_back(name);
  }
  return out;
}

void register_all() {
  static std::vector<bench_calendar> cals = calendars();
  cals.push_back({"new_york_10y", new_york_spec(2026, 2035, 7, 19), 12h, 60h});
  cals.push_back({"new_york_10h_10y", new_york_spec(2026, 2035), 10h, 50h});

  for (const bench_calendar& c : cals) {
    sla::business_calendar warm(c.spec);  // loads the zone: the timed runs find it in the registry
    benchmark::DoNotOptimize(warm);
    benchmark::RegisterBenchmark(("BM_Calendar_Compile/" + c.name).c_str(), [&c](benchmark::State& state) {
      std::size_t memory = 0;
      for (auto _ : state) {
        sla::business_calendar compiled(c.spec);
        memory = compiled.memory_bytes();
        benchmark::DoNotOptimize(compiled);
      }
      // Retained heap: build from a private copy of the spec, then destroy the copy.
      long long before = live_heap_bytes.load();
      std::optional<sla::business_calendar> kept;
      {
        sla::calendar_spec copy = c.spec;
        kept.emplace(copy);
      }
      long long retained = live_heap_bytes.load() - before;
      state.counters["memory_bytes"] = static_cast<double>(memory);
      state.counters["heap_bytes"] = static_cast<double>(retained);
      state.counters["holidays"] = static_cast<double>(c.spec.holidays.size());
    });
    benchmark::RegisterBenchmark(("BM_Naive_Compile/" + c.name).c_str(), [&c](benchmark::State& state) {
      for (auto _ : state) {
        sla_ref::reference_calendar reference(c.spec);
        benchmark::DoNotOptimize(reference);
      }
    });
  }

  static std::vector<std::string> zones = fresh_zone_names();
  static std::size_t next_zone = 0;
  // Each iteration needs a zone never loaded before: a fixed, small iteration count per run.
  benchmark::RegisterBenchmark("BM_Zone_LoadCold", [](benchmark::State& state) {
    for (auto _ : state) {
      if (next_zone >= zones.size()) {
        state.SkipWithError("out of never-loaded zone names");
        break;
      }
      auto zone = sla::time_zone::load(zones[next_zone++]);
      benchmark::DoNotOptimize(zone);
    }
  })->Iterations(20);
  static sla::calendar_spec new_york_hours = new_york_spec();
  benchmark::RegisterBenchmark("BM_Calendar_CompileColdZone/new_york_hours", [](benchmark::State& state) {
    // The specs are made before timing; the calendars are destroyed after it.
    std::vector<sla::calendar_spec> specs;
    for (benchmark::IterationCount i = 0; i < state.max_iterations && next_zone < zones.size(); ++i) {
      specs.push_back(new_york_hours);
      specs.back().timezone = zones[next_zone++];
    }
    if (specs.size() < static_cast<std::size_t>(state.max_iterations)) {
      state.SkipWithError("out of never-loaded zone names");
      return;
    }
    std::vector<sla::business_calendar> compiled;
    compiled.reserve(specs.size());
    std::size_t i = 0;
    for (auto _ : state) compiled.emplace_back(specs[i++]);
  })->Iterations(20);
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
