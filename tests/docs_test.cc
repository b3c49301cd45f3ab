// The documentation's examples work: users copy them.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "knowledge/knowledge.h"
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

}  // namespace
}  // namespace keylint::testing
