// Opening and checking files, and ReadTargetBytes: one open, one fstat, one read into the
// target's own bytes. Workers read through a FileReader (file_reader.h) instead, which reuses its
// memory.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <string>
#include <string_view>

#include "source/read_internal.h"
#include "source/size_text.h"
#include "source/source.h"

namespace keylint {
namespace source_internal {
namespace {

constexpr size_t kBinaryProbeBytes = 8 << 10;       // git's own heuristic looks at 8000 bytes
constexpr size_t kMinifiedProbeBytes = 64 << 10;
constexpr size_t kMinifiedAverageLine = 1000;
// Below this a file is never called minified: a one-line config module is hand-written.
constexpr size_t kMinifiedMinBytes = 4 << 10;

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

OpenFile OpenRegularFile(const std::string& abs_path, std::string* error) {
  OpenFile file;
  // O_NONBLOCK: a FIFO must not hang the scan; O_NOFOLLOW: a file swapped for a symlink after
  // listing is not followed.
  int fd = ::open(abs_path.c_str(), O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    int err = errno;
    *error = err == ELOOP ? "is a symlink (not followed)" : ErrnoText(err);
    return file;
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    *error = ErrnoText(errno);
  } else if (S_ISDIR(st.st_mode)) {
    *error = "is a directory";
  } else if (!S_ISREG(st.st_mode)) {
    *error = "not a regular file";
  } else {
    file.fd = fd;
    file.size = static_cast<size_t>(st.st_size);
    return file;
  }
  ::close(fd);
  return file;
}

void CloseFile(OpenFile* file) {
  if (file->fd >= 0) ::close(file->fd);
  file->fd = -1;
}

void ByteBuffer::Reserve(size_t n, size_t keep) {
  if (n <= capacity_) return;
  std::unique_ptr<char[]> bigger(new char[n]);
  if (keep > 0) std::memcpy(bigger.get(), data_.get(), std::min(keep, capacity_));
  data_ = std::move(bigger);
  capacity_ = n;
}

std::string ReadAll(const OpenFile& file, size_t max_bytes, ByteBuffer* buffer, size_t* size) {
  // Straight into the buffer: one copy, by the kernel. One byte more than fstat said, to see
  // growth without a second read call in the common case.
  *size = 0;
  buffer->Reserve(file.size + 1, 0);
  size_t got = 0;
  for (;;) {
    if (got == buffer->capacity()) {
      if (max_bytes != 0 && got > max_bytes) break;  // grew past the limit: CheckBytes says so
      buffer->Reserve(buffer->capacity() * 2, got);
    }
    ssize_t n = ::read(file.fd, buffer->data() + got, buffer->capacity() - got);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoText(errno);
    }
    got += static_cast<size_t>(n);
  }
  *size = got;
  return "";
}

bool CheckBytes(Target* target, std::string_view bytes, size_t max_bytes,
                std::string* skip_reason) {
  if (max_bytes != 0 && bytes.size() > max_bytes) {
    *skip_reason = SizeSkipReason(max_bytes);
    return false;
  }
  if (std::memchr(bytes.data(), '\0', std::min(bytes.size(), kBinaryProbeBytes)) != nullptr) {
    *skip_reason = "binary";
    return false;
  }
  target->minified = HasMinifiableExtension(target->path) && LooksMinified(bytes);
  return true;
}

}  // namespace source_internal

bool ReadTargetBytes(Target* target, size_t max_file_bytes, std::string* skip_reason,
                     std::string* error) {
  using namespace source_internal;
  skip_reason->clear();
  error->clear();
  if (target->bytes.empty() && !target->abs_path.empty()) {
    OpenFile file = OpenRegularFile(target->abs_path, error);
    if (file.fd < 0) return false;
    if (max_file_bytes != 0 && file.size > max_file_bytes) {
      CloseFile(&file);
      *skip_reason = SizeSkipReason(max_file_bytes);
      return false;
    }
    ByteBuffer buffer;
    size_t size = 0;
    *error = ReadAll(file, max_file_bytes, &buffer, &size);
    CloseFile(&file);
    if (!error->empty()) return false;
    target->bytes = std::string(buffer.data(), size);
  }
  if (!CheckBytes(target, target->bytes, max_file_bytes, skip_reason)) {
    target->bytes.clear();
    return false;
  }
  return true;
}

}  // namespace keylint
