// The keyword prefilter: one pass over a text decides which credential rules may match in it, and
// keyword windows narrow where a candidate rule's regex has to run.
// Contract: it may report false positives, it must never report false negatives. A rule is a
// candidate when one of its keywords occurs anywhere in the text (ASCII case-insensitively); every
// rule's keywords are, by the rules-file contract, contained in every text its regex matches.
#ifndef KEYLINT_ANALYZE_CREDENTIALS_PREFILTER_H_
#define KEYLINT_ANALYZE_CREDENTIALS_PREFILTER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}  // namespace re2

namespace keylint {

// Immutable after construction except for the lazily built automaton (built once, under
// std::call_once), so one KeywordPrefilter is shared by all threads.
class KeywordPrefilter {
 public:
  // keywords[i] are the lower-case keywords of rule i. Cheap: compiles nothing.
  explicit KeywordPrefilter(std::vector<std::vector<std::string>> keywords);
  ~KeywordPrefilter();
  KeywordPrefilter(const KeywordPrefilter&) = delete;
  KeywordPrefilter& operator=(const KeywordPrefilter&) = delete;

  // candidates[i] is true when rule i may match in `text`. One RE2::Set pass over the bytes
  // (a DFA over all keywords, ~400-700 MB/s); the first call compiles the set (a few ms). If the
  // set cannot be built or runs out of memory, every rule is a candidate.
  std::vector<bool> Candidates(std::string_view text) const;

 private:
  struct Automaton;
  const Automaton& Built() const;

  std::vector<std::vector<std::string>> keywords_;  // per rule
  mutable std::once_flag once_;
  mutable std::unique_ptr<Automaton> automaton_;
};

// What a regex's matches can look like, read from the pattern: an upper bound on a match's length
// in bytes and whether a match may hold a newline. Conservative: where the pattern uses syntax the
// reader does not know, `known` is false and nothing may be assumed.
struct MatchExtent {
  static constexpr size_t kUnbounded = static_cast<size_t>(-1);
  bool known = false;
  size_t max_len = kUnbounded;  // bytes, UTF-8 (a character class counts 4 unless ASCII-only)
  bool newline = true;          // a match may contain '\n'
  bool newline_only_last = false;  // ... but only as its last byte (a trailing `[\s,;]` guard)
  bool folds_case = true;       // the pattern uses (?i): a keyword may then appear as a Unicode
                                // fold (U+212A for k), which an ASCII search would not see
};
MatchExtent AnalyzeExtent(std::string_view regex);

// Whether a rule of this extent can be run over keyword windows (else: over the whole text):
// patterns whose matches are bounded in length or cannot cross a line. Multi-line shapes with
// unbounded gaps (PEM/OpenSSH/PGP blocks, GCP JSON, `\s*` between a name and its value) keep
// whole-text scanning. A pattern that folds case is windowed only in a text without the two
// non-ASCII characters that fold to ASCII letters (HasAsciiFoldingChars).
bool Windowable(const MatchExtent& extent);

// Whether `text` holds U+017F (LATIN SMALL LETTER LONG S, which folds to 's') or U+212A (KELVIN
// SIGN, which folds to 'k'): the only characters a (?i) pattern matches as an ASCII letter that an
// ASCII case-insensitive keyword search does not see. One memchr pass for their lead bytes.
bool HasAsciiFoldingChars(std::string_view text);

struct ByteRange {
  size_t begin = 0;
  size_t end = 0;
};

// Disjoint, sorted ranges of `text` such that every match of a rule of `extent` (Windowable) that
// contains one of the keyword occurrences `hits` lies entirely inside one range. Around an
// occurrence [k, e): [e-max_len, k+max_len), cut to the occurrence's line when matches cannot hold
// a newline (the whole line when their length is unbounded; with its newline when a match may end
// with one). Overlapping ranges and ranges less
// than `merge_gap` bytes apart are merged. Empty when `hits` is.
std::vector<ByteRange> KeywordWindows(std::string_view text, std::vector<ByteRange> hits,
                                      const MatchExtent& extent, size_t merge_gap = 64);

// Windows for an assignment rule (a name, an operator, a value), whose keywords lie in the name:
// around each occurrence in `hits`, its name run (ASCII letters, digits, `_`, `.`, `-`), when an
// assignment operator follows the run (an optional quote, blanks, then `:` or `=`, as the
// {{assign}} fragment of credentials.toml begins), through `after_name_max` bytes past the run.
// Exact for such rules: a name is made of those bytes and the operator cannot start with one, so
// a match starts inside the run of its keyword and its name ends where the run does. Sorted,
// disjoint; ranges less than `merge_gap` bytes apart are merged.
bool IsNameByte(char c);  // ASCII letter, digit, `_`, `.` or `-`
std::vector<ByteRange> NameWindows(std::string_view text, std::vector<ByteRange> hits,
                                   size_t after_name_max, size_t merge_gap = 64);

struct EmbeddedKeywordDb;

// Finds every occurrence (overlapping ones too) of a fixed set of lower-case ASCII keywords, ASCII
// case-insensitively, in one pass. The built-in rules' keywords go through a Vectorscan literal
// database compiled at build time (SIMD, about 1 GB/s); keywords it does not hold (a user's
// rules), or all of them where it does not load, through a byte loop: a bit per pair of raw bytes
// that can start a keyword (8 KiB, in L1), then a compare where one starts. Both find exactly the
// same occurrences (prefilter_test). Immutable after construction; shared by all threads.
class KeywordLocator {
 public:
  // REQUIRES: every keyword is non-empty, lower-case ASCII. `db`: a compiled database whose
  // keywords are the first of `keywords`, in order (else it is not used), or nullptr.
  explicit KeywordLocator(std::vector<std::string> keywords, const EmbeddedKeywordDb* db = nullptr);
  ~KeywordLocator();
  KeywordLocator(const KeywordLocator&) = delete;
  KeywordLocator& operator=(const KeywordLocator&) = delete;

  const std::vector<std::string>& keywords() const { return keywords_; }
  // How many keywords the database finds (the first ones); 0 when none is loaded.
  size_t automaton_keywords() const;

  // (*hits)[i]: the begins, ascending, of every occurrence of keyword i in `text`.
  void Locate(std::string_view text, std::vector<std::vector<size_t>>* hits) const;

 private:
 private:
  struct Tables;
  struct Automaton;
  bool LocateWithAutomaton(std::string_view text, std::vector<std::vector<size_t>>* hits) const;
  void Loop(const Tables& tables, std::string_view text, std::vector<std::vector<size_t>>* hits) const;
  static void CheckAt(const Tables& tables, const std::vector<std::string>& keywords,
                      const unsigned char* t, size_t n, size_t i, std::vector<std::vector<size_t>>* hits);

  std::vector<std::string> keywords_;
  std::unique_ptr<Automaton> automaton_;  // null: the byte loop finds every keyword
  size_t first_looped_ = 0;               // keywords before it are the automaton's
  const Tables& AllTables() const;
  mutable std::once_flag all_once_;
  mutable std::unique_ptr<Tables> all_;   // every keyword: without the automaton, or if a scan fails
  std::unique_ptr<Tables> rest_;          // the keywords after the automaton's, if any
};

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_CREDENTIALS_PREFILTER_H_
