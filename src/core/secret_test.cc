#include "core/secret.h"

#include <gtest/gtest.h>

#include "core/fingerprint.h"

namespace keylint {
namespace {

TEST(SipHash24, ReferenceVector) {
  // SipHash-2-4 paper, appendix A: key 00..0f, message 00..0e -> a129ca6149be45e5.
  std::string msg;
  for (int i = 0; i < 15; ++i) msg += static_cast<char>(i);
  EXPECT_EQ(SipHash24(0x0706050403020100ULL, 0x0f0e0d0c0b0a0908ULL, msg), 0xa129ca6149be45e5ULL);
}

TEST(Secret, MaskedKeepsMarkerAndLastFour) {
  Secret s("sk_live_51HqLyjWDarjtT1zdp7dc9f3a");
  EXPECT_EQ(s.masked(), "sk_live_…9f3a");
  EXPECT_EQ(s.masked().find("51HqLyj"), std::string::npos);
}

TEST(Secret, RandomLeadingSegmentsAreNotShownAsAMarker) {
  EXPECT_EQ(Secret("3f2d4c1a-9e8b-4d6f-8a8b-9c0db7e9a0c4").masked(), "…a0c4");
  EXPECT_EQ(Secret("aZ3kQ9xL-Pw7Rt2mX9vK1pL8sT3wY6bN").masked(), "…Y6bN");
  EXPECT_EQ(Secret("xoxb-1234567890-abcdefghijklmnopqrstuvwx").masked(), "xoxb-…uvwx");
  EXPECT_EQ(Secret("SG.aaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbb").masked(), "SG.…bbbb");
}

TEST(Secret, ShortValuesShowOnlyTheirLength) {
  EXPECT_EQ(Secret("hunter2").masked(), "…(7 chars)");
}

TEST(Secret, EqualValuesHashEqual) {
  EXPECT_EQ(Secret("abcdefabcdef1234").hash(), Secret("abcdefabcdef1234").hash());
  EXPECT_NE(Secret("abcdefabcdef1234").hash(), Secret("abcdefabcdef1235").hash());
}

TEST(Fingerprint, SurvivesALineMove) {
  Finding a, b;
  a.rule_id = b.rule_id = "hardcoded/x";
  a.location.path = b.location.path = "a.py";
  a.location.line = 3;
  b.location.line = 30;
  a.secret_hash = b.secret_hash = 42;
  AssignFingerprint(&a, "k = 'v'");
  AssignFingerprint(&b, "  k = 'v'  # moved and indented");
  EXPECT_EQ(a.fingerprint, b.fingerprint);
  EXPECT_EQ(a.fingerprint.size(), 16u);
}

}  // namespace
}  // namespace keylint
