#include "analyze/env/dotenv_checks.h"

#include <gtest/gtest.h>

#include "builtin_knowledge.h"

namespace keylint {
namespace {

const CredentialScanner& Scanner() {
  static const CredentialScanner* s = new CredentialScanner(BuiltinKnowledge());
  return *s;
}

FileAnalysis Analyze(const std::string& path, Stage stage, const std::string& text,
                     bool tracked = false, const std::string& shipped_by = "") {
  Target t;
  t.path = path;
  t.bytes = text;
  t.tracked = tracked;
  FileFacts facts;
  facts.kind = FileKind::kDotenv;
  facts.language = Language::kDotenv;
  facts.stage = stage;
  facts.env_shipped_by = shipped_by;
  FileAnalysis out;
  AnalyzeDotenv(t, facts, BuiltinKnowledge(), Scanner(), Scanner().Scan(text), &out);
  return out;
}

std::vector<std::string> Rules(const FileAnalysis& a) {
  std::vector<std::string> out;
  for (const Finding& f : a.findings) {
    out.push_back(std::to_string(f.location.line) + " " + f.rule_id + " " + LevelName(f.level));
  }
  return out;
}

using V = std::vector<std::string>;
const char kLive[] = "sk_live_51Hq8ZtKx7VbN3mPqR4sT6uW9y";

TEST(AnalyzeDotenv, ProdKeyInDevFileByValueAndByName) {
  FileAnalysis a = Analyze(".env", Stage::kDev,
                           std::string("STRIPE_SECRET_KEY=") + kLive +
                               "\nPAYMENT_API_KEY_PROD=Zk3pL9qW2xR7vT4nB8mC1sD6fG5hJ0yE\n"
                               "API_URL_PROD=https://api.acme.dev\n");
  EXPECT_EQ(Rules(a), (V{"1 stage/prod-key-in-dev-env error", "2 stage/prod-key-in-dev-env error"}));
  for (const Finding& f : a.findings) EXPECT_EQ(f.message.find(kLive), std::string::npos);
}

TEST(AnalyzeDotenv, EnvFileShippedInTheAppReportsItsSecretsOnly) {
  const std::string text = std::string("API_URL=https://api.acme.dev\nSTRIPE_PUBLISHABLE_KEY=pk_live_51Hq8ZtKx7VbN3mPqR4sT6uW9y\n") +
                           "API_SIGNING_SECRET=Zk3pL9qW2xR7vT4nB8mC1sD6fG5hJ0yE\nNEXT_PUBLIC_SIGNING_SECRET=x1\n";
  EXPECT_EQ(Rules(Analyze(".env.production", Stage::kProd, text, true, "react-native-config")),
            (V{"3 client/secret-in-app-env error", "3 config/env-file-committed error",
               "4 client/public-prefixed-secret error"}));
  // Untracked, or a template: no build reads what the repository does not hold.
  EXPECT_EQ(Rules(Analyze(".env.production", Stage::kProd, text, false, "react-native-config")),
            (V{"4 client/public-prefixed-secret error"}));
  EXPECT_EQ(Rules(Analyze(".env.example", Stage::kTemplate, "API_SIGNING_SECRET=changeme\n", true, "react-native-config")),
            (V{}));
}

TEST(AnalyzeDotenv, NangoProdKeyInLocalEnvIsAWarning) {
  FileAnalysis a = Analyze("nango-integrations/.env", Stage::kDev,
                           "NANGO_SECRET_KEY_PROD=3f2a9c1e-5b7d-4e8f-9a0b-e67d04c9b21f\n");
  EXPECT_EQ(Rules(a), (V{"1 stage/prod-key-in-dev-env warning"}));
}

TEST(AnalyzeDotenv, RecordsDefinitions) {
  FileAnalysis a = Analyze(".env.production", Stage::kProd,
                           std::string("export A=") + kLive + "\nB=${A}\nC=<your-key>\nD=\n",
                           /*tracked=*/true);
  const auto& defs = a.facts.env_definitions;
  ASSERT_EQ(defs.size(), 4u);
  EXPECT_TRUE(defs[0].value_is_secret);
  EXPECT_EQ(defs[0].value_stage, Stage::kProd);
  EXPECT_NE(defs[0].value_hash, 0u);
  EXPECT_EQ(defs[0].value_masked.find(kLive), std::string::npos);
  EXPECT_EQ(defs[0].location.column, 8);
  EXPECT_TRUE(defs[0].tracked);
  EXPECT_TRUE(defs[1].value_is_reference);
  EXPECT_FALSE(defs[1].value_is_secret);
  EXPECT_TRUE(defs[2].value_is_placeholder);
  EXPECT_TRUE(defs[3].value_empty);
  // A tracked production file holding a secret: one file-level finding on line 1.
  EXPECT_EQ(Rules(a), (V{"1 config/env-file-committed error"}));
}

TEST(AnalyzeDotenv, TemplateSecretsAndPlaceholders) {
  FileAnalysis a = Analyze(".env.example", Stage::kTemplate,
                           std::string("A_SECRET_KEY=") + kLive +
                               "\nB_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx\nC_TOKEN=\n");
  EXPECT_EQ(Rules(a), (V{"1 config/env-secret-in-template error"}));
}

TEST(AnalyzeDotenv, SyntaxDuplicatesAndSpaces) {
  FileAnalysis a = Analyze(".env.example", Stage::kTemplate, "A=1\nB = 2\nA=3\nC=\"open\n");
  EXPECT_EQ(Rules(a), (V{"4 config/env-syntax-error warning",
                         "2 config/env-space-around-equals warning",
                         "3 config/env-duplicate-key warning"}));
  ASSERT_EQ(a.findings[2].related.size(), 1u);
  EXPECT_EQ(a.findings[2].related[0].location.line, 1);
}

TEST(AnalyzeDotenv, TestKeyInProd) {
  FileAnalysis a = Analyze(".env.production", Stage::kProd,
                           "STRIPE_SECRET_KEY=sk_test_51Hq8ZtKx7VbN3mPqR4sT6uW9y\n");
  EXPECT_EQ(Rules(a), (V{"1 stage/test-key-in-prod-env warning"}));
}

}  // namespace
}  // namespace keylint
