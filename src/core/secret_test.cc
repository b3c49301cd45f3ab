#include "core/secret.h"

#include <set>

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
  // No last 4 characters of a short password: a third of it.
  EXPECT_EQ(Secret("Tr0ub4dor&3x").masked(), "…(12 chars)");
  EXPECT_EQ(Secret("sk_live_4fQ9zR2mX7").masked(), "sk_…(18 chars)");
  // The last 4 where 16 or more characters stay hidden.
  EXPECT_EQ(Secret("AKIAQ3EGU7WP4FNZKV2M").masked(), "…KV2M");
}

TEST(MaskCredentialsIn, MasksWordsThatLookLikeKeysAndKeepsNames) {
  for (const char* name : {"STRIPE_SECRET_KEY", "NEXT_PUBLIC_API_URL", "deploy-prod-2", "ubuntu-22.04",
                           "node18", "actions/checkout", ".github/workflows/ci.yml", "hunter2",
                           "getServerSideProps", "utf8"}) {
    EXPECT_FALSE(LooksLikeCredential(name)) << name;
    EXPECT_EQ(MaskCredentialsIn(std::string("'") + name + "' x"), std::string("'") + name + "' x");
  }
  const std::string live = std::string("sk_") + "live_4fQ9zR2mX7vK1pL8sT3wY6bN";
  for (const std::string& key : {live, "NEXT_PUBLIC_SECRET_" + live, std::string("3f2d4c1a-9e8b-4d6f-8a8b-9c0db7e9a0c4"),
                                 std::string("AKIAQ3EGU7WP4FNZKV2M"), std::string("abcdefghij1234567890")}) {
    EXPECT_TRUE(LooksLikeCredential(key)) << key;
    std::string masked = MaskCredentialsIn("'" + key + "' is defined again");
    EXPECT_EQ(masked.find(key.substr(key.size() - 12, 8)), std::string::npos) << masked;
    EXPECT_NE(masked.find("' is defined again"), std::string::npos) << masked;
    EXPECT_EQ(MaskCredentialsIn(masked), masked);  // idempotent
  }
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
  a.secret_hash = b.secret_hash = Secret("Zx8Qm2Lk5Vb9Nc3R").hash();
  AssignFingerprint(&a);
  AssignFingerprint(&b);
  EXPECT_EQ(a.fingerprint, b.fingerprint);
  EXPECT_EQ(a.fingerprint.size(), 16u);
  b.secret_hash = Secret("Zx8Qm2Lk5Vb9Nc3S").hash();  // a new secret on the baselined line
  AssignFingerprint(&b);
  EXPECT_NE(a.fingerprint, b.fingerprint);
}

// Brute force over a fingerprint learns 16 bits of the secret at most: 2^17 candidate passwords
// fall into at most 2^16 fingerprints, so each fingerprint leaves at least two candidates (and
// an 8-character password, some 2^31).
TEST(Fingerprint, TellsAtMostSixteenBitsOfTheValue) {
  std::set<std::string> seen;
  Finding f;
  f.rule_id = "hardcoded/generic-password";
  f.location.path = "config.py";
  for (int i = 0; i < (1 << 17); ++i) {
    f.secret_hash = Secret("pw" + std::to_string(1000000 + i)).hash();
    AssignFingerprint(&f);
    seen.insert(f.fingerprint);
  }
  EXPECT_LE(seen.size(), 1u << 16);
  EXPECT_GT(seen.size(), 50000u);  // still tells secrets apart (2^16 (1 - e^-2) expected)
}

// A finding that is not about a value is fingerprinted by the names its message quotes, never by
// the text of its line, which may hold a password.
TEST(Fingerprint, LineFindingsDoNotHashTheLine) {
  Finding a, b, c;
  a.rule_id = b.rule_id = c.rule_id = "config/env-space-around-equals";
  a.location.path = b.location.path = c.location.path = ".env";
  a.message = b.message = "whitespace around '=' after 'DB_PASSWORD': dotenv trims it";
  c.message = "whitespace around '=' after 'DB_USER': dotenv trims it";
  AssignFingerprint(&a);
  AssignFingerprint(&b);
  AssignFingerprint(&c);
  EXPECT_EQ(a.fingerprint, b.fingerprint);
  EXPECT_NE(a.fingerprint, c.fingerprint);
  EXPECT_EQ(QuotedNames(a.message), "=\nDB_PASSWORD");
}

}  // namespace
}  // namespace keylint
