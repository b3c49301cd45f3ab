// A secret under a public prefix (NEXT_PUBLIC_, VITE_, EXPO_PUBLIC_) where a build reads names
// and values: a .env* file, an EAS build profile's env. The framework inlines every such name
// into the client it builds, so the check is the same wherever the assignment is written.
#ifndef KEYLINT_ANALYZE_ENV_PUBLIC_PREFIX_H_
#define KEYLINT_ANALYZE_ENV_PUBLIC_PREFIX_H_

#include <string>

#include "analyze/env/value.h"
#include "analyze/file_analysis.h"
#include "core/finding.h"
#include "knowledge/knowledge.h"

namespace keylint {

// client/public-prefixed-secret for a secret-named key under a public prefix (whatever its value:
// `${SECRET}` expands into the bundle too; an empty value counts only in a template) or a secret
// value under one. `span` should cover key and value, so that it is the line's one finding.
// Returns whether it reported. Thread-safe.
// `stage`: the value's (a finding property).
bool CheckPublicPrefixedSecret(const Knowledge& knowledge, const std::string& key, const EnvValueFacts& v,
                               Stage stage, const Location& span, FileAnalysis* out);

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_ENV_PUBLIC_PREFIX_H_
