#include "analyze/analyze_file.h"

#include <set>

#include "analyze/env/dotenv_checks.h"
#include "analyze/credentials/hardcoded.h"
#include "analyze/inline_ignore.h"
#include "analyze/javascript/project_files.h"
#include "analyze/merge.h"
#include "core/fingerprint.h"
#include "core/line_hash.h"
#include "core/text.h"

namespace keylint {

FileAnalyzer::FileAnalyzer(const Knowledge& knowledge, const CredentialScanner& credentials)
    : knowledge_(knowledge), credentials_(credentials), js_(knowledge, credentials), ci_(knowledge) {}

FileAnalysis FileAnalyzer::Analyze(const Target& target, const FileFacts& facts) {
  FileAnalysis out;
  const std::string_view text = target.bytes;
  const LineIndex lines(text);
  const bool utf8 = IsValidUtf8(text);
  if (!utf8) {
    out.notifications.push_back(
        {Level::kNote, target.path, 0,
         "not valid UTF-8: only credential patterns were checked, columns may be approximate"});
  }

  std::vector<CredentialMatch> matches = credentials_.Scan(text);
  ReportHardcoded(target, facts, knowledge_, matches, lines, &out);
  if (utf8) {
    if (facts.kind == FileKind::kSource) {
      js_.Analyze(target, facts, matches, &out);
      out.verbose_note = js_.last_parse_reason();
    }
    if (facts.kind == FileKind::kDotenv) {
      AnalyzeDotenv(target, facts, knowledge_, credentials_, matches, &out);
    }
    if (facts.kind == FileKind::kGithubWorkflow || facts.kind == FileKind::kGitlabCi) {
      ci_.Analyze(target, facts, &out);
    }
    CollectProjectFile(target, knowledge_, &out.facts.graph);
  }
  out.facts.inline_ignores = FindInlineIgnores(target.path, text, lines);

  MergeOverlapping(&out.findings);
  FinishFindings(text, &out.findings);
  return out;
}

void FinishFindings(std::string_view text, std::vector<Finding>* findings) {
  if (findings->empty()) return;
  const LineIndex lines(text);
  std::set<int> wanted;
  for (const Finding& f : *findings) wanted.insert(f.location.line);
  std::map<int, std::string> hashes = LineHashes(text, wanted);
  for (Finding& f : *findings) {
    f.line_hash = hashes[f.location.line];
    if (f.fingerprint.empty()) AssignFingerprint(&f, lines.LineText(f.location.line));
  }
}

}  // namespace keylint
