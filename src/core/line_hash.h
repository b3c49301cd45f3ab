// GitHub code scanning's primaryLocationLineHash: a rolling hash of the 100 non-whitespace
// characters from the start of a line, so an alert keeps its identity when lines above it move.
// Re-implemented from the description in shared/research/sarif-integration.md section 1.4.
#ifndef KEYLINT_CORE_LINE_HASH_H_
#define KEYLINT_CORE_LINE_HASH_H_

#include <map>
#include <set>
#include <string>
#include <string_view>

namespace keylint {

// "hex:count" for each 1-based line in `lines` (all lines when `lines` is empty). One pass over
// the text; only the asked lines are kept.
std::map<int, std::string> LineHashes(std::string_view text, const std::set<int>& lines);

}  // namespace keylint

#endif  // KEYLINT_CORE_LINE_HASH_H_
