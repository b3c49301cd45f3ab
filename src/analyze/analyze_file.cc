#include "analyze/analyze_file.h"

#include <map>

#include "analyze/carriers/carriers.h"
#include "analyze/env/dotenv_checks.h"
#include "analyze/credentials/bundle.h"
#include "analyze/credentials/hardcoded.h"
#include "analyze/credentials/in_file.h"
#include "analyze/inline_ignore.h"
#include "analyze/javascript/project_files.h"
#include "analyze/merge.h"
#include "core/fingerprint.h"
#include "core/secret.h"
#include "core/text.h"

namespace keylint {

FileAnalyzer::FileAnalyzer(const Knowledge& knowledge, const CredentialScanner& credentials)
    : knowledge_(knowledge), credentials_(credentials), js_(knowledge, credentials), ci_(knowledge) {}

FileAnalysis FileAnalyzer::Analyze(const Target& target, const FileFacts& facts, const ModuleScan* module) {
  FileAnalysis out;
  const std::string_view text = target.bytes;
  const LineIndex lines(text);
  const bool utf8 = IsValidUtf8(text);
  if (!utf8) {
    out.notifications.push_back(
        {Level::kNote, target.path, 0,
         "not valid UTF-8: only credential patterns were checked, columns may be approximate"});
  }

  std::vector<CredentialMatch> matches = CredentialsInFile(target, facts, credentials_);
  ReportHardcoded(target, facts, knowledge_, matches, lines, &out);
  if (facts.built) {
    // Machine-made: the credential rules only; nothing in a bundle is worth parsing.
    ReportSecretsInBundle(target, facts, knowledge_, matches, lines, &out);
    out.verbose_note = "built output: credential rules only";
  } else if (utf8) {
    if (facts.kind == FileKind::kSource) {
      js_.Analyze(target, facts, matches, &out, module);
      out.verbose_note = js_.last_parse_reason();
    }
    if (facts.kind == FileKind::kDotenv) {
      AnalyzeDotenv(target, facts, knowledge_, credentials_, matches, &out);
    }
    if (facts.kind == FileKind::kGithubWorkflow || facts.kind == FileKind::kGithubAction ||
        facts.kind == FileKind::kGitlabCi) {
      ci_.Analyze(target, facts, &out);
    }
    if (facts.kind == FileKind::kCarrier) {
      AnalyzeCarrier(target, facts, knowledge_, credentials_, matches, &yaml_, &out);
    }
    CollectProjectFile(target, knowledge_, &out.facts.graph);
  }
  out.facts.inline_ignores = FindInlineIgnores(target.path, text, lines);

  MergeOverlapping(&out.findings);
  FinishFindings(&out.findings);
  return out;
}

void FinishFindings(std::vector<Finding>* findings) {
  std::map<std::string, int> occurrences;
  for (Finding& f : *findings) {
    for (RelatedLocation& r : f.related) r.message = MaskCredentialsIn(r.message);
    for (auto& [name, value] : f.properties) value = MaskCredentialsIn(value);
    if (f.fingerprint.empty()) AssignFingerprint(&f);
    f.line_hash = f.fingerprint + ":" + std::to_string(++occurrences[f.fingerprint]);
  }
}

}  // namespace keylint
