#include "analyze/ci/checks.h"

#include <gtest/gtest.h>

#include "analyze/ci/yaml_tree.h"
#include "builtin_knowledge.h"

namespace keylint {
namespace {

// "line rule-id level" for each finding on a workflow (or .gitlab-ci.yml) snippet.
std::vector<std::string> Check(const std::string& yaml, FileKind kind = FileKind::kGithubWorkflow) {
  Target t;
  t.path = kind == FileKind::kGithubWorkflow ? ".github/workflows/x.yml" : ".gitlab-ci.yml";
  t.bytes = yaml;
  FileFacts facts;
  facts.kind = kind;
  facts.stage = Stage::kCi;
  CiAnalyzer ci(BuiltinKnowledge());
  FileAnalysis out;
  ci.Analyze(t, facts, &out);
  std::vector<std::string> lines;
  for (const Finding& f : out.findings) {
    lines.push_back(std::to_string(f.location.line) + " " + f.rule_id + " " + LevelName(f.level));
  }
  return lines;
}

using V = std::vector<std::string>;

TEST(YamlTree, MapsSequencesScalarsAndSpans) {
  YamlParser p;
  ASSERT_TRUE(p.ok());
  std::string text = "on: [push, \"pull_request\"]\njobs:\n  a:\n    env:\n      K: 'v'\n";
  YamlDocument d = p.Parse(text);
  EXPECT_FALSE(d.has_error);
  ASSERT_NE(d.root.Get("on"), nullptr);
  ASSERT_EQ(d.root.Get("on")->seq.size(), 2u);
  EXPECT_EQ(d.root.Get("on")->seq[1].scalar, "pull_request");
  const YamlNode* k = d.root.Get("jobs")->Get("a")->Get("env")->Get("K");
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->scalar, "v");
  EXPECT_EQ(text.substr(k->begin, k->end - k->begin), "'v'");
}

TEST(YamlTree, MalformedInputIsAnErrorNotACrash) {
  YamlParser p;
  YamlDocument d = p.Parse("jobs:\n  a:\n    run: \"open\n  b: [1, 2\n");
  EXPECT_TRUE(d.has_error);
  EXPECT_FALSE(p.Parse("").has_error);
  // Nesting past the Builder's limit is an error; flow nesting past kMaxYamlFlowDepth is not
  // parsed at all (tree-sitter-yaml's recovery is quadratic in it) and says why.
  std::string deep;
  for (int i = 0; i < 300; ++i) deep += std::string(i, ' ') + "a:\n";
  EXPECT_TRUE(p.Parse(deep).has_error);
  YamlDocument flow = p.Parse(std::string(5000, '['));
  EXPECT_FALSE(flow.has_error);
  EXPECT_EQ(flow.not_parsed, "'[' and '{' nest 5000 levels deep (over 128)");
  EXPECT_TRUE(p.Parse(std::string(100, '[') + std::string(100, ']')).not_parsed.empty());
}

TEST(CiAnalyzer, ProdSecretInPullRequestTestJob) {
  EXPECT_EQ(Check("on: pull_request\n"
                  "jobs:\n"
                  "  test:\n"
                  "    runs-on: ubuntu-latest\n"
                  "    steps:\n"
                  "      - run: npm test\n"
                  "        env:\n"
                  "          KEY: ${{ secrets.STRIPE_KEY_PROD }}\n"),
            (V{"8 stage/prod-secret-in-ci error"}));
}

TEST(CiAnalyzer, ProdNamedEnvKeyCountsToo) {
  EXPECT_EQ(Check("on: pull_request_target\n"
                  "jobs:\n"
                  "  t:\n"
                  "    env:\n"
                  "      NANGO_SECRET_KEY_PROD: ${{ secrets.NANGO }}\n"),
            (V{"5 stage/prod-secret-in-ci error"}));
}

TEST(CiAnalyzer, GatedDeployOnPushIsFine) {
  EXPECT_EQ(Check("on:\n  push:\n    branches: [main]\n"
                  "jobs:\n"
                  "  deploy:\n"
                  "    environment: production\n"
                  "    env:\n"
                  "      K: ${{ secrets.STRIPE_KEY_LIVE }}\n"
                  "    steps:\n      - run: ./deploy.sh\n"),
            V{});
}

TEST(CiAnalyzer, UngatedPushDeployGetsANote) {
  EXPECT_EQ(Check("on: push\n"
                  "jobs:\n"
                  "  deploy:\n"
                  "    env:\n"
                  "      K: ${{ secrets.NANGO_SECRET_KEY_PROD }}\n"),
            (V{"5 config/ci-prod-secret-without-environment note"}));
}

TEST(CiAnalyzer, JobConditionedOnPushDoesNotRunOnPullRequests) {
  EXPECT_EQ(Check("on: [push, pull_request]\n"
                  "jobs:\n"
                  "  deploy:\n"
                  "    if: github.event_name == 'push'\n"
                  "    environment: production\n"
                  "    steps:\n      - run: ./d.sh ${{ secrets.TOKEN_PROD }}\n"),
            V{});
}

TEST(CiAnalyzer, WorkflowEnvSharedByJobs) {
  EXPECT_EQ(Check("on: push\n"
                  "env:\n  DB: ${{ secrets.DATABASE_URL_PRODUCTION }}\n"
                  "jobs:\n  a:\n    runs-on: x\n  b:\n    runs-on: x\n"),
            (V{"3 stage/prod-secret-in-ci error"}));
}

TEST(CiAnalyzer, UntrustedCheckoutWithSecrets) {
  EXPECT_EQ(Check("on: pull_request_target\n"
                  "jobs:\n"
                  "  build:\n"
                  "    steps:\n"
                  "      - uses: actions/checkout@v4\n"
                  "        with:\n"
                  "          ref: ${{ github.event.pull_request.head.sha }}\n"
                  "      - run: npm run build\n"
                  "        env:\n"
                  "          T: ${{ secrets.NPM_TOKEN }}\n"),
            (V{"7 config/ci-untrusted-checkout error"}));
  // No secrets but GITHUB_TOKEN: nothing to steal beyond the token's scope.
  EXPECT_EQ(Check("on: pull_request_target\n"
                  "jobs:\n  b:\n    steps:\n"
                  "      - uses: actions/checkout@v4\n"
                  "        with:\n          ref: ${{ github.head_ref }}\n"
                  "      - run: x ${{ secrets.GITHUB_TOKEN }}\n"),
            V{});
}

TEST(CiAnalyzer, SecretsInheritAndAutoConfirm) {
  EXPECT_EQ(Check("on: push\n"
                  "jobs:\n"
                  "  call:\n"
                  "    uses: org/repo/.github/workflows/d.yml@main\n"
                  "    secrets: inherit\n"
                  "  deploy:\n"
                  "    env:\n"
                  "      NANGO_DEPLOY_AUTO_CONFIRM: true\n"
                  "    steps:\n"
                  "      - run: nango deploy dev --auto-confirm\n"),
            (V{"5 config/ci-secrets-inherit warning", "8 config/ci-auto-confirm warning",
               "10 config/ci-auto-confirm warning"}));
  EXPECT_EQ(Check("on: workflow_dispatch\n"
                  "jobs:\n  deploy:\n    env:\n      NANGO_DEPLOY_AUTO_CONFIRM: true\n"),
            V{});
}

TEST(CiAnalyzer, YamlErrorIsAFindingAndTheRestIsStillChecked) {
  V got = Check("on: pull_request\njobs:\n  t:\n    env:\n      K: ${{ secrets.KEY_PROD }}\n"
                "    steps:\n      - run: \"unclosed\n");
  ASSERT_FALSE(got.empty());
  EXPECT_NE(std::find(got.begin(), got.end(), "5 stage/prod-secret-in-ci error"), got.end());
  bool yaml_error = false;
  for (const std::string& g : got) yaml_error = yaml_error || g.find("ci-yaml-error") != std::string::npos;
  EXPECT_TRUE(yaml_error);
}

TEST(CiAnalyzer, GitlabMergeRequestJob) {
  EXPECT_EQ(Check("test:\n"
                  "  rules:\n"
                  "    - if: $CI_PIPELINE_SOURCE == \"merge_request_event\"\n"
                  "  script:\n"
                  "    - npm test $STRIPE_KEY_LIVE\n"
                  "deploy:\n"
                  "  environment: production\n"
                  "  script:\n"
                  "    - ./d.sh $STRIPE_KEY_LIVE\n",
                  FileKind::kGitlabCi),
            (V{"5 stage/prod-secret-in-ci error"}));
}

TEST(YamlTree, AliasesAndMergeKeysResolve) {
  YamlParser p;
  std::string text =
      "base: &base\n  A: 1\n  B: 2\nuse:\n  <<: *base\n  B: 3\nlist: [*base]\nboth:\n  <<: [*base]\n";
  YamlDocument d = p.Parse(text);
  ASSERT_FALSE(d.has_error);
  const YamlNode* use = d.root.Get("use");
  ASSERT_NE(use, nullptr);
  ASSERT_NE(use->Get("A"), nullptr);
  EXPECT_EQ(use->Get("A")->scalar, "1");
  EXPECT_EQ(use->Get("B")->scalar, "3");  // the map's own key wins over the merged one
  EXPECT_EQ(use->Get("<<"), nullptr);
  // The copy keeps the anchor's position: findings point at the text that holds the value.
  EXPECT_EQ(text.substr(use->Get("A")->begin, 1), "1");
  EXPECT_EQ(d.root.Get("list")->seq.at(0).Get("B")->scalar, "2");
  EXPECT_EQ(d.root.Get("both")->Get("A")->scalar, "1");
}

TEST(YamlTree, AliasBombStopsAtItsBudget) {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'k'; ++c, ++prev) {
    text += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) text += std::string(i ? ", *" : "*") + prev;
    text += "]\n";
  }
  YamlParser p;
  YamlDocument d = p.Parse(text);  // 10^11 nodes if expanded: must return, and quickly
  EXPECT_NE(d.root.Get("k"), nullptr);
}

TEST(CiAnalyzer, SecretsPrintedToLogs) {
  EXPECT_EQ(Check("on: push\n"
                  "jobs:\n"
                  "  b:\n"
                  "    env:\n"
                  "      TOKEN: ${{ secrets.NPM_TOKEN }}\n"
                  "      ZONE: ${{ secrets.CF_ZONE_ID }}\n"
                  "    steps:\n"
                  "      - run: echo ${{ secrets.X }}\n"
                  "      - run: |\n"
                  "          set -eux\n"
                  "          curl -H \"Authorization: $TOKEN\" x\n"
                  "      - run: echo \"$ZONE\"\n"                 // an id kept in secrets
                  "      - run: echo \"$TOKEN\" | base64 -d > k\n"  // piped, not printed
                  "      - run: env | sort\n"
                  "      - run: env FOO=1 make\n"),
            (V{"8 config/ci-secret-in-log warning", "10 config/ci-secret-in-log warning",
               "14 config/ci-secret-in-log warning"}));
}

TEST(CiAnalyzer, GitlabExtendsWorkflowRulesAndExcept) {
  const char* const yaml =
      "workflow:\n"
      "  rules:\n"
      "    - if: $CI_PIPELINE_SOURCE == \"merge_request_event\"\n"
      "    - if: $CI_COMMIT_TAG\n"
      ".t:\n"
      "  variables:\n"
      "    K: $KEY_PROD\n"
      "a:\n"
      "  extends: .t\n"
      "  script: [make]\n"
      "b:\n"
      "  except: [merge_requests]\n"
      "  script: [./x $KEY_PROD]\n";
  EXPECT_EQ(Check(yaml, FileKind::kGitlabCi),
            (V{"7 stage/prod-secret-in-ci error",
               "13 config/ci-prod-secret-without-environment note"}));
}

}  // namespace
}  // namespace keylint
