// Replays every fuzz seed (tests/data/fuzz/<target>/) and every input a fuzzer found to crash,
// hang or break an invariant (tests/data/fuzz-regressions/<target>/) through the same entry
// functions the libFuzzer programs in tests/fuzz/ run (fuzz_entries.hpp), so a fixed finding stays
// fixed. Each input runs in a child process with a time limit (tests/hardening/isolated.hpp):
// an input that once hung fails its check instead of stopping the suite. scripts/fuzz runs the
// fuzzers themselves.
//
// tests/data/fuzz-regressions/OPEN lists the findings not fixed yet, one "<target>/<file>  why"
// per line. A finding listed there fails the suite until it is fixed (and its line deleted): an
// open finding is a known bug, not a warning.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_replay/fuzz_entries.hpp"
#include "hardening/isolated.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path data_dir = SLA_TEST_DATA_DIR;

std::string contents(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return std::move(s).str();
}

// The regular files of a folder, sorted, leaving out dot files; none when it does not exist.
std::vector<fs::path> files_in(const fs::path& folder) {
  std::vector<fs::path> out;
  if (!fs::is_directory(folder)) return out;
  for (const auto& e : fs::directory_iterator(folder))
    if (e.is_regular_file() && e.path().filename().string().front() != '.') out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// "<target>/<file>" of every open finding.
std::set<std::string> open_findings() {
  std::set<std::string> out;
  std::ifstream in(data_dir / "fuzz-regressions" / "OPEN");
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    out.insert(line.substr(0, line.find_first_of(" \t")));
  }
  return out;
}

void replay(const sla_fuzz::entry& target, const fs::path& file) {
  INFO(file.string());
  std::string bytes = contents(file);
  // scripts/fuzz gives each input 5 s; a replay takes milliseconds unless something hangs.
  auto result = sla_test::run_isolated(
      [&] { target.run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()); }, 5);
  if (!result.passed) FAIL_CHECK(result.failure);
}

}  // namespace

TEST_CASE("fuzz replay: every seed and every fixed finding runs clean through its fuzz target", "[fuzz]") {
  auto open = open_findings();
  for (const auto& target : sla_fuzz::entries()) {
    INFO("target " << target.name);
    auto seeds = files_in(data_dir / "fuzz" / target.name);
    CHECK(seeds.size() >= 3);  // each target has a few valid and invalid seeds
    for (const auto& file : seeds) replay(target, file);
    for (const auto& file : files_in(data_dir / "fuzz-regressions" / target.name))
      if (!open.count(std::string(target.name) + "/" + file.filename().string())) replay(target, file);
  }
}

TEST_CASE("fuzz replay: no finding is left open (tests/data/fuzz-regressions/OPEN lists none)", "[fuzz]") {
  auto open = open_findings();
  for (const auto& name : open) FAIL_CHECK("open fuzz finding, not fixed: " << name);
  CHECK(open.empty());
}
