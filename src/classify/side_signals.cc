#include "classify/side_signals.h"

#include <cctype>
#include <cstdint>
#include <cstring>

namespace keylint {
namespace {

bool IsIdentChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
}

// Skips whitespace and comments from `i`; returns the new position.
size_t SkipTrivia(std::string_view s, size_t i) {
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';') {
      ++i;
    } else if (s.compare(i, 2, "//") == 0) {
      size_t nl = s.find('\n', i);
      i = nl == std::string_view::npos ? s.size() : nl + 1;
    } else if (s.compare(i, 2, "/*") == 0) {
      size_t end = s.find("*/", i + 2);
      i = end == std::string_view::npos ? s.size() : end + 2;
    } else {
      break;
    }
  }
  return i;
}

// Whether the text before `end` (skipping spaces) ends with the keyword `word` at a word boundary;
// on success *start is where the keyword begins.
bool PrecededBy(std::string_view s, size_t end, std::string_view word, size_t* start = nullptr) {
  size_t i = end;
  while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '\n' || s[i - 1] == '\r')) --i;
  if (i < word.size() || s.substr(i - word.size(), word.size()) != word) return false;
  size_t b = i - word.size();
  if (b > 0 && IsIdentChar(word[0]) && IsIdentChar(s[b - 1])) return false;
  if (start) *start = b;
  return true;
}

// The first position at or after `i` holding `a` or `b`, else npos. Eight bytes at a time
// (a zero byte in word ^ aaaa... or word ^ bbbb... marks a hit): string_view::find_first_of calls
// a search of its set for every byte, and this pass runs over every JS file.
size_t FindEither(std::string_view s, size_t i, char a, char b) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  const uint64_t ma = kOnes * static_cast<unsigned char>(a), mb = kOnes * static_cast<unsigned char>(b);
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    uint64_t xa = w ^ ma, xb = w ^ mb;
    if (((xa - kOnes) & ~xa & kHighs) | ((xb - kOnes) & ~xb & kHighs)) break;
  }
  for (; i < s.size(); ++i) {
    if (s[i] == a || s[i] == b) return i;
  }
  return std::string_view::npos;
}

}  // namespace

std::vector<std::string_view> DirectivePrologue(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  if (s.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
  if (s.compare(i, 2, "#!") == 0) {
    size_t nl = s.find('\n', i);
    i = nl == std::string_view::npos ? s.size() : nl + 1;
  }
  while (out.size() < 16) {
    i = SkipTrivia(s, i);
    if (i >= s.size() || (s[i] != '\'' && s[i] != '"')) break;
    char q = s[i];
    size_t close = s.find_first_of(std::string_view(q == '\'' ? "'\n" : "\"\n"), i + 1);
    if (close == std::string_view::npos || s[close] != q) break;
    out.push_back(s.substr(i + 1, close - i - 1));
    i = close + 1;
  }
  return out;
}

std::vector<std::string_view> ImportSpecifiers(std::string_view s) {
  std::vector<std::string_view> out;
  for (size_t i = FindEither(s, 0, '\'', '"'); i != std::string_view::npos;
       i = FindEither(s, i + 1, '\'', '"')) {
    char q = s[i];
    size_t close = FindEither(s, i + 1, q, '\n');
    if (close == std::string_view::npos) break;
    if (s[close] != q) {
      i = close;
      continue;
    }
    size_t paren;
    bool is_import = PrecededBy(s, i, "from") || PrecededBy(s, i, "import");
    if (!is_import && PrecededBy(s, i, "(", &paren)) {
      is_import = PrecededBy(s, paren, "require") || PrecededBy(s, paren, "import");
    }
    if (is_import && close - i - 1 > 0 && close - i - 1 < 256) {
      out.push_back(s.substr(i + 1, close - i - 1));
    }
    i = close;  // the closing quote is not an opening one
  }
  return out;
}

}  // namespace keylint
