#include "analyze/env/value.h"

#include <algorithm>

#include "core/secret.h"
#include "core/text.h"
#include "knowledge/exposure_match.h"

namespace keylint {

EnvValueFacts ClassifyEnvValue(std::string_view key, std::string_view value, bool reference_only,
                               size_t value_begin, size_t value_end,
                               const std::vector<CredentialMatch>& credentials,
                               const CredentialScanner& scanner, const Knowledge& knowledge) {
  EnvValueFacts v;
  v.empty = value.find_first_not_of(" \t\r\n") == std::string_view::npos;
  if (v.empty) return v;
  v.masked = MaskValue(value);
  v.placeholder = scanner.IsPlaceholder(value);
  if (v.placeholder || reference_only) return v;
  v.hash = KeyedHash(value);
  bool public_match = false;  // a public key (pk_live_) is never a secret by entropy
  // Matches are sorted by begin: the first at or after value_begin.
  auto it = std::lower_bound(credentials.begin(), credentials.end(), value_begin,
                             [](const CredentialMatch& m, size_t b) { return m.begin < b; });
  for (; it != credentials.end() && it->begin < value_end; ++it) {
    if (it->end > value_end) continue;
    if (it->exposure == Exposure::kPublic) {
      public_match = true;
      v.public_key = true;
      if (v.value_stage == Stage::kUnknown) v.value_stage = it->stage;
      continue;
    }
    v.is_secret = true;
    v.value_stage = it->stage;
    if (it->rule) v.provider = it->rule->provider;
    return v;
  }
  // No credential rule matched: the name decides, unless it says the value is public by design
  // (NEXT_PUBLIC_NANGO_PUBLIC_KEY holds a UUID that only looks like a secret), or the value
  // cannot be a secret (a URL without user info, an e-mail address, a path, a dev default).
  const StageKnowledge& stages = knowledge.stages;
  v.is_secret = !public_match && IsSecretLikeName(stages, key) && !IsPublicName(knowledge, key) &&
                static_cast<int>(value.size()) >= stages.min_secret_length &&
                ShannonEntropy(value) >= stages.min_secret_entropy &&
                value.find_first_of(" \t\n") == std::string_view::npos &&
                !scanner.CannotBeSecret(key, value);
  return v;
}

}  // namespace keylint
