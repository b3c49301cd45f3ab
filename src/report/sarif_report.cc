// SARIF 2.1.0 for code scanning (GitHub, GitLab) and SARIF viewers. The contract, field by field,
// is shared/research/sarif-integration.md section 0; what is left out is left out on purpose:
// no snippets, context regions, artifact contents or command line (they would copy the secret or
// the machine layout into a file that is uploaded and displayed), no absolute base URI, no
// `fingerprints` (a direct producer fills only `partialFingerprints`).
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/fingerprint.h"
#include "core/secret.h"
#include "report/formats.h"
#include "report/uri.h"

namespace keylint {
namespace {

constexpr char kSchema[] = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr char kSrcRoot[] = "%SRCROOT%";
constexpr char kFingerprintKey[] = "keylint/v2";
// GitHub and GitLab limits (sarif-integration.md sections 2.1 and 3.2), in UTF-16 units.
constexpr size_t kDescriptionLimit = 1024;
constexpr size_t kMessageLimit = 2048;
constexpr size_t kNameLimit = 255;
// GitHub rejects more than 20 tags and shows 10; GitLab keeps 10. The fixed tags come first.
constexpr size_t kTagLimit = 10;

// The rules of driver.rules, and each one's index for result.ruleIndex: every enabled rule in
// catalog (id) order, then any other rule a finding carries (disabled by the config but reported
// anyway, or, through a pipeline bug, missing from the catalog: then a stub keeps the log valid).
class RuleTable {
 public:
  RuleTable(const Knowledge& knowledge, const std::vector<Finding>& findings) {
    for (const RuleInfo& r : knowledge.rules) {
      if (r.enabled) Add(r);
    }
    for (const Finding& f : findings) {
      if (index_.count(f.rule_id)) continue;
      if (const RuleInfo* r = knowledge.FindRule(f.rule_id)) {
        Add(*r);
      } else {
        Add(StubRule(f));
      }
    }
  }

  const std::vector<RuleInfo>& rules() const { return rules_; }
  // REQUIRES: `id` is an enabled rule or the rule of a finding given to the constructor.
  int IndexOf(const std::string& id) const { return index_.at(id); }

 private:
  static RuleInfo StubRule(const Finding& f) {
    RuleInfo r;
    r.id = f.rule_id;
    r.family = f.rule_id.substr(0, f.rule_id.find('/'));
    r.name = PascalCaseName(f.rule_id);
    r.level = f.level;
    r.short_description = "keylint rule " + f.rule_id + ".";
    return r;
  }

  void Add(const RuleInfo& r) {
    index_.emplace(r.id, static_cast<int>(rules_.size()));
    rules_.push_back(r);
  }

  std::vector<RuleInfo> rules_;
  std::map<std::string, int> index_;
};

OrderedJson Text(const std::string& text) { return {{"text", text}}; }

// A one-element array. Spelled out because a braced {value} may be read as a copy of `value`.
OrderedJson ArrayOf(OrderedJson value) {
  OrderedJson array = OrderedJson::array();
  array.push_back(std::move(value));
  return array;
}

// A reportingDescriptor with everything GitHub and GitLab read (sarif-integration.md 1.1).
OrderedJson RuleDescriptor(const RuleInfo& r) {
  std::string name = r.name.empty() ? PascalCaseName(r.id) : r.name;
  std::string short_text = r.short_description.empty() ? r.id : r.short_description;
  std::string full_text = r.full_description.empty() ? short_text : r.full_description;
  std::string help = r.help.empty() ? "Run `keylint explain " + r.id + "` for details." : r.help;
  RuleInfo described = r;
  described.short_description = short_text;
  described.full_description = full_text;
  described.help = help;

  std::vector<std::string> tags = {"security", "secret"};
  if (!r.cwe.empty()) {
    tags.push_back("external/cwe/cwe-" + r.cwe);
    tags.push_back("cwe-" + r.cwe);
  }
  if (!r.family.empty()) tags.push_back(r.family);
  tags.insert(tags.end(), r.tags.begin(), r.tags.end());
  OrderedJson tag_json = OrderedJson::array();
  std::set<std::string> seen;
  for (const std::string& t : tags) {
    if (tag_json.size() == kTagLimit) break;
    if (!t.empty() && seen.insert(t).second) tag_json.push_back(t);
  }

  Level level = r.level == Level::kNone ? Level::kWarning : r.level;
  OrderedJson configuration = {{"level", LevelName(level)}};
  if (!r.enabled) configuration["enabled"] = false;
  const char* problem_severity = level == Level::kError     ? "error"
                                 : level == Level::kWarning ? "warning"
                                                            : "recommendation";
  std::string full = TruncateUtf16(full_text, kDescriptionLimit);
  OrderedJson descriptor = {{"id", r.id},
                            {"name", TruncateUtf16(name, kNameLimit)},
                            {"shortDescription", Text(TruncateUtf16(short_text, kDescriptionLimit))},
                            {"fullDescription", {{"text", full}, {"markdown", full}}}};
  // Only built-in rules have a page in docs/rules/; a user's own rule gets no dangling link.
  if (r.builtin) descriptor["helpUri"] = RuleDocUri(r.id);
  descriptor["help"] = {{"text", help}, {"markdown", RuleHelpMarkdown(described)}};
  descriptor["defaultConfiguration"] = std::move(configuration);
  descriptor["properties"] = {{"tags", std::move(tag_json)},
                              {"precision", r.precision},
                              {"problem.severity", problem_severity},
                              {"security-severity", r.security_severity}};
  return descriptor;
}

OrderedJson ArtifactLocation(const std::string& path) {
  return {{"uri", PercentEncodePath(path)}, {"uriBaseId", kSrcRoot}};
}

// A physicalLocation. A result about a whole file (no line) points at its first line: GitHub
// requires a region, and GitLab folds region-less results of one rule in one file into one; a
// notification about a file keeps no region. The columns are left out when they were not
// measured (e.g. the line is not valid UTF-8); columns are UTF-16 code units, as
// run.columnKind says.
OrderedJson PhysicalLocation(const Location& l, bool of_result = true) {
  OrderedJson physical = {{"artifactLocation", ArtifactLocation(l.path)}};
  if (l.line <= 0) {
    if (of_result) physical["region"] = {{"startLine", 1}, {"endLine", 1}};
    return physical;
  }
  OrderedJson region = {{"startLine", l.line}};
  int end_line = l.end_line >= l.line ? l.end_line : l.line;
  if (l.column_utf16 > 0) region["startColumn"] = l.column_utf16;
  region["endLine"] = end_line;
  bool end_ok = l.column_utf16 > 0 && l.end_column_utf16 > 0 &&
                (end_line > l.line || l.end_column_utf16 >= l.column_utf16);
  if (end_ok) region["endColumn"] = l.end_column_utf16;
  physical["region"] = std::move(region);
  return physical;
}

// Empty fingerprints would make GitHub open duplicate alerts; a finding that lacks one (a
// pipeline bug) gets a stand-in derived from what the log already shows, never from the secret.
std::string Fingerprint(const Finding& f) {
  if (!f.fingerprint.empty()) return f.fingerprint;
  std::string basis = f.rule_id + '\0' + f.location.path + '\0' + f.message;
  return Hex64(KeyedHash(basis));
}

OrderedJson SarifResult(const Finding& f, const RuleTable& rules) {
  OrderedJson result = {{"ruleId", f.rule_id},
                        {"ruleIndex", rules.IndexOf(f.rule_id)},
                        {"level", LevelName(f.level)},
                        {"message", Text(TruncateUtf16(f.message, kMessageLimit))},
                        {"locations", ArrayOf({{"physicalLocation", PhysicalLocation(f.location)}})}};
  if (!f.related.empty()) {
    OrderedJson related = OrderedJson::array();
    int id = 1;
    for (const RelatedLocation& r : f.related) {
      related.push_back({{"id", id++},
                         {"physicalLocation", PhysicalLocation(r.location)},
                         {"message", Text(TruncateUtf16(r.message, kMessageLimit))}});
    }
    result["relatedLocations"] = std::move(related);
  }
  OrderedJson fingerprints = {{kFingerprintKey, Fingerprint(f)}};
  if (!f.line_hash.empty()) fingerprints["primaryLocationLineHash"] = f.line_hash;
  result["partialFingerprints"] = std::move(fingerprints);
  // Present on every result (all or none, SARIF 3.27.23): [] when not suppressed.
  OrderedJson suppressions = OrderedJson::array();
  if (f.suppressed) {
    OrderedJson s = {{"kind", f.suppressed_in_source ? "inSource" : "external"},
                     {"status", "accepted"}};
    if (!f.suppression_reason.empty()) s["justification"] = f.suppression_reason;
    suppressions.push_back(std::move(s));
  }
  result["suppressions"] = std::move(suppressions);
  if (!f.properties.empty()) {
    OrderedJson properties = OrderedJson::object();
    for (const auto& [key, value] : f.properties) properties[key] = value;
    result["properties"] = std::move(properties);
  }
  return result;
}

OrderedJson ToolNotification(const Notification& n) {
  OrderedJson out = {{"level", LevelName(n.level)}, {"message", Text(n.message)}};
  if (!n.path.empty()) {
    Location l;
    l.path = n.path;
    l.line = n.line;
    out["locations"] = ArrayOf({{"physicalLocation", PhysicalLocation(l, /*of_result=*/false)}});
  }
  return out;
}

// The findings a run holds: all of them, or the kSarifMaxResults most severe (errors first, then
// in report order), kept in report order. *left_out counts the others.
std::vector<const Finding*> KeptResults(const std::vector<Finding>& findings, size_t* left_out) {
  std::vector<const Finding*> kept;
  for (const Finding& f : findings) kept.push_back(&f);
  *left_out = 0;
  if (kept.size() <= kSarifMaxResults) return kept;
  std::stable_sort(kept.begin(), kept.end(),
                   [](const Finding* a, const Finding* b) { return a->level > b->level; });
  *left_out = kept.size() - kSarifMaxResults;
  kept.resize(kSarifMaxResults);
  std::sort(kept.begin(), kept.end());  // pointers into one vector: back to report order
  return kept;
}

// Where the scanned root came from, so viewers can fetch files they do not have (VS Code's SARIF
// viewer) and code scanning can link to the commit. Needs a remote: SARIF requires its URI.
OrderedJson VersionControlProvenance(const VcsInfo& vcs) {
  OrderedJson details = {{"repositoryUri", vcs.repository_uri}};
  if (!vcs.revision_id.empty()) details["revisionId"] = vcs.revision_id;
  if (!vcs.branch.empty()) details["branch"] = vcs.branch;
  details["mappedTo"] = {{"uriBaseId", kSrcRoot}};
  return ArrayOf(std::move(details));
}

}  // namespace

std::string RenderSarif(const ScanReport& report, const Knowledge& knowledge) {
  size_t left_out = 0;
  std::vector<const Finding*> kept = KeptResults(report.findings, &left_out);
  RuleTable rules(knowledge, report.findings);

  OrderedJson driver = {{"name", "keylint"}};
  if (!report.tool_version.empty()) {
    driver["version"] = report.tool_version;
    driver["semanticVersion"] = report.tool_version;
  }
  driver["informationUri"] = kInformationUri;
  if (!report.rules_version.empty()) {
    driver["properties"] = {{"rulesVersion", report.rules_version}};
  }
  OrderedJson descriptors = OrderedJson::array();
  for (const RuleInfo& r : rules.rules()) descriptors.push_back(RuleDescriptor(r));
  driver["rules"] = std::move(descriptors);

  OrderedJson notifications = OrderedJson::array();
  for (const Notification& n : report.notifications) notifications.push_back(ToolNotification(n));
  if (left_out > 0) {
    Notification n;
    n.level = Level::kWarning;
    n.message = std::to_string(left_out) + " of " + std::to_string(report.findings.size()) +
                " results left out: a SARIF run holds at most " + std::to_string(kSarifMaxResults) +
                " (GitHub's limit); the errors were kept first. --format json lists every finding.";
    notifications.push_back(ToolNotification(n));
  }
  OrderedJson invocation = {
      {"executionSuccessful", report.execution_successful},
      {"exitCode", report.exit_code},
      {"toolExecutionNotifications", std::move(notifications)},
      {"properties",
       {{"filesScanned", report.files_scanned},
        {"bytesScanned", report.bytes_scanned},
        {"filesSkipped", report.skips.size()},
        {"suppressedCount", report.suppressed_count},
        {"resultsLeftOut", left_out}}}};

  OrderedJson results = OrderedJson::array();
  for (const Finding* f : kept) results.push_back(SarifResult(*f, rules));

  OrderedJson run = {
      {"tool", {{"driver", std::move(driver)}}},
      {"automationDetails", {{"id", report.sarif_category + "/"}}},
      {"originalUriBaseIds",
       {{kSrcRoot,
         {{"description",
           Text("The scanned root: the repository root when scanning a repository. Its "
                "absolute path is left out on purpose.")}}}}},
      {"invocations", ArrayOf(std::move(invocation))}};
  if (!report.vcs.repository_uri.empty()) {
    run["versionControlProvenance"] = VersionControlProvenance(report.vcs);
  }
  run.update(OrderedJson{
      {"columnKind", "utf16CodeUnits"},
      {"results", std::move(results)}});
  OrderedJson log = {{"$schema", kSchema}, {"version", "2.1.0"}, {"runs", ArrayOf(std::move(run))}};
  return DumpJson(log);
}

}  // namespace keylint
