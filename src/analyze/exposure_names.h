// Env-var name checks shared by the JavaScript and dotenv analyzers (the knowledge is in
// rules/sdks.toml [sdk_env] and rules/exposure.toml public_prefixes). Thread-safe, allocation-light.
#ifndef KEYLINT_ANALYZE_EXPOSURE_NAMES_H_
#define KEYLINT_ANALYZE_EXPOSURE_NAMES_H_

#include <string_view>

#include "knowledge/exposure_match.h"
#include "knowledge/knowledge.h"

namespace keylint {

// IsPublicPrefixedSecretName(knowledge, name): NEXT_PUBLIC_NANGO_SECRET_KEY, VITE_STRIPE_SECRET_KEY
// -> true; NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY, NANGO_SECRET_KEY -> false. A .env* line with such a
// name is reported as client/public-prefixed-secret. Declared in knowledge/exposure_match.h.
using ::keylint::IsPublicPrefixedSecretName;
// IsSecretName(knowledge, name): the name (public prefix removed) says it holds a secret.
using ::keylint::IsSecretName;
// PublicPrefixOf(knowledge, name): "NEXT_PUBLIC_" for NEXT_PUBLIC_X; "" when none.
using ::keylint::PublicPrefixOf;

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_EXPOSURE_NAMES_H_
