// Files other than .env* that give values to names for one stage (rules/stages.toml
// [[stages.carriers]]): compose files, Dockerfiles, shell and direnv files, Makefiles, Helm values,
// Kustomize overlays, Terraform .tfvars, serverless.yml, eas.json, vercel.json, netlify.toml.
// Each is read by its format into names and values, which then meet the same stage checks as a
// .env line (env/stage_checks.h) and join the cross-file comparisons; the env files it loads
// (compose env_file:) become EnvFileLoad facts.
#ifndef KEYLINT_ANALYZE_CARRIERS_CARRIERS_H_
#define KEYLINT_ANALYZE_CARRIERS_CARRIERS_H_

#include <vector>

#include "analyze/ci/yaml_tree.h"
#include "analyze/credentials/engine.h"
#include "analyze/file_analysis.h"
#include "core/target.h"
#include "knowledge/knowledge.h"

namespace keylint {

// REQUIRES: facts.kind == FileKind::kCarrier. `yaml` is the calling worker's parser;
// `credentials` are the credential engine's matches in the same bytes. Documentation and
// examples (facts.is_docs) are not configuration and are skipped. Cost: one parse of the file
// (tree-sitter for YAML/JSON, a line scan otherwise) and one value classification per value.
void AnalyzeCarrier(const Target& target, const FileFacts& facts, const Knowledge& knowledge,
                    const CredentialScanner& scanner,
                    const std::vector<CredentialMatch>& credentials, YamlParser* yaml,
                    FileAnalysis* out);

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_CARRIERS_CARRIERS_H_
