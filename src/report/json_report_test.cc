#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "report/report.h"
#include "report/report_testing.h"

namespace keylint {
namespace {

using nlohmann::ordered_json;
using report_testing::TestKnowledge;
using report_testing::TestReport;

std::vector<std::string> Keys(const ordered_json& object) {
  std::vector<std::string> keys;
  for (auto it = object.begin(); it != object.end(); ++it) keys.push_back(it.key());
  return keys;
}

ordered_json RenderParsed() {
  return ordered_json::parse(Render(TestReport(), TestKnowledge(), Format::kJson));
}

TEST(JsonReport, KeysInDocumentedOrder) {
  ordered_json j = RenderParsed();
  EXPECT_EQ(Keys(j), (std::vector<std::string>{"version", "findings", "notifications", "skipped",
                                               "summary"}));
  EXPECT_EQ(Keys(j["findings"][0]),
            (std::vector<std::string>{"rule_id", "level", "message", "path", "line", "column",
                                      "end_line", "end_column", "fingerprint", "properties",
                                      "related", "suppressed", "suppression_reason"}));
  EXPECT_EQ(Keys(j["summary"]),
            (std::vector<std::string>{"files_scanned", "bytes_scanned", "files_skipped",
                                      "findings", "errors", "warnings", "notes", "suppressed"}));
}

TEST(JsonReport, FindingFields) {
  ordered_json f = RenderParsed()["findings"][1];
  EXPECT_EQ(f["rule_id"], "client/secret-env-in-client");
  EXPECT_EQ(f["level"], "error");
  EXPECT_EQ(f["path"], "src/app/page.tsx");
  EXPECT_EQ(f["line"], 2);
  EXPECT_EQ(f["column"], 23);  // bytes, as in text output
  EXPECT_EQ(f["end_line"], 2);
  EXPECT_EQ(f["end_column"], 23 + static_cast<int>(report_testing::kRawSecret.size()));
  EXPECT_EQ(f["fingerprint"], "0123456789abcdef");
  EXPECT_EQ(f["properties"], (ordered_json{{"provider", "stripe"}, {"side", "client"}}));
  ASSERT_EQ(f["related"].size(), 1u);
  EXPECT_EQ(f["related"][0],
            (ordered_json{{"path", ".env.production"},
                          {"line", 3},
                          {"column", 17},
                          {"message", "the same value in .env.production"}}));
  EXPECT_EQ(f["suppressed"], false);

  ordered_json hidden = RenderParsed()["findings"][2];
  EXPECT_EQ(hidden["suppressed"], true);
  EXPECT_EQ(hidden["suppression_reason"], "test fixture");
}

TEST(JsonReport, NotificationsSkipsAndSummary) {
  ordered_json j = RenderParsed();
  EXPECT_EQ(j["version"], "0.1.0");
  EXPECT_EQ(j["notifications"][0], (ordered_json{{"level", "warning"},
                                                 {"path", "secrets/locked.env"},
                                                 {"line", 0},
                                                 {"message", "cannot read: permission denied"}}));
  EXPECT_EQ(j["notifications"][1]["path"], "");
  EXPECT_EQ(j["skipped"], ordered_json::parse(R"([{"path":"dist/app.min.js","reason":"minified"}])"));
  EXPECT_EQ(j["summary"], ordered_json::parse(R"({"files_scanned":12,"bytes_scanned":3456,
      "files_skipped":1,"findings":2,"errors":1,"warnings":1,"notes":0,"suppressed":1})"));
}

TEST(JsonReport, DeterministicAndEmptyListsPresent) {
  EXPECT_EQ(Render(TestReport(), TestKnowledge(), Format::kJson),
            Render(TestReport(), TestKnowledge(), Format::kJson));
  ordered_json j = ordered_json::parse(Render(ScanReport{}, TestKnowledge(), Format::kJson));
  EXPECT_TRUE(j["findings"].is_array() && j["findings"].empty());
  EXPECT_TRUE(j["notifications"].is_array());
  EXPECT_TRUE(j["skipped"].is_array());
}

TEST(JsonReport, InvalidUtf8PathIsReplacedNotThrown) {
  ScanReport r;
  r.skips = {{"bad\xFFname.txt", "not UTF-8"}};
  std::string out = Render(r, TestKnowledge(), Format::kJson);
  EXPECT_NE(out.find("bad\xEF\xBF\xBDname.txt"), std::string::npos);
}

}  // namespace
}  // namespace keylint
