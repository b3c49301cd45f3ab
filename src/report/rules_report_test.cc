#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "report/report.h"
#include "report/report_testing.h"

namespace keylint {
namespace {

using report_testing::TestKnowledge;

TEST(RulesReport, TextTable) {
  EXPECT_EQ(RenderRules(TestKnowledge(), Format::kText),
            "ID                           LEVEL    FAMILY     DESCRIPTION\n"
            "client/secret-env-in-client  error    client     Short description of "
            "client/secret-env-in-client.\n"
            "config/env-duplicate-key     warning  config     Short description of "
            "config/env-duplicate-key.\n"
            "config/style-check           off      config     Short description of "
            "config/style-check. (off by default)\n"
            "hardcoded/stripe-secret-key  error    hardcoded  Short description of "
            "hardcoded/stripe-secret-key.\n");
}

TEST(RulesReport, JsonArray) {
  nlohmann::json rules = nlohmann::json::parse(RenderRules(TestKnowledge(), Format::kJson));
  ASSERT_EQ(rules.size(), 4u);
  EXPECT_EQ(rules[2]["id"], "config/style-check");
  EXPECT_EQ(rules[2]["level"], "note");
  EXPECT_EQ(rules[2]["enabled"], false);
  EXPECT_EQ(rules[2]["default_off"], true);
  EXPECT_EQ(rules[0]["security_severity"], "9.1");
  EXPECT_EQ(rules[0]["tags"], nlohmann::json::array({"nango"}));
}

TEST(RulesReport, Explain) {
  RuleInfo r = TestKnowledge().rules[0];
  r.help = "Rotate the key.\n\nThen move it to the server.\n";
  EXPECT_EQ(RenderExplain(r),
            "client/secret-env-in-client (SecretEnvInClient)\n"
            "  family:            client\n"
            "  default level:     error\n"
            "  security-severity: 9.1\n"
            "  precision:         high\n"
            "  CWE:               CWE-798\n"
            "\nWhat it catches\n"
            "  Short description of client/secret-env-in-client.\n"
            "\nWhy it matters\n"
            "  Full description of client/secret-env-in-client: what it catches and why it "
            "matters.\n"
            "\nHow to fix\n"
            "  Rotate the key.\n"
            "\n"
            "  Then move it to the server.\n");
}

TEST(RulesReport, ExplainMarksDefaultOff) {
  std::string text = RenderExplain(TestKnowledge().rules[2]);
  EXPECT_NE(text.find("default level:     note (off by default)\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace keylint
