// CI configuration: GitHub Actions workflows and .gitlab-ci.yml, parsed with tree-sitter-yaml.
#ifndef KEYLINT_ANALYZE_CI_CHECKS_H_
#define KEYLINT_ANALYZE_CI_CHECKS_H_

#include <memory>

#include "analyze/file_analysis.h"
#include "core/target.h"
#include "knowledge/knowledge.h"

namespace keylint {

// Owns a tree-sitter parser: one CiAnalyzer per worker; not thread-safe.
class CiAnalyzer {
 public:
  explicit CiAnalyzer(const Knowledge& knowledge);
  ~CiAnalyzer();
  CiAnalyzer(const CiAnalyzer&) = delete;
  CiAnalyzer& operator=(const CiAnalyzer&) = delete;

  // Adds stage/ and config/ findings for a workflow or .gitlab-ci.yml.
  void Analyze(const Target& target, const FileFacts& facts, FileAnalysis* out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_CI_CHECKS_H_
