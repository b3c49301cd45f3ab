// What reading a file into memory and mapping it share: opening without following symlinks or
// blocking on FIFOs, and the content checks that decide whether bytes are text worth analysing.
// Internal to src/source.
#ifndef KEYLINT_SOURCE_READ_INTERNAL_H_
#define KEYLINT_SOURCE_READ_INTERNAL_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "core/target.h"

namespace keylint {
namespace source_internal {

// An open regular file. fd < 0 when Open failed; *error then says why ("is a directory", "not a
// regular file", "permission denied", ...).
struct OpenFile {
  int fd = -1;
  size_t size = 0;
};
// `follow`: open through a symlink (files the user named, after their own checks).
OpenFile OpenRegularFile(const std::string& abs_path, std::string* error, bool follow = false);
void CloseFile(OpenFile* file);

// Memory for file bytes that is reused from file to file: growing keeps nothing, and nothing is
// zero-filled (std::string::resize would write every byte once more).
class ByteBuffer {
 public:
  char* data() { return data_.get(); }
  size_t capacity() const { return capacity_; }
  // Makes room for `n` bytes, keeping the first `keep`.
  void Reserve(size_t n, size_t keep);

 private:
  std::unique_ptr<char[]> data_;
  size_t capacity_ = 0;
};

// Reads the open file from its start into `buffer`; "" on success (*size = bytes read), else an
// error. Reads past max_bytes (0: no limit) only by one buffer's growth when the file grew since
// fstat: CheckBytes then reports the limit.
std::string ReadAll(const OpenFile& file, size_t max_bytes, ByteBuffer* buffer, size_t* size);

// The checks every read ends with, on bytes however they were read: UTF-16 with a byte order
// mark is decoded (target->bytes then owns the UTF-8), then the size limit (max_bytes, 0: none), binary (a NUL in the first 8 KiB), and target->minified. Returns false with
// *skip_reason set when the bytes are not to be analysed.
bool CheckBytes(Target* target, std::string_view bytes, size_t max_bytes,
                std::string* skip_reason);

// strerror, lower-cased ("permission denied"), thread-safe.
std::string ErrnoText(int err);

}  // namespace source_internal
}  // namespace keylint

#endif  // KEYLINT_SOURCE_READ_INTERNAL_H_
