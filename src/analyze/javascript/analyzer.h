// JavaScript / TypeScript / TSX (and the <script> blocks of .vue / .svelte) analysis: the client/
// rules. Pipeline per file: ShouldParse (gate.h, byte scans) -> JsExtractor (extract.h,
// tree-sitter, the only part that knows it) -> ApplyClientRules (rules.h, plain C++).
#ifndef KEYLINT_ANALYZE_JAVASCRIPT_ANALYZER_H_
#define KEYLINT_ANALYZE_JAVASCRIPT_ANALYZER_H_

#include <memory>
#include <string>
#include <vector>

#include "analyze/credentials/engine.h"
#include "analyze/file_analysis.h"
#include "classify/module_scan.h"
#include "core/target.h"
#include "knowledge/knowledge.h"

namespace keylint {

// Owns tree-sitter parsers: one JsAnalyzer per worker; not thread-safe.
class JsAnalyzer {
 public:
  JsAnalyzer(const Knowledge& knowledge, const CredentialScanner& credentials);
  ~JsAnalyzer();
  JsAnalyzer(const JsAnalyzer&) = delete;
  JsAnalyzer& operator=(const JsAnalyzer&) = delete;

  // Adds client/ findings and env reads (out->facts.env_reads) for a JS/TS/TSX/.vue/.svelte file.
  // `credentials` are the credential engine's matches in the same bytes. Files the gate rejects
  // cost a few byte scans; the others one tree-sitter parse. Never fails: broken syntax yields
  // what the recovered tree shows; a parse that produces no tree adds a notification.
  // `module`: the file's module scan from classification, if it made one (saves a second scan).
  void Analyze(const Target& target, const FileFacts& facts,
               const std::vector<CredentialMatch>& credentials, FileAnalysis* out,
               const ModuleScan* module = nullptr);

  // Why the last Analyze parsed its file ("env read", "bundler config", ...), or why not
  // ("no reason to parse", "minified"), for --verbose. Valid until the next Analyze.
  const std::string& last_parse_reason() const;

  // Whether the JavaScript, TypeScript and TSX grammars load into this tree-sitter core;
  // on failure *error names the grammar and its ABI version.
  static bool LanguagesLoad(std::string* error);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_JAVASCRIPT_ANALYZER_H_
