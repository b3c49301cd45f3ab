// ReadTargetBytes: one open, one fstat, reads up to the size limit, then the cheap content
// tests that decide whether a file is worth analysing (binary, minified).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <string>
#include <string_view>

#include "source/size_text.h"
#include "source/source.h"

namespace keylint {
namespace {

constexpr size_t kBinaryProbeBytes = 8 << 10;       // git's own heuristic looks at 8000 bytes
constexpr size_t kMinifiedProbeBytes = 64 << 10;
constexpr size_t kMinifiedAverageLine = 1000;
// Below this a file costs nothing to analyse, so it is never skipped as minified: a one-line
// config module holding a key must still be scanned.
constexpr size_t kMinifiedMinBytes = 4 << 10;

// strerror, lower-cased ("permission denied"), thread-safe.
std::string ErrnoText(int err) {
  char buf[256];
  std::string s;
#if defined(__GLIBC__) && defined(_GNU_SOURCE)
  s = ::strerror_r(err, buf, sizeof(buf));
#else
  if (::strerror_r(err, buf, sizeof(buf)) != 0) return "error " + std::to_string(err);
  s = buf;
#endif
  if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  return s;
}

bool HasMinifiableExtension(std::string_view path) {
  size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) {
    return false;
  }
  std::string ext;
  for (char c : path.substr(dot + 1)) {
    ext += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return ext == "js" || ext == "mjs" || ext == "cjs" || ext == "css";
}

// Reads `path` whole into *out. Returns "" on success, else an error, or (through *too_big) the
// fact that the file is over the limit.
std::string ReadFile(const std::string& path, size_t max_bytes, std::string* out,
                     bool* too_big) {
  *too_big = false;
  // O_NONBLOCK: a FIFO must not hang the scan; O_NOFOLLOW: a file swapped for a symlink after
  // listing is not followed.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    int err = errno;
    return err == ELOOP ? "is a symlink (not followed)" : ErrnoText(err);
  }
  struct stat st;
  std::string error;
  if (::fstat(fd, &st) != 0) {
    error = ErrnoText(errno);
  } else if (S_ISDIR(st.st_mode)) {
    error = "is a directory";
  } else if (!S_ISREG(st.st_mode)) {
    error = "not a regular file";
  } else if (static_cast<unsigned long long>(st.st_size) > max_bytes) {
    *too_big = true;
  } else {
    out->clear();
    out->reserve(static_cast<size_t>(st.st_size));
    char buf[65536];
    for (;;) {
      ssize_t got = ::read(fd, buf, sizeof(buf));
      if (got == 0) break;
      if (got < 0) {
        if (errno == EINTR) continue;
        error = ErrnoText(errno);
        break;
      }
      out->append(buf, static_cast<size_t>(got));
      if (out->size() > max_bytes) {  // grew since fstat
        *too_big = true;
        break;
      }
    }
  }
  ::close(fd);
  if (!error.empty() || *too_big) out->clear();
  return error;
}

// Whether the start of a JS/CSS file looks minified: long average lines.
bool LooksMinified(std::string_view bytes) {
  if (bytes.size() < kMinifiedMinBytes) return false;
  std::string_view probe = bytes.substr(0, kMinifiedProbeBytes);
  size_t lines = 0;
  for (char c : probe) lines += c == '\n';
  if (probe.back() != '\n') ++lines;
  return probe.size() / lines > kMinifiedAverageLine;
}

}  // namespace

bool ReadTargetBytes(Target* target, size_t max_file_bytes, std::string* skip_reason,
                     std::string* error) {
  skip_reason->clear();
  error->clear();
  if (target->bytes.empty() && !target->abs_path.empty()) {
    bool too_big = false;
    *error = ReadFile(target->abs_path, max_file_bytes, &target->bytes, &too_big);
    if (!error->empty()) return false;
    if (too_big) {
      *skip_reason = source_internal::SizeSkipReason(max_file_bytes);
      return false;
    }
  }
  const std::string& bytes = target->bytes;
  if (bytes.size() > max_file_bytes) {  // filled by the caller (e.g. from the index)
    *skip_reason = source_internal::SizeSkipReason(max_file_bytes);
    target->bytes.clear();
    return false;
  }
  if (std::memchr(bytes.data(), '\0', std::min(bytes.size(), kBinaryProbeBytes)) != nullptr) {
    *skip_reason = "binary";
    target->bytes.clear();
    return false;
  }
  if (HasMinifiableExtension(target->path) && LooksMinified(bytes)) {
    *skip_reason = "minified";
    target->bytes.clear();
    return false;
  }
  return true;
}

}  // namespace keylint
