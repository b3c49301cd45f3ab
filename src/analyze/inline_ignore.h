// `keylint:ignore [rule-id] [-- reason]` comments, in any comment syntax.
#ifndef KEYLINT_ANALYZE_INLINE_IGNORE_H_
#define KEYLINT_ANALYZE_INLINE_IGNORE_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/facts.h"
#include "core/text.h"

namespace keylint {

// Every ignore comment in `text`. Cost: one memmem-like search for "keylint:ignore"; allocates
// nothing when there is none.
std::vector<InlineIgnore> FindInlineIgnores(const std::string& path, std::string_view text,
                                            const LineIndex& lines);

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_INLINE_IGNORE_H_
