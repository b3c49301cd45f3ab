#include "project/module_graph.h"

#include <gtest/gtest.h>

#include "builtin_knowledge.h"
#include "project/module_facts_testing.h"
#include "project/client_reach.h"

namespace keylint {
namespace {

ModuleFacts Module(const std::string& path, std::vector<std::string> imports = {}, Side side = Side::kUnknown) {
  return TestModule(path, std::move(imports), side);
}

std::string ResolvedPath(const ModuleGraph& g, const std::string& from, const std::string& spec) {
  size_t m = g.Resolve(from, spec);
  return m == ModuleGraph::kNone ? "(none)" : g.facts().modules[m].path;
}

TEST(NormalizePath, DotsAndClimbing) {
  std::string out;
  ASSERT_TRUE(NormalizePath("a/b/../c/./d", &out));
  EXPECT_EQ(out, "a/c/d");
  ASSERT_TRUE(NormalizePath("./", &out));
  EXPECT_EQ(out, "");
  EXPECT_FALSE(NormalizePath("a/../../b", &out));
}

TEST(ModuleGraph, RelativeExtensionsIndexFilesAndTsEsmSpecifiers) {
  ModuleGraphFacts f;
  f.modules = {Module("src/app.tsx"), Module("src/lib/stripe.ts"), Module("src/ui/index.tsx"),
               Module("src/util.mjs")};
  ModuleGraph g(f, BuiltinKnowledge());
  EXPECT_EQ(ResolvedPath(g, "src/app.tsx", "./lib/stripe"), "src/lib/stripe.ts");
  EXPECT_EQ(ResolvedPath(g, "src/app.tsx", "./lib/stripe.js"), "src/lib/stripe.ts");
  EXPECT_EQ(ResolvedPath(g, "src/app.tsx", "./ui"), "src/ui/index.tsx");
  EXPECT_EQ(ResolvedPath(g, "src/lib/stripe.ts", "../util.mjs"), "src/util.mjs");
  EXPECT_EQ(ResolvedPath(g, "src/lib/stripe.ts", "../../../x"), "(none)");
  EXPECT_EQ(ResolvedPath(g, "src/app.tsx", "react"), "(none)");
}

TEST(ModuleGraph, TsconfigPathsAndBaseUrlThroughExtends) {
  ModuleGraphFacts f;
  f.modules = {Module("apps/web/app/page.tsx"), Module("apps/web/lib/stripe.ts"), Module("apps/web/src/components/x.ts")};
  TsConfig base;
  base.path = "tsconfig.base.json";
  TsConfig web;
  web.path = "apps/web/tsconfig.json";
  web.extends = "../../tsconfig.base.json";
  web.has_paths = true;
  web.paths = {{"@/*", {"./*"}}, {"@components/*", {"./src/components/*"}}};
  TsConfig other;
  other.path = "apps/api/tsconfig.json";
  other.extends = "../../tsconfig.base.json";
  f.tsconfigs = {base, web, other};
  ModuleGraph g(f, BuiltinKnowledge());
  EXPECT_EQ(ResolvedPath(g, "apps/web/app/page.tsx", "@/lib/stripe"), "apps/web/lib/stripe.ts");
  EXPECT_EQ(ResolvedPath(g, "apps/web/app/page.tsx", "@components/x"), "apps/web/src/components/x.ts");

  // baseUrl in the base config applies to the configs extending it, relative to the base.
  f.tsconfigs[0].has_base_url = true;
  f.tsconfigs[0].base_url = "./apps/web";
  f.modules.push_back(Module("apps/api/main.ts"));
  ModuleGraph g2(f, BuiltinKnowledge());
  EXPECT_EQ(ResolvedPath(g2, "apps/api/main.ts", "lib/stripe"), "apps/web/lib/stripe.ts");
}

TEST(ModuleGraph, WorkspacePackagesByNameExportsAndBuiltEntries) {
  ModuleGraphFacts f;
  f.modules = {Module("apps/web/src/main.tsx"), Module("packages/db/src/index.ts"),
               Module("packages/db/src/client.ts"), Module("packages/ui/src/index.tsx"),
               Module("packages/ui/src/button.tsx"), Module("packages/utils/index.js")};
  PackageManifest db;
  db.dir = "packages/db";
  db.name = "@acme/db";
  db.exports = {{".", "./dist/index.js"}, {"./client", "./dist/src/client.js"}};
  PackageManifest ui;
  ui.dir = "packages/ui";
  ui.name = "@acme/ui";
  ui.exports = {{"./*", "./src/*.tsx"}};
  PackageManifest utils;
  utils.dir = "packages/utils";
  utils.name = "utils";
  utils.entries = {"index.js"};
  f.manifests = {db, ui, utils};
  ModuleGraph g(f, BuiltinKnowledge());
  const std::string from = "apps/web/src/main.tsx";
  EXPECT_EQ(ResolvedPath(g, from, "@acme/db"), "packages/db/src/index.ts");
  EXPECT_EQ(ResolvedPath(g, from, "@acme/db/client"), "packages/db/src/client.ts");
  EXPECT_EQ(ResolvedPath(g, from, "@acme/db/other"), "(none)");  // not exported
  EXPECT_EQ(ResolvedPath(g, from, "@acme/ui/button"), "packages/ui/src/button.tsx");
  EXPECT_EQ(ResolvedPath(g, from, "utils"), "packages/utils/index.js");
  EXPECT_EQ(ResolvedPath(g, from, "@acme/other"), "(none)");
}

TEST(ModuleGraph, FrameworkAliases) {
  ModuleGraphFacts f;
  f.modules = {Module("web/src/routes/+page.svelte"), Module("web/src/lib/api.ts")};
  f.modules[0].framework = "sveltekit";
  PackageManifest web;
  web.dir = "web";
  f.manifests = {web};
  ModuleGraph g(f, BuiltinKnowledge());
  EXPECT_EQ(ResolvedPath(g, "web/src/routes/+page.svelte", "$lib/api"), "web/src/lib/api.ts");
}

// --- client reach --------------------------------------------------------------------------

std::vector<std::string> Rules(const ClientReach& r) {
  std::vector<std::string> v;
  for (const Finding& f : r.findings) v.push_back(f.rule_id + " " + f.location.path);
  return v;
}

TEST(ClientReach, SecretInASharedModuleImportedByClientCode) {
  ModuleGraphFacts f;
  f.modules = {Module("components/Pay.tsx", {"../lib/stripe"}, Side::kClient), Module("lib/stripe.ts"),
               Module("app/api/route.ts", {"../../lib/db"}), Module("lib/db.ts")};
  HeldSecret s;
  s.location.path = "lib/stripe.ts";
  s.what = "process.env.STRIPE_SECRET_KEY";
  f.modules[1].secrets.push_back(s);
  f.modules[1].server_sdks.push_back({s.location, "stripe", "stripe"});
  s.location.path = "lib/db.ts";
  f.modules[3].secrets.push_back(s);  // reached only from server code: silent
  ModuleGraph g(f, BuiltinKnowledge());
  ClientReach r = ComputeClientReach(g, BuiltinKnowledge());
  EXPECT_EQ(Rules(r), std::vector<std::string>{"client/server-module-in-client lib/stripe.ts"});
  ASSERT_EQ(r.findings[0].related.size(), 2u);  // the import, then the SDK import
  EXPECT_EQ(r.findings[0].related[0].location.path, "components/Pay.tsx");
  EXPECT_TRUE(r.nodes[1].client);
  EXPECT_FALSE(r.nodes[3].client);
  EXPECT_EQ(r.verbose_lines, std::vector<std::string>{
                                 "lib/stripe.ts: client code by import: components/Pay.tsx ('use client' "
                                 "directive) -> lib/stripe.ts"});
}

TEST(ClientReach, BoundariesTypeImportsAndServerExportImportsStopReach) {
  ModuleGraphFacts f;
  f.modules = {Module("pages/index.tsx", {"../lib/db.server", "../lib/types", "../lib/admin", "../lib/actions"},
                      Side::kClient),
               Module("lib/db.server.ts"), Module("lib/types.ts"), Module("lib/admin.ts"), Module("lib/actions.ts")};
  f.modules[1].side = Side::kServer;
  f.modules[1].boundary = true;
  f.modules[1].side_reason = "*.server.* module";
  f.modules[0].imports[1].type_only = true;
  f.modules[0].imports[2].server_use_only = true;
  f.modules[4].side = Side::kServer;
  f.modules[4].boundary = true;
  f.modules[4].server_functions = true;  // 'use server': called over the network
  for (size_t i : {2, 3}) {
    HeldSecret s;
    s.location.path = f.modules[i].path;
    s.what = "process.env.X_SECRET";
    f.modules[i].secrets.push_back(s);
  }
  ModuleGraph g(f, BuiltinKnowledge());
  ClientReach r = ComputeClientReach(g, BuiltinKnowledge());
  EXPECT_EQ(Rules(r), std::vector<std::string>{"client/server-only-in-client pages/index.tsx"});
  EXPECT_FALSE(r.nodes[2].client);
  EXPECT_FALSE(r.nodes[3].client);
}

TEST(ClientReach, HtmlScriptsAreEntriesAndTestsAreNot) {
  ModuleGraphFacts f;
  f.modules = {Module("web/src/main.tsx", {"./config"}), Module("web/src/config.ts"),
               Module("web/src/config.test.ts", {"./config"}, Side::kClient)};
  f.modules[2].is_test = true;
  HeldSecret s;
  s.location.path = "web/src/config.ts";
  s.what = "import.meta.env.API_SECRET";
  f.modules[1].secrets.push_back(s);
  ClientEntry e;
  e.location.path = "web/index.html";
  e.specifier = "./src/main.tsx";
  e.why = "script of index.html";
  f.entries.push_back(e);
  ModuleGraph g(f, BuiltinKnowledge());
  ClientReach r = ComputeClientReach(g, BuiltinKnowledge());
  EXPECT_EQ(Rules(r), std::vector<std::string>{"client/server-module-in-client web/src/config.ts"});
  EXPECT_TRUE(r.nodes[0].entry);
  EXPECT_FALSE(r.nodes[2].client);
}

}  // namespace
}  // namespace keylint
