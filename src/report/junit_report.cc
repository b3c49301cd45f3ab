// JUnit XML for CI systems that show test results (GitLab artifacts:reports:junit, Jenkins,
// Azure Pipelines): one testcase per finding, failed; a suppressed finding (with
// --include-suppressed) is skipped; a clean scan is one passing testcase, so a report is never
// "no tests". Text is escaped for XML 1.0, whose character set excludes most control characters.
#include <string>

#include "report/formats.h"

namespace keylint {
namespace {

std::string Xml(const std::string& s) {
  std::string out;
  // A byte that is not part of valid UTF-8 becomes U+FFFD, so the document always parses.
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '&': out += "&amp;"; continue;
      case '<': out += "&lt;"; continue;
      case '>': out += "&gt;"; continue;
      case '"': out += "&quot;"; continue;
      case '\'': out += "&apos;"; continue;
      default: break;
    }
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      out += "\xEF\xBF\xBD";
      continue;
    }
    if (c < 0x80) {
      out += static_cast<char>(c);
      continue;
    }
    size_t len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
    bool ok = len > 0 && i + len <= s.size();
    for (size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) >> 6) == 0x2;
    if (!ok) {
      out += "\xEF\xBF\xBD";
      continue;
    }
    out.append(s, i, len);
    i += len - 1;
  }
  return out;
}

std::string Attr(const char* name, const std::string& value) {
  return std::string(" ") + name + "=\"" + Xml(value) + "\"";
}

std::string Place(const Location& l) {
  return l.line > 0 ? l.path + ":" + std::to_string(l.line) : l.path;
}

}  // namespace

std::string RenderJunit(const ScanReport& report) {
  std::string cases;
  size_t tests = 0, failures = 0, skipped = 0;
  for (const Finding& f : report.findings) {
    ++tests;
    cases += "    <testcase" + Attr("classname", f.location.path) +
             Attr("name", f.rule_id + " at " + Place(f.location)) + ">\n";
    if (f.suppressed) {
      ++skipped;
      cases += "      <skipped" + Attr("message", "suppressed: " + f.suppression_reason) + "/>\n";
    } else {
      ++failures;
      cases += "      <failure" + Attr("type", LevelName(f.level)) + Attr("message", f.message) + ">" +
               Xml(Place(f.location) + ": " + LevelName(f.level) + " " + f.rule_id + " " + f.message) +
               "</failure>\n";
    }
    cases += "    </testcase>\n";
  }
  if (tests == 0) {
    ++tests;
    cases += "    <testcase" + Attr("classname", "keylint") +
             Attr("name", "no finding in " + std::to_string(report.files_scanned) + " files") + "/>\n";
  }
  std::string notes;
  for (const Notification& n : report.notifications) {
    notes += (n.path.empty() ? std::string("keylint") : Place({n.path, n.line})) + ": " +
             LevelName(n.level) + ": " + n.message + "\n";
  }
  std::string counts = Attr("tests", std::to_string(tests)) + Attr("failures", std::to_string(failures)) +
                       Attr("errors", "0") + Attr("skipped", std::to_string(skipped));
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites" + Attr("name", "keylint") + counts + ">\n";
  out += "  <testsuite" + Attr("name", "keylint") + counts + ">\n";
  out += cases;
  if (!notes.empty()) out += "    <system-err>" + Xml(notes) + "</system-err>\n";
  out += "  </testsuite>\n</testsuites>\n";
  return out;
}

}  // namespace keylint
