#include "analyze/credentials/prefilter.h"

#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <re2/re2.h>

namespace keylint {
namespace {

constexpr size_t kUnb = MatchExtent::kUnbounded;

TEST(MatchExtent, ReadsLengthNewlineAndCaseFolding) {
  MatchExtent e = AnalyzeExtent(R"(\b(?P<secret>AC[0-9a-f]{32})\b)");
  EXPECT_TRUE(e.known);
  EXPECT_EQ(e.max_len, 34u);
  EXPECT_FALSE(e.newline);
  EXPECT_FALSE(e.folds_case);
  EXPECT_TRUE(Windowable(e));

  e = AnalyzeExtent(R"(sk_(?:live|test)_[0-9A-Za-z]{24,247}(?:[^A-Za-z]|\z))");
  EXPECT_EQ(e.max_len, 3u + 4u + 1u + 247u + 4u);  // a negated class may match a 4-byte char
  EXPECT_TRUE(e.newline);                           // ... or a newline
  EXPECT_TRUE(Windowable(e));                       // bounded: windows ignore lines

  e = AnalyzeExtent(R"(eyJ[A-Za-z0-9_-]{10,}\.eyJ[\w-]+)");
  EXPECT_EQ(e.max_len, kUnb);
  EXPECT_FALSE(e.newline);
  EXPECT_TRUE(Windowable(e));  // unbounded but single-line: the keyword's line

  e = AnalyzeExtent(R"(-----BEGIN KEY-----[\s\S]{64,}?-----END KEY-----)");
  EXPECT_EQ(e.max_len, kUnb);
  EXPECT_TRUE(e.newline);
  EXPECT_FALSE(Windowable(e));

  EXPECT_TRUE(AnalyzeExtent(R"re((?s)"a".*?"b")re").newline);
  EXPECT_FALSE(AnalyzeExtent(R"re("a".*?"b")re").newline);
  EXPECT_TRUE(AnalyzeExtent(R"(a\s*=\s*b)").newline);
  EXPECT_FALSE(AnalyzeExtent(R"([^\s"]{8})").newline);
  EXPECT_TRUE(AnalyzeExtent(R"([^"]{8})").newline);
  EXPECT_EQ(AnalyzeExtent(R"([^"]{8})").max_len, 32u);
  EXPECT_TRUE(AnalyzeExtent(R"(\S\D)").newline);
  EXPECT_EQ(AnalyzeExtent("a{2,5}b{3}c?d{0}").max_len, 9u);
  EXPECT_EQ(AnalyzeExtent("a{,5}").max_len, 5u);  // not a repeat in RE2: five literals
  EXPECT_EQ(AnalyzeExtent("x{2,}").max_len, kUnb);
  EXPECT_EQ(AnalyzeExtent("ab|cde|f").max_len, 3u);
  EXPECT_EQ(AnalyzeExtent("[]a]").max_len, 1u);
  EXPECT_EQ(AnalyzeExtent("[é]").max_len, 4u);
  EXPECT_TRUE(AnalyzeExtent("[\\x00-\\x7f]").known == false);
  EXPECT_TRUE(AnalyzeExtent("(?i:api)_?key").folds_case);
  // A newline only as the last byte (a value's trailing guard): matches stay on one line.
  EXPECT_TRUE(AnalyzeExtent(R"(key=[a-z]+(?:[\s,;]|\z))").newline_only_last);
  EXPECT_TRUE(Windowable(AnalyzeExtent(R"(key=[a-z]+(?:[\s,;]|\z))")));
  EXPECT_FALSE(AnalyzeExtent(R"(key\s*=[a-z]+)").newline_only_last);
  EXPECT_FALSE(AnalyzeExtent(R"(key=[a-z]+\s?x)").newline_only_last);
  EXPECT_FALSE(AnalyzeExtent(R"(key=(?:[a-z]\s){2})").newline_only_last);
  // Folding patterns are windowed; the engine checks the text for characters that fold to ASCII.
  EXPECT_TRUE(Windowable(AnalyzeExtent("(?i)ac[0-9]{4}")));
  EXPECT_TRUE(HasAsciiFoldingChars("a \xC5\xBF b"));        // U+017F: long s
  EXPECT_TRUE(HasAsciiFoldingChars("\xE2\x84\xAA"));          // U+212A: Kelvin sign
  EXPECT_FALSE(HasAsciiFoldingChars("\xE2\x80\x94 \xC5\xBE \xC5"));  // em dash, ž, a cut lead byte
  // Syntax the reader does not know: nothing assumed.
  for (const char* re : {R"(\x41{3})", R"(\pL+)", "[[:alpha:]]", R"(\Qa.b\E)", R"(\C)", "(a",
                         "a)", "*a", R"(\1)"}) {
    EXPECT_FALSE(AnalyzeExtent(re).known) << re;
    EXPECT_FALSE(Windowable(AnalyzeExtent(re))) << re;
  }
}

std::vector<size_t> Naive(const std::string& text, const std::string& kw) {
  std::vector<size_t> out;
  for (size_t i = 0; i + kw.size() <= text.size(); ++i) {
    bool eq = true;
    for (size_t j = 0; j < kw.size() && eq; ++j) {
      char c = text[i + j];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      eq = c == kw[j];
    }
    if (eq) out.push_back(i);
  }
  return out;
}

TEST(KeywordLocator, FindsEveryOccurrenceCaseInsensitively) {
  std::vector<std::string> kws = {"aa", "ac", "acca", "sk", "x", "key-", "-us", "sl.", "ab"};
  KeywordLocator loc(kws);
  std::mt19937 rng(7);
  const std::string alphabet = "aAcCsSkK-.uUxyl\n e";
  for (int round = 0; round < 300; ++round) {
    std::string text(rng() % 200, ' ');
    for (char& c : text) c = alphabet[rng() % alphabet.size()];
    std::vector<std::vector<size_t>> hits;
    loc.Locate(text, &hits);
    ASSERT_EQ(hits.size(), kws.size());
    for (size_t i = 0; i < kws.size(); ++i) {
      EXPECT_EQ(hits[i], Naive(text, kws[i])) << "round " << round << " keyword " << kws[i];
    }
  }
  std::vector<std::vector<size_t>> hits;
  loc.Locate("", &hits);
  for (const auto& h : hits) EXPECT_TRUE(h.empty());
  loc.Locate("A", &hits);
  for (const auto& h : hits) EXPECT_TRUE(h.empty());
}

// Brute force: every substring that could be a match (holds an occurrence, not longer than
// max_len, no newline when the extent says so) lies inside one window; windows are sorted and
// disjoint.
TEST(KeywordWindows, CoverEveryPossibleMatch) {
  std::mt19937 rng(11);
  for (int round = 0; round < 400; ++round) {
    std::string text(1 + rng() % 300, 'z');
    for (char& c : text) c = "zz\nz"[rng() % 4];
    MatchExtent e;
    e.known = true;
    e.folds_case = false;
    e.newline = rng() % 2;
    e.newline_only_last = e.newline && rng() % 2;
    e.max_len = rng() % 4 == 0 ? kUnb : 1 + rng() % 40;
    if (e.max_len == kUnb && !e.newline_only_last) e.newline = false;
    std::vector<ByteRange> hits;
    for (int h = rng() % 6; h > 0; --h) {
      size_t k = rng() % text.size();
      size_t len = 1 + rng() % 4;
      if (k + len > text.size()) len = text.size() - k;
      if (e.max_len != kUnb && len > e.max_len) len = e.max_len;
      hits.push_back({k, k + len});
    }
    size_t gap = rng() % 2 ? 0 : 16;
    std::vector<ByteRange> w = KeywordWindows(text, hits, e, gap);
    for (size_t i = 0; i < w.size(); ++i) {
      EXPECT_LT(w[i].begin, w[i].end);
      EXPECT_LE(w[i].end, text.size());
      if (i > 0) {
        EXPECT_GT(w[i].begin, w[i - 1].end + gap);
      }
    }
    EXPECT_EQ(w.empty(), hits.empty());
    for (const ByteRange& h : hits) {
      for (size_t b = 0; b <= h.begin; ++b) {
        for (size_t end = h.end; end <= text.size(); ++end) {
          if (e.max_len != kUnb && end - b > e.max_len) break;
          if (!e.newline && text.find('\n', b) < end) break;
          if (e.newline_only_last && text.find('\n', b) < end - 1) break;
          bool inside = false;
          for (const ByteRange& r : w) inside |= r.begin <= b && end <= r.end;
          ASSERT_TRUE(inside) << "round " << round << " [" << b << "," << end << ")";
        }
      }
    }
  }
}

TEST(NameWindows, OnlyNamesFollowedByAnOperator) {
  std::string text = "a.token:e.token,f(token);const apiToken = 'x';";
  std::vector<ByteRange> hits;
  for (size_t at = text.find("oken"); at != std::string::npos; at = text.find("oken", at + 1)) {
    hits.push_back({at - 1, at + 4});
  }
  // "a.token" (followed by ':') and "apiToken" (by ' ='); "e.token," and "(token)" are no names.
  std::vector<ByteRange> w = NameWindows(text, hits, 5, 0);
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(text.substr(w[0].begin, w[0].end - w[0].begin), "a.token:e.to");
  EXPECT_EQ(text.substr(w[1].begin, w[1].end - w[1].begin), "apiToken = 'x");
  EXPECT_TRUE(NameWindows(text, {}, 5).empty());
}

// Brute force against a real assignment regex (the {{assign}} fragment's start, a name holding
// the keyword): every match RE2 finds anywhere lies inside one window.
TEST(NameWindows, CoverEveryMatchOfAnAssignmentRule) {
  const std::string after = R"(["']?[ \t]{0,3}(?::=|=>|=|:[-+?]?)[ \t]{0,3}["'`]?[a-z0-9]{3,6})";
  RE2 re("(?i:[\\w.-]{0,8}(?:token|pw)[\\w.]{0,4})" + after);
  ASSERT_TRUE(re.ok());
  MatchExtent tail = AnalyzeExtent(after);
  ASSERT_TRUE(tail.known);
  const std::vector<std::string> pieces = {"tok", "en", "TOKEN", "pw", "=", ":", " ", "\"", ".",
                                           "x", "9", ";", "\n", "-", "=>", "'"};
  std::mt19937 rng(7);
  size_t matches = 0;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    for (int i = 1 + rng() % 30; i > 0; --i) text += pieces[rng() % pieces.size()];
    std::string lower = text;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::vector<ByteRange> hits;
    for (const std::string kw : {"token", "pw"}) {
      for (size_t at = lower.find(kw); at != std::string::npos; at = lower.find(kw, at + 1)) {
        hits.push_back({at, at + kw.size()});
      }
    }
    std::vector<ByteRange> w = NameWindows(text, hits, tail.max_len, rng() % 2 ? 0 : 16);
    for (size_t i = 1; i < w.size(); ++i) EXPECT_GT(w[i].begin, w[i - 1].end);
    for (size_t b = 0; b < text.size(); ++b) {
      re2::StringPiece m;
      if (!re.Match(text, b, text.size(), RE2::ANCHOR_START, &m, 1)) continue;
      ++matches;
      const size_t e = b + m.size();
      bool inside = false;
      for (const ByteRange& r : w) inside |= r.begin <= b && e <= r.end;
      ASSERT_TRUE(inside) << "round " << round << " [" << b << "," << e << ") in '" << text << "'";
    }
  }
  EXPECT_GT(matches, 300u);
}

}  // namespace
}  // namespace keylint
