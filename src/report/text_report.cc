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

// ANSI SGR colours for a terminal (--no-color and NO_COLOR turn them off in the CLI).
struct Palette {
  explicit Palette(bool on) : on(on) {}
  std::string Paint(const char* sgr, const std::string& s) const {
    return on ? std::string("\x1b[") + sgr + "m" + s + "\x1b[0m" : s;
  }
  std::string Level(keylint::Level level) const {
    const char* sgr = level == keylint::Level::kError     ? "1;31"
                      : level == keylint::Level::kWarning ? "1;33"
                                                          : "1;36";
    return Paint(sgr, LevelName(level));
  }
  bool on;
};

}  // namespace

std::string RenderText(const ScanReport& report, bool color) {
  const Palette p(color);
  std::string out;
  for (const Finding& f : report.findings) {
    const Location& l = f.location;
    out += p.Paint("1", Position(l.path, l.line, l.column)) + ": " + p.Level(f.level) + " " +
           p.Paint("2", f.rule_id) + " " + f.message;
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
