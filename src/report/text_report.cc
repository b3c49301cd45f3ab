// The human format: one finding per line, in the "file:line:col: message" shape that editors,
// compilers and pre-commit all understand.
#include <string>

#include "report/formats.h"

namespace keylint {
namespace {

// "path:line:col", dropping the parts that are unknown (0).
std::string Position(const std::string& path, int line, int column) {
  std::string s = path;
  if (line > 0) {
    s += ":" + std::to_string(line);
    if (column > 0) s += ":" + std::to_string(column);
  }
  return s;
}

// "1 error" / "2 errors".
std::string Count(size_t n, const char* noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

}  // namespace

std::string RenderText(const ScanReport& report) {
  std::string out;
  for (const Finding& f : report.findings) {
    const Location& l = f.location;
    out += Position(l.path, l.line, l.column) + ": " + LevelName(f.level) + " " + f.rule_id + " " +
           f.message;
    if (f.suppressed) {
      out += f.suppression_reason.empty() ? " [suppressed]"
                                          : " [suppressed: " + f.suppression_reason + "]";
    }
    out += "\n";
    for (const RelatedLocation& r : f.related) {
      const Location& rl = r.location;
      out += "  related: " + Position(rl.path, rl.line, rl.column) + ": " + r.message + "\n";
    }
  }
  for (const Notification& n : report.notifications) {
    std::string where = n.path.empty() ? "keylint" : Position(n.path, n.line, 0);
    out += where + ": " + LevelName(n.level) + ": " + n.message + "\n";
  }
  return out;
}

std::string RenderTextSummary(const ScanReport& report) {
  Tally t = CountFindings(report);
  std::string out = "keylint: " + Count(t.findings, "finding");
  std::string by_level;
  auto add = [&by_level](size_t n, const char* noun) {
    if (n == 0) return;
    if (!by_level.empty()) by_level += ", ";
    by_level += Count(n, noun);
  };
  add(t.errors, "error");
  add(t.warnings, "warning");
  add(t.notes, "note");
  if (!by_level.empty()) out += " (" + by_level + ")";
  out += " in " + Count(report.files_scanned, "file");
  if (!report.skips.empty()) out += "; " + std::to_string(report.skips.size()) + " skipped";
  if (report.suppressed_count > 0) {
    out += "; " + std::to_string(report.suppressed_count) + " suppressed";
  }
  if (!report.notifications.empty()) {
    out += "; " + Count(report.notifications.size(), "notification");
  }
  return out + "\n";
}

}  // namespace keylint
