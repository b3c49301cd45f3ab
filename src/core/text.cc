#include "core/text.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace keylint {

LineIndex::LineIndex(std::string_view text) : text_(text) {}

const std::vector<size_t>& LineIndex::Starts() const {
  if (!starts_.empty()) return starts_;
  // Counted first, so that the index of a 9 MB bundle is one allocation, not a doubling series.
  starts_.reserve(1 + static_cast<size_t>(std::count(text_.begin(), text_.end(), '\n')));
  starts_.push_back(0);
  const char* const data = text_.data();
  const char* const end = data + text_.size();
  for (const char* p = data; p < end;) {
    const void* nl = std::memchr(p, '\n', static_cast<size_t>(end - p));
    if (nl == nullptr) break;
    p = static_cast<const char*>(nl) + 1;
    starts_.push_back(static_cast<size_t>(p - data));
  }
  return starts_;
}

int LineIndex::line_count() const { return static_cast<int>(Starts().size()); }

int LineIndex::LineOf(size_t offset) const {
  offset = std::min(offset, text_.size());
  if (starts_.empty() && counted_bytes_ <= 2 * text_.size()) {
    if (offset < counted_to_) {  // behind the last lookup: count again from the start
      counted_to_ = 0;
      counted_line_ = 1;
    }
    counted_line_ += static_cast<int>(
        std::count(text_.begin() + static_cast<long>(counted_to_), text_.begin() + static_cast<long>(offset), '\n'));
    counted_bytes_ += offset - counted_to_;
    counted_to_ = offset;
    return counted_line_;
  }
  const std::vector<size_t>& starts = Starts();
  auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  return static_cast<int>(it - starts.begin());
}

size_t LineIndex::LineStart(size_t offset) const {
  if (!starts_.empty()) return starts_[LineOf(offset) - 1];
  size_t newline = text_.substr(0, offset).rfind('\n');
  size_t start = newline == std::string_view::npos ? 0 : newline + 1;
  counted_bytes_ += offset - start;  // a long line's prefix counts towards building the index
  return start;
}

std::string_view LineIndex::LineText(int line) const {
  const std::vector<size_t>& starts = Starts();
  if (line < 1 || line > line_count()) return {};
  size_t begin = starts[line - 1];
  size_t end = line < line_count() ? starts[line] - 1 : text_.size();
  if (end > begin && text_[end - 1] == '\r') --end;
  return text_.substr(begin, end - begin);
}

Location LineIndex::Span(const std::string& path, size_t begin, size_t end) const {
  begin = std::min(begin, text_.size());
  end = std::clamp(end, begin, text_.size());
  Location loc;
  loc.path = path;
  loc.line = LineOf(begin);
  loc.end_line = LineOf(end);
  size_t line_start = LineStart(begin);
  size_t end_line_start = loc.end_line == loc.line ? line_start : LineStart(end);
  loc.column = static_cast<int>(begin - line_start) + 1;
  loc.end_column = static_cast<int>(end - end_line_start) + 1;
  loc.column_utf16 = Utf16Length(text_.substr(line_start, begin - line_start)) + 1;
  loc.end_column_utf16 = Utf16Length(text_.substr(end_line_start, end - end_line_start)) + 1;
  return loc;
}

int Utf16Length(std::string_view s) {
  int units = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
    bool valid = len > 0 && i + len <= s.size();
    for (size_t k = 1; valid && k < len; ++k) {
      valid = (static_cast<unsigned char>(s[i + k]) & 0xc0) == 0x80;
    }
    if (!valid) {
      units += 1;
      i += 1;
      continue;
    }
    units += len == 4 ? 2 : 1;
    i += len;
  }
  return units;
}

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    // ASCII eight bytes at a time: most source is ASCII throughout.
    while (i + 8 <= s.size()) {
      uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      if (word & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= s.size()) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { ++i; continue; }
    size_t len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

double ShannonEntropy(std::string_view s) {
  if (s.empty()) return 0;
  int counts[256] = {0};
  for (unsigned char c : s) counts[c]++;
  double h = 0;
  const double n = static_cast<double>(s.size());
  for (int c : counts) {
    if (c == 0) continue;
    double p = c / n;
    h -= p * std::log2(p);
  }
  return h;
}

std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace keylint
