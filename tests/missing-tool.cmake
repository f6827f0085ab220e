# A test whose tool was not found at configure time: it fails with what is missing and how to
# get it, instead of being skipped. Run as cmake -DWHAT="..." -P missing-tool.cmake.
message(FATAL_ERROR "${WHAT}")
