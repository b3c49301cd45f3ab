// GitHub Actions workflow commands: each finding becomes an annotation on its line in the pull
// request and the run summary. Format and escaping as the Actions runner parses them
// (actions/toolkit core/src/command.ts): "::level key=value,...::message", with %, CR and LF
// escaped in the message, and ':' and ',' too in the values.
#include <string>

#include "report/formats.h"

namespace keylint {
namespace {

std::string EscapeData(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string EscapeProperty(const std::string& s) {
  std::string out;
  for (char c : EscapeData(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

// error and warning are GitHub's own words; a note is a "notice".
const char* Command(Level level) {
  return level == Level::kError ? "error" : level == Level::kWarning ? "warning" : "notice";
}

// "file=p,line=l,col=c,endLine=..,endColumn=..": the parts that are known. Columns are UTF-16
// units, which is what the annotation UI counts.
std::string Where(const Location& l) {
  std::string out = "file=" + EscapeProperty(l.path);
  if (l.line <= 0) return out;
  out += ",line=" + std::to_string(l.line);
  if (l.column_utf16 > 0) out += ",col=" + std::to_string(l.column_utf16);
  if (l.end_line > l.line) out += ",endLine=" + std::to_string(l.end_line);
  if (l.end_line <= l.line && l.end_column_utf16 > l.column_utf16 && l.column_utf16 > 0) {
    out += ",endColumn=" + std::to_string(l.end_column_utf16);
  }
  return out;
}

}  // namespace

std::string RenderGithub(const ScanReport& report) {
  std::string out;
  for (const Finding& f : report.findings) {
    if (f.suppressed) continue;  // an annotation cannot say "accepted": leave it out
    out += std::string("::") + Command(f.level) + " " + Where(f.location) +
           ",title=" + EscapeProperty("keylint " + f.rule_id) + "::" + EscapeData(f.message) + "\n";
  }
  for (const Notification& n : report.notifications) {
    out += std::string("::") + Command(n.level);
    if (!n.path.empty()) {
      Location l;
      l.path = n.path;
      l.line = n.line;
      out += " " + Where(l);
    }
    out += "::" + EscapeData("keylint: " + n.message) + "\n";
  }
  return out;
}

}  // namespace keylint
