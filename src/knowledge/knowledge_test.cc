#include "knowledge/knowledge.h"

#include <gtest/gtest.h>

namespace keylint {
namespace {

TEST(LoadKnowledge, BuiltInRulesLoad) {
  Result<Knowledge> k = LoadKnowledge("", "");
  ASSERT_TRUE(k.ok()) << k.error().ToString();
  for (const RuleInfo& r : k.value().rules) {
    EXPECT_FALSE(r.short_description.empty()) << r.id;
    EXPECT_FALSE(r.help.empty()) << r.id;
    EXPECT_LE(r.full_description.size(), 1024u) << r.id;
  }
}

TEST(LoadKnowledge, UnknownKeyNamesFileAndLine) {
  Result<Knowledge> k = LoadKnowledge("format = 1\n\n[settings]\nmax_file_bytes = 10\nseverty = 3\n",
                                      ".keylint.toml");
  ASSERT_FALSE(k.ok());
  EXPECT_EQ(k.error().ToString(), ".keylint.toml:5: unknown key 'severty' in [settings]");
}

TEST(LoadKnowledge, SyntaxErrorNamesFileAndLine) {
  Result<Knowledge> k = LoadKnowledge("format = 1\n[settings\n", ".keylint.toml");
  ASSERT_FALSE(k.ok());
  EXPECT_EQ(k.error().origin, ".keylint.toml");
  EXPECT_EQ(k.error().line, 2);
}

TEST(LoadKnowledge, UserConfigRelevelsAndDisablesRules) {
  Result<Knowledge> base = LoadKnowledge("", "");
  ASSERT_TRUE(base.ok());
  ASSERT_FALSE(base.value().rules.empty());
  std::string id = base.value().rules.front().id;
  Result<Knowledge> k = LoadKnowledge("[rules.\"" + id + "\"]\nlevel = \"note\"\n", ".keylint.toml");
  ASSERT_TRUE(k.ok()) << k.error().ToString();
  EXPECT_EQ(k.value().LevelOf(id), Level::kNote);
  k = LoadKnowledge("[rules.\"" + id + "\"]\nlevel = \"off\"\n", ".keylint.toml");
  ASSERT_TRUE(k.ok());
  EXPECT_EQ(k.value().LevelOf(id), Level::kNone);
}

TEST(LoadKnowledge, UnknownRuleOverrideIsAnError) {
  Result<Knowledge> k = LoadKnowledge("[rules.\"hardcoded/nope\"]\nlevel = \"note\"\n", ".keylint.toml");
  ASSERT_FALSE(k.ok());
  EXPECT_NE(k.error().message.find("unknown rule 'hardcoded/nope'"), std::string::npos);
}

TEST(LoadKnowledge, BadRegexInUserCredentialIsAnError) {
  Result<Knowledge> k = LoadKnowledge(
      "[[credential]]\nid = \"acme\"\nprovider = \"acme\"\ndescription = \"Acme key\"\n"
      "regex = '''acme_(?<secret>[a-z]+)'''\nkeywords = [\"acme_\"]\n",
      ".keylint.toml");
  ASSERT_FALSE(k.ok());
  EXPECT_EQ(k.error().line, 1);
  EXPECT_NE(k.error().message.find("invalid regex"), std::string::npos);
}

}  // namespace
}  // namespace keylint

namespace keylint {
namespace {

TEST(LoadKnowledge, RegexFragmentsExpandInBuiltinAndUserRules) {
  Result<Knowledge> k = LoadKnowledge(
      "[[credential]]\nid = \"acme\"\nprovider = \"acme\"\ndescription = \"Acme key\"\n"
      "regex = \'\'\'ACME_KEY{{assign}}(?P<secret>acme_[a-z0-9]{20})\'\'\'\nkeywords = [\"acme_\"]\n",
      ".keylint.toml");
  ASSERT_TRUE(k.ok()) << k.error().message;
  for (const CredentialRule& r : k.value().credentials.rules) {
    EXPECT_EQ(r.regex.find("{{"), std::string::npos) << r.id;
    // The old gap, \s* around the operator, crossed lines: no rule may spell it out again.
    EXPECT_EQ(r.regex.find("\\s*(?::=|=>|=|:)\\s*"), std::string::npos) << r.id;
  }
}

TEST(LoadKnowledge, UnknownRegexFragmentIsAnError) {
  Result<Knowledge> k = LoadKnowledge(
      "[[credential]]\nid = \"acme\"\nprovider = \"acme\"\ndescription = \"Acme key\"\n"
      "regex = \'\'\'ACME{{asign}}(?P<secret>acme_[a-z]+)\'\'\'\nkeywords = [\"acme_\"]\n",
      ".keylint.toml");
  ASSERT_FALSE(k.ok());
  EXPECT_NE(k.error().message.find("unknown regex fragment {{asign}}"), std::string::npos);
}

}  // namespace
}  // namespace keylint
