#include <gtest/gtest.h>

#include "classify/classify.h"
#include "knowledge/knowledge.h"
#include "builtin_knowledge.h"

namespace keylint {
namespace {

Stage StageOf(const std::string& path, const std::string& bytes = "") {
  Target t;
  t.path = path;
  t.bytes = bytes;
  return Classify(t, BuiltinKnowledge(), ProjectLayout()).stage;
}

FileFacts FactsOf(const std::string& path, const std::string& bytes = "") {
  Target t;
  t.path = path;
  t.bytes = bytes;
  return Classify(t, BuiltinKnowledge(), ProjectLayout());
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
  EXPECT_EQ(StageOf("example.env"), Stage::kTemplate);
  // Only "example.env" and friends are templates, not every name ending in .env.
  EXPECT_EQ(StageOf("deploy/production/app.env"), Stage::kProd);
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

TEST(ClassifyStage, CarriersByNameWordFolderAndContent) {
  EXPECT_EQ(FactsOf("docker-compose.override.yml").kind, FileKind::kCarrier);
  EXPECT_EQ(StageOf("docker-compose.override.yml"), Stage::kDev);
  EXPECT_EQ(StageOf("compose.ci.yaml"), Stage::kTest);
  EXPECT_EQ(StageOf("deploy/compose.prod.yml"), Stage::kProd);
  EXPECT_EQ(StageOf("docker/Dockerfile.dev"), Stage::kDev);
  EXPECT_EQ(StageOf("scripts/dev-setup.sh"), Stage::kDev);
  EXPECT_EQ(StageOf(".envrc"), Stage::kDev);
  EXPECT_EQ(StageOf("charts/api/values-prod.yaml"), Stage::kProd);
  EXPECT_EQ(StageOf("charts/api/values.staging.yaml"), Stage::kStaging);
  EXPECT_EQ(StageOf("k8s/overlays/production/kustomization.yaml"), Stage::kProd);
  EXPECT_EQ(StageOf("k8s/overlays/dev/patch-env.yaml"), Stage::kDev);
  EXPECT_EQ(StageOf("infra/prod.tfvars"), Stage::kProd);
  EXPECT_EQ(StageOf("infra/envs/staging/terraform.tfvars"), Stage::kStaging);
  EXPECT_EQ(StageOf("vercel.json"), Stage::kProd);
  // Content: what the file sets NODE_ENV to, when name and folder say nothing; reads do not count.
  EXPECT_EQ(StageOf("Dockerfile", "FROM node\nENV NODE_ENV=production\n"), Stage::kProd);
  EXPECT_EQ(StageOf("docker-compose.yml", "services:\n  a:\n    environment:\n      NODE_ENV: development\n"),
            Stage::kDev);
  EXPECT_EQ(StageOf("Dockerfile", "ARG NODE_ENV=development\nENV NODE_ENV=production\n"), Stage::kUnknown);
  EXPECT_EQ(StageOf("run.sh", "if [ \"$NODE_ENV\" = production ]; then exit; fi\n"), Stage::kUnknown);
  // Words that disagree name nothing; a file without a stage word is not a carrier's business.
  EXPECT_EQ(StageOf("compose.prod.dev.yml"), Stage::kUnknown);
  EXPECT_EQ(StageOf("docker-compose.yml"), Stage::kUnknown);
  EXPECT_EQ(FactsOf("src/values.ts").kind, FileKind::kSource);
}

TEST(ClassifyStage, CompositeActionsAndGitlabIncludes) {
  FileFacts action = FactsOf(".github/actions/setup/action.yml", "runs:\n  using: composite\n");
  EXPECT_EQ(action.kind, FileKind::kGithubAction);
  EXPECT_EQ(action.stage, Stage::kCi);
  EXPECT_NE(FactsOf("action.yml", "runs:\n  using: node20\n").kind, FileKind::kGithubAction);
  ProjectLayout layout;
  layout.AddGitlabCi("include:\n  - local: /ci/lint.yml\n  - 'ci/test.yml'\n  - remote: https://x/y.yml\n"
                     "  - project: group/p\n    file: /t.yml\nstages: [a]\n");
  EXPECT_TRUE(layout.IsGitlabInclude("ci/lint.yml"));
  EXPECT_TRUE(layout.IsGitlabInclude("ci/test.yml"));
  EXPECT_FALSE(layout.IsGitlabInclude("t.yml"));
  Target t;
  t.path = "ci/lint.yml";
  EXPECT_EQ(Classify(t, BuiltinKnowledge(), layout).kind, FileKind::kGitlabCi);
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
