#include "analyze/credentials/value_shape.h"

#include <string>

#include <gtest/gtest.h>

namespace keylint {
namespace {

size_t At(std::string_view text, std::string_view needle) { return text.find(needle); }

TEST(InsideUrlPath, SlugsAreInsideQueriesAndWholeSegmentsAreNot) {
  std::string slug = "see https://acme.notion.site/How-to-generate-an-API-key-58d3409382014a3d";
  EXPECT_TRUE(InsideUrlPath(slug, At(slug, "key-58d3")));
  std::string query = "https://api.acme.test/v1/items?key=key-58d3409382014a3d";
  EXPECT_FALSE(InsideUrlPath(query, At(query, "key-58d3")));
  std::string segment = "https://api.acme.test/bot/key-58d3409382014a3d/send";
  EXPECT_FALSE(InsideUrlPath(segment, At(segment, "key-58d3")));
  std::string user = "https://x-token:key-58d3409382014a3d@github.com/acme";
  EXPECT_FALSE(InsideUrlPath(user, At(user, "key-58d3")));
  std::string bare = "API-key-58d3409382014a3d";
  EXPECT_FALSE(InsideUrlPath(bare, At(bare, "key-58d3")));
}

TEST(ClosesItsQuote, APhraseIsNotAValue) {
  std::string phrase = R"("password": "Mot de passe")";
  size_t b = At(phrase, "Mot");
  EXPECT_FALSE(ClosesItsQuote(phrase, b, b + 3));
  std::string value = R"("password": "Kp9vT2qLm7")";
  b = At(value, "Kp9");
  EXPECT_TRUE(ClosesItsQuote(value, b, b + 10));
  std::string bare = "PASSWORD=Kp9vT2qLm7 # ok";
  b = At(bare, "Kp9");
  EXPECT_TRUE(ClosesItsQuote(bare, b, b + 10));
}

TEST(AssignedName, StripsTheAssignment) {
  std::string t = R"("QSTASH_SIGNING_KEY": "v")";
  EXPECT_EQ(AssignedName(t, 0, At(t, "v\"")), "\"QSTASH_SIGNING_KEY");
  std::string s = "${ENCRYPTION_KEY:-default}";
  EXPECT_EQ(AssignedName(s, 2, At(s, "default")), "ENCRYPTION_KEY");
}

TEST(WrittenInWords, LabelsAndTranslationsAreWordsAndKeysAreNot) {
  EXPECT_TRUE(WrittenInWords("Client-Anmeldeinformationen"));
  EXPECT_TRUE(WrittenInWords("ApiKeyHeader"));
  EXPECT_TRUE(WrittenInWords("client_credentials.OAuth"));
  EXPECT_FALSE(WrittenInWords("riRkqDbUPsIsPbceWqLm"));  // case mixed inside its run
  EXPECT_FALSE(WrittenInWords("Zk3pL9qW2xR7vT4nB8mC"));  // digits
  EXPECT_FALSE(WrittenInWords("a-b-c"));                 // one-letter runs are no words
  EXPECT_FALSE(WrittenInWords(""));
}

TEST(DescribesItself, HumanTypedDefaultsDoAndRandomKeysDoNot) {
  DevWords w{{"dev", "local", "test", "super", "ci"}, {"secret", "password", "key", "postgres", "only"}};
  for (const char* v : {"local-dev-jwt-secret-with-at-least-32-bytes", "my-superstrong-secret",
                        "supersecretpassword123", "Password#123", "test_Password123",
                        "devrustfs-service123", "ci-render-only-postgres", "adminPassword123"}) {
    EXPECT_TRUE(DescribesItself(v, w)) << v;
  }
  for (const char* v : {"Password2024!Summer", "RzV4ZGo5RlFKMm0wYWlXdDhxTFhwb3ZrUG5KNGg3TmU=",
                        "ae13021afef0819c3a307ad487071c06", "kHaVbqPwXdevTz", "Contraseña-secret",
                        "circle-render-only-x"}) {
    EXPECT_FALSE(DescribesItself(v, w)) << v;
  }
}

TEST(RepeatsName, ComparesLettersAndDigitsCaseBlind) {
  EXPECT_TRUE(RepeatsName("QSTASH_CURRENT_SIGNING_KEY", "qstash-current-signing-key"));
  EXPECT_TRUE(RepeatsName("password", "password123"));
  EXPECT_FALSE(RepeatsName("API_KEY", "Zk3pL9qW2xR7vT4n"));
  EXPECT_FALSE(RepeatsName("key", "keyboard"));  // names under four letters say nothing
}

TEST(LooksTyped, SequencesAPersonTypedButNotRandomKeys) {
  for (const char* v : {"1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d", "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d",
                        "6f3e8a1c9d2b47a0b6e5f1a2c3d4e5f6"}) {
    EXPECT_TRUE(LooksTyped(v)) << v;
  }
  for (const char* v : {"ae13021afef0819c3a307ad487071c06", "3f2a9c1e-5b7d-4e8f-9a0b-e67d04c9b21f",
                        "RzV4ZGo5RlFKMm0wYWlXdDhxTFhwb3ZrUG5KNGg3TmU"}) {
    EXPECT_FALSE(LooksTyped(v)) << v;
  }
}

TEST(Comments, TrailingAndAbove) {
  std::string t = "const a = 1;\n// not actually a secret\nconst k = \"abc\"; // dummy value\nnext";
  size_t b = At(t, "abc");
  EXPECT_EQ(TrailingComment(t, b + 4), " dummy value");
  EXPECT_EQ(CommentAbove(t, b), " not actually a secret");
  std::string url = "KEY=abc https://x.test/#frag\n";
  EXPECT_EQ(TrailingComment(url, 7), "");
  EXPECT_EQ(CommentAbove("first line abc", 11), "");
}

}  // namespace
}  // namespace keylint
