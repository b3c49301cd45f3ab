#include "core/glob.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace keylint {
namespace {

// Matches the bracket class starting at p[*pi] == '[' against c. On return *pi is just past the
// closing ']'. Returns -1 when the class is malformed (no closing ']'): the caller then treats
// '[' as a literal. A class never matches '/'.
int MatchClass(std::string_view p, size_t* pi, char c) {
  size_t i = *pi + 1;
  bool negate = false;
  if (i < p.size() && (p[i] == '!' || p[i] == '^')) {
    negate = true;
    ++i;
  }
  bool matched = false;
  bool first = true;
  while (i < p.size() && (first || p[i] != ']')) {
    first = false;
    char lo = p[i];
    if (lo == '\\' && i + 1 < p.size()) lo = p[++i];
    char hi = lo;
    if (i + 2 < p.size() && p[i + 1] == '-' && p[i + 2] != ']') {
      hi = p[i + 2];
      if (hi == '\\' && i + 3 < p.size()) hi = p[++i + 2];
      i += 2;
    }
    if (lo <= c && c <= hi) matched = true;
    ++i;
  }
  if (i >= p.size()) return -1;
  *pi = i + 1;
  if (c == '/') return 0;
  return matched != negate ? 1 : 0;
}

// Matches one pattern against one text. Stars branch; the memo of (pattern, text) positions
// already known not to match keeps that O(|p| x |t|) instead of exponential.
class Matcher {
 public:
  Matcher(std::string_view p, std::string_view t) : p_(p), t_(t) {
    if (p.find('*') != std::string_view::npos) failed_.assign((p.size() + 1) * (t.size() + 1), 0);
  }
  bool Run() { return MatchFrom(0, 0); }

 private:
  bool MatchFrom(size_t pi, size_t ti);
  // Memoised MatchFrom, for the branches a star opens.
  bool Try(size_t pi, size_t ti) {
    uint8_t& failed = failed_[pi * (t_.size() + 1) + ti];
    if (failed) return false;
    if (MatchFrom(pi, ti)) return true;
    failed = 1;
    return false;
  }

  std::string_view p_;
  std::string_view t_;
  std::vector<uint8_t> failed_;
};

// Whether p[pi..] matches all of t[ti..]. '*', '?' and classes stop at '/'; a `**` that is a
// component of its own spans components.
bool Matcher::MatchFrom(size_t pi, size_t ti) {
  std::string_view p = p_;
  std::string_view t = t_;
  while (pi < p.size()) {
    char c = p[pi];
    if (c == '*') {
      size_t after = pi + 1;
      while (after < p.size() && p[after] == '*') ++after;
      bool own_component = after - pi >= 2 && (pi == 0 || p[pi - 1] == '/') &&
                           (after == p.size() || p[after] == '/');
      if (own_component) {
        // `a/**`: everything below a (not a itself, which has no text left here).
        if (after == p.size()) return ti < t.size();
        // `**/rest`: rest at this component or after any later '/'.
        size_t rest = after + 1;
        if (Try(rest, ti)) return true;
        for (size_t k = ti; k < t.size(); ++k) {
          if (t[k] == '/' && Try(rest, k + 1)) return true;
        }
        return false;
      }
      // A run of stars inside a component: any run of non-'/' characters.
      for (size_t k = ti;; ++k) {
        if (Try(after, k)) return true;
        if (k >= t.size() || t[k] == '/') return false;
      }
    }
    if (ti >= t.size()) return false;
    if (c == '?') {
      if (t[ti] == '/') return false;
      ++pi;
      ++ti;
      continue;
    }
    if (c == '[') {
      size_t next = pi;
      int m = MatchClass(p, &next, t[ti]);
      if (m >= 0) {
        if (m == 0) return false;
        pi = next;
        ++ti;
        continue;
      }
      // Malformed class: '[' is literal, handled below.
    }
    if (c == '\\' && pi + 1 < p.size()) c = p[++pi];
    if (t[ti] != c) return false;
    ++pi;
    ++ti;
  }
  return ti == t.size();
}

bool IsSpecial(char c) { return c == '*' || c == '?' || c == '[' || c == ']' || c == '\\'; }

// The literal bytes a pattern opens and closes with (up to its first special character, after
// its last) must open and close the text: a cheap rejection of most (pattern, path) pairs before
// the matcher, which allocates its memo.
bool LiteralEndsAgree(std::string_view p, std::string_view t) {
  size_t head = 0;
  while (head < p.size() && !IsSpecial(p[head])) ++head;
  if (head == p.size()) return p == t;
  size_t tail = 0;
  while (tail < p.size() - head && !IsSpecial(p[p.size() - 1 - tail])) ++tail;
  // `**/b` also matches "b": the '/' after a `**` is not required.
  if (tail > 0 && p[p.size() - tail] == '/' && p.size() - tail >= 2 &&
      p[p.size() - tail - 1] == '*' && p[p.size() - tail - 2] == '*') {
    --tail;
  }
  return t.size() >= head && t.size() >= tail && t.compare(0, head, p, 0, head) == 0 &&
         t.compare(t.size() - tail, tail, p, p.size() - tail, tail) == 0;
}

bool Match(std::string_view pattern, std::string_view text) {
  if (!LiteralEndsAgree(pattern, text)) return false;
  return Matcher(pattern, text).Run();
}

}  // namespace

bool GlobMatch(std::string_view pattern, std::string_view path) {
  bool dir_only = false;
  while (!pattern.empty() && pattern.back() == '/') {
    pattern.remove_suffix(1);
    dir_only = true;
  }
  bool anchored = pattern.find('/') != std::string_view::npos;
  while (!pattern.empty() && pattern.front() == '/') pattern.remove_prefix(1);
  if (pattern.empty()) return false;

  bool path_is_dir = false;
  while (!path.empty() && path.back() == '/') {
    path.remove_suffix(1);
    path_is_dir = true;
  }
  if (path.empty()) return false;

  // Try the pattern on each directory above the file and on the path itself: a match on a
  // directory covers everything under it.
  size_t start = 0;  // of the current component
  for (size_t i = 0; i <= path.size(); ++i) {
    if (i < path.size() && path[i] != '/') continue;
    bool is_dir = i < path.size() || path_is_dir;
    if (!dir_only || is_dir) {
      std::string_view candidate =
          anchored ? path.substr(0, i) : path.substr(start, i - start);
      if (Match(pattern, candidate)) return true;
    }
    start = i + 1;
  }
  return false;
}

}  // namespace keylint

namespace keylint {

GlobList::GlobList(const std::vector<std::string>& patterns) : patterns_(patterns) {
  for (std::string_view p : patterns_) {
    Pattern prepared;
    while (!p.empty() && p.back() == '/') {
      p.remove_suffix(1);
      prepared.dir_only = true;
    }
    // Anchored patterns (a '/' inside) and empty ones stay with GlobMatch.
    const bool plain = !p.empty() && p.find('/') == std::string_view::npos;
    std::string_view rest = p.substr(p.empty() || p[0] != '*' ? 0 : 1);
    bool literal_rest = !rest.empty() && std::none_of(rest.begin(), rest.end(), IsSpecial);
    if (plain && literal_rest) {
      prepared.kind = rest.size() == p.size() ? Pattern::kName : Pattern::kSuffix;
      prepared.literal = std::string(rest);
    }
    prepared_.push_back(std::move(prepared));
  }
}

const std::string* GlobList::FirstMatch(std::string_view path) const {
  const std::string_view as_given = path;
  bool path_is_dir = false;
  while (!path.empty() && path.back() == '/') {
    path.remove_suffix(1);
    path_is_dir = true;
  }
  // The components GlobMatch tries an unanchored pattern on, and whether each is a directory.
  std::vector<std::pair<std::string_view, bool>> components;
  for (size_t start = 0; !path.empty();) {
    size_t slash = path.find('/', start);
    bool last = slash == std::string_view::npos;
    components.emplace_back(path.substr(start, (last ? path.size() : slash) - start),
                            !last || path_is_dir);
    if (last) break;
    start = slash + 1;
  }
  for (size_t k = 0; k < prepared_.size(); ++k) {
    const Pattern& p = prepared_[k];
    if (p.kind == Pattern::kOther) {
      if (GlobMatch(patterns_[k], as_given)) return &patterns_[k];
      continue;
    }
    for (const auto& [name, is_dir] : components) {
      if (p.dir_only && !is_dir) continue;
      bool hit = p.kind == Pattern::kName
                     ? name == p.literal
                     : name.size() >= p.literal.size() &&
                           name.compare(name.size() - p.literal.size(), p.literal.size(), p.literal) == 0;
      if (hit) return &patterns_[k];
    }
  }
  return nullptr;
}

}  // namespace keylint
