// The documentation's examples work: users copy them.
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "knowledge/knowledge.h"
#include "report/report.h"
#include "test_support.h"

namespace keylint::testing {
namespace {

TEST(Readme, ExampleConfigLoads) {
  std::ifstream in(SourceDir() + "/README.md");
  std::stringstream s;
  s << in.rdbuf();
  const std::string readme = s.str();
  const std::string open = "```toml\n";
  size_t begin = readme.find(open);
  ASSERT_NE(begin, std::string::npos) << "README.md has no ```toml example";
  begin += open.size();
  size_t end = readme.find("```", begin);
  ASSERT_NE(end, std::string::npos);
  Result<Knowledge> k = LoadKnowledge(readme.substr(begin, end - begin), "README.md example");
  ASSERT_TRUE(k.ok()) << k.error().ToString();
  EXPECT_FALSE(k.value().settings.allow_paths.empty());
}

// SARIF's helpUri points at these pages: they must exist and say what the rules say.
TEST(RuleDocs, CommittedPagesAreUpToDate) {
  namespace fs = std::filesystem;
  Result<Knowledge> k = LoadKnowledge("", "");
  ASSERT_TRUE(k.ok()) << k.error().ToString();
  const std::string fix = "; run scripts/rule-docs.sh and commit docs/rules/";
  std::set<std::string> expected;
  for (const RuleInfo& r : k.value().rules) {
    const std::string path = RuleDocPath(r.id);
    expected.insert(path);
    EXPECT_EQ(ReadFile(SourceDir() + "/" + path), RenderRulePage(r)) << path << " is stale" << fix;
  }
  expected.insert("docs/rules/README.md");
  EXPECT_EQ(ReadFile(SourceDir() + "/docs/rules/README.md"), RenderRuleIndex(k.value()))
      << "docs/rules/README.md is stale" << fix;
  for (const fs::directory_entry& e : fs::recursive_directory_iterator(SourceDir() + "/docs/rules")) {
    if (!e.is_regular_file()) continue;
    std::string rel = fs::relative(e.path(), SourceDir()).generic_string();
    EXPECT_TRUE(expected.count(rel)) << rel << " documents no rule" << fix;
  }
}

// docs/gitleaks-rules.md stays true: one row per gitleaks id, each naming rules that exist (a
// hardcoded/ rule, or the public credential shape it is known as) or saying why it is left out.
TEST(GitleaksTable, EveryRowNamesExistingRulesOrAReason) {
  std::ifstream in(SourceDir() + "/docs/gitleaks-rules.md");
  ASSERT_TRUE(in) << "docs/gitleaks-rules.md is missing";
  Result<Knowledge> loaded = LoadKnowledge("", "");
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  const Knowledge& k = loaded.value();
  std::set<std::string> public_shapes;
  for (const CredentialRule& c : k.credentials.rules) {
    if (c.exposure == Exposure::kPublic) public_shapes.insert(c.id);
  }
  const std::regex row(R"(^\| `([a-z0-9-]+)` \| ([^|]+) \| ([^|]*) \|$)");
  const std::regex rule_ref(R"(`hardcoded/([a-z0-9-]+)`)");
  const std::regex public_ref(R"(`([a-z0-9-]+)`)");
  std::set<std::string> gitleaks_ids;
  size_t rules = 0, public_by_design = 0, left_out = 0;
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (!std::regex_match(line, m, row)) continue;
    EXPECT_TRUE(gitleaks_ids.insert(m[1]).second) << "twice: " << m[1];
    const std::string status = m[2], note = m[3];
    if (status.rfind("public by design", 0) == 0) {
      ++public_by_design;
      EXPECT_FALSE(note.empty()) << m[1];
      for (std::sregex_iterator it(status.begin(), status.end(), public_ref), end; it != end; ++it) {
        EXPECT_TRUE(public_shapes.count((*it)[1])) << m[1] << ": no public shape " << (*it)[1];
      }
    } else if (status.rfind("left out", 0) == 0) {
      ++left_out;
      EXPECT_GT(note.size(), 20u) << m[1] << " is left out without a reason";
    } else {
      ++rules;
      size_t named = 0;
      for (std::sregex_iterator it(status.begin(), status.end(), rule_ref), end; it != end; ++it) {
        EXPECT_NE(k.FindRule("hardcoded/" + (*it)[1].str()), nullptr) << m[1] << ": no rule " << (*it)[1];
        ++named;
      }
      EXPECT_TRUE(named > 0 || !note.empty()) << m[1];
    }
  }
  EXPECT_EQ(gitleaks_ids.size(), 222u);
  EXPECT_EQ(rules + public_by_design + left_out, gitleaks_ids.size());
}

}  // namespace
}  // namespace keylint::testing
