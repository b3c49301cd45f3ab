// The JSON format for scripts. Its shape is documented in docs/json-format.md; change both together.
#include "report/formats.h"

namespace keylint {

std::string RenderJson(const ScanReport& report) {
  OrderedJson findings = OrderedJson::array();
  for (const Finding& f : report.findings) {
    const Location& l = f.location;
    OrderedJson related = OrderedJson::array();
    for (const RelatedLocation& r : f.related) {
      related.push_back({{"path", r.location.path},
                         {"line", r.location.line},
                         {"column", r.location.column},
                         {"message", r.message}});
    }
    OrderedJson properties = OrderedJson::object();
    for (const auto& [key, value] : f.properties) properties[key] = value;  // std::map: sorted
    findings.push_back({{"rule_id", f.rule_id},
                        {"level", LevelName(f.level)},
                        {"message", f.message},
                        {"path", l.path},
                        {"line", l.line},
                        {"column", l.column},
                        {"end_line", l.end_line},
                        {"end_column", l.end_column},
                        {"fingerprint", f.fingerprint},
                        {"properties", std::move(properties)},
                        {"related", std::move(related)},
                        {"suppressed", f.suppressed},
                        {"suppression_reason", f.suppression_reason}});
  }
  OrderedJson notifications = OrderedJson::array();
  for (const Notification& n : report.notifications) {
    notifications.push_back({{"level", LevelName(n.level)},
                             {"path", n.path},
                             {"line", n.line},
                             {"message", n.message}});
  }
  OrderedJson skipped = OrderedJson::array();
  for (const Skip& s : report.skips) {
    skipped.push_back({{"path", s.path}, {"reason", s.reason}});
  }
  Tally t = CountFindings(report);
  OrderedJson summary = {{"files_scanned", report.files_scanned},
                         {"bytes_scanned", report.bytes_scanned},
                         {"files_skipped", report.skips.size()},
                         {"findings", t.findings},
                         {"errors", t.errors},
                         {"warnings", t.warnings},
                         {"notes", t.notes},
                         {"suppressed", report.suppressed_count}};
  OrderedJson root = {{"version", report.tool_version},
                      {"findings", std::move(findings)},
                      {"notifications", std::move(notifications)},
                      {"skipped", std::move(skipped)},
                      {"summary", std::move(summary)}};
  return DumpJson(root);
}

}  // namespace keylint
