#include "analyze/merge.h"

#include <gtest/gtest.h>

namespace keylint {
namespace {

Finding At(const std::string& rule, int line, int col, int end_col) {
  Finding f;
  f.rule_id = rule;
  f.message = rule;
  f.location = {"a.ts", line, col, line, end_col, col, end_col};
  return f;
}

TEST(MergeOverlapping, ClientWinsOverHardcodedAtTheSamePlace) {
  std::vector<Finding> fs = {At("hardcoded/stripe-secret-key", 3, 10, 40),
                             At("client/hardcoded-secret-in-client", 3, 10, 40)};
  MergeOverlapping(&fs);
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].rule_id, "client/hardcoded-secret-in-client");
  EXPECT_EQ(fs[0].properties["also"], "hardcoded/stripe-secret-key");
  EXPECT_NE(fs[0].message.find("also hardcoded/stripe-secret-key"), std::string::npos);
}

TEST(MergeOverlapping, DisjointFindingsStay) {
  std::vector<Finding> fs = {At("hardcoded/a", 3, 1, 5), At("client/b", 3, 7, 9), At("hardcoded/a", 4, 1, 5)};
  MergeOverlapping(&fs);
  EXPECT_EQ(fs.size(), 3u);
}

TEST(MergeOverlapping, SameFamilyFindingsAreNotMerged) {
  std::vector<Finding> fs = {At("client/a", 3, 1, 9), At("client/b", 3, 1, 9)};
  MergeOverlapping(&fs);
  EXPECT_EQ(fs.size(), 2u);
}

}  // namespace
}  // namespace keylint
