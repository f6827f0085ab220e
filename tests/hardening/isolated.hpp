// Runs a piece of a test in a child process, so that a hang, a crash or runaway memory shows up
// as that piece's failure (with the reason) instead of stopping the whole test executable.
// Used by the hostile-input tests and the fuzz replay for inputs that once hung or crashed.
#pragma once

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <exception>
#include <functional>
#include <string>

#if defined(__SANITIZE_ADDRESS__)
#define SLA_TEST_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SLA_TEST_UNDER_ASAN 1
#endif
#endif

namespace sla_test {

struct isolated_result {
  bool passed = false;  // the body returned (or threw nothing) within the time limit
  std::string failure;  // what went wrong otherwise: the exception, the signal, the timeout
};

// Runs `body` in a forked child limited to `seconds` of wall-clock time (SIGALRM) and, outside
// AddressSanitizer builds (whose shadow memory needs a huge address space), 3 GiB of address
// space. An exception escaping `body` is a failure carrying its what().
inline isolated_result run_isolated(const std::function<void()>& body, unsigned seconds = 5) {
  int fds[2];
  if (pipe(fds) != 0) return {false, "pipe() failed"};
  pid_t pid = fork();
  if (pid < 0) return {false, "fork() failed"};
  if (pid == 0) {
    close(fds[0]);
    alarm(seconds);
#ifndef SLA_TEST_UNDER_ASAN
    rlimit limit{3ull << 30, 3ull << 30};
    setrlimit(RLIMIT_AS, &limit);
#endif
    std::string failure;
    try {
      body();
    } catch (const std::exception& e) {
      failure = e.what();
      if (failure.empty()) failure = "an exception without a message";
    } catch (...) {
      failure = "an exception that is not a std::exception";
    }
    std::size_t done = 0;
    while (done < failure.size()) {
      ssize_t n = write(fds[1], failure.data() + done, failure.size() - done);
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    _exit(failure.empty() ? 0 : 1);  // no destructors, no leak report: the parent judges
  }
  close(fds[1]);
  std::string message;
  char buf[4096];
  for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) message.append(buf, static_cast<std::size_t>(n));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    if (sig == SIGALRM) return {false, "did not finish within " + std::to_string(seconds) + " s"};
    return {false, std::string("killed by signal ") + std::to_string(sig) + " (" + strsignal(sig) + ")"};
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return {true, {}};
  return {false, message.empty() ? "exited with status " + std::to_string(WEXITSTATUS(status)) : message};
}

}  // namespace sla_test
