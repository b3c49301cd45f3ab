// A finding's stable identity for baselines, ignore files and SARIF partialFingerprints.
//
// Reports are read by many people, so a fingerprint must not give a secret away, however much
// computing power is spent on it, and must be equal on every machine (baselines are committed;
// code scanning deduplicates by it), so no secret key can protect it. It is therefore built so
// that almost nothing of a value enters it:
//   - the rule id and the path;
//   - for a finding about a value (Finding::secret_hash set): 16 bits of the value's hash. A new
//     secret on a baselined line is told apart 65,535 times in 65,536, and a brute force learns
//     16 bits at most: an 8-character password keeps some 2^31 equally likely candidates;
//   - otherwise the names the message quotes ('STRIPE_KEY', job 'deploy'), which the message
//     builders take from the file and which are masked when they look like credentials
//     (core/secret.h MaskCredentialsIn). Never the text of the line: a line holds values
//     (DB_PASSWORD = hunter22) that a brute force would recover from any hash of it.
// The line number stays out, so a fingerprint survives the finding moving to another line.
// Version 2; version 1 hashed the whole value or line (baselines of v1 are refused, see policy).
#ifndef KEYLINT_CORE_FINGERPRINT_H_
#define KEYLINT_CORE_FINGERPRINT_H_

#include <string>
#include <string_view>

#include "core/finding.h"

namespace keylint {

// Sets finding->fingerprint to 16 hex digits, as described above.
void AssignFingerprint(Finding* finding);

// The parts of `message` between single quotes, joined by '\n': what the fingerprint of a
// finding that is not about a value is built from.
std::string QuotedNames(std::string_view message);

// Lower-case hex, zero-padded to 16 digits.
std::string Hex64(uint64_t v);

}  // namespace keylint

#endif  // KEYLINT_CORE_FINGERPRINT_H_
