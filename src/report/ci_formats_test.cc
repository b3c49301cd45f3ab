// The CI formats and SARIF's limits, on hand-built reports: workflow-command escaping, JUnit
// escaping, GitLab and Code Quality shapes, a region for file-level findings, and the 25,000
// results cap with its notification.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "report/report_testing.h"

namespace keylint {
namespace {

using nlohmann::json;
using report_testing::RunSarifValidator;
using report_testing::TestKnowledge;
using report_testing::TestReport;

Finding MakeFinding(const std::string& path, int line, Level level, const std::string& message) {
  Finding f;
  f.rule_id = "hardcoded/stripe-secret-key";
  f.level = level;
  f.message = message;
  f.location.path = path;
  f.location.line = line;
  f.fingerprint = "0123456789abcdef";
  f.line_hash = "a7f2ff13bc495cf2:1";
  return f;
}

TEST(GithubFormat, EscapesValuesAndMessagesAsTheRunnerParsesThem) {
  ScanReport r;
  r.findings = {MakeFinding("dir/a,b:c%.js", 3, Level::kWarning, "50% of\nit, here: x")};
  r.findings[0].location.column_utf16 = 5;
  r.notifications = {{Level::kNote, "", 0, "scanned\r\nall"}};
  EXPECT_EQ(Render(r, TestKnowledge(), Format::kGithub),
            "::warning file=dir/a%2Cb%3Ac%25.js,line=3,col=5,title=keylint hardcoded/stripe-secret-key::"
            "50%25 of%0Ait, here: x\n"
            "::notice::keylint: scanned%0D%0Aall\n");
}

TEST(GithubFormat, LeavesOutSuppressedFindings) {
  std::string out = Render(TestReport(), TestKnowledge(), Format::kGithub);
  EXPECT_EQ(out.find("src/z.js"), std::string::npos) << out;
  EXPECT_NE(out.find("::error file=src/app/page.tsx,line=2,col=19"), std::string::npos) << out;
}

TEST(JunitFormat, EscapesTextAndReplacesWhatXmlCannotHold) {
  ScanReport r;
  r.findings = {MakeFinding("a<b>&\"c'.js", 1, Level::kError, std::string("bad \x01 byte \xFF and <tag>"))};
  std::string xml = Render(r, TestKnowledge(), Format::kJunit);
  EXPECT_NE(xml.find("classname=\"a&lt;b&gt;&amp;&quot;c&apos;.js\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("bad \xEF\xBF\xBD byte \xEF\xBF\xBD and &lt;tag&gt;"), std::string::npos) << xml;
  EXPECT_EQ(xml.find('\x01'), std::string::npos);
}

TEST(JunitFormat, CleanScanIsOnePassingTestSuppressedIsSkipped) {
  ScanReport clean;
  clean.files_scanned = 3;
  std::string xml = Render(clean, TestKnowledge(), Format::kJunit);
  EXPECT_NE(xml.find("tests=\"1\" failures=\"0\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("no finding in 3 files"), std::string::npos) << xml;
  std::string full = Render(TestReport(), TestKnowledge(), Format::kJunit);
  EXPECT_NE(full.find("tests=\"3\" failures=\"2\" errors=\"0\" skipped=\"1\""), std::string::npos) << full;
  EXPECT_NE(full.find("<skipped message=\"suppressed: test fixture\"/>"), std::string::npos) << full;
}

TEST(GitlabFormats, SeverityFollowsSecuritySeverityCappedByLevel) {
  ScanReport r = TestReport();
  r.vcs.revision_id = "0123456789abcdef0123456789abcdef01234567";
  r.start_time = r.end_time = "2026-12-01T10:00:00";
  json gl = json::parse(Render(r, TestKnowledge(), Format::kGitlabSecretDetection));
  ASSERT_EQ(gl["vulnerabilities"].size(), 2u);  // the suppressed one is left out
  std::map<std::string, std::string> severity;
  for (const json& v : gl["vulnerabilities"]) severity[v["identifiers"][0]["value"]] = v["severity"];
  EXPECT_EQ(severity["client/secret-env-in-client"], "Critical");  // 9.1, error
  EXPECT_EQ(severity["config/env-duplicate-key"], "Low");          // 3.5
  json cq = json::parse(Render(r, TestKnowledge(), Format::kGitlabCodeQuality));
  ASSERT_EQ(cq.size(), 2u);
  EXPECT_EQ(cq[0]["severity"], "major");
  EXPECT_EQ(cq[1]["severity"], "critical");
  EXPECT_EQ(cq[0]["location"]["lines"]["begin"], 4);
}

TEST(SarifLimits, FileLevelFindingGetsARegion) {
  ScanReport r;
  r.findings = {MakeFinding(".env.production", 0, Level::kError, "committed env file")};
  std::string sarif = Render(r, TestKnowledge(), Format::kSarif);
  json region = json::parse(sarif)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(region["startLine"], 1);
  EXPECT_EQ(region["endLine"], 1);
  std::string output;
  EXPECT_EQ(RunSarifValidator(sarif, {}, &output), 0) << output;
}

TEST(SarifLimits, AtMost25000ResultsErrorsFirstWithANotification) {
  ScanReport r;
  const size_t kWarnings = kSarifMaxResults;
  for (size_t i = 0; i < kWarnings; ++i) {
    r.findings.push_back(MakeFinding("a/" + std::to_string(100000 + i) + ".js", 1, Level::kWarning, "w"));
  }
  for (int i = 0; i < 3; ++i) r.findings.push_back(MakeFinding("z/" + std::to_string(i) + ".js", 1, Level::kError, "e"));
  std::sort(r.findings.begin(), r.findings.end(), FindingLess);
  std::string sarif = Render(r, TestKnowledge(), Format::kSarif);
  json run = json::parse(sarif)["runs"][0];
  ASSERT_EQ(run["results"].size(), kSarifMaxResults);
  size_t errors = 0;
  for (const json& result : run["results"]) errors += result["level"] == "error";
  EXPECT_EQ(errors, 3u);  // the errors are never the ones left out
  const json& notes = run["invocations"][0]["toolExecutionNotifications"];
  ASSERT_FALSE(notes.empty());
  EXPECT_NE(notes.back()["message"]["text"].get<std::string>().find("3 of 25003 results left out"),
            std::string::npos) << notes.back();
  EXPECT_EQ(run["invocations"][0]["properties"]["resultsLeftOut"], 3);
  std::string output;
  EXPECT_EQ(RunSarifValidator(sarif, {}, &output), 0) << output;
}

TEST(ReportFormats, NamesParseAndExtensionsFit) {
  for (const std::string& name : FormatNames()) {
    Format f;
    ASSERT_TRUE(ParseFormat(name, &f)) << name;
    EXPECT_EQ(FormatName(f), name);
  }
  EXPECT_EQ(CheckExtension("out.SARIF", Format::kSarif), ExtensionFit::kFits);
  EXPECT_EQ(CheckExtension("out.sarif", Format::kJson), ExtensionFit::kContradicts);
  EXPECT_EQ(CheckExtension("dir.v2/out", Format::kJson), ExtensionFit::kUnknown);
  EXPECT_EQ(CheckExtension("gl.json", Format::kGitlabSecretDetection), ExtensionFit::kFits);
  EXPECT_EQ(CheckExtension("report.xml", Format::kJson), ExtensionFit::kContradicts);
  Format f = Format::kText;
  EXPECT_TRUE(FormatFromExtension("x/report.xml", &f));
  EXPECT_EQ(f, Format::kJunit);
  EXPECT_FALSE(FormatFromExtension("report", &f));
}

}  // namespace
}  // namespace keylint
