#include "analyze/carriers/raw_values.h"

#include <gtest/gtest.h>

#include "builtin_knowledge.h"

namespace keylint {
namespace {

// "KEY=value" for each assignment (the value as read), "<" for references.
std::vector<std::string> Pairs(const RawValues& raw, std::string_view text) {
  std::vector<std::string> out;
  for (const RawAssignment& a : raw.assignments) {
    std::string s = a.key + "=" + a.value;
    EXPECT_EQ(text.substr(a.key_begin, a.key_end - a.key_begin), a.key);
    EXPECT_EQ(text.substr(a.value_begin, a.value_end - a.value_begin), a.value);
    if (!a.profile.empty()) s = a.profile + ":" + s;
    if (a.reference_only) s += " <";
    out.push_back(s);
  }
  return out;
}

using V = std::vector<std::string>;

TEST(ReadDockerfileValues, EnvFormsArgDefaultsAndContinuations) {
  std::string text =
      "FROM node\n"
      "ARG NPM_TOKEN\n"
      "ARG REGION=eu\n"
      "ENV A=1 B=\"two words\" \\\n"
      "    C=$OTHER\n"
      "ENV LEGACY some value\n"
      "RUN echo X=1\n";
  RawValues raw;
  ReadDockerfileValues(text, &raw);
  EXPECT_EQ(Pairs(raw, text), (V{"REGION=eu", "A=1", "B=two words", "C=$OTHER <", "LEGACY=some value"}));
}

TEST(ReadShellAndMakefileValues, AssignmentsNotCommands) {
  std::string sh = "#!/bin/sh\nexport A=1 B='x y'\nC=\"$(cat f)\" ./run\nlocal D=2\necho E=3\n";
  RawValues raw;
  ReadShellValues(sh, &raw);
  EXPECT_EQ(Pairs(raw, sh), (V{"A=1", "B=x y", "C=$(cat f) <"}));

  std::string mk = "export NODE_ENV := development\nKEY ?= abc # note\nX = \"q\"\nall:\n\texport T=1; make\n\tY=2 run\n";
  RawValues m;
  ReadMakefileValues(mk, &m);
  EXPECT_EQ(Pairs(m, mk), (V{"NODE_ENV=development", "KEY=abc", "X=q", "T=1"}));
}

TEST(ReadHclValues, StringVariablesAndMapEntries) {
  std::string text = "region = \"eu\"\ncount = 3\ntags = { \"Team\" = \"core\", env = \"prod\" }\n# k = \"v\"\n";
  RawValues raw;
  ReadHclValues(text, &raw);
  EXPECT_EQ(Pairs(raw, text), (V{"region=eu", "Team=core", "env=prod"}));
}

TEST(ReadYamlValues, PathsProfilesListsAndTomlTables) {
  const StageKnowledge& k = BuiltinKnowledge().stages;
  const CarrierRule* compose = nullptr;
  const CarrierRule* netlify = nullptr;
  for (const CarrierRule& c : k.carriers) {
    if (c.what == "compose file") compose = &c;
    if (c.what == "Netlify config") netlify = &c;
  }
  ASSERT_TRUE(compose && netlify);
  YamlParser p;
  std::string yml =
      "x-env: &env\n  SHARED: one\n"
      "services:\n  a:\n    env_file: [.env, ./.env.prod]\n    environment:\n      <<: *env\n      K: \"v\"\n"
      "  b:\n    env_file:\n      - path: b.env\n    environment:\n      - L=w\n      - PASSTHROUGH\n";
  RawValues raw;
  ReadYamlValues(p.Parse(yml).root, yml, *compose, &raw);
  EXPECT_EQ(Pairs(raw, yml), (V{"K=v", "SHARED=one", "L=w"}));
  std::vector<std::string> loads;
  for (const RawLoad& l : raw.loads) loads.push_back(l.path);
  EXPECT_EQ(loads, (V{".env", "./.env.prod", "b.env"}));

  std::string toml =
      "[build.environment]\n  NODE_VERSION = \"20\"\n"
      "[context.production]\n  environment = { A = \"x\", B = 'y' }\n"
      "[context.\"deploy-preview\".environment]\n  C = \"z\" # comment\n[[redirects]]\n  from = \"/*\"\n";
  RawValues t;
  ReadYamlValues(ParseTomlTree(toml), toml, *netlify, &t);
  EXPECT_EQ(Pairs(t, toml), (V{"production:A=x", "production:B=y", "deploy-preview:C=z", "NODE_VERSION=20"}));
}

}  // namespace
}  // namespace keylint
