#include "analyze/inline_ignore.h"

#include <gtest/gtest.h>

namespace keylint {
namespace {

TEST(FindInlineIgnores, ReadsRuleAndReasonInAnyCommentSyntax) {
  std::string text =
      "a = 1\n"
      "// keylint:ignore hardcoded/stripe-secret-key -- test fixture\n"
      "# keylint:ignore\n"
      "<!-- keylint:ignore -- docs example -->\n";
  LineIndex lines(text);
  auto ig = FindInlineIgnores("f", text, lines);
  ASSERT_EQ(ig.size(), 3u);
  EXPECT_EQ(ig[0].line, 2);
  EXPECT_EQ(ig[0].rule_id, "hardcoded/stripe-secret-key");
  EXPECT_EQ(ig[0].reason, "test fixture");
  EXPECT_EQ(ig[1].line, 3);
  EXPECT_EQ(ig[1].rule_id, "");
  EXPECT_EQ(ig[2].reason, "docs example");
}

TEST(FindInlineIgnores, NoneInPlainText) {
  std::string text = "const x = 'keylint ignore';\n";
  LineIndex lines(text);
  EXPECT_TRUE(FindInlineIgnores("f", text, lines).empty());
}

}  // namespace
}  // namespace keylint
