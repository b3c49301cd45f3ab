#include "project/cross_file.h"

#include <gtest/gtest.h>

#include "builtin_knowledge.h"

namespace keylint {
namespace {

EnvDefinition Def(const std::string& path, int line, const std::string& key, Stage stage,
                  uint64_t hash, bool secret = true) {
  EnvDefinition d;
  d.location.path = d.value_location.path = path;
  d.location.line = d.value_location.line = line;
  d.key = key;
  d.stage = stage;
  d.is_template = stage == Stage::kTemplate;
  d.from_env_file = true;
  d.value_is_secret = secret;
  d.value_hash = hash;
  d.value_empty = hash == 0;
  d.value_masked = "…(20 chars)";
  return d;
}

std::vector<std::string> CrossRun(const std::vector<EnvDefinition>& defs) {
  Facts facts;
  facts.env_definitions = defs;
  std::vector<std::string> out;
  for (const Finding& f : CrossFileFindings(facts, BuiltinKnowledge())) {
    std::string s = f.location.path + ":" + std::to_string(f.location.line) + " " + f.rule_id;
    for (const RelatedLocation& r : f.related) {
      s += " -> " + r.location.path + ":" + std::to_string(r.location.line);
    }
    out.push_back(s);
  }
  return out;
}

using V = std::vector<std::string>;

TEST(CrossFile, ProdValueInDevFile) {
  EXPECT_EQ(CrossRun({Def(".env.production", 3, "DB_PASSWORD", Stage::kProd, 42),
                 Def(".env.local", 1, "DB_PASSWORD", Stage::kDev, 42),
                 Def(".env.test", 2, "DB_PASS", Stage::kTest, 42)}),
            (V{".env.local:1 stage/prod-key-in-dev-env -> .env.production:3",
               ".env.test:2 stage/prod-key-in-dev-env -> .env.production:3"}));
}

TEST(CrossFile, SharedBetweenStagingAndProd) {
  EXPECT_EQ(CrossRun({Def(".env.production", 1, "S", Stage::kProd, 7),
                 Def(".env.staging", 1, "S", Stage::kStaging, 7)}),
            (V{".env.staging:1 stage/shared-across-environments -> .env.production:1"}));
}

TEST(CrossFile, SameStageOrNonSecretOrDevTestIsFine) {
  EXPECT_EQ(CrossRun({Def(".env", 1, "S", Stage::kDev, 7), Def(".env.local", 1, "S", Stage::kDev, 7),
                 Def(".env.test", 1, "S", Stage::kTest, 7),
                 Def(".env.production", 1, "P", Stage::kProd, 9, /*secret=*/false),
                 Def(".env", 2, "P", Stage::kDev, 9, /*secret=*/false)}),
            V{});
}

TEST(CrossFile, NangoDevAndProdKeysWithOneValue) {
  EXPECT_EQ(CrossRun({Def("nango-integrations/.env", 1, "NANGO_SECRET_KEY_DEV", Stage::kDev, 5),
                 Def("nango-integrations/.env", 2, "NANGO_SECRET_KEY_PROD", Stage::kDev, 5)}),
            (V{"nango-integrations/.env:1 stage/shared-across-environments -> "
               "nango-integrations/.env:2"}));
}

TEST(CrossFile, MissingKeyFromTemplate) {
  EXPECT_EQ(CrossRun({Def(".env.example", 1, "A", Stage::kTemplate, 0, false),
                 Def(".env.example", 2, "B", Stage::kTemplate, 0, false),
                 Def(".env.example", 3, "C", Stage::kTemplate, 0, false),
                 Def(".env", 1, "A", Stage::kDev, 0, false),
                 Def(".env.production", 1, "B", Stage::kProd, 0, false),
                 Def("other/.env.production", 1, "Z", Stage::kProd, 0, false)}),
            // On the template line, with each stage file lacking the key as related. .env is
            // shared by every mode: A counts as present for production.
            (V{".env.example:2 config/env-missing-key -> .env:1",
               ".env.example:3 config/env-missing-key -> .env:1 -> .env.production:1"}));
}

TEST(CrossFile, EachTemplateSpeaksForItsOwnApplication) {
  EXPECT_EQ(CrossRun({Def(".env.example", 1, "ROOT_ONLY", Stage::kTemplate, 0, false),
                 Def(".env.example", 2, "SHARED", Stage::kTemplate, 0, false),
                 Def("apps/web/.env.example", 1, "WEB_KEY", Stage::kTemplate, 0, false),
                 Def("apps/web/.env.example", 2, "WEB_URL", Stage::kTemplate, 0, false),
                 Def("apps/web/.env.test.example", 1, "TEST_ONLY", Stage::kTemplate, 0, false),
                 Def("apps/web/.env.test.example", 2, "WEB_URL", Stage::kTemplate, 0, false),
                 // apps/web's own files: .env.local lacks WEB_KEY; .env.test follows its template.
                 Def("apps/web/.env.local", 1, "WEB_URL", Stage::kDev, 0, false),
                 Def("apps/web/.env.test", 1, "WEB_URL", Stage::kTest, 0, false),
                 // No template of its own: the root's applies, but it shares none of its keys.
                 Def("apps/api/.env", 1, "API_PORT", Stage::kDev, 0, false)}),
            (V{"apps/web/.env.example:1 config/env-missing-key -> apps/web/.env.local:1",
               "apps/web/.env.test.example:1 config/env-missing-key -> apps/web/.env.test:1"}));
}

}  // namespace
}  // namespace keylint

namespace keylint {
namespace {

EnvRead Read(const std::string& path, int line, const std::string& name, Side side) {
  EnvRead r;
  r.location.path = path;
  r.location.line = line;
  r.name = name;
  r.side = side;
  return r;
}

std::vector<std::string> ReadRun(const std::vector<EnvDefinition>& defs, const std::vector<EnvRead>& reads) {
  Facts facts;
  facts.env_definitions = defs;
  facts.env_reads = reads;
  std::vector<std::string> out;
  for (const Finding& f : CrossFileFindings(facts, BuiltinKnowledge())) {
    out.push_back(f.location.path + ":" + std::to_string(f.location.line) + " " + f.rule_id);
  }
  return out;
}

TEST(CrossFile, ClientReadOfANameAssignedASecret) {
  EXPECT_EQ(ReadRun({Def(".env.local", 2, "PAYMENTS_CONFIG", Stage::kDev, 42)},
                    {Read("src/App.tsx", 5, "PAYMENTS_CONFIG", Side::kClient),
                     Read("server/pay.ts", 3, "PAYMENTS_CONFIG", Side::kServer)}),
            (V{"src/App.tsx:5 client/secret-env-in-client"}));
}

TEST(CrossFile, ClientReadOfAPlainValueOrASecretNameIsNotRepeated) {
  // A plain value is fine; a secret-looking name is the JavaScript analyzer's own finding.
  EXPECT_EQ(ReadRun({Def(".env.local", 1, "SITE_URL", Stage::kDev, 0, /*secret=*/false),
                     Def(".env.local", 2, "STRIPE_SECRET_KEY", Stage::kDev, 42)},
                    {Read("src/App.tsx", 5, "SITE_URL", Side::kClient),
                     Read("src/App.tsx", 6, "STRIPE_SECRET_KEY", Side::kClient)}),
            V{});
}

}  // namespace
}  // namespace keylint
