// A finding's stable identity for baselines, ignore files and SARIF partialFingerprints.
#ifndef KEYLINT_CORE_FINGERPRINT_H_
#define KEYLINT_CORE_FINGERPRINT_H_

#include <string>
#include <string_view>

#include "core/finding.h"

namespace keylint {

// Sets finding->fingerprint to 16 hex digits of a keyed hash over the rule id, the path and
// either the secret's keyed hash (findings about a value) or the trimmed text of the line. It
// leaves out the line number, so the fingerprint survives the finding moving to another line.
void AssignFingerprint(Finding* finding, std::string_view line_text);

// Lower-case hex, zero-padded to 16 digits.
std::string Hex64(uint64_t v);

}  // namespace keylint

#endif  // KEYLINT_CORE_FINGERPRINT_H_
