// One problem at one place gives one finding (docs/contract.md): where findings of two families
// overlap at the same place, the most specific family is kept and the message names the other.
#ifndef KEYLINT_ANALYZE_MERGE_H_
#define KEYLINT_ANALYZE_MERGE_H_

#include <vector>

#include "core/finding.h"

namespace keylint {

// Specificity, most specific first: client, stage, config, hardcoded. Two findings overlap when
// they are in the same file and their [begin, end) spans intersect (or one is empty and inside
// the other). REQUIRES: all findings are of one file.
void MergeOverlapping(std::vector<Finding>* findings);

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_MERGE_H_
