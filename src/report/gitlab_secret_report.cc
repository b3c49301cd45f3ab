// GitLab's secret-detection report (artifacts:reports:secret_detection), security report schema
// 15.2.4. tools/gitlab-validate keeps that schema and checks every report the tests make. What is
// left out on purpose: raw_source_code_extract (it would copy the secret) and suppressed findings
// (GitLab would show them as open vulnerabilities).
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/fingerprint.h"
#include "core/secret.h"
#include "report/formats.h"

namespace keylint {
namespace {

constexpr char kSchemaVersion[] = "15.2.4";
constexpr char kSchemaUri[] =
    "https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v15.2.4/dist/"
    "secret-detection-report-format.json";
constexpr size_t kNameLimit = 255;

// A stable UUID (RFC 9562 version 8: custom) for one finding at one place: GitLab recommends a
// UUID and tracks findings by its own fingerprint, so stability across runs is a courtesy.
std::string FindingUuid(const Finding& f) {
  std::string basis = f.fingerprint + '\0' + f.location.path + '\0' + std::to_string(f.location.line) +
                      '\0' + f.rule_id;
  std::string hex = Hex64(KeyedHash(basis + '\x01')) + Hex64(KeyedHash(basis + '\x02'));
  hex[12] = '8';  // version
  hex[16] = "89ab"[std::strtoul(hex.substr(16, 1).c_str(), nullptr, 16) & 3];  // variant 10xx
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

// GitLab's buckets over security-severity (0.1-10), capped by the finding's level: a warning is
// at most Medium and a note Low, whatever the rule's default weight.
const char* Severity(const Finding& f, const RuleInfo* rule) {
  double score = rule ? std::strtod(rule->security_severity.c_str(), nullptr) : 5.0;
  if (f.level == Level::kWarning && score >= 7.0) score = 6.9;
  if (f.level == Level::kNote && score >= 4.0) score = 3.9;
  if (score >= 9.0) return "Critical";
  if (score >= 7.0) return "High";
  if (score >= 4.0) return "Medium";
  if (score > 0.0) return "Low";
  return "Info";
}

OrderedJson Identifiers(const Finding& f, const RuleInfo* rule) {
  OrderedJson primary = {{"type", "keylint_rule_id"}, {"name", "keylint " + f.rule_id}, {"value", f.rule_id}};
  if (rule && rule->builtin) primary["url"] = RuleDocUri(f.rule_id);
  OrderedJson ids = OrderedJson::array();
  ids.push_back(std::move(primary));
  if (rule && !rule->cwe.empty()) {
    ids.push_back({{"type", "cwe"},
                   {"name", "CWE-" + rule->cwe},
                   {"value", rule->cwe},
                   {"url", "https://cwe.mitre.org/data/definitions/" + rule->cwe + ".html"}});
  }
  return ids;
}

// The commit a finding was seen in: its own for --history, else the scanned HEAD.
std::string CommitOf(const Finding& f, const ScanReport& report) {
  auto it = f.properties.find("commit");
  return it != f.properties.end() && !it->second.empty() ? it->second : report.vcs.revision_id;
}

OrderedJson Vulnerability(const Finding& f, const ScanReport& report, const Knowledge& knowledge) {
  const RuleInfo* rule = knowledge.FindRule(f.rule_id);
  std::string name = rule && !rule->short_description.empty() ? rule->short_description : f.rule_id;
  int line = f.location.line > 0 ? f.location.line : 1;
  int end_line = f.location.end_line >= line ? f.location.end_line : line;
  OrderedJson v = {{"id", FindingUuid(f)},
                   {"name", TruncateUtf16(name, kNameLimit)},
                   {"description", f.message},
                   {"severity", Severity(f, rule)}};
  if (rule && !rule->help.empty()) v["solution"] = TruncateUtf16(rule->help, 7000);
  v["identifiers"] = Identifiers(f, rule);
  if (rule && rule->builtin) {
    OrderedJson link = {{"name", "keylint rule " + f.rule_id}, {"url", RuleDocUri(f.rule_id)}};
    OrderedJson links = OrderedJson::array();
    links.push_back(std::move(link));
    v["links"] = std::move(links);
  }
  v["location"] = {{"file", f.location.path},
                   {"start_line", line},
                   {"end_line", end_line},
                   {"commit", {{"sha", CommitOf(f, report)}}}};
  return v;
}

}  // namespace

std::string RenderGitlabSecretDetection(const ScanReport& report, const Knowledge& knowledge) {
  OrderedJson tool = {{"id", "keylint"},
                      {"name", "keylint"},
                      {"url", kInformationUri},
                      {"vendor", {{"name", "keylint"}}},
                      {"version", report.tool_version.empty() ? "0" : report.tool_version}};
  OrderedJson messages = OrderedJson::array();
  for (const Notification& n : report.notifications) {
    std::string where = n.path.empty() ? "" : n.path + (n.line > 0 ? ":" + std::to_string(n.line) : "") + ": ";
    messages.push_back({{"level", n.level == Level::kNote ? "info" : "warn"}, {"value", where + n.message}});
  }
  OrderedJson scan = {{"analyzer", tool},
                      {"scanner", tool},
                      {"type", "secret_detection"},
                      {"start_time", report.start_time},
                      {"end_time", report.end_time},
                      {"status", report.execution_successful ? "success" : "failure"},
                      {"messages", std::move(messages)}};
  OrderedJson vulnerabilities = OrderedJson::array();
  for (const Finding& f : report.findings) {
    if (!f.suppressed) vulnerabilities.push_back(Vulnerability(f, report, knowledge));
  }
  OrderedJson root = {{"version", kSchemaVersion},
                      {"schema", kSchemaUri},
                      {"scan", std::move(scan)},
                      {"vulnerabilities", std::move(vulnerabilities)}};
  return DumpJson(root);
}

}  // namespace keylint
