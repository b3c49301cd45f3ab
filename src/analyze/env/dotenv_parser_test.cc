#include "analyze/env/dotenv_parser.h"

#include <gtest/gtest.h>

namespace keylint {
namespace {

std::string_view Slice(std::string_view text, size_t b, size_t e) { return text.substr(b, e - b); }

TEST(DotenvParser, KeysValuesAndPositions) {
  const std::string text = "# comment\nA=1\n  export B = two # trailing\nC=\n";
  DotenvFile f = ParseDotenv(text);
  ASSERT_EQ(f.entries.size(), 3u);
  EXPECT_TRUE(f.problems.empty());
  EXPECT_EQ(f.entries[0].key, "A");
  EXPECT_EQ(f.entries[0].value, "1");
  EXPECT_EQ(Slice(text, f.entries[0].key_begin, f.entries[0].key_end), "A");
  EXPECT_EQ(Slice(text, f.entries[0].value_begin, f.entries[0].value_end), "1");
  const DotenvEntry& b = f.entries[1];
  EXPECT_TRUE(b.exported);
  EXPECT_TRUE(b.space_before_equals);
  EXPECT_TRUE(b.space_after_equals);
  EXPECT_EQ(b.value, "two");
  EXPECT_EQ(Slice(text, b.value_begin, b.value_end), "two");
  EXPECT_EQ(f.entries[2].value, "");
  EXPECT_EQ(f.entries[2].value_begin, f.entries[2].value_end);
}

TEST(DotenvParser, Quotes) {
  const std::string text =
      "S='a # b \\n'\nD=\"x\\ny\"\nT=`it's \"q\"`\nU=abc#comment\nE=\"say \\\"hi\\\"\"\n";
  DotenvFile f = ParseDotenv(text);
  ASSERT_EQ(f.entries.size(), 5u);
  EXPECT_TRUE(f.problems.empty());
  EXPECT_EQ(f.entries[0].value, "a # b \\n");  // single quotes: literal
  EXPECT_EQ(f.entries[0].quote, '\'');
  EXPECT_EQ(f.entries[1].value, "x\ny");  // double quotes: \n expands
  EXPECT_EQ(f.entries[2].value, "it's \"q\"");
  EXPECT_EQ(f.entries[3].value, "abc");  // dotenv: '#' starts a comment in unquoted values
  EXPECT_EQ(f.entries[4].value, "say \\\"hi\\\"");
  EXPECT_EQ(Slice(text, f.entries[1].value_begin, f.entries[1].value_end), "x\\ny");
}

TEST(DotenvParser, MultiLineValueKeepsPositions) {
  const std::string text = "KEY=\"line1\nline2\r\nline3\"\nNEXT=1\n";
  DotenvFile f = ParseDotenv(text);
  ASSERT_EQ(f.entries.size(), 2u);
  EXPECT_EQ(f.entries[0].value, "line1\nline2\nline3");
  EXPECT_EQ(f.entries[0].value_begin, 5u);
  EXPECT_EQ(text[f.entries[0].value_end], '"');
  EXPECT_EQ(f.entries[1].key, "NEXT");
  EXPECT_EQ(f.entries[1].key_begin, text.find("NEXT"));
}

TEST(DotenvParser, CrlfAndBom) {
  DotenvFile f = ParseDotenv("\xEF\xBB\xBF" "A=1\r\nB=\"2\"\r\n");
  ASSERT_EQ(f.entries.size(), 2u);
  EXPECT_EQ(f.entries[0].key, "A");
  EXPECT_EQ(f.entries[0].value, "1");
  EXPECT_EQ(f.entries[1].value, "2");
  EXPECT_TRUE(f.problems.empty());
}

TEST(DotenvParser, References) {
  DotenvFile f = ParseDotenv("A=${B}\nC=$D$E\nF=${G:-default}/x\nH='${NOPE}'\nI=\\$J\n");
  ASSERT_EQ(f.entries.size(), 5u);
  EXPECT_TRUE(f.entries[0].reference_only);
  EXPECT_EQ(f.entries[0].references, std::vector<std::string>{"B"});
  EXPECT_TRUE(f.entries[1].reference_only);
  EXPECT_EQ(f.entries[1].references.size(), 2u);
  EXPECT_FALSE(f.entries[2].reference_only);
  EXPECT_EQ(f.entries[2].references, std::vector<std::string>{"G"});
  EXPECT_TRUE(f.entries[3].references.empty());
  EXPECT_TRUE(f.entries[4].references.empty());
}

TEST(DotenvParser, ProblemsAreDataAndParsingGoesOn) {
  const std::string text =
      "A=\"open\nB ad=1\nJUSTAKEY\nC=${X\nD=\"a\"b\n=novalue\nOK=1\nK!Y=2\nexport ONLY\n";
  DotenvFile f = ParseDotenv(text);
  std::vector<DotenvProblem::Kind> kinds;
  for (const DotenvProblem& p : f.problems) kinds.push_back(p.kind);
  using K = DotenvProblem::Kind;
  EXPECT_EQ(kinds, (std::vector<K>{K::kUnterminatedQuote, K::kInvalidKey, K::kMissingEquals,
                                   K::kUnterminatedExpansion, K::kTextAfterQuote, K::kInvalidKey,
                                   K::kInvalidKey}));
  EXPECT_EQ(f.problems[0].begin, 2u);  // the opening quote
  bool ok_seen = false;
  for (const DotenvEntry& e : f.entries) ok_seen = ok_seen || (e.key == "OK" && e.value == "1");
  EXPECT_TRUE(ok_seen);
}

TEST(DotenvParser, UnterminatedQuoteDoesNotSwallowLaterEntries) {
  DotenvFile f = ParseDotenv("A=\"open\nB=2\nC=\"closed\"\n");
  ASSERT_EQ(f.problems.size(), 1u);
  EXPECT_EQ(f.problems[0].kind, DotenvProblem::Kind::kUnterminatedQuote);
  ASSERT_EQ(f.entries.size(), 3u);
  EXPECT_EQ(f.entries[1].key, "B");
  EXPECT_EQ(f.entries[2].value, "closed");
}

TEST(DotenvParser, PemLikeMultiLineIsNotUnterminated) {
  DotenvFile f = ParseDotenv("KEY=\"-----BEGIN X-----\nQUJDREVGR0g=\nSUpL==\n-----END X-----\"\n");
  EXPECT_TRUE(f.problems.empty());
  ASSERT_EQ(f.entries.size(), 1u);
}

TEST(DotenvParser, ColonSeparator) {
  DotenvFile f = ParseDotenv("KEY: value\n");
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_TRUE(f.entries[0].colon_separator);
  EXPECT_FALSE(f.entries[0].space_after_equals);
  EXPECT_EQ(f.entries[0].value, "value");
}

TEST(DotenvParser, InvalidKeyMessageNeverHoldsTheKey) {
  DotenvFile f = ParseDotenv("sk_live_abc!def=1\n");
  ASSERT_EQ(f.problems.size(), 1u);
  EXPECT_EQ(f.problems[0].message.find("sk_live"), std::string::npos);
}

}  // namespace
}  // namespace keylint
