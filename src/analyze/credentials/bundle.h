// client/secret-in-bundle: a provider secret inside machine-made output that browsers download
// (FileFacts::built on the client side: a Vite dist/assets/ chunk, a CRA build/static/js/ bundle,
// a .next/static/ chunk, a minified client script). Server output gets no such finding: its
// secrets are hardcoded/ findings, which ReportHardcoded makes for every file.
#ifndef KEYLINT_ANALYZE_CREDENTIALS_BUNDLE_H_
#define KEYLINT_ANALYZE_CREDENTIALS_BUNDLE_H_

#include <vector>

#include "analyze/credentials/engine.h"
#include "analyze/file_analysis.h"
#include "core/target.h"
#include "core/text.h"
#include "knowledge/knowledge.h"

namespace keylint {

// Public keys (pk_live_, anon JWTs) are meant to be in bundles and yield nothing; nor do the
// generic name = "value" rules, whose precision a minified library cannot bear (their hardcoded/
// findings stay). Test-stage secrets are at most warnings.
void ReportSecretsInBundle(const Target& target, const FileFacts& facts, const Knowledge& knowledge,
                           const std::vector<CredentialMatch>& matches, const LineIndex& lines,
                           FileAnalysis* out);

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_CREDENTIALS_BUNDLE_H_
