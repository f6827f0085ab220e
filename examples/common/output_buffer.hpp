// A large buffer in front of standard output for the example programs that write one line per
// record. A reader that goes away (`sla-check … | head`) shows up as output_closed, so a program
// can stop quietly; set SIGPIPE to SIG_IGN first, so that the write fails with EPIPE instead of
// killing the process.
#pragma once

#include <sla/error.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string_view>

namespace sla_examples {

// Thrown by output_buffer when standard output is a pipe whose reader has gone.
struct output_closed {};

// Lines collect in memory and go out 64 KiB at a time. flush() throws output_closed on EPIPE and
// sla::error(io) on any other write failure.
class output_buffer {
 public:
  fmt::memory_buffer& buffer() { return buffer_; }

  void line(std::string_view text) {
    buffer_.append(text.data(), text.data() + text.size());
    buffer_.push_back('\n');
    flush_if_full();
  }

  // For writers that append to buffer() themselves.
  void flush_if_full() {
    if (buffer_.size() >= flush_threshold) flush();
  }

  void flush() {
    if (buffer_.size() == 0) return;
    errno = 0;
    bool ok = std::fwrite(buffer_.data(), 1, buffer_.size(), stdout) == buffer_.size() && std::fflush(stdout) == 0;
    buffer_.clear();
    if (ok) return;
    if (errno == EPIPE) throw output_closed{};
    throw sla::error(sla::error_code::io, fmt::format("cannot write the output: {}", std::strerror(errno)));
  }

 private:
  static constexpr std::size_t flush_threshold = 1 << 16;
  fmt::memory_buffer buffer_;
};

}  // namespace sla_examples
