// Byte offsets to positions, and small text measures shared by the analyzers.
#ifndef KEYLINT_CORE_TEXT_H_
#define KEYLINT_CORE_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"

namespace keylint {

// Maps byte offsets in one file to lines and columns. Most files need a few locations, often in
// increasing order: those are counted on from the last one asked about, with no index. Once the
// counting has covered the text twice (many lookups, or lookups out of order), the index of every
// line start is built in one pass, and each lookup is a binary search. Columns scan the line's
// prefix for UTF-16 units. Not thread-safe (it fills itself lazily): one per file and thread.
// Borrows `text`: valid while the text it was built from lives.
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
  size_t LineStart(size_t offset) const;  // where the line holding `offset` starts

  std::string_view text_;
  mutable std::vector<size_t> starts_;  // byte offset where each line starts; empty until used
  // Before the index: the last offset counted to, its line, and the bytes counted so far.
  mutable size_t counted_to_ = 0;
  mutable int counted_line_ = 1;
  mutable size_t counted_bytes_ = 0;
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
