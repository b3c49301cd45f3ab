#include <gtest/gtest.h>

#include "classify/classify.h"
#include "classify/side_signals.h"
#include "knowledge/exposure_match.h"
#include "builtin_knowledge.h"

namespace keylint {
namespace {

ProjectLayout Layout(std::initializer_list<std::pair<std::string, std::string>> packages) {
  ProjectLayout layout;
  for (const auto& [path, deps] : packages) {
    layout.AddPackageJson(path, "{\"name\":\"x\",\"dependencies\":{" + deps + "}}");
  }
  return layout;
}

FileFacts SideOf(const ProjectLayout& layout, const std::string& path, const std::string& bytes = "") {
  Target t;
  t.path = path;
  t.bytes = bytes;
  return Classify(t, BuiltinKnowledge(), layout);
}

const char kNext[] = R"("next":"14","react-dom":"18")";

TEST(ClassifySide, UseClientDirectiveWinsOverNextAppConvention) {
  ProjectLayout l = Layout({{"package.json", kNext}});
  FileFacts f = SideOf(l, "app/connect/Button.tsx", "// header\n/* c */\n'use strict';\n\"use client\"\nimport x from 'y';\n");
  EXPECT_EQ(f.side, Side::kClient);
  EXPECT_EQ(f.side_reason, "'use client' directive");
  EXPECT_EQ(f.framework, "next");
}

TEST(ClassifySide, DirectiveAfterAnImportIsNotADirective) {
  ProjectLayout l = Layout({{"package.json", kNext}});
  FileFacts f = SideOf(l, "app/page.tsx", "import x from 'y';\n'use client';\n");
  EXPECT_EQ(f.side, Side::kServer);
}

TEST(ClassifySide, NextConventions) {
  ProjectLayout l = Layout({{"package.json", kNext}});
  EXPECT_EQ(SideOf(l, "app/page.tsx").side, Side::kServer);
  EXPECT_EQ(SideOf(l, "src/app/api/x/route.ts").side, Side::kServer);
  EXPECT_EQ(SideOf(l, "app/page.tsx", "'use server'\n").side, Side::kServer);
  EXPECT_EQ(SideOf(l, "pages/api/checkout.ts").side, Side::kServer);
  EXPECT_EQ(SideOf(l, "pages/index.tsx").side, Side::kClient);
  EXPECT_EQ(SideOf(l, "src/middleware.ts").side, Side::kServer);
  EXPECT_EQ(SideOf(l, "next.config.mjs").side, Side::kServer);
  // Outside the conventions, imports decide; otherwise nobody knows.
  EXPECT_EQ(SideOf(l, "lib/nango.ts", "import { Nango } from '@nangohq/node';").side, Side::kServer);
  EXPECT_EQ(SideOf(l, "lib/connect.ts", "import Nango from \"@nangohq/frontend\";").side, Side::kClient);
  EXPECT_EQ(SideOf(l, "lib/util.ts", "export const x = 1;").side, Side::kUnknown);
}

TEST(ClassifySide, MarkerImports) {
  ProjectLayout l = Layout({{"package.json", kNext}});
  FileFacts f = SideOf(l, "components/Keys.tsx", "import 'server-only';\nexport const k = 1;\n");
  EXPECT_EQ(f.side, Side::kServer);
  EXPECT_EQ(f.side_reason, "imports 'server-only'");
  EXPECT_EQ(SideOf(l, "pages/x.tsx", "import \"client-only\";").side, Side::kClient);
}

TEST(ClassifySide, RemixAndReactRouter) {
  ProjectLayout l = Layout({{"package.json", R"("@remix-run/react":"2","@remix-run/node":"2")"}});
  EXPECT_EQ(SideOf(l, "app/utils/db.server.ts").side, Side::kServer);
  EXPECT_EQ(SideOf(l, "app/.server/stripe.ts").side, Side::kServer);
  EXPECT_EQ(SideOf(l, "app/utils/analytics.client.ts").side, Side::kClient);
  EXPECT_EQ(SideOf(l, "app/routes/_index.tsx").side, Side::kShared);
}

TEST(ClassifySide, SvelteKit) {
  ProjectLayout l = Layout({{"package.json", R"("@sveltejs/kit":"2","svelte":"4")"}});
  EXPECT_EQ(SideOf(l, "src/routes/+page.server.ts").side, Side::kServer);
  EXPECT_EQ(SideOf(l, "src/routes/api/+server.ts").side, Side::kServer);
  EXPECT_EQ(SideOf(l, "src/routes/+page.svelte").side, Side::kClient);
  EXPECT_EQ(SideOf(l, "src/routes/blog/+page.ts").side, Side::kShared);
  EXPECT_EQ(SideOf(l, "src/lib/server/db.ts").side, Side::kServer);
  EXPECT_EQ(SideOf(l, "src/hooks.server.ts").side, Side::kServer);
}

TEST(ClassifySide, Nuxt) {
  ProjectLayout l = Layout({{"package.json", R"("nuxt":"3")"}});
  EXPECT_EQ(SideOf(l, "server/api/pay.ts").side, Side::kServer);
  EXPECT_EQ(SideOf(l, "components/Pay.vue").side, Side::kShared);
  EXPECT_EQ(SideOf(l, "plugins/analytics.client.ts").side, Side::kClient);
  EXPECT_EQ(SideOf(l, "components/Secret.server.vue").side, Side::kServer);
}

TEST(ClassifySide, ExpoAngularAndSpas) {
  ProjectLayout expo = Layout({{"package.json", R"("expo":"50","expo-router":"3")"}});
  EXPECT_EQ(SideOf(expo, "app/api/pay+api.ts").side, Side::kServer);
  EXPECT_EQ(SideOf(expo, "app/index.tsx").side, Side::kClient);
  EXPECT_EQ(SideOf(expo, "app.config.ts").side, Side::kServer);
  ProjectLayout ng = Layout({{"package.json", R"("@angular/core":"17")"}});
  FileFacts env = SideOf(ng, "src/environments/environment.prod.ts");
  EXPECT_EQ(env.side, Side::kClient);
  EXPECT_EQ(env.side_reason, "Angular environment file (always bundled into the app)");
  EXPECT_EQ(SideOf(ng, "src/app/app.config.ts").side, Side::kClient);
  ProjectLayout vite = Layout({{"package.json", R"("react":"18","vite":"5")"}});
  vite.AddFile("index.html");
  EXPECT_EQ(SideOf(vite, "src/App.tsx").side, Side::kClient);
  EXPECT_EQ(SideOf(vite, "vite.config.ts").side, Side::kServer);
  ProjectLayout cra = Layout({{"package.json", R"("react-scripts":"5")"}});
  EXPECT_EQ(SideOf(cra, "src/App.js").side, Side::kClient);
}

TEST(ClassifySide, APackagesSideComesFromItsOwnEntryPoints) {
  // A library built with Vite (no index.html) is left to the module graph, not made client code
  // because another package of the repository is a Vite app.
  ProjectLayout l = Layout({{"apps/web/package.json", R"("vite":"5","react":"18")"},
                            {"packages/db/package.json", R"("vite":"5")"},
                            {"packages/server/package.json", R"("express":"4")"}});
  l.AddFile("apps/web/index.html");
  EXPECT_EQ(SideOf(l, "apps/web/src/App.tsx").side, Side::kClient);
  FileFacts db = SideOf(l, "packages/db/src/index.ts");
  EXPECT_EQ(db.side, Side::kUnknown);
  EXPECT_EQ(db.framework, "vite");  // its public prefixes still apply
  // *.client.ts in a Node server package is an API client, not browser code.
  EXPECT_EQ(SideOf(l, "packages/server/lib/clients/auth.client.ts").side, Side::kServer);
  // Test code is never browser code.
  FileFacts test = SideOf(l, "apps/web/src/App.test.tsx", "'use client';\n");
  EXPECT_EQ(test.side, Side::kServer);
  EXPECT_FALSE(test.side_boundary);
}

TEST(ClassifySide, BoundariesAndImportHints) {
  ProjectLayout l = Layout({{"package.json", kNext}});
  FileFacts marked = SideOf(l, "lib/db.ts", "import 'server-only';\n");
  EXPECT_TRUE(marked.side_boundary);
  FileFacts commented = SideOf(l, "lib/env.ts", "/* never `import 'server-only'` here */\nexport const a = 1;\n");
  EXPECT_NE(commented.side, Side::kServer);
  EXPECT_TRUE(SideOf(l, "lib/x.server.ts").side_boundary);
  FileFacts component = SideOf(l, "app/page.tsx");
  EXPECT_EQ(component.side, Side::kServer);
  EXPECT_FALSE(component.side_boundary);  // client code importing it bundles it
  FileFacts hinted = SideOf(l, "lib/ui.ts", "import { createRoot } from 'react-dom/client';\n");
  EXPECT_EQ(hinted.side, Side::kClient);
  EXPECT_TRUE(hinted.side_from_imports);
}

TEST(ClassifySide, MonorepoUsesNearestPackage) {
  ProjectLayout l = Layout({{"package.json", R"("turbo":"1")"},
                            {"apps/web/package.json", kNext},
                            {"apps/api/package.json", R"("express":"4")"}});
  EXPECT_EQ(SideOf(l, "apps/web/pages/index.tsx").side, Side::kClient);
  EXPECT_EQ(SideOf(l, "apps/api/src/index.ts").side, Side::kServer);
  EXPECT_EQ(SideOf(l, "apps/api/src/index.ts").framework, "node-server");
  // A folder named pages/ outside the Next.js package is not a Next.js page.
  EXPECT_EQ(SideOf(l, "apps/api/pages/index.ts").side, Side::kServer);
  EXPECT_EQ(SideOf(l, "scripts/pages/x.ts").side, Side::kUnknown);
}

TEST(ClassifySide, NonSourceFilesAreNotClassified) {
  ProjectLayout l = Layout({{"package.json", kNext}});
  EXPECT_EQ(SideOf(l, "app/.env.local").side, Side::kUnknown);
}

TEST(SideSignals, DirectivePrologueStopsAtCode) {
  std::vector<std::string_view> d = DirectivePrologue("#!/usr/bin/env node\n'use strict'\n'use client'; x()\n'use server'");
  std::vector<std::string_view> want = {"use strict", "use client"};
  EXPECT_EQ(d, want);
}

TEST(ExposureMatch, Globs) {
  EXPECT_TRUE(MatchGlob("**/*.server.*", "app/db.server.ts"));
  EXPECT_TRUE(MatchGlob("**/*.server.*", "db.server.ts"));
  EXPECT_FALSE(MatchGlob("src/*.ts", "src/a/b.ts"));
  EXPECT_TRUE(MatchGlob("src/**", "src/a/b.ts"));
  EXPECT_TRUE(MatchGlob("app/**/route.ts", "app/route.ts"));
  EXPECT_EQ(ExpandBraces("{src/,}app/{a,b}.ts").size(), 4u);
  EXPECT_EQ(UpperSnake("stripeSecretKey"), "STRIPE_SECRET_KEY");
  EXPECT_EQ(UpperSnake("NANGO_SECRET_KEY"), "NANGO_SECRET_KEY");
  EXPECT_EQ(UpperSnake("APIKey"), "API_KEY");
}

TEST(ClassifyBuildOutput, ViteDistIsClientOutput) {
  ProjectLayout l = Layout({{"web/package.json", R"("vite":"5","react":"18")"}});
  FileFacts f = SideOf(l, "web/dist/assets/index-3f9a.js");
  EXPECT_TRUE(f.built);
  EXPECT_EQ(f.side, Side::kClient);
  EXPECT_EQ(f.framework, "vite");
  EXPECT_FALSE(SideOf(l, "web/src/dist/x.ts").built);  // src/dist/ is source
}

TEST(ClassifyBuildOutput, ExpressDistIsServerOutput) {
  ProjectLayout l = Layout({{"package.json", R"("express":"4")"}});
  FileFacts f = SideOf(l, "dist/index.js");
  EXPECT_TRUE(f.built);
  EXPECT_EQ(f.side, Side::kServer);
}

TEST(ClassifyBuildOutput, NextsOwnPackageJsonDoesNotHideTheApp) {
  ProjectLayout l = Layout({{"package.json", kNext}});
  l.AddPackageJson(".next/package.json", R"({"type": "commonjs"})");
  FileFacts chunk = SideOf(l, ".next/static/chunks/app/page-1.js");
  EXPECT_TRUE(chunk.built);
  EXPECT_EQ(chunk.side, Side::kClient);
  FileFacts server = SideOf(l, ".next/server/app/page.js");
  EXPECT_TRUE(server.built);
  EXPECT_EQ(server.side, Side::kServer);
}

TEST(ClassifyBuildOutput, OutputOfAnotherFrameworkIsNotOutput) {
  // build/ is CRA's output folder, not Vite's: a Vite app's build/ holds source.
  ProjectLayout l = Layout({{"package.json", R"("vite":"5")"}});
  EXPECT_FALSE(SideOf(l, "build/static/js/main.js").built);
  ProjectLayout cra = Layout({{"package.json", R"("react-scripts":"5")"}});
  EXPECT_TRUE(SideOf(cra, "build/static/js/main.js").built);
}

TEST(ExposureMatch, SecretAndPublicNames) {
  EXPECT_TRUE(IsSecretName(BuiltinKnowledge(), "NANGO_SECRET_KEY_PROD"));
  EXPECT_TRUE(IsSecretName(BuiltinKnowledge(), "OPENAI_API_KEY"));
  EXPECT_TRUE(IsSecretName(BuiltinKnowledge(), "SUPABASE_SERVICE_ROLE_KEY"));
  EXPECT_TRUE(IsSecretName(BuiltinKnowledge(), "secretKey"));
  EXPECT_FALSE(IsSecretName(BuiltinKnowledge(), "NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY"));
  EXPECT_FALSE(IsSecretName(BuiltinKnowledge(), "NEXT_PUBLIC_NANGO_PUBLIC_KEY"));
  EXPECT_FALSE(IsSecretName(BuiltinKnowledge(), "FIREBASE_API_KEY"));
  EXPECT_FALSE(IsSecretName(BuiltinKnowledge(), "apiKey"));
  EXPECT_TRUE(IsPublicPrefixedSecretName(BuiltinKnowledge(), "NEXT_PUBLIC_NANGO_SECRET_KEY"));
  EXPECT_TRUE(IsPublicPrefixedSecretName(BuiltinKnowledge(), "VITE_STRIPE_SECRET_KEY"));
  EXPECT_TRUE(IsPublicPrefixedSecretName(BuiltinKnowledge(), "EXPO_PUBLIC_SUPABASE_SERVICE_ROLE_KEY"));
  EXPECT_FALSE(IsPublicPrefixedSecretName(BuiltinKnowledge(), "NANGO_SECRET_KEY"));
  EXPECT_FALSE(IsPublicPrefixedSecretName(BuiltinKnowledge(), "NEXT_PUBLIC_MAPBOX_ACCESS_TOKEN"));
  EXPECT_EQ(PublicPrefixOf(BuiltinKnowledge(), "NEXT_PUBLIC_X"), "NEXT_PUBLIC_");
}

}  // namespace
}  // namespace keylint
