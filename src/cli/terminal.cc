#include "cli/terminal.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace keylint {
namespace {

int ProgressDelayMs() {
  const char* env = std::getenv("KEYLINT_PROGRESS_DELAY_MS");
  if (env == nullptr || *env == '\0') return 1000;
  return std::max(0, std::atoi(env));
}

}  // namespace

bool WantColor(bool no_color_flag) {
  if (no_color_flag) return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::strcmp(term, "dumb") == 0) return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

ProgressLine::ProgressLine(const ScanProgress* progress) : progress_(progress) {
  if (::isatty(STDERR_FILENO) != 1) return;
  thread_ = std::thread(&ProgressLine::Run, this, ProgressDelayMs());
}

ProgressLine::~ProgressLine() { Stop(); }

void ProgressLine::Stop() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
  if (shown_) {
    std::fputs("\r\x1b[K", stderr);  // erase the line: the summary takes its place
    std::fflush(stderr);
  }
}

void ProgressLine::Run(int delay_ms) {
  std::unique_lock<std::mutex> lock(mu_);
  if (cv_.wait_for(lock, std::chrono::milliseconds(delay_ms), [this] { return stop_; })) return;
  while (!stop_) {
    size_t total = progress_->files_total.load();
    std::string line = "\r\x1b[Kkeylint: scanning ";
    line += total == 0 ? std::string("(listing files)")
                       : std::to_string(progress_->files_done.load()) + "/" + std::to_string(total) + " files";
    std::fputs(line.c_str(), stderr);
    std::fflush(stderr);
    shown_ = true;
    cv_.wait_for(lock, std::chrono::milliseconds(200), [this] { return stop_; });
  }
}

}  // namespace keylint
