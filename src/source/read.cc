// ReadTargetBytes: one open, one fstat, reads up to the size limit, then the cheap content
// tests that decide whether a file is worth analysing (binary, minified).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstdint>
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
                     bool* too_big, bool follow = false) {
  *too_big = false;
  // O_NONBLOCK: a FIFO must not hang the scan; O_NOFOLLOW: a file swapped for a symlink after
  // listing is not followed.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | (follow ? 0 : O_NOFOLLOW));
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

// UTF-16 with a byte order mark (what Windows editors and PowerShell's `>` write) as UTF-8, so
// that a key in it is found on the right line; an unpaired surrogate becomes U+FFFD. Returns
// false (bytes untouched) without such a mark.
bool DecodeUtf16WithBom(std::string* bytes) {
  if (bytes->size() < 2) return false;
  const auto* b = reinterpret_cast<const unsigned char*>(bytes->data());
  bool le = b[0] == 0xFF && b[1] == 0xFE, be = b[0] == 0xFE && b[1] == 0xFF;
  if (!le && !be) return false;
  auto unit = [&](size_t i) -> uint32_t {
    return le ? b[i] | (uint32_t{b[i + 1]} << 8) : (uint32_t{b[i]} << 8) | b[i + 1];
  };
  auto put = [](uint32_t cp, std::string* out) {
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  };
  std::string out;
  out.reserve(bytes->size());
  const size_t n = bytes->size() & ~size_t{1};  // an odd last byte is dropped
  for (size_t i = 2; i < n; i += 2) {
    uint32_t u = unit(i);
    if (u >= 0xD800 && u < 0xDC00 && i + 3 < n && unit(i + 2) >= 0xDC00 && unit(i + 2) < 0xE000) {
      put(0x10000 + ((u - 0xD800) << 10) + (unit(i + 2) - 0xDC00), &out);
      i += 2;
    } else {
      put(u >= 0xD800 && u < 0xE000 ? 0xFFFD : u, &out);
    }
  }
  bytes->swap(out);
  return true;
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

Status ReadControlFile(const std::string& path, const std::string& inside, std::string* out) {
  out->clear();
  if (!inside.empty()) {
    char* real = ::realpath(path.c_str(), nullptr);
    char* root = ::realpath(inside.c_str(), nullptr);
    std::string r = real ? real : "", base = root ? root : "";
    std::free(real);
    std::free(root);
    if (r.empty()) return Error{path, 0, "cannot read: " + ErrnoText(errno)};
    if (base.empty() || (r != base && r.rfind(base + "/", 0) != 0)) {
      return Error{path, 0, "is a symlink to " + r + ", outside the repository; keylint does not read it"};
    }
  }
  bool too_big = false;
  std::string error = ReadFile(path, kMaxControlFileBytes, out, &too_big, /*follow=*/true);
  if (!error.empty()) return Error{path, 0, "cannot read: " + error};
  if (too_big) return Error{path, 0, "cannot read: over 1 MiB, too large for this kind of file"};
  return Status();
}

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
  DecodeUtf16WithBom(&target->bytes);  // before the binary test: UTF-16 text is full of NULs
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
