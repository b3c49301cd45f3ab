#include "source/file_reader.h"

#include <sys/mman.h>

#include <string_view>

#include "source/read_internal.h"
#include "source/size_text.h"

namespace keylint {

using source_internal::ByteBuffer;
using source_internal::OpenFile;

struct FileReader::Impl {
  ByteBuffer buffer;
  void* map = nullptr;
  size_t map_size = 0;

  void Unmap() {
    if (map != nullptr) ::munmap(map, map_size);
    map = nullptr;
    map_size = 0;
  }
};

FileReader::FileReader() : impl_(new Impl) {}

FileReader::~FileReader() { impl_->Unmap(); }

void FileReader::Release() { impl_->Unmap(); }

bool FileReader::Read(Target* target, size_t max_file_bytes, std::string* skip_reason,
                      std::string* error) {
  skip_reason->clear();
  error->clear();
  impl_->Unmap();
  if (target->bytes.empty() && !target->abs_path.empty()) {
    OpenFile file = source_internal::OpenRegularFile(target->abs_path, error);
    if (file.fd < 0) return false;
    if (max_file_bytes != 0 && file.size > max_file_bytes) {
      source_internal::CloseFile(&file);
      *skip_reason = source_internal::SizeSkipReason(max_file_bytes);
      return false;
    }
    std::string_view bytes;
    if (file.size > kMapAbove) {
      // MAP_POPULATE: one fault-in pass instead of a fault per page. A file truncated while it
      // is mapped would raise SIGBUS past its new end: the race ripgrep accepts for the same
      // gain, and not one a work tree plays while it is linted.
      void* p = ::mmap(nullptr, file.size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, file.fd, 0);
      if (p == MAP_FAILED) {
        *error = "cannot map: " + source_internal::ErrnoText(errno);
        source_internal::CloseFile(&file);
        return false;
      }
      impl_->map = p;
      impl_->map_size = file.size;
      bytes = std::string_view(static_cast<const char*>(p), file.size);
    } else {
      size_t size = 0;
      *error = source_internal::ReadAll(file, max_file_bytes, &impl_->buffer, &size);
      if (error->empty()) bytes = std::string_view(impl_->buffer.data(), size);
    }
    source_internal::CloseFile(&file);
    if (!error->empty()) return false;
    target->bytes = FileBytes::Borrow(bytes);
  }
  if (!source_internal::CheckBytes(target, target->bytes, max_file_bytes, skip_reason)) {
    target->bytes.clear();
    Release();
    return false;
  }
  return true;
}

}  // namespace keylint
