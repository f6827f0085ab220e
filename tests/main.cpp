// The test runner. Time-zone tests read fixture zones through TZDIR (set by ctest; see
// tests/CMakeLists.txt); a run started by hand gets the same default here.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>

int main(int argc, char* argv[]) {
  setenv("TZDIR", SLA_TZDIR, /*overwrite=*/0);
  return Catch::Session().run(argc, argv);
}
