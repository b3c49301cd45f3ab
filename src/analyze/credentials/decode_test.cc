#include "analyze/credentials/decode.h"

#include <gtest/gtest.h>

namespace keylint {
namespace {

TEST(DecodeBasicAuth, SplitsUserAndPasswordAtTheFirstColon) {
  std::optional<BasicCredential> c = DecodeBasicAuth("dXNlcjpwYTpzcw==");  // user:pa:ss
  ASSERT_TRUE(c);
  EXPECT_EQ(c->user, "user");
  EXPECT_EQ(c->password, "pa:ss");
  c = DecodeBasicAuth("OnRva2Vu");  // :token (an API key as the password, no user)
  ASSERT_TRUE(c);
  EXPECT_EQ(c->user, "");
  EXPECT_EQ(c->password, "token");
}

TEST(DecodeBasicAuth, RejectsTextWithoutColonBinaryAndNonBase64) {
  EXPECT_FALSE(DecodeBasicAuth("bm9jb2xvbg=="));  // nocolon
  EXPECT_FALSE(DecodeBasicAuth("AAEC"));          // \0 \1 \2
  EXPECT_FALSE(DecodeBasicAuth("not base64!"));
}

TEST(UnescapeJsonStringsInPlace, KeepsEveryOffset) {
  const std::string in = R"(["KEY = \"v4lue\"\n", "a\\b", "x\ty"])";
  const std::string out = UnescapeJsonStringsInPlace(in);
  ASSERT_EQ(out.size(), in.size());
  EXPECT_EQ(out, R"(["KEY =  "v4lue "  ", "a\\b", "x  y"])");
  EXPECT_EQ(out.find("v4lue"), in.find("v4lue"));
}

}  // namespace
}  // namespace keylint
