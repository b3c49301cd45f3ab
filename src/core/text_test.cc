#include "core/text.h"

#include <gtest/gtest.h>

namespace keylint {
namespace {

TEST(LineIndex, SpanCountsBytesAndUtf16Columns) {
  std::string text = "ab\n\xc3\xa9\xf0\x9f\x94\x91key\n";  // "é🔑key" on line 2
  LineIndex idx(text);
  size_t k = text.find("key");
  Location loc = idx.Span("f", k, k + 3);
  EXPECT_EQ(loc.line, 2);
  EXPECT_EQ(loc.column, 7);        // 2 + 4 bytes before it
  EXPECT_EQ(loc.column_utf16, 4);  // é is 1 unit, the emoji 2
  EXPECT_EQ(loc.end_column_utf16, 7);
}

TEST(LineIndex, LineTextDropsCarriageReturn) {
  LineIndex idx("one\r\ntwo");
  EXPECT_EQ(idx.LineText(1), "one");
  EXPECT_EQ(idx.LineText(2), "two");
  EXPECT_EQ(idx.LineText(3), "");
}

TEST(IsValidUtf8, RejectsLatin1) {
  EXPECT_TRUE(IsValidUtf8("caf\xc3\xa9"));
  EXPECT_FALSE(IsValidUtf8("caf\xe9"));
}

TEST(ShannonEntropy, RandomBeatsRepeated) {
  EXPECT_DOUBLE_EQ(ShannonEntropy("aaaa"), 0.0);
  EXPECT_GT(ShannonEntropy("aZ3kQ9xLm2Pw7Rt"), 3.5);
}

}  // namespace
}  // namespace keylint
