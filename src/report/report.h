// Output formats: text, JSON and SARIF 2.1.0. The only stage that knows output formats.
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
#include "knowledge/knowledge.h"

namespace keylint {

// Everything a report shows about one scan. Findings are sorted (FindingLess); suppressed ones
// are present only when the user asked for them (--include-suppressed), flagged `suppressed`.
struct ScanReport {
  std::string tool_version;
  std::vector<Finding> findings;
  std::vector<Notification> notifications;
  std::vector<Skip> skips;
  size_t files_scanned = 0;
  size_t bytes_scanned = 0;
  size_t suppressed_count = 0;  // findings hidden by suppressions or a baseline
  bool execution_successful = true;
  int exit_code = 0;            // what the CLI will exit with (SARIF invocations)
};

enum class Format { kText, kJson, kSarif };
// "text", "json" or "sarif"; false (and *out untouched) otherwise.
bool ParseFormat(const std::string& s, Format* out);

// The whole report in `format`, ending in a newline when not empty.
//
// text:  one "path:line:col: level rule-id message" line per finding (col counts bytes), each
//        followed by "  related: path:line:col: message" lines, then the notifications as
//        "path:line: level: message" ("keylint: level: message" for the scan as a whole). A
//        suppressed finding (--include-suppressed) ends in " [suppressed: reason]". The summary
//        line is NOT included: get it from RenderTextSummary(), so the CLI can print it to stderr.
// json:  the shape in docs/json-format.md.
// sarif: SARIF 2.1.0, one run, as in shared/research/sarif-integration.md section 0. driver.rules
//        holds every enabled rule of `knowledge` plus any rule a finding carries. A suppressed
//        finding becomes a result with a filled `suppressions` entry: kind "external" when the
//        policy stage's reason says a baseline, .keylintignore or the config hid it, "inSource"
//        (a keylint:ignore comment) otherwise; the reason is the justification.
std::string Render(const ScanReport& report, const Knowledge& knowledge, Format format);

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

}  // namespace keylint

#endif  // KEYLINT_REPORT_REPORT_H_
