#include "classify/side_signals.h"

#include <cctype>
#include <cstdint>
#include <cstring>

namespace keylint {
namespace {

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

}  // namespace keylint
