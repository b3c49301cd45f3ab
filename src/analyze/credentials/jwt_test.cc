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

TEST(JsonClaims, StringsArraysAndNumbers) {
  const std::string json = R"({"roles": ["a", "b"], "role":"c", "exp": 1700000000, "n": "x"})";
  EXPECT_EQ(JsonStringsClaim(json, "roles"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(JsonStringsClaim(json, "role"), (std::vector<std::string>{"c"}));
  EXPECT_TRUE(JsonStringsClaim(json, "exp").empty());
  EXPECT_EQ(JsonIntClaim(json, "exp"), std::optional<int64_t>(1700000000));
  EXPECT_FALSE(JsonIntClaim(json, "n"));
}

TEST(DecodeJwt, ReadsAlgIssuerExpiryAndRolesFromEveryClaim) {
  // {"alg":"none"} . {"iss":"acme","exp":5,"role":"r","roles":["s"],"scope":"read admin"} . sig
  const std::string token =
      "eyJhbGciOiJub25lIn0.eyJpc3MiOiJhY21lIiwiZXhwIjo1LCJyb2xlIjoiciIsInJvbGVzIjpbInMiXSwic2NvcGUiOiJyZWFkIGFkbWluIn0.c2ln";
  std::optional<JwtClaims> c = DecodeJwt(token);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->alg, "none");
  EXPECT_EQ(c->iss, "acme");
  EXPECT_EQ(c->exp, std::optional<int64_t>(5));
  EXPECT_EQ(c->roles, (std::vector<std::string>{"r", "s", "read", "admin"}));
  EXPECT_FALSE(DecodeJwt("not.a.jwt"));
}

}  // namespace
}  // namespace keylint
