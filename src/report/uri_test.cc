#include "report/uri.h"

#include <gtest/gtest.h>

#include "report/formats.h"

namespace keylint {
namespace {

TEST(PercentEncodePath, KeepsUnreservedAndSlashes) {
  EXPECT_EQ(PercentEncodePath("src/app/page-1_a.b~c.tsx"), "src/app/page-1_a.b~c.tsx");
}

TEST(PercentEncodePath, EncodesEverythingElseAsUtf8Bytes) {
  EXPECT_EQ(PercentEncodePath("my file#1%?.env"), "my%20file%231%25%3F.env");
  EXPECT_EQ(PercentEncodePath("d\xC3\xA9v/\xF0\x9F\x98\x80"), "d%C3%A9v/%F0%9F%98%80");
  EXPECT_EQ(PercentEncodePath("a\\b:c"), "a%5Cb%3Ac");
  EXPECT_EQ(PercentEncodePath("latin1\xE9"), "latin1%E9");
}

TEST(TruncateUtf16, CutsAtCodePointsAndMarksTheCut) {
  EXPECT_EQ(TruncateUtf16("short", 10), "short");
  EXPECT_EQ(TruncateUtf16("abcdef", 4), "abc\xE2\x80\xA6");
  // An emoji is 2 units: it does not fit in the 1 unit left before the ellipsis.
  EXPECT_EQ(TruncateUtf16("ab\xF0\x9F\x98\x80" "cd", 4), "ab\xE2\x80\xA6");
  EXPECT_EQ(TruncateUtf16("\xC3\xA9\xC3\xA9\xC3\xA9", 2), "\xC3\xA9\xE2\x80\xA6");
}

}  // namespace
}  // namespace keylint
