#include "core/line_hash.h"

#include <gtest/gtest.h>

namespace keylint {
namespace {

// Test vectors from codeql-action's fingerprints tests (shared/research/sarif-integration.md 1.4).
TEST(LineHashes, EmptyFile) {
  auto h = LineHashes("", {});
  EXPECT_EQ(h[1], "c129715d7a2bc9a3:1");
}

TEST(LineHashes, WhitespaceIsIgnored) {
  auto h = LineHashes(" a\nb\n  \t\tc\n d", {});
  EXPECT_EQ(h[1], "271789c17abda88f:1");
  EXPECT_EQ(h[2], "54703d4cd895b18:1");
  EXPECT_EQ(h[3], "180aee12dab6264:1");
  EXPECT_EQ(h[4], "a23a3dc5e078b07b:1");
}

TEST(LineHashes, RepeatedContentCountsOccurrences) {
  std::string text;
  for (int i = 0; i < 10; ++i) text += "Lorem ipsum dolor sit amet.\n";
  auto h = LineHashes(text, {});
  for (int line = 1; line <= 6; ++line) {
    EXPECT_EQ(h[line], "a7f2ff13bc495cf2:" + std::to_string(line)) << line;
  }
  EXPECT_EQ(h[7], "a7f2ff1481e87703:1");
}

TEST(LineHashes, CrLfHashesLikeLf) {
  EXPECT_EQ(LineHashes("a\r\nb\r\n", {2}), LineHashes("a\nb\n", {2}));
}

TEST(LineHashes, OnlyAskedLinesAreKept) {
  auto h = LineHashes("a\nb\nc\n", {2});
  EXPECT_EQ(h.size(), 1u);
  EXPECT_TRUE(h.count(2));
}

}  // namespace
}  // namespace keylint
