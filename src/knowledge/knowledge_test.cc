#include "knowledge/knowledge.h"

#include <gtest/gtest.h>

#include <algorithm>

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
  EXPECT_EQ(k.error().line, 5);  // the regex's line, not the table's first
  EXPECT_NE(k.error().message.find("invalid regex"), std::string::npos);
}

TEST(LoadKnowledge, UserRuleReusingAnIdIsAnErrorAtItsLine) {
  Result<Knowledge> k = LoadKnowledge(
      "format = 1\n\n[[credential]]\nid = \"stripe-secret-key\"\nprovider = \"me\"\n"
      "description = \"mine\"\nregex = 'sk_(?P<secret>[a-z]{20})'\nkeywords = [\"sk_\"]\n",
      ".keylint.toml");
  ASSERT_FALSE(k.ok());
  EXPECT_EQ(k.error().origin, ".keylint.toml");
  EXPECT_EQ(k.error().line, 4);
  EXPECT_NE(k.error().message.find("'stripe-secret-key' is taken"), std::string::npos) << k.error().message;
  Result<Knowledge> twice = LoadKnowledge(
      "[[credential]]\nid = \"acme\"\nprovider = \"a\"\ndescription = \"d\"\nregex = 'acme_[a-z]{9}'\n"
      "keywords = [\"acme_\"]\n[[credential]]\nid = \"acme\"\nprovider = \"a\"\ndescription = \"d\"\n"
      "regex = 'acme_[a-z]{8}'\nkeywords = [\"acme_\"]\n",
      ".keylint.toml");
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().line, 8);
}

TEST(LoadKnowledge, UnskipPathsLiftBuiltInSkips) {
  Result<Knowledge> base = LoadKnowledge("", "");
  ASSERT_TRUE(base.ok());
  const Settings& b = base.value().settings;
  auto has = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  ASSERT_TRUE(has(b.skip_paths, "*.map"));
  ASSERT_TRUE(has(b.output_paths, "dist/"));
  EXPECT_EQ(b.max_file_bytes, 0u);  // size is no reason to skip a text file

  Result<Knowledge> k = LoadKnowledge(
      "format = 1\n[settings]\nunskip_paths = [\"*.map\", \"dist/\"]\nskip_paths = [\"legacy/\"]\n",
      ".keylint.toml");
  ASSERT_TRUE(k.ok()) << k.error().ToString();
  const Settings& s = k.value().settings;
  EXPECT_FALSE(has(s.skip_paths, "*.map"));
  EXPECT_FALSE(has(s.output_paths, "dist/"));
  EXPECT_TRUE(has(s.output_paths, "build/"));
  EXPECT_TRUE(has(s.skip_paths, "node_modules/"));
  EXPECT_TRUE(has(s.skip_paths, "legacy/"));
}

TEST(LoadKnowledge, UnskipPathsNamesOnlyBuiltInSkips) {
  Result<Knowledge> k =
      LoadKnowledge("format = 1\n[settings]\nunskip_paths = [\"dist\"]\n", ".keylint.toml");
  ASSERT_FALSE(k.ok());
  EXPECT_EQ(k.error().line, 3);
  EXPECT_NE(k.error().message.find("'dist' is not a built-in skip"), std::string::npos)
      << k.error().ToString();
  EXPECT_NE(k.error().message.find("dist/"), std::string::npos);  // the list says what is
}

TEST(LoadKnowledge, OutputPathsAreFolderNames) {
  Result<Knowledge> k =
      LoadKnowledge("format = 1\n[settings]\noutput_paths = [\"web/dist/\"]\n", ".keylint.toml");
  ASSERT_FALSE(k.ok());
  EXPECT_NE(k.error().message.find("folder names"), std::string::npos) << k.error().ToString();
}

TEST(LoadKnowledge, BuildOutputNamesKnownFrameworks) {
  Result<Knowledge> k = LoadKnowledge("", "");
  ASSERT_TRUE(k.ok());
  const ExposureKnowledge& e = k.value().exposure;
  ASSERT_FALSE(e.build_output.empty());
  for (const BuildOutput& b : e.build_output) {
    for (const std::string& id : b.frameworks) {
      bool known = std::any_of(e.frameworks.begin(), e.frameworks.end(),
                               [&](const Framework& f) { return f.id == id; });
      EXPECT_TRUE(known) << b.glob << ": unknown framework " << id;
    }
  }
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

namespace keylint {
namespace {

TEST(LoadKnowledge, PageDataEntriesNameOneKindOfSink) {
  Result<Knowledge> both = LoadKnowledge(
      "format = 1\n[[framework]]\nid = \"x\"\nname = \"X\"\npage_data = [{ export = \"load\", call = \"useState\", argument = 2 }]\n",
      ".keylint.toml");
  ASSERT_FALSE(both.ok());
  EXPECT_NE(both.error().message.find("exactly one of"), std::string::npos) << both.error().ToString();
  Result<Knowledge> no_argument = LoadKnowledge(
      "format = 1\n[[framework]]\nid = \"x\"\nname = \"X\"\npage_data = [{ call = \"useState\" }]\n", ".keylint.toml");
  ASSERT_FALSE(no_argument.ok());
  EXPECT_NE(no_argument.error().message.find("'argument'"), std::string::npos) << no_argument.error().ToString();
  Result<Knowledge> ok = LoadKnowledge(
      "format = 1\n[[framework]]\nid = \"x\"\nname = \"X\"\npage_data = [{ call = \"useState\", argument = 2 }, "
      "{ assign = \"app.payload\" }]\n",
      ".keylint.toml");
  ASSERT_TRUE(ok.ok()) << ok.error().ToString();
  const Framework& x = ok.value().exposure.frameworks.back();
  ASSERT_EQ(x.page_data.size(), 2u);
  EXPECT_EQ(x.page_data[0].kind, PageDataSink::kCall);
  EXPECT_EQ(x.page_data[0].argument, 2);
  EXPECT_EQ(x.page_data[1].kind, PageDataSink::kAssign);
  EXPECT_EQ(x.page_data[1].name, "app.payload");
}

}  // namespace
}  // namespace keylint
