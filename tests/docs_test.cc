// The documentation's examples work: users copy them.
#include <filesystem>
#include <fstream>
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

}  // namespace
}  // namespace keylint::testing
