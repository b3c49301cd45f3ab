// FileReader: how a worker reads its targets' bytes without a heap copy per file. Small files go
// into one buffer reused from file to file (no allocation, no page fault once warm); large ones
// are mapped read-only, so their bytes are the kernel's page cache, never copied, whatever their
// size (a 9 MB one-line bundle, a 1 GB data dump).
#ifndef KEYLINT_SOURCE_FILE_READER_H_
#define KEYLINT_SOURCE_FILE_READER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "core/target.h"

namespace keylint {

// Not thread-safe: one FileReader per worker.
class FileReader {
 public:
  // Files larger than this are mapped rather than read (a copy costs about what the faults of a
  // mapping cost at this size; below it the reused buffer wins).
  static constexpr size_t kMapAbove = 4u << 20;

  FileReader();
  ~FileReader();
  FileReader(const FileReader&) = delete;
  FileReader& operator=(const FileReader&) = delete;

  // As ReadTargetBytes (source.h), but target->bytes borrows the reader's memory: valid until
  // the next Read or Release, or the reader's destruction. Bytes already filled (--staged) are
  // checked, not read. Cost: one open, one fstat, one read or one mmap.
  bool Read(Target* target, size_t max_file_bytes, std::string* skip_reason, std::string* error);

  // Unmaps a mapped file (small files' memory stays for the next one). target->bytes must not be
  // used after.
  void Release();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace keylint

#endif  // KEYLINT_SOURCE_FILE_READER_H_
