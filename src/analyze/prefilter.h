// The keyword prefilter: one pass over a text decides which credential rules may match in it.
// Contract: it may report false positives, it must never report false negatives. A rule is a
// candidate when one of its keywords occurs anywhere in the text (ASCII case-insensitively); every
// rule's keywords are, by the rules-file contract, contained in every text its regex matches.
#ifndef KEYLINT_ANALYZE_PREFILTER_H_
#define KEYLINT_ANALYZE_PREFILTER_H_

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

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_PREFILTER_H_
