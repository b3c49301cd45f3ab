// Analyses one file: the credential engine on every text file, then the analyzer for its kind
// (JavaScript, dotenv, CI, stage carriers), then one finding per place, fingerprints and line hashes.
#ifndef KEYLINT_ANALYZE_ANALYZE_FILE_H_
#define KEYLINT_ANALYZE_ANALYZE_FILE_H_

#include "analyze/ci/checks.h"
#include "analyze/ci/yaml_tree.h"
#include "analyze/credentials/engine.h"
#include "analyze/file_analysis.h"
#include "analyze/javascript/analyzer.h"
#include "core/target.h"
#include "knowledge/knowledge.h"

namespace keylint {

// Holds per-worker parsers: one FileAnalyzer per worker thread; not thread-safe. `knowledge`
// and `credentials` are shared read-only and must outlive it.
class FileAnalyzer {
 public:
  FileAnalyzer(const Knowledge& knowledge, const CredentialScanner& credentials);

  FileAnalysis Analyze(const Target& target, const FileFacts& facts);

 private:
  const Knowledge& knowledge_;
  const CredentialScanner& credentials_;
  JsAnalyzer js_;
  CiAnalyzer ci_;
  YamlParser yaml_;  // for carriers (compose, Helm, eas.json, ...)
};

// Sets each finding's GitHub line hash and, where it has none yet, its fingerprint, from the
// text of the file the findings are in. One pass over the text.
void FinishFindings(std::string_view text, std::vector<Finding>* findings);

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_ANALYZE_FILE_H_
