#include "analyze/credentials/value_shape.h"

#include <cctype>

namespace keylint {
namespace {

bool IsQuote(char c) { return c == '"' || c == '\'' || c == '`'; }

bool IsWordBreak(char c) {
  return std::isspace(static_cast<unsigned char>(c)) || IsQuote(c) || c == '(' || c == ')' ||
         c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' || c == '|' ||
         c == ',' || c == ';';
}

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A run of letters written as words: all lower, all upper, or humps that each start with a
// capital (an all-caps hump is an acronym) and, after the first, hold three letters or more.
bool PlainLetters(std::string_view run) {
  bool any_lower = false, any_upper = false;
  for (char c : run) {
    any_lower = any_lower || IsLower(c);
    any_upper = any_upper || IsUpper(c);
  }
  if (!any_lower || !any_upper) return true;
  size_t start = 0;
  for (size_t i = 1; i <= run.size(); ++i) {
    // A hump ends before a capital that follows a lower-case letter, or before the last capital
    // of an acronym followed by a lower-case letter (OAuthToken: O|Auth|Token).
    bool cut = i == run.size() ||
               (IsUpper(run[i]) && (IsLower(run[i - 1]) ||
                                    (i + 1 < run.size() && IsLower(run[i + 1]) && IsUpper(run[i - 1]))));
    if (!cut) continue;
    std::string_view hump = run.substr(start, i - start);
    bool acronym = true;
    for (char c : hump) acronym = acronym && IsUpper(c);
    if (start > 0 && !acronym && hump.size() < 3) return false;
    for (size_t j = 1; j < hump.size() && !acronym; ++j) {
      if (IsUpper(hump[j])) return false;
    }
    start = i;
  }
  return true;
}

std::string LettersAndDigits(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (IsLower(c) || IsDigit(c)) out += c;
    else if (IsUpper(c)) out += static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

bool InsideUrlPath(std::string_view text, size_t begin) {
  constexpr size_t kLookBack = 2048;
  size_t start = begin;
  while (start > 0 && begin - start < kLookBack && !IsWordBreak(text[start - 1])) --start;
  std::string_view before = text.substr(start, begin - start);
  size_t scheme = before.find("://");
  if (scheme == std::string_view::npos || before.empty()) return false;
  size_t path = before.find('/', scheme + 3);
  if (path == std::string_view::npos) return false;
  if (before.find_first_of("?#", path) != std::string_view::npos) return false;
  return before.back() != '/';
}

bool ClosesItsQuote(std::string_view text, size_t begin, size_t end) {
  if (begin == 0 || !IsQuote(text[begin - 1])) return true;
  // Spaces may pad the value: a notebook's unescaped \" is a space and a quote.
  while (end < text.size() && text[end] == ' ') ++end;
  return end < text.size() && text[end] == text[begin - 1];
}

std::string_view AssignedName(std::string_view text, size_t whole_begin, size_t value_begin) {
  if (value_begin <= whole_begin) return {};
  std::string_view name = text.substr(whole_begin, value_begin - whole_begin);
  while (!name.empty()) {
    char c = name.back();
    if (IsQuote(c) || std::isspace(static_cast<unsigned char>(c)) || c == '=' || c == ':' ||
        c == '>' || c == '-' || c == '+' || c == '?') {
      name.remove_suffix(1);
    } else {
      break;
    }
  }
  return name;
}

bool WrittenInWords(std::string_view value) {
  size_t i = 0;
  bool any = false;
  while (i < value.size()) {
    unsigned char c = static_cast<unsigned char>(value[i]);
    if (c == '-' || c == '_' || c == '.' || c == ' ') {
      ++i;
      continue;
    }
    if (c >= 0x80 || !std::isalpha(c)) return false;
    size_t start = i;
    while (i < value.size() && std::isalpha(static_cast<unsigned char>(value[i]))) ++i;
    std::string_view run = value.substr(start, i - start);
    if (run.size() < 2 || !PlainLetters(run)) return false;
    any = true;
  }
  return any;
}

bool DescribesItself(std::string_view value, const DevWords& words) {
  bool dev = false;         // a dev word seen
  bool all_default = true;  // every word of four letters or more holds a default word
  bool any_word = false;
  size_t i = 0;
  while (i < value.size()) {
    unsigned char c = static_cast<unsigned char>(value[i]);
    if (c >= 0x80 || std::isspace(c) || std::iscntrl(c)) return false;
    if (!std::isalpha(c)) {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < value.size() && std::isalpha(static_cast<unsigned char>(value[i]))) ++i;
    std::string_view run = value.substr(start, i - start);
    if (!PlainLetters(run)) return false;
    std::string lower = LettersAndDigits(run);
    auto holds = [&](const std::vector<std::string>& list) {
      for (const std::string& w : list) {
        // Words of one or two letters (ci) count only as a whole run: they hide inside others.
        if (w.size() <= 2 ? lower == w : lower.find(w) != std::string::npos) return true;
      }
      return false;
    };
    bool is_dev = holds(words.dev);
    bool is_default = is_dev || holds(words.defaults);
    dev = dev || is_dev;
    any_word = any_word || is_default;
    if (run.size() >= 4 && !is_default) all_default = false;
  }
  return dev || (any_word && all_default);
}

bool RepeatsName(std::string_view name, std::string_view value) {
  std::string n = LettersAndDigits(name), v = LettersAndDigits(value);
  if (v.size() < 6 || n.size() < 4) return false;
  return n.find(v) != std::string::npos || v.find(n) != std::string::npos;
}

bool LooksTyped(std::string_view value) {
  // Position of c in its cyclic alphabet, and the alphabet's size; 0 when c is in none.
  auto place = [](char c, int* size) {
    if (IsDigit(c)) return *size = 10, c - '0' + 1;
    if (c >= 'a' && c <= 'f') return *size = 6, c - 'a' + 1;  // hex letters wrap f -> a
    if (IsLower(c)) return *size = 26, c - 'a' + 1;
    if (IsUpper(c)) return *size = 26, c - 'A' + 1;
    return *size = 0, 0;
  };
  auto steps_by_one = [&](char a, char b) {
    int sa = 0, sb = 0;
    int pa = place(a, &sa), pb = place(b, &sb);
    if (sa == 0 || sa != sb) {
      // g..z after a hex letter: compare in the whole alphabet.
      if (!(IsLower(a) && IsLower(b))) return false;
      sa = 26;
      pa = a - 'a' + 1;
      pb = b - 'a' + 1;
    }
    int d = (pb - pa + sa) % sa;
    return d == 1 || d == sa - 1;
  };
  constexpr int kSteps = 7;
  int run = 0;
  for (size_t i = 0; i + 2 < value.size(); ++i) {
    run = steps_by_one(value[i], value[i + 2]) ? run + 1 : 0;
    if (run >= kSteps) return true;
  }
  return false;
}

std::string_view TrailingComment(std::string_view text, size_t end) {
  size_t eol = text.find('\n', end);
  if (eol == std::string_view::npos) eol = text.size();
  std::string_view rest = text.substr(end, eol - end);
  // An opener counts after a blank or the end of a value or statement, so that neither the //
  // of https:// nor the # of a URL fragment starts a comment.
  for (size_t at = 0; at < rest.size(); ++at) {
    if (at > 0 && !std::isspace(static_cast<unsigned char>(rest[at - 1])) &&
        std::string_view(",;)]}\"'`").find(rest[at - 1]) == std::string_view::npos) {
      continue;
    }
    for (std::string_view opener : {"//", "/*", "<!--", "#"}) {
      if (rest.substr(at, opener.size()) == opener) return rest.substr(at + opener.size());
    }
  }
  return {};
}

std::string_view CommentAbove(std::string_view text, size_t begin) {
  size_t line = text.rfind('\n', begin == 0 ? 0 : begin - 1);
  if (line == std::string_view::npos || line == 0) return {};
  size_t above = text.rfind('\n', line - 1);
  above = above == std::string_view::npos ? 0 : above + 1;
  std::string_view prev = text.substr(above, line - above);
  size_t first = prev.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  prev.remove_prefix(first);
  for (std::string_view opener : {"//", "#", "/*", "*", "<!--"}) {
    if (prev.substr(0, opener.size()) == opener) return prev.substr(opener.size());
  }
  return {};
}

}  // namespace keylint
