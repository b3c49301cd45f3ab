#include "policy/policy.h"

#include <gtest/gtest.h>

namespace keylint {
namespace {

Finding MakeFinding(const std::string& path, int line, const std::string& rule, Level level,
                    const std::string& fingerprint) {
  Finding f;
  f.location.path = path;
  f.location.line = line;
  f.rule_id = rule;
  f.level = level;
  f.fingerprint = fingerprint;
  return f;
}

TEST(ApplySuppressions, InlineIgnoreCoversItsLineAndTheNext) {
  std::vector<InlineIgnore> ignores = {{"a.ts", 4, "", "fixture"}};
  std::vector<Finding> fs = {MakeFinding("a.ts", 4, "hardcoded/x", Level::kError, "1"),
                             MakeFinding("a.ts", 5, "hardcoded/x", Level::kError, "2"),
                             MakeFinding("a.ts", 6, "hardcoded/x", Level::kError, "3"),
                             MakeFinding("b.ts", 4, "hardcoded/x", Level::kError, "4")};
  PolicyInput in;
  in.inline_ignores = &ignores;
  EXPECT_EQ(ApplySuppressions(in, &fs), 2u);
  EXPECT_TRUE(fs[0].suppressed);
  EXPECT_EQ(fs[0].suppression_reason, "fixture");
  EXPECT_TRUE(fs[1].suppressed);
  EXPECT_FALSE(fs[2].suppressed);
  EXPECT_FALSE(fs[3].suppressed);
}

TEST(ApplySuppressions, InlineIgnoreWithRuleIdOnlyHidesThatRule) {
  std::vector<InlineIgnore> ignores = {{"a.ts", 1, "hardcoded/x", ""}};
  std::vector<Finding> fs = {MakeFinding("a.ts", 1, "hardcoded/x", Level::kError, "1"),
                             MakeFinding("a.ts", 1, "client/y", Level::kError, "2")};
  PolicyInput in;
  in.inline_ignores = &ignores;
  ApplySuppressions(in, &fs);
  EXPECT_TRUE(fs[0].suppressed);
  EXPECT_FALSE(fs[1].suppressed);
}

TEST(ApplySuppressions, IgnoreFileMatchesPathsAndFingerprints) {
  IgnoreFile ig = ParseIgnoreFile("# comment\nfixtures/\n0123456789abcdef  # accepted\n");
  EXPECT_EQ(ig.path_patterns, std::vector<std::string>{"fixtures/"});
  std::vector<Finding> fs = {MakeFinding("fixtures/a.py", 1, "hardcoded/x", Level::kError, "ffffffffffffffff"),
                             MakeFinding("src/a.py", 1, "hardcoded/x", Level::kError, "0123456789abcdef"),
                             MakeFinding("src/b.py", 1, "hardcoded/x", Level::kError, "1111111111111111")};
  PolicyInput in;
  in.ignore_file = &ig;
  EXPECT_EQ(ApplySuppressions(in, &fs), 2u);
  EXPECT_FALSE(fs[2].suppressed);
}

TEST(Baseline, RoundTripsFingerprintsAndHoldsNoMessages) {
  Finding f = MakeFinding("src/a.py", 3, "hardcoded/x", Level::kError, "0123456789abcdef");
  f.message = "Stripe key sk_live_…abcd";
  std::string text = RenderBaseline({f});
  EXPECT_EQ(text.find("sk_live"), std::string::npos);
  Result<Baseline> b = ParseBaseline(text, "base.txt");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b.value().fingerprints.count("0123456789abcdef"), 1u);
}

TEST(Baseline, BadLineNamesFileAndLine) {
  Result<Baseline> b = ParseBaseline("# keylint baseline v2\nnot-a-fingerprint x y\n", "base.txt");
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().origin, "base.txt");
  EXPECT_EQ(b.error().line, 2);
}

TEST(Baseline, TooFewFieldsOrNoHeaderAreErrors) {
  for (const char* line : {"0123456789abcdef", "0123456789abcdef hardcoded/x", "0123456789abcdef hardcoded/x "}) {
    Result<Baseline> b = ParseBaseline(std::string("# keylint baseline v2\n\n") + line + "\n", "base.txt");
    ASSERT_FALSE(b.ok()) << line;
    EXPECT_EQ(b.error().line, 3) << line;
    EXPECT_NE(b.error().message.find("expected 'fingerprint rule-id path'"), std::string::npos);
  }
  // Without the header: not a baseline (a file named by mistake), even when its lines look right.
  for (const char* text : {"0123456789abcdef hardcoded/x a.py\n", "", "STRIPE_KEY=x\n"}) {
    Result<Baseline> b = ParseBaseline(text, "base.txt");
    ASSERT_FALSE(b.ok()) << text;
    EXPECT_EQ(b.error().line, 1);
  }
  EXPECT_TRUE(ParseBaseline("# keylint baseline v2\n0123456789abcdef hardcoded/x my file.py\n", "b").ok());
}

// v1 fingerprints hashed whole values and lines: such a baseline is refused with what to do.
TEST(Baseline, VersionOneIsRefusedWithHowToRecordItAgain) {
  Result<Baseline> b = ParseBaseline("# keylint baseline v1: findings\n0123456789abcdef hardcoded/x a.py\n", "base.txt");
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().line, 1);
  EXPECT_NE(b.error().message.find("record the baseline again"), std::string::npos) << b.error().message;
  EXPECT_NE(b.error().message.find("keylint baseline -o FILE"), std::string::npos);
}

TEST(ExitCodeFor, RespectsFailLevelAndSuppressions) {
  std::vector<Finding> fs = {MakeFinding("a", 1, "hardcoded/x", Level::kWarning, "1")};
  EXPECT_EQ(ExitCodeFor(fs, Level::kError), 0);
  EXPECT_EQ(ExitCodeFor(fs, Level::kWarning), 1);
  EXPECT_EQ(ExitCodeFor(fs, Level::kNone), 0);
  fs[0].suppressed = true;
  EXPECT_EQ(ExitCodeFor(fs, Level::kNote), 0);
}

}  // namespace
}  // namespace keylint
