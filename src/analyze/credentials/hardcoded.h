// Turns credential matches into hardcoded/ findings: secrets written into a file. Public keys,
// and secrets in untracked local .env files (where they belong), yield none.
#ifndef KEYLINT_ANALYZE_CREDENTIALS_HARDCODED_H_
#define KEYLINT_ANALYZE_CREDENTIALS_HARDCODED_H_

#include <vector>

#include "analyze/credentials/engine.h"
#include "analyze/file_analysis.h"
#include "core/target.h"
#include "core/text.h"
#include "knowledge/knowledge.h"

namespace keylint {

void ReportHardcoded(const Target& target, const FileFacts& facts, const Knowledge& knowledge,
                     const std::vector<CredentialMatch>& matches, const LineIndex& lines,
                     FileAnalysis* out);

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_CREDENTIALS_HARDCODED_H_
