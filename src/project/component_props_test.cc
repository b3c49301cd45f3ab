#include "project/component_props.h"

#include <gtest/gtest.h>

#include "builtin_knowledge.h"
#include "project/module_facts_testing.h"

namespace keylint {
namespace {

ModuleFacts Module(const std::string& path, std::vector<std::string> imports, Side side = Side::kUnknown) {
  ModuleFacts m = TestModule(path, std::move(imports), side);
  m.client_components = m.entry;
  return m;
}

SecretProp Prop(size_t import, int line) {
  SecretProp p;
  p.import = import;
  p.location.path = "app/page.tsx";
  p.location.line = line;
  p.what = "secret env var STRIPE_SECRET_KEY";
  p.sink = "prop `apiKey` of <Widget>";
  return p;
}

std::vector<int> Lines(const ModuleGraphFacts& f) {
  ModuleGraph g(f, BuiltinKnowledge());
  ClientReach r = ComputeClientReach(g, BuiltinKnowledge());
  std::vector<int> out;
  for (const Finding& x : SecretPropsToClientComponents(g, r, BuiltinKnowledge())) {
    EXPECT_EQ(x.rule_id, "client/secret-in-page-data");
    out.push_back(x.location.line);
  }
  return out;
}

TEST(SecretPropsToClientComponents, OnlyPropsOfClientComponentsGivenByServerCode) {
  ModuleGraphFacts f;
  f.modules.push_back(Module("app/page.tsx", {"../components/Widget", "../components/Panel"}, Side::kServer));
  f.modules.back().secret_props = {Prop(0, 3), Prop(1, 4)};
  f.modules.push_back(Module("components/Widget.tsx", {}, Side::kClient));
  f.modules.push_back(Module("components/Panel.tsx", {}));  // a Server Component
  EXPECT_EQ(Lines(f), std::vector<int>{3});
}

TEST(SecretPropsToClientComponents, ServerCodeClientCodeImportsIsReportedByReach) {
  ModuleGraphFacts f;
  f.modules.push_back(Module("app/page.tsx", {"../components/Widget"}, Side::kServer));
  f.modules.back().secret_props = {Prop(0, 3)};
  f.modules.push_back(Module("components/Widget.tsx", {"../app/page"}, Side::kClient));
  EXPECT_EQ(Lines(f), std::vector<int>{});
}

}  // namespace
}  // namespace keylint
