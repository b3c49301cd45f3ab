#include "analyze/credentials/jwt.h"

#include <gtest/gtest.h>

namespace keylint {
namespace {

TEST(DecodeBase64Url, DecodesUnpaddedAndPadded) {
  EXPECT_EQ(DecodeBase64Url("eyJhIjoxfQ"), std::optional<std::string>("{\"a\":1}"));
  EXPECT_EQ(DecodeBase64Url("eyJhIjoxfQ=="), std::optional<std::string>("{\"a\":1}"));
  EXPECT_EQ(DecodeBase64Url("_-8"), std::optional<std::string>("\xff\xef"));
}

TEST(DecodeBase64Url, RejectsBadInput) {
  EXPECT_FALSE(DecodeBase64Url("ab$c"));
  EXPECT_FALSE(DecodeBase64Url("a"));  // 6 bits cannot be a byte
}

TEST(JwtPayload, NeedsThreePartsAndJsonHeader) {
  // {"alg":"HS256","typ":"JWT"} . {"role":"anon"} . sig
  const std::string header = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
  const std::string payload = "eyJyb2xlIjoiYW5vbiJ9";
  EXPECT_EQ(JwtPayload(header + "." + payload + ".c2ln"),
            std::optional<std::string>("{\"role\":\"anon\"}"));
  EXPECT_FALSE(JwtPayload(header + "." + payload));
  EXPECT_FALSE(JwtPayload("bm90anNvbg." + payload + ".c2ln"));  // header "notjson"
}

TEST(JsonStringClaim, FindsKeysNotValues) {
  EXPECT_EQ(JsonStringClaim(R"({"x":"role","role" : "service_role"})", "role"),
            std::optional<std::string>("service_role"));
  EXPECT_FALSE(JsonStringClaim(R"({"role":1})", "role"));
  EXPECT_FALSE(JsonStringClaim(R"({"sub":"a"})", "role"));
}

}  // namespace
}  // namespace keylint
