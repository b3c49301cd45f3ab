#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "report/report.h"
#include "report/report_testing.h"

namespace keylint {
namespace {

using nlohmann::json;
using report_testing::RunSarifValidator;
using report_testing::TestKnowledge;
using report_testing::TestReport;

json RenderSarifJson(const ScanReport& r) {
  return json::parse(Render(r, TestKnowledge(), Format::kSarif));
}

// Results in TestReport() order: [0] config/env-duplicate-key, [1] client/..., [2] suppressed.
const json& FirstRun(const json& log) { return log["runs"][0]; }

TEST(SarifReport, LogAndRunSkeleton) {
  json log = RenderSarifJson(TestReport());
  EXPECT_EQ(log["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  EXPECT_EQ(log["version"], "2.1.0");
  ASSERT_EQ(log["runs"].size(), 1u);
  const json& run = FirstRun(log);
  EXPECT_EQ(run["columnKind"], "utf16CodeUnits");
  EXPECT_EQ(run["automationDetails"]["id"], "keylint/");
  ASSERT_TRUE(run["originalUriBaseIds"].contains("%SRCROOT%"));
  EXPECT_FALSE(run["originalUriBaseIds"]["%SRCROOT%"].contains("uri"));  // no machine path
  const json& driver = run["tool"]["driver"];
  EXPECT_EQ(driver["name"], "keylint");
  EXPECT_EQ(driver["version"], "0.1.0");
  EXPECT_EQ(driver["semanticVersion"], "0.1.0");
  EXPECT_EQ(driver["informationUri"], "https://github.com/keylint/keylint");
  const json& invocation = run["invocations"][0];
  EXPECT_EQ(invocation["executionSuccessful"], true);
  EXPECT_EQ(invocation["exitCode"], 0);
  EXPECT_EQ(run["results"].size(), 3u);
}

TEST(SarifReport, DriverDescribesEveryEnabledRule) {
  json rules = FirstRun(RenderSarifJson(TestReport()))["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 3u);  // config/style-check is off by default
  EXPECT_EQ(rules[0]["id"], "client/secret-env-in-client");
  EXPECT_EQ(rules[1]["id"], "config/env-duplicate-key");
  EXPECT_EQ(rules[2]["id"], "hardcoded/stripe-secret-key");
  const json& r = rules[0];
  EXPECT_EQ(r["name"], "SecretEnvInClient");
  EXPECT_EQ(r["shortDescription"]["text"], "Short description of client/secret-env-in-client.");
  EXPECT_FALSE(r["fullDescription"]["text"].get<std::string>().empty());
  EXPECT_FALSE(r["help"]["text"].get<std::string>().empty());
  EXPECT_FALSE(r["help"]["markdown"].get<std::string>().empty());
  EXPECT_EQ(r["defaultConfiguration"]["level"], "error");
  EXPECT_EQ(r["properties"]["tags"], json::parse(R"(["security", "secret",
      "external/cwe/cwe-798", "cwe-798", "client", "nango"])"));
  EXPECT_EQ(r["properties"]["precision"], "high");
  EXPECT_TRUE(r["properties"]["security-severity"].is_string());
  EXPECT_EQ(r["properties"]["security-severity"], "9.1");
  EXPECT_EQ(rules[1]["defaultConfiguration"]["level"], "warning");
}

TEST(SarifReport, RuleIndexPointsAtTheResultsRule) {
  json run = FirstRun(RenderSarifJson(TestReport()));
  for (const json& result : run["results"]) {
    int index = result["ruleIndex"];
    EXPECT_EQ(run["tool"]["driver"]["rules"][index]["id"], result["ruleId"]);
  }
  EXPECT_EQ(run["results"][2]["ruleIndex"], 2);  // hardcoded/..., after a skipped disabled rule
}

TEST(SarifReport, DisabledRuleThatStillFiredIsDescribed) {
  ScanReport r;
  Finding f;
  f.rule_id = "config/style-check";
  f.level = Level::kNote;
  f.message = "style";
  f.location = {"a.env", 1, 1, 1, 2, 1, 2};
  f.fingerprint = "1";
  r.findings = {f};
  json run = FirstRun(RenderSarifJson(r));
  int index = run["results"][0]["ruleIndex"];
  EXPECT_EQ(index, 3);
  EXPECT_EQ(run["tool"]["driver"]["rules"][index]["id"], "config/style-check");
  EXPECT_EQ(run["tool"]["driver"]["rules"][index]["defaultConfiguration"]["enabled"], false);
}

TEST(SarifReport, ResultFieldsWithUtf16Columns) {
  const json result = FirstRun(RenderSarifJson(TestReport()))["results"][1];
  EXPECT_EQ(result["ruleId"], "client/secret-env-in-client");
  EXPECT_EQ(result["level"], "error");
  EXPECT_EQ(result["message"]["text"], "Stripe secret key 'sk_live_\xE2\x80\xA6" "3f9a' reaches client code");
  ASSERT_EQ(result["locations"].size(), 1u);
  const json& physical = result["locations"][0]["physicalLocation"];
  EXPECT_EQ(physical["artifactLocation"]["uri"], "src/app/page.tsx");
  EXPECT_EQ(physical["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  int length = static_cast<int>(report_testing::kRawSecret.size());
  EXPECT_EQ(physical["region"], (json{{"startLine", 2},
                                      {"startColumn", 19},  // 23 in bytes
                                      {"endLine", 2},
                                      {"endColumn", 19 + length}}));
  EXPECT_FALSE(physical["region"].contains("snippet"));
  EXPECT_FALSE(physical.contains("contextRegion"));
  EXPECT_EQ(result["properties"], (json{{"provider", "stripe"}, {"side", "client"}}));
}

TEST(SarifReport, RelatedLocationsHaveIdsAndMessages) {
  const json result = FirstRun(RenderSarifJson(TestReport()))["results"][1];
  ASSERT_EQ(result["relatedLocations"].size(), 1u);
  const json& related = result["relatedLocations"][0];
  EXPECT_EQ(related["id"], 1);
  EXPECT_EQ(related["message"]["text"], "the same value in .env.production");
  EXPECT_EQ(related["physicalLocation"]["artifactLocation"]["uri"], ".env.production");
  EXPECT_EQ(related["physicalLocation"]["region"]["startLine"], 3);
}

TEST(SarifReport, UrisArePercentEncodedAndRelative) {
  json run = FirstRun(RenderSarifJson(TestReport()));
  EXPECT_EQ(run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "config/d%C3%A9v%20settings%231%25.env");
  EXPECT_EQ(run["invocations"][0]["toolExecutionNotifications"][0]["locations"][0]
                ["physicalLocation"]["artifactLocation"]["uri"],
            "secrets/locked.env");
  std::string sarif = Render(TestReport(), TestKnowledge(), Format::kSarif);
  EXPECT_EQ(sarif.find("file:"), std::string::npos);
  EXPECT_EQ(sarif.find("\"uri\": \"/"), std::string::npos);
}

TEST(SarifReport, FingerprintsAndSuppressions) {
  json results = FirstRun(RenderSarifJson(TestReport()))["results"];
  EXPECT_EQ(results[1]["partialFingerprints"],
            (json{{"keylint/v2", "0123456789abcdef"}, {"primaryLocationLineHash", "a7f2ff13bc495cf2:1"}}));
  EXPECT_FALSE(results[1].contains("fingerprints"));
  EXPECT_EQ(results[0]["suppressions"], json::array());
  EXPECT_EQ(results[1]["suppressions"], json::array());
  EXPECT_EQ(results[2]["suppressions"],
            json::parse(R"([{"kind":"inSource","status":"accepted","justification":"test fixture"}])"));

  ScanReport r = TestReport();
  r.findings[2].suppressed_in_source = false;
  r.findings[2].suppression_reason = "in the baseline";
  EXPECT_EQ(FirstRun(RenderSarifJson(r))["results"][2]["suppressions"][0]["kind"], "external");
  r.findings[2].line_hash.clear();
  r.findings[2].fingerprint.clear();  // a pipeline bug: still never an empty fingerprint set
  json fingerprints = FirstRun(RenderSarifJson(r))["results"][2]["partialFingerprints"];
  EXPECT_FALSE(fingerprints.contains("primaryLocationLineHash"));
  EXPECT_EQ(fingerprints["keylint/v2"].get<std::string>().size(), 16u);
}

TEST(SarifReport, NotificationsBecomeToolExecutionNotifications) {
  json notifications = FirstRun(RenderSarifJson(TestReport()))["invocations"][0]["toolExecutionNotifications"];
  ASSERT_EQ(notifications.size(), 2u);
  EXPECT_EQ(notifications[0]["level"], "warning");
  EXPECT_EQ(notifications[0]["message"]["text"], "cannot read: permission denied");
  EXPECT_FALSE(notifications[0]["locations"][0]["physicalLocation"].contains("region"));
  EXPECT_EQ(notifications[1]["level"], "note");
  EXPECT_FALSE(notifications[1].contains("locations"));
}

TEST(SarifReport, UnmeasuredColumnsAreLeftOut) {
  ScanReport r;
  Finding f;
  f.rule_id = "hardcoded/stripe-secret-key";
  f.message = "m";
  f.location.path = "latin1.txt";
  f.location.line = 5;  // not valid UTF-8: no UTF-16 columns
  f.fingerprint = "2";
  r.findings = {f};
  json region = FirstRun(RenderSarifJson(r))["results"][0]["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(region, (json{{"startLine", 5}, {"endLine", 5}}));
}

// The real gate: tools/sarif-validate (schema + spec + GitHub/GitLab rules).
TEST(SarifReport, PassesValidator) {
  std::string output;
  EXPECT_EQ(RunSarifValidator(Render(TestReport(), TestKnowledge(), Format::kSarif), {}, &output), 0)
      << output;
  // The one warning allowed: GitHub ignores `suppressions` on the suppressed result.
  EXPECT_NE(output.find("0 error(s), 1 warning(s)"), std::string::npos) << output;
}

TEST(SarifReport, PassesValidatorStrictlyWithoutSuppressedResults) {
  ScanReport r = TestReport();
  r.findings.pop_back();  // the suppressed one
  std::string output;
  EXPECT_EQ(RunSarifValidator(Render(r, TestKnowledge(), Format::kSarif), {"--strict"}, &output), 0)
      << output;
  ScanReport clean;
  clean.tool_version = "0.1.0";
  clean.files_scanned = 3;
  EXPECT_EQ(RunSarifValidator(Render(clean, TestKnowledge(), Format::kSarif), {"--strict"}, &output),
            0)
      << output;
}

// The embedded rules/*.toml catalog, as the binary ships it: every enabled rule's metadata
// (descriptions, severities, tags) must pass the validator too. Not --strict: a rule whose CWE
// is not secret-related (e.g. CWE-829 for a CI trigger) rightly draws GitLab's "filed as SAST"
// warning.
TEST(SarifReport, RealCatalogPassesValidator) {
  Result<Knowledge> knowledge = LoadKnowledge("", "");
  ASSERT_TRUE(knowledge.ok()) << knowledge.error().ToString();
  ScanReport r = TestReport();
  r.findings.pop_back();  // the suppressed one
  std::string sarif = Render(r, knowledge.value(), Format::kSarif);
  json rules = FirstRun(json::parse(sarif))["tool"]["driver"]["rules"];
  size_t enabled = 0;
  for (const RuleInfo& rule : knowledge.value().rules) enabled += rule.enabled;
  EXPECT_GE(rules.size(), enabled);
  std::string output;
  EXPECT_EQ(RunSarifValidator(sarif, {}, &output), 0) << output;
  EXPECT_NE(output.find(" 0 error(s)"), std::string::npos) << output;
}

}  // namespace
}  // namespace keylint
