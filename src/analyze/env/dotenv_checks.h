// .env* files: a dotenv parser with positions, and the config/ and stage/ checks on one file.
#ifndef KEYLINT_ANALYZE_ENV_DOTENV_CHECKS_H_
#define KEYLINT_ANALYZE_ENV_DOTENV_CHECKS_H_

#include <vector>

#include "analyze/credentials/engine.h"
#include "analyze/file_analysis.h"
#include "core/target.h"
#include "knowledge/knowledge.h"

namespace keylint {

// Adds config/ and stage/ findings for one .env* file and its EnvDefinitions to out->facts.
// `credentials` are the credential engine's matches in the same bytes. Thread-safe.
void AnalyzeDotenv(const Target& target, const FileFacts& facts, const Knowledge& knowledge,
                   const CredentialScanner& scanner, const std::vector<CredentialMatch>& credentials,
                   FileAnalysis* out);

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_ENV_DOTENV_CHECKS_H_
