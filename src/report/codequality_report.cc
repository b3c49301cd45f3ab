// GitLab Code Quality (artifacts:reports:codequality): the CodeClimate issue subset GitLab reads,
// shown in merge requests on every tier. GitLab's documented fields: description, check_name,
// fingerprint, severity, location.path, location.lines.begin. Suppressed findings are left out.
#include <string>

#include "report/formats.h"

namespace keylint {
namespace {

// info, minor, major, critical or blocker (GitLab's set): an error is critical, a warning major.
const char* Severity(Level level) {
  return level == Level::kError ? "critical" : level == Level::kWarning ? "major" : "minor";
}

}  // namespace

std::string RenderGitlabCodeQuality(const ScanReport& report, const Knowledge& knowledge) {
  OrderedJson issues = OrderedJson::array();
  for (const Finding& f : report.findings) {
    if (f.suppressed) continue;
    const RuleInfo* rule = knowledge.FindRule(f.rule_id);
    OrderedJson issue = {{"type", "issue"},
                         {"engine_name", "keylint"},
                         {"check_name", f.rule_id},
                         {"description", f.rule_id + ": " + f.message},
                         {"categories", {"Security"}},
                         {"severity", Severity(f.level)},
                         // One finding, one fingerprint: the line keeps two findings of one
                         // secret in one file apart (GitLab drops duplicate fingerprints).
                         {"fingerprint", f.fingerprint + "-" + std::to_string(f.location.line)},
                         {"location",
                          {{"path", f.location.path},
                           {"lines", {{"begin", f.location.line > 0 ? f.location.line : 1}}}}}};
    if (rule && rule->builtin) issue["content"] = {{"body", RuleHelpMarkdown(*rule)}};
    issues.push_back(std::move(issue));
  }
  return DumpJson(issues);
}

}  // namespace keylint
