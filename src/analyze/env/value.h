// What an env value is, for the stage and config checks: empty, a placeholder, a reference, a
// real secret (and of which stage). Shared by the dotenv checks; no raw value leaves it except
// as a masked preview and a keyed hash.
#ifndef KEYLINT_ANALYZE_ENV_VALUE_H_
#define KEYLINT_ANALYZE_ENV_VALUE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/credentials/engine.h"
#include "knowledge/knowledge.h"

namespace keylint {

struct EnvValueFacts {
  bool empty = false;
  bool placeholder = false;
  // A credential rule matched (exposure secret) inside the value, or the value is long and
  // high-entropy under a secret-looking name that does not say it is public, and is not a URL,
  // a path, an e-mail address or a dev default (CredentialScanner::CannotBeSecret).
  bool is_secret = false;
  // A public-exposure credential rule matched (pk_live_, rzp_live_): never a secret, but its
  // stage still tells which environment the value talks to.
  bool public_key = false;
  Stage value_stage = Stage::kUnknown;  // from the matched credential (sk_live_ -> prod)
  std::string provider;                 // of the matched credential rule, if any
  uint64_t hash = 0;                    // KeyedHash of the value; 0 when empty or placeholder
  std::string masked;                   // MaskValue of the value
};

// `credentials` are the credential engine's matches in the whole file; those inside
// [value_begin, value_end) belong to this value. Cost: a binary search over the matches, one
// placeholder check and one entropy pass over the value.
EnvValueFacts ClassifyEnvValue(std::string_view key, std::string_view value, bool reference_only,
                               size_t value_begin, size_t value_end,
                               const std::vector<CredentialMatch>& credentials,
                               const CredentialScanner& scanner, const Knowledge& knowledge);

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_ENV_VALUE_H_
