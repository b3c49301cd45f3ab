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

  // `module`: the module scan classification made of the file (classify/classify.h), if any.
  FileAnalysis Analyze(const Target& target, const FileFacts& facts, const ModuleScan* module = nullptr);

 private:
  const Knowledge& knowledge_;
  const CredentialScanner& credentials_;
  JsAnalyzer js_;
  CiAnalyzer ci_;
  YamlParser yaml_;  // for carriers (compose, Helm, eas.json, ...)
};

// Finishes the findings of one file: masks what looks like a credential in related messages and
// properties, sets the fingerprint where there is none yet (core/fingerprint.h), and GitHub's
// primaryLocationLineHash as "fingerprint:occurrence". Not codeql's rolling hash of the line:
// that one covers the line's (and the next lines') text, values included, and a brute force
// recovers a short password from it.
void FinishFindings(std::vector<Finding>* findings);

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_ANALYZE_FILE_H_
