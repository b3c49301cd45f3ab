// What the CLI does for a person at a terminal: colour when stdout is one, and a progress line on
// stderr for scans that take a while. Nothing here changes what a pipe or a file receives.
#ifndef KEYLINT_CLI_TERMINAL_H_
#define KEYLINT_CLI_TERMINAL_H_

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "scan/scan.h"

namespace keylint {

// Colour for the text report on stdout: stdout is a terminal, NO_COLOR is unset or empty
// (no-color.org), TERM is not "dumb", and the user did not pass --no-color.
bool WantColor(bool no_color_flag);

// Prints "keylint: scanning N/M files" on stderr, rewritten in place, from `delay_ms` after
// construction until Stop(); prints nothing when stderr is not a terminal. The delay defaults to
// 1000 ms (environment KEYLINT_PROGRESS_DELAY_MS overrides it, for slow terminals and tests).
// Owns one thread; Stop() (or the destructor) erases the line and joins it.
class ProgressLine {
 public:
  explicit ProgressLine(const ScanProgress* progress);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;
  void Stop();

 private:
  void Run(int delay_ms);

  const ScanProgress* progress_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;  // guarded by mu_
  bool shown_ = false;  // written by the thread only, read after join
  std::thread thread_;
};

}  // namespace keylint

#endif  // KEYLINT_CLI_TERMINAL_H_
