#include <gtest/gtest.h>

#include "classify/classify.h"
#include "knowledge/knowledge.h"
#include "builtin_knowledge.h"

namespace keylint {
namespace {

Stage StageOf(const std::string& path) {
  Target t;
  t.path = path;
  return Classify(t, BuiltinKnowledge(), ProjectLayout()).stage;
}

TEST(ClassifyStage, EnvFileNames) {
  EXPECT_EQ(StageOf(".env"), Stage::kDev);
  EXPECT_EQ(StageOf(".env.local"), Stage::kDev);
  EXPECT_EQ(StageOf(".env.development"), Stage::kDev);
  EXPECT_EQ(StageOf(".env.development.local"), Stage::kDev);
  EXPECT_EQ(StageOf(".env.test"), Stage::kTest);
  EXPECT_EQ(StageOf(".env.test.local"), Stage::kTest);
  EXPECT_EQ(StageOf(".env.staging"), Stage::kStaging);
  EXPECT_EQ(StageOf(".env.production"), Stage::kProd);
  EXPECT_EQ(StageOf("apps/web/.env.production.local"), Stage::kProd);
  EXPECT_EQ(StageOf(".env.example"), Stage::kTemplate);
  EXPECT_EQ(StageOf(".env.sample"), Stage::kTemplate);
  EXPECT_EQ(StageOf(".env.template"), Stage::kTemplate);
  EXPECT_EQ(StageOf(".env.dist"), Stage::kTemplate);
  EXPECT_EQ(StageOf(".env.staging.example"), Stage::kTemplate);
  EXPECT_EQ(StageOf(".env.keys"), Stage::kUnknown);
}

TEST(ClassifyStage, FoldersAndTools) {
  EXPECT_EQ(StageOf("config/production/.env"), Stage::kProd);
  EXPECT_EQ(StageOf("environments/prod/.env"), Stage::kProd);
  EXPECT_EQ(StageOf("deploy/staging/.env.local"), Stage::kStaging);
  // A specific name wins over the folder; templates stay templates.
  EXPECT_EQ(StageOf("config/production/.env.test"), Stage::kTest);
  EXPECT_EQ(StageOf("config/production/.env.example"), Stage::kTemplate);
  EXPECT_EQ(StageOf("nango-integrations/.env"), Stage::kDev);
  EXPECT_EQ(StageOf("packages/x/nango-integrations/.env"), Stage::kDev);
}

TEST(ClassifyStage, CiFilesAndOthers) {
  EXPECT_EQ(StageOf(".github/workflows/ci.yml"), Stage::kCi);
  EXPECT_EQ(StageOf(".gitlab-ci.yml"), Stage::kCi);
  EXPECT_EQ(StageOf("src/index.ts"), Stage::kUnknown);
  EXPECT_EQ(StageOf("config/production/settings.yml"), Stage::kUnknown);
}

TEST(StageOfName, SuffixesAndPrefixes) {
  const StageKnowledge& s = BuiltinKnowledge().stages;
  EXPECT_EQ(StageOfName(s, "NANGO_SECRET_KEY_PROD"), Stage::kProd);
  EXPECT_EQ(StageOfName(s, "stripe_key_live"), Stage::kProd);
  EXPECT_EQ(StageOfName(s, "PROD_DATABASE_URL"), Stage::kProd);
  EXPECT_EQ(StageOfName(s, "NANGO_SECRET_KEY_DEV"), Stage::kDev);
  EXPECT_EQ(StageOfName(s, "STRIPE_KEY_SANDBOX"), Stage::kTest);
  EXPECT_EQ(StageOfName(s, "PROD"), Stage::kUnknown);
  EXPECT_EQ(StageOfName(s, "DELIVERY_KEY"), Stage::kUnknown);
  EXPECT_TRUE(IsSecretLikeName(s, "NANGO_SECRET_KEY_PROD"));
  EXPECT_TRUE(IsSecretLikeName(s, "OPENAI_APIKEY"));
  EXPECT_FALSE(IsSecretLikeName(s, "API_URL_PROD"));
  // The head word decides, after stage words, numbers and qualifiers.
  EXPECT_TRUE(IsSecretLikeName(s, "JWT_SECRET_B64_V2"));
  EXPECT_TRUE(IsSecretLikeName(s, "SECRET_KEY_BASE"));
  EXPECT_FALSE(IsSecretLikeName(s, "NEXT_PUBLIC_DISABLE_EMAIL_PASSWORD_SIGNUP"));
  EXPECT_FALSE(IsSecretLikeName(s, "NEXT_PRIVATE_SMTP_FROM_ADDRESS"));
  EXPECT_FALSE(IsSecretLikeName(s, "REDIS_CACHE_CONNECTION_TIMEOUT"));
}

}  // namespace
}  // namespace keylint
