// SHA-256 (FIPS 180-4), for values kept in the rules as hashes rather than as text: well-known
// public credentials (an emulator's account key, a provider's documented example key) that must
// not be reported, and must not sit in keylint's own rules where other scanners would flag them.
// Written here because none of the chosen dependencies exposes a digest; checked against the
// FIPS test vectors in sha256_test.cc.
#ifndef KEYLINT_CORE_SHA256_H_
#define KEYLINT_CORE_SHA256_H_

#include <string>
#include <string_view>

namespace keylint {

// Lower-case hex digest of `data`, as `printf %s VALUE | sha256sum` prints it. Thread-safe.
std::string Sha256Hex(std::string_view data);

}  // namespace keylint

#endif  // KEYLINT_CORE_SHA256_H_
