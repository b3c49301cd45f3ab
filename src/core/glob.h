// gitignore-style path globs, shared by `source` (skip_paths) and `policy` (.keylintignore).
// Written by hand: libgit2's matcher is private to libgit2 (and only `source` may link it), and
// fnmatch(3) knows neither `**` nor gitignore's anchoring rules. Small on purpose.
//
// Syntax, as in gitignore(5):
//   *        any run of characters except '/'
//   ?        one character except '/'
//   [a-z]    one character of a class; [!a-z] or [^a-z] negates it
//   **       in a component of its own: any number of whole components (`**/x`, `a/**/b`,
//            `a/**`); elsewhere it acts as `*`
//   \c       the character c literally
//   dir/     a trailing '/' matches directories only
//   /x, a/b  a pattern holding a '/' (other than a trailing one) is anchored at the root;
//            a pattern without one matches a component at any depth (`*.min.js`, `.env*`)
// A pattern that matches a directory matches everything under it: `node_modules/` matches
// `web/node_modules/react/index.js`. Negation (`!pattern`) and comments are list-level matters
// left to the caller that reads a list of patterns.
#ifndef KEYLINT_CORE_GLOB_H_
#define KEYLINT_CORE_GLOB_H_

#include <string>
#include <string_view>
#include <vector>

namespace keylint {

// Whether `path` (relative to the root, '/'-separated, no leading "./") matches `pattern`.
// `path` names a file, or a directory when it ends in '/'. Cost: O(components x pattern) for
// plain patterns; `**` backtracks, bounded by O(path x pattern). An empty pattern matches nothing.
bool GlobMatch(std::string_view pattern, std::string_view path);

// A list of patterns prepared once, for asking the same list about thousands of paths (the
// listing's skip_paths). Names without wildcards (`node_modules/`, `go.sum`) and `*` + a literal
// (`*.map`) are looked up per path component; any other pattern goes through GlobMatch.
class GlobList {
 public:
  explicit GlobList(const std::vector<std::string>& patterns);
  // The first pattern of the list that GlobMatch would say matches `path`; nullptr for none.
  const std::string* FirstMatch(std::string_view path) const;

 private:
  struct Pattern {
    enum Kind { kName, kSuffix, kOther };
    Kind kind = kOther;
    bool dir_only = false;
    std::string literal;  // kName: the name; kSuffix: what follows the '*'
  };
  std::vector<std::string> patterns_;
  std::vector<Pattern> prepared_;
};

}  // namespace keylint

#endif  // KEYLINT_CORE_GLOB_H_
