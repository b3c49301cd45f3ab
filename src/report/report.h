// Output formats: text, JSON, SARIF 2.1.0, GitHub workflow commands, GitLab's secret-detection and
// Code Quality reports, and JUnit XML. The only stage that knows output formats.
//
// Every renderer is a pure function of its inputs: the same report gives the same bytes (findings
// keep the FindingLess order they arrive in; JSON keys come in a fixed order). None of them sees
// a raw secret: they print Finding::message, which the analyzers already masked, and never file
// contents, snippets or the command line.
#ifndef KEYLINT_REPORT_REPORT_H_
#define KEYLINT_REPORT_REPORT_H_

#include <string>
#include <vector>

#include "core/finding.h"
#include "core/vcs.h"
#include "knowledge/knowledge.h"

namespace keylint {

// Everything a report shows about one scan. Findings are sorted (FindingLess); suppressed ones
// are present only when the user asked for them (--include-suppressed), flagged `suppressed`.
struct ScanReport {
  std::string tool_version;
  std::string rules_version;    // hash of the built-in rules (EmbeddedRulesVersion())
  // SARIF runAutomationDetails.id is "<category>/": code scanning keeps one analysis per
  // category, so two scans of one repository (say, two apps of a monorepo) need two.
  std::string sarif_category = "keylint";
  VcsInfo vcs;
  // UTC, "YYYY-MM-DDTHH:MM:SS" (GitLab's format); empty when unknown.
  std::string start_time;
  std::string end_time;
  std::vector<Finding> findings;
  std::vector<Notification> notifications;
  std::vector<Skip> skips;
  size_t files_scanned = 0;
  size_t bytes_scanned = 0;
  size_t suppressed_count = 0;  // findings hidden by suppressions or a baseline
  bool execution_successful = true;
  int exit_code = 0;            // what the CLI will exit with (SARIF invocations)
};

enum class Format { kText, kJson, kSarif, kGithub, kGitlabSecretDetection, kGitlabCodeQuality, kJunit };
// "text", "json", "sarif", "github", "gitlab-secret-detection", "gitlab-codequality" or "junit";
// false (and *out untouched) otherwise.
bool ParseFormat(const std::string& s, Format* out);
const char* FormatName(Format format);
// Every format name, in the order above (for --help and completions).
const std::vector<std::string>& FormatNames();

// What an output file's extension says about its format: ".sarif" sarif, ".xml" junit, ".json"
// one of the JSON formats, ".txt"/".log" text or github. kUnknown for any other extension.
enum class ExtensionFit { kUnknown, kFits, kContradicts };
ExtensionFit CheckExtension(const std::string& path, Format format);
// The format a file name implies when no --format is given; false for an unknown extension.
// ".json" implies json.
bool FormatFromExtension(const std::string& path, Format* out);

// SARIF keeps at most this many results per run (GitHub's limit); the rest are counted in a
// notification.
constexpr size_t kSarifMaxResults = 25000;

// The whole report in `format`, ending in a newline when not empty.
//
// text:  one "path:line:col: level rule-id message" line per finding (col counts bytes), each
//        followed by "  related: path:line:col: message" lines, then the notifications as
//        "path:line: level: message" ("keylint: level: message" for the scan as a whole). A
//        suppressed finding (--include-suppressed) ends in " [suppressed: reason]". The summary
//        line is NOT included: get it from RenderTextSummary(), so the CLI can print it to stderr.
// json:  the shape in docs/json-format.md.
// sarif: SARIF 2.1.0, one run, as in shared/research/sarif-integration.md section 0. driver.rules
//        holds every enabled rule of `knowledge` plus any rule a finding carries, each with a
//        helpUri (RuleDocUri) and markdown help. At most kSarifMaxResults results (errors
//        first), with a notification counting what was left out. A suppressed
//        finding becomes a result with a filled `suppressions` entry: kind "external" when the
//        policy stage's reason says a baseline, .keylintignore or the config hid it, "inSource"
//        (a keylint:ignore comment) otherwise; the reason is the justification.
// github: one GitHub Actions workflow command per finding that is not suppressed
//        ("::error file=p,line=l,col=c,endLine=..,endColumn=..,title=rule-id::message"; notes are
//        ::notice), then one per notification.
// gitlab-secret-detection: GitLab's security report, schema 15.2.4, findings not suppressed.
//        REQUIRES: report.vcs.revision_id is set (the schema requires each location's commit).
// gitlab-codequality: GitLab Code Quality (CodeClimate) JSON array, findings not suppressed.
// junit: JUnit XML, one testcase per finding (a failure; skipped when suppressed), or one
//        passing testcase when there is none.
// With `color`, text output marks levels, rule ids and paths with ANSI colours (other formats
// ignore it).
std::string Render(const ScanReport& report, const Knowledge& knowledge, Format format,
                   bool color = false);

// One line, ending in a newline, counting the findings that are not suppressed:
// "keylint: 3 findings (2 errors, 1 warning) in 12 files; 4 skipped; 1 suppressed".
// The "; N skipped" / "; N suppressed" / "; N notifications" parts appear only when N > 0.
std::string RenderTextSummary(const ScanReport& report);

// `keylint rules`: every rule (disabled ones too) with its id, level ("off" when disabled),
// family and short description; default-off rules are marked. kText gives an aligned table;
// kJson (and kSarif) a JSON array, see docs/json-format.md.
std::string RenderRules(const Knowledge& knowledge, Format format);
// `keylint explain RULE-ID`: what the rule catches, why it matters, how to fix it.
std::string RenderExplain(const RuleInfo& rule);

// The rule's documentation page in the repository (docs/rules/<family>/<name>.md), as a URL.
std::string RuleDocUri(const std::string& rule_id);
// Its path relative to the repository root: "docs/rules/client/secret-env-in-client.md".
std::string RuleDocPath(const std::string& rule_id);
// The markdown of that page (generated: tools/rule-docs writes every page; a test checks that
// the committed pages match), and of the index page listing every rule (docs/rules/README.md).
std::string RenderRulePage(const RuleInfo& rule);
std::string RenderRuleIndex(const Knowledge& knowledge);
// SARIF's help.markdown: the short description, what the rule catches, how to fix it, a link.
std::string RuleHelpMarkdown(const RuleInfo& rule);

}  // namespace keylint

#endif  // KEYLINT_REPORT_REPORT_H_
