#include "core/text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

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

// Lookups in any order give what counting the newlines gives: forward (counted on), backward
// (counted again), and past the point where the index of line starts takes over.
TEST(LineIndex, AnyOrderOfLookupsGivesTheCountedLine) {
  std::string text;
  for (int i = 0; i < 300; ++i) text += std::string(static_cast<size_t>(i % 7), 'x') + "\n";
  text += "last";
  auto counted = [&](size_t offset) {
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
  };
  LineIndex idx(text);
  std::vector<size_t> offsets;
  for (size_t o = 0; o <= text.size(); o += 37) offsets.push_back(o);       // forward
  for (size_t o = text.size(); o > 101; o -= 101) offsets.push_back(o);     // backward
  for (int round = 0; round < 5; ++round) {
    for (size_t o = 0; o <= text.size(); o += 211) offsets.push_back(o);  // enough to index
  }
  for (size_t o : offsets) {
    ASSERT_EQ(idx.LineOf(o), counted(o)) << o;
    Location loc = idx.Span("f", o, std::min(o + 3, text.size()));
    size_t line_start = text.rfind('\n', o == 0 ? 0 : o - 1);
    line_start = o == 0 || line_start == std::string::npos ? 0 : line_start + 1;
    EXPECT_EQ(loc.column, static_cast<int>(o - line_start) + 1) << o;
  }
  EXPECT_EQ(idx.LineText(301), "last");
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
