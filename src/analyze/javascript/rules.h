// The client/ rules over a JsFileModel: turns what the extractor saw into findings and EnvRead
// facts. Pure C++ over plain values (no tree-sitter), so each rule is testable with a hand-built
// model. Thread-safe: reads only its arguments.
#ifndef KEYLINT_ANALYZE_JAVASCRIPT_RULES_H_
#define KEYLINT_ANALYZE_JAVASCRIPT_RULES_H_

#include <vector>

#include "analyze/credentials/engine.h"
#include "analyze/file_analysis.h"
#include "analyze/javascript/model.h"
#include "core/target.h"
#include "knowledge/knowledge.h"

namespace keylint {

// `model` may be nullptr (the file was not parsed): only the credential matches are then
// considered. `bundler` is the file's bundler config, or nullptr.
void ApplyClientRules(const Target& target, const FileFacts& facts, const Knowledge& knowledge,
                      const CredentialScanner& scanner, const std::vector<CredentialMatch>& credentials,
                      const JsFileModel* model, const BundlerConfig* bundler, FileAnalysis* out);

// Whether a string given a secret-looking name is itself secret-looking: 16+ characters without
// spaces, letters and digits, some entropy, not a URL or path. Placeholders are checked apart.
bool LooksLikeSecretValue(std::string_view value);

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_JAVASCRIPT_RULES_H_
