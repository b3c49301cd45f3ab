// Byte offsets to positions, and small text measures shared by the analyzers.
#ifndef KEYLINT_CORE_TEXT_H_
#define KEYLINT_CORE_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"

namespace keylint {

// Maps byte offsets in one file to lines and columns. The first lookup builds the index in one
// pass (most files have no finding and never pay for it); each lookup is then a binary search
// plus a scan of the line's prefix for UTF-16 columns. Not thread-safe (it fills itself lazily):
// one per file and thread. Borrows `text`: valid while the text it was built from lives.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  // A Location for the byte range [begin, end) of the text, in file `path`.
  Location Span(const std::string& path, size_t begin, size_t end) const;
  int LineOf(size_t offset) const;            // 1-based
  std::string_view LineText(int line) const;  // without its line terminator
  int line_count() const;

 private:
  const std::vector<size_t>& Starts() const;

  std::string_view text_;
  mutable std::vector<size_t> starts_;  // byte offset where each line starts; empty until used
};

// Number of UTF-16 code units in a UTF-8 string; invalid bytes count one unit each, as a
// decoder that replaces them with U+FFFD would.
int Utf16Length(std::string_view utf8);

// Whether `text` is valid UTF-8.
bool IsValidUtf8(std::string_view text);

// Shannon entropy in bits per character.
double ShannonEntropy(std::string_view s);

// ASCII lower-casing.
std::string ToLower(std::string_view s);

bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
// Without leading and trailing spaces and tabs (and a trailing '\r').
std::string_view TrimSpace(std::string_view s);

}  // namespace keylint

#endif  // KEYLINT_CORE_TEXT_H_
