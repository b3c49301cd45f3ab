// Opening and checking files, and ReadTargetBytes: one open, one fstat, one read into the
// target's own bytes. Workers read through a FileReader (file_reader.h) instead, which reuses its
// memory.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstdint>
#include <cstring>
#include <optional>
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

// UTF-16 with a byte order mark (what Windows editors and PowerShell's `>` write) as UTF-8, so
// that a key in it is found on the right line; an unpaired surrogate becomes U+FFFD. nullopt
// without such a mark.
std::optional<std::string> DecodeUtf16WithBom(std::string_view bytes) {
  if (bytes.size() < 2) return std::nullopt;
  const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());
  bool le = b[0] == 0xFF && b[1] == 0xFE, be = b[0] == 0xFE && b[1] == 0xFF;
  if (!le && !be) return std::nullopt;
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
  out.reserve(bytes.size());
  const size_t n = bytes.size() & ~size_t{1};  // an odd last byte is dropped
  for (size_t i = 2; i < n; i += 2) {
    uint32_t u = unit(i);
    if (u >= 0xD800 && u < 0xDC00 && i + 3 < n && unit(i + 2) >= 0xDC00 && unit(i + 2) < 0xE000) {
      put(0x10000 + ((u - 0xD800) << 10) + (unit(i + 2) - 0xDC00), &out);
      i += 2;
    } else {
      put(u >= 0xD800 && u < 0xE000 ? 0xFFFD : u, &out);
    }
  }
  return out;
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

OpenFile OpenRegularFile(const std::string& abs_path, std::string* error, bool follow) {
  OpenFile file;
  // O_NONBLOCK: a FIFO must not hang the scan; O_NOFOLLOW: a file swapped for a symlink after
  // listing is not followed.
  int fd = ::open(abs_path.c_str(),
                  O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | (follow ? 0 : O_NOFOLLOW));
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
  n = std::max(n, 2 * capacity_);  // files come in every size: few reallocations, few new pages
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
  // Before the binary test: UTF-16 text is full of NULs.
  if (std::optional<std::string> utf8 = DecodeUtf16WithBom(bytes)) {
    target->bytes = std::move(*utf8);
    bytes = target->bytes;
  }
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

Status ReadControlFile(const std::string& path, const std::string& inside, std::string* out) {
  using namespace source_internal;
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
  std::string error;
  OpenFile file = OpenRegularFile(path, &error, /*follow=*/true);
  if (file.fd < 0) return Error{path, 0, "cannot read: " + error};
  ByteBuffer buffer;
  size_t size = 0;
  if (file.size <= kMaxControlFileBytes) error = ReadAll(file, kMaxControlFileBytes, &buffer, &size);
  CloseFile(&file);
  if (!error.empty()) return Error{path, 0, "cannot read: " + error};
  if (file.size > kMaxControlFileBytes || size > kMaxControlFileBytes) {
    return Error{path, 0, "cannot read: over 1 MiB, too large for this kind of file"};
  }
  out->assign(buffer.data(), size);
  return Status();
}

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
