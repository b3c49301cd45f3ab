// Skip reasons that name a size limit. Internal to src/source.
#ifndef KEYLINT_SOURCE_SIZE_TEXT_H_
#define KEYLINT_SOURCE_SIZE_TEXT_H_

#include <cstddef>
#include <string>

namespace keylint {
namespace source_internal {

// "2 MiB", "512 KiB" or "1000 bytes": the largest unit that divides the size exactly.
inline std::string SizeText(size_t bytes) {
  if (bytes > 0 && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes > 0 && bytes % (1u << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

// The skip reason for a file larger than max_file_bytes: "over 2 MiB (max_file_bytes)".
inline std::string SizeSkipReason(size_t max_file_bytes) {
  return "over " + SizeText(max_file_bytes) + " (max_file_bytes)";
}

}  // namespace source_internal
}  // namespace keylint

#endif  // KEYLINT_SOURCE_SIZE_TEXT_H_
