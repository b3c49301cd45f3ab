#include "analyze/javascript/analyzer.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "analyze/javascript/gate.h"
#include "analyze/javascript/rules.h"
#include "classify/classify.h"
#include "builtin_knowledge.h"

namespace keylint {
namespace {

const CredentialScanner& Scanner() {
  static const CredentialScanner* s = new CredentialScanner(BuiltinKnowledge());
  return *s;
}

struct JsRun {
  FileFacts facts;
  FileAnalysis out;
  std::string reason;
  // "rule-id:line", sorted.
  std::vector<std::string> Found() const {
    std::vector<std::string> v;
    for (const Finding& f : out.findings) v.push_back(f.rule_id + ":" + std::to_string(f.location.line));
    std::sort(v.begin(), v.end());
    return v;
  }
  std::vector<std::string> Found(const std::string& rule) const {
    std::vector<std::string> v;
    for (const std::string& s : Found()) {
      if (s.compare(0, rule.size() + 1, rule + ":") == 0) v.push_back(s);
    }
    return v;
  }
};

// Classifies `path` in a package with `deps`, then runs the analyzer as the scan does.
JsRun Analyze(const std::string& path, const std::string& bytes, const std::string& deps = R"("next":"14")") {
  ProjectLayout layout;
  layout.AddPackageJson("package.json", "{\"dependencies\":{" + deps + "}}");
  Target t;
  t.path = path;
  t.bytes = bytes;
  JsRun run;
  run.facts = Classify(t, BuiltinKnowledge(), layout);
  JsAnalyzer js(BuiltinKnowledge(), Scanner());
  js.Analyze(t, run.facts, Scanner().Scan(t.bytes), &run.out);
  run.reason = js.last_parse_reason();
  return run;
}

using V = std::vector<std::string>;

TEST(JsAnalyzer, LanguagesLoad) {
  std::string error;
  EXPECT_TRUE(JsAnalyzer::LanguagesLoad(&error)) << error;
}

TEST(JsAnalyzer, SecretEnvInClient) {
  JsRun r = Analyze("components/Pay.tsx",
                  "'use client'\n"
                  "const a = process.env.STRIPE_SECRET_KEY;\n"
                  "const b = process.env['NANGO_SECRET_KEY'];\n"
                  "const { OPENAI_API_KEY, SITE_URL } = process.env;\n"
                  "const c = import.meta.env.SUPABASE_SERVICE_ROLE_KEY;\n"
                  "const d = process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY;\n"
                  "const e = process.env.NODE_ENV;\n");
  EXPECT_EQ(r.Found(), (V{"client/secret-env-in-client:2", "client/secret-env-in-client:3",
                          "client/secret-env-in-client:4", "client/secret-env-in-client:5"}));
  EXPECT_EQ(r.out.facts.env_reads.size(), 7u);
  EXPECT_EQ(r.out.facts.env_reads[0].side, Side::kClient);
  EXPECT_EQ(r.reason, "parsed: env read in client code");
}

TEST(JsAnalyzer, SecretEnvInServerCodeIsSilentAndNotParsed) {
  JsRun r = Analyze("app/api/pay/route.ts", "const k = process.env.STRIPE_SECRET_KEY;\n");
  EXPECT_EQ(r.facts.side, Side::kServer);
  EXPECT_TRUE(r.Found().empty());
  EXPECT_EQ(r.reason, "not parsed: no reason to");
}

TEST(JsAnalyzer, PublicPrefixedSecretIsParsedOnAnySide) {
  JsRun r = Analyze("app/api/pay/route.ts", "const k = process.env.NEXT_PUBLIC_STRIPE_SECRET_KEY;\n");
  EXPECT_EQ(r.Found(), (V{"client/public-prefixed-secret:1"}));
  EXPECT_EQ(r.reason, "parsed: public-prefixed secret name");
}

TEST(JsAnalyzer, NextServerExportsStayOnTheServer) {
  JsRun r = Analyze("pages/index.tsx",
                  "import Stripe from 'stripe';\n"
                  "export async function getServerSideProps() {\n"
                  "  const s = new Stripe(process.env.STRIPE_SECRET_KEY);\n"
                  "  return { props: {} };\n"
                  "}\n"
                  "export default function Home() { return <p>{process.env.NEXT_PUBLIC_SITE}</p>; }\n");
  EXPECT_EQ(r.facts.side, Side::kClient);
  EXPECT_TRUE(r.Found().empty()) << ::testing::PrintToString(r.Found());
}

TEST(JsAnalyzer, PublicPrefixedSecretAnySide) {
  JsRun r = Analyze("app/api/x/route.ts",
                  "const a = process.env.NEXT_PUBLIC_NANGO_SECRET_KEY;\n"
                  "const b = process.env.NEXT_PUBLIC_NANGO_PUBLIC_KEY;\n"
                  "const c = import.meta.env.VITE_STRIPE_SECRET_KEY;\n");
  EXPECT_EQ(r.Found(), (V{"client/public-prefixed-secret:1", "client/public-prefixed-secret:3"}));
}

TEST(JsAnalyzer, ServerSdkInClient) {
  JsRun r = Analyze("components/Pay.tsx",
                  "'use client'\n"
                  "import Stripe from 'stripe';\n"
                  "import type { Nango } from '@nangohq/node';\n"
                  "import { loadStripe } from '@stripe/stripe-js';\n"
                  "const OpenAI = require('openai');\n"
                  "console.log(Stripe);\n");  // used as a value: TypeScript keeps the import
  EXPECT_EQ(r.Found(), (V{"client/server-sdk-in-client:2", "client/server-sdk-in-client:5"}));
}

TEST(JsAnalyzer, SecretOptionInClient) {
  JsRun r = Analyze("components/Connect.tsx",
                  "'use client'\n"
                  "import Nango from '@nangohq/frontend';\n"
                  "const a = new Nango({ secretKey: getKey() });\n"
                  "const b = new Nango({ connectSessionToken: token });\n"
                  "await a.createConnectSession({ tags: {} });\n"
                  "api.createSession();\n");
  EXPECT_EQ(r.Found(), (V{"client/secret-option-in-client:3", "client/secret-option-in-client:5"}));
}

TEST(JsAnalyzer, CreateConnectSessionNeedsANangoImport) {
  JsRun r = Analyze("components/Connect.tsx",
                  "'use client'\nimport { api } from '../api';\nawait api.createConnectSession();\n");
  EXPECT_TRUE(r.Found().empty());
}

TEST(JsAnalyzer, DeprecatedPublicKeyIsANote) {
  JsRun r = Analyze("components/Connect.tsx",
                  "'use client'\n"
                  "import Nango from '@nangohq/frontend';\n"
                  "const n = new Nango({ publicKey: process.env.NEXT_PUBLIC_NANGO_PUBLIC_KEY });\n");
  EXPECT_EQ(r.Found(), (V{"client/deprecated-public-key:3"}));
  EXPECT_EQ(r.out.findings[0].level, Level::kNote);
}

TEST(JsAnalyzer, HardcodedNamedSecretInClient) {
  JsRun r = Analyze("components/Connect.tsx",
                  "'use client'\n"
                  "const NANGO_SECRET_KEY = '8f14e45f-ceea-467f-a0e6-1a8b2f0c9d3e';\n"
                  "const cfg = { clientSecret: 'q8Zt3vX1pLm9Rk2Wc7Ny4Bd6' };\n"
                  "const placeholder = { secretKey: '<your-secret-key>' };\n"
                  "const label = { secretKeyLabel: 'Enter your secret key' };\n"
                  "const short = { secret: 'abc123' };\n");
  EXPECT_EQ(r.Found(), (V{"client/hardcoded-secret-in-client:2", "client/hardcoded-secret-in-client:3"}));
  for (const Finding& f : r.out.findings) {
    EXPECT_EQ(f.message.find("8f14e45f-ceea"), std::string::npos) << f.message;
    EXPECT_EQ(f.message.find("q8Zt3vX1pLm9"), std::string::npos) << f.message;
  }
}

TEST(JsAnalyzer, HardcodedSdkOptionLiteralIsOneFinding) {
  JsRun r = Analyze("src/App.tsx",
                  "import Nango from '@nangohq/frontend';\n"
                  "const n = new Nango({ apiKey: '8f14e45f-ceea-467f-a0e6-1a8b2f0c9d3e' });\n",
                  R"("vite":"5")");
  EXPECT_EQ(r.Found(), (V{"client/hardcoded-secret-in-client:2"}));
}

TEST(JsAnalyzer, FirebaseWebConfigIsSilent) {
  JsRun r = Analyze("src/firebase.ts",
                  "import { initializeApp } from 'firebase/app';\n"
                  "const app = initializeApp({ apiKey: 'AIzaSyDk3xQ9mZ1vR7tP4wL8nB2cF6hJ0sK5aE3', "
                  "authDomain: 'x.firebaseapp.com', messagingSenderId: '123456789012' });\n",
                  R"("vite":"5")");
  EXPECT_EQ(r.facts.side, Side::kClient);
  EXPECT_TRUE(r.Found().empty()) << ::testing::PrintToString(r.Found());
}

TEST(JsAnalyzer, BundlerInlinesSecret) {
  JsRun r = Analyze("next.config.js",
                  "module.exports = {\n"
                  "  env: {\n"
                  "    STRIPE_KEY: process.env.STRIPE_SECRET_KEY,\n"
                  "    SITE: process.env.SITE_URL,\n"
                  "  },\n"
                  "  serverRuntimeConfig: { secret: process.env.JWT_SECRET },\n"
                  "};\n");
  EXPECT_EQ(r.Found(), (V{"client/bundler-inlines-secret:3"}));
  JsRun vite = Analyze("vite.config.ts",
                     "import { defineConfig, loadEnv } from 'vite';\n"
                     "export default defineConfig(({ mode }) => {\n"
                     "  const env = loadEnv(mode, process.cwd(), '');\n"
                     "  return { define: {\n"
                     "    'process.env.OPENAI_API_KEY': JSON.stringify(env.OPENAI_API_KEY),\n"
                     "    __APP_VERSION__: JSON.stringify('1.0.0'),\n"
                     "  } };\n"
                     "});\n",
                     R"("vite":"5")");
  EXPECT_EQ(vite.Found(), (V{"client/bundler-inlines-secret:5"}));
  JsRun webpack = Analyze("webpack.config.js",
                        "const webpack = require('webpack');\n"
                        "module.exports = { plugins: [\n"
                        "  new webpack.EnvironmentPlugin(['NODE_ENV', 'AWS_SECRET_ACCESS_KEY']),\n"
                        "  new webpack.DefinePlugin({ 'process.env': JSON.stringify(process.env) }),\n"
                        "] };\n",
                        R"("webpack":"5")");
  EXPECT_EQ(webpack.Found(), (V{"client/bundler-inlines-secret:3", "client/bundler-inlines-secret:4"}));
}

TEST(JsAnalyzer, SvelteKitAndNuxtEnv) {
  JsRun svelte = Analyze("src/routes/+page.svelte",
                       "<script lang=\"ts\">\n"
                       "  import { STRIPE_SECRET_KEY, SITE } from '$env/static/private';\n"
                       "  import { env } from '$env/dynamic/private';\n"
                       "  const k = env.NANGO_SECRET_KEY;\n"
                       "</script>\n<p>hi</p>\n",
                       R"("@sveltejs/kit":"2")");
  EXPECT_EQ(svelte.Found(), (V{"client/secret-env-in-client:2", "client/secret-env-in-client:4"}));
  JsRun nuxt = Analyze("components/Pay.vue",
                     "<template><div/></template>\n"
                     "<script setup>\n"
                     "const config = useRuntimeConfig();\n"
                     "const s = config.stripeSecretKey;\n"
                     "const p = config.public.stripePublishableKey;\n"
                     "</script>\n",
                     R"("nuxt":"3")");
  EXPECT_EQ(nuxt.Found(), (V{"client/secret-env-in-client:4"}));
}

TEST(JsAnalyzer, CredentialMatchInClientFile) {
  JsRun r = Analyze("src/pay.js", "const stripe = Stripe('sk_live_51Hx7TqLkQ2vYp8NcR3mZ5wBd9Fg4Jt6U');\n",
                  R"("react-scripts":"5")");
  EXPECT_EQ(r.Found("client/hardcoded-secret-in-client"), (V{"client/hardcoded-secret-in-client:1"}));
}

TEST(JsAnalyzer, BrokenSyntaxNeverCrashes) {
  JsRun r = Analyze("components/Broken.js",
                  "'use client'\n// @flow\ntype T = {| a: number |};\nconst x = process.env.NANGO_SECRET_KEY\n"
                  "function (( {\n<div>{process.env.JWT_SECRET</div>\n");
  EXPECT_FALSE(r.Found("client/secret-env-in-client").empty());
  JsRun deep = Analyze("components/Deep.js", "'use client'\nconst x = " + std::string(5000, '[') +
                                                "process.env.JWT_SECRET" + std::string(5000, ']') + ";\n");
  EXPECT_EQ(deep.Found(), (V{"client/secret-env-in-client:2"}));
}

TEST(JsAnalyzer, GateSkipsFilesWithoutAReason) {
  JsRun r = Analyze("app/page.tsx", "export default function Page() { return <div>hi</div>; }\n");
  EXPECT_EQ(r.reason, "not parsed: no reason to");
  JsRun minified = Analyze("public/app.js", "'use client';var a=process.env.X;" + std::string(30000, ';') + "\n");
  EXPECT_EQ(minified.reason, "not parsed: minified");
  // Secret-sounding words alone are no reason: only a string literal given such a name is.
  JsRun words = Analyze("app/Keys.tsx", "'use client'\nconst publicKey = useKey();\nif (token.length === 0) {}\n");
  EXPECT_EQ(words.reason, "not parsed: no reason to");
  JsRun typed = Analyze("app/Keys.tsx", "'use client'\nconst apiKey: string | undefined =\n  'abc';\n");
  EXPECT_EQ(typed.reason, "parsed: string given a secret-named identifier in client code");
}

TEST(LooksLikeSecretValue, Shapes) {
  EXPECT_TRUE(LooksLikeSecretValue("8f14e45f-ceea-467f-a0e6-1a8b2f0c9d3e"));
  EXPECT_FALSE(LooksLikeSecretValue("STRIPE_SECRET_KEY"));
  EXPECT_FALSE(LooksLikeSecretValue("https://api.example.com/v1"));
  EXPECT_FALSE(LooksLikeSecretValue("Enter your secret key 123"));
  EXPECT_FALSE(LooksLikeSecretValue("aaaaaaaaaaaaaaaa1"));
}

}  // namespace
}  // namespace keylint
