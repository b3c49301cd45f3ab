// The command line as users script against it: exit codes, errors that say where, reports that
// never hold a secret, and the git modes (--staged, --diff) on real repositories.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace keylint::testing {
namespace {

namespace fs = std::filesystem;

// Built from pieces so that this source file holds no secret-shaped literal.
const std::string kStripeLive = std::string("sk_") + "live_" + "4fQ9zR2mX7vK1pL8sT3wY6bN";
const std::string kGithubPat = std::string("ghp_") + "Zx8Qm2Lk5Vb9Nc3Rt7Yw1Pa4Sd6Fg0Hj2Kl8";

std::string Keylint(const std::string& args) { return ShellQuote(KeylintBinary()) + " " + args; }

nlohmann::json Json(const CommandResult& r) {
  return nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
}

// A repository with one committed secret in server code.
struct Repo {
  Repo() {
    dir.Write("server/pay.py", "import stripe\nstripe.api_key = \"" + kStripeLive + "\"\n");
    dir.Write("README.md", "# demo\n");
    setup = MakeGitRepo(dir.path());
  }
  TempDir dir;
  std::string setup;
};

TEST(Cli, VersionAndHelpExitZero) {
  CommandResult r = RunCommand(Keylint("--version"), ".");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("keylint ", 0), 0u);
  EXPECT_EQ(RunCommand(Keylint("scan --help"), ".").exit_code, 0);
}

TEST(Cli, BadArgumentsExitTwo) {
  EXPECT_EQ(RunCommand(Keylint("scan --format xml ."), ".").exit_code, 2);
  EXPECT_EQ(RunCommand(Keylint("scan --fail-level fatal ."), ".").exit_code, 2);
  EXPECT_EQ(RunCommand(Keylint("frobnicate"), ".").exit_code, 2);
}

TEST(Cli, MissingPathExitsTwoAndNamesIt) {
  TempDir d;
  CommandResult r = RunCommand(Keylint("scan no/such/dir"), d.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no/such/dir"), std::string::npos) << r.err;
}

TEST(Cli, FindingExitsOneAndTextNamesPlaceWithoutTheSecret) {
  Repo repo;
  ASSERT_EQ(repo.setup, "");
  CommandResult r = RunCommand(Keylint("scan"), repo.dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("server/pay.py:2:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("error hardcoded/stripe-secret-key"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find(kStripeLive), std::string::npos);
  EXPECT_EQ(r.err.find(kStripeLive), std::string::npos);
}

TEST(Cli, FailLevelNoneExitsZero) {
  Repo repo;
  ASSERT_EQ(repo.setup, "");
  EXPECT_EQ(RunCommand(Keylint("scan --fail-level none"), repo.dir.path()).exit_code, 0);
}

TEST(Cli, BrokenConfigExitsTwoWithFileAndLine) {
  Repo repo;
  repo.dir.Write(".keylint.toml", "format = 1\n[settings]\nseverty = 3\n");
  CommandResult r = RunCommand(Keylint("scan"), repo.dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(".keylint.toml:3: unknown key 'severty'"), std::string::npos) << r.err;
}

TEST(Cli, ConfigCanRelevelARule) {
  Repo repo;
  repo.dir.Write(".keylint.toml", "[rules.\"hardcoded/stripe-secret-key\"]\nlevel = \"warning\"\n");
  CommandResult r = RunCommand(Keylint("scan --format json"), repo.dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Json(r)["findings"][0]["level"], "warning");
}

TEST(Cli, ConfigSkipPathsAddToTheBuiltInOnes) {
  Repo repo;
  repo.dir.Write("legacy/old.py", "K = \"" + kGithubPat + "\"\n");
  repo.dir.Write(".keylint.toml", "[settings]\nskip_paths = [\"legacy/\"]\n");
  CommandResult r = RunCommand(Keylint("scan --format json"), repo.dir.path());
  nlohmann::json j = Json(r);
  ASSERT_EQ(j["findings"].size(), 1u) << r.out;  // server/pay.py only
  EXPECT_EQ(j["findings"][0]["path"], "server/pay.py");
  EXPECT_NE(j["skipped"].dump().find("skip_paths: legacy/"), std::string::npos) << j["skipped"].dump();
}

TEST(Cli, StagedOutsideGitExitsTwo) {
  TempDir d;
  d.Write("a.txt", "hello\n");
  CommandResult r = RunCommand(Keylint("scan --staged"), d.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("git"), std::string::npos) << r.err;
}

TEST(Cli, StagedScansTheIndexNotTheWorkingTree) {
  Repo repo;
  ASSERT_EQ(repo.setup, "");
  // Stage a secret, then remove it from the working tree only: the commit would still hold it.
  repo.dir.Write("server/gh.py", "TOKEN = \"" + kGithubPat + "\"\n");
  ASSERT_EQ(RunCommand("git add server/gh.py", repo.dir.path()).exit_code, 0);
  repo.dir.Write("server/gh.py", "TOKEN = os.environ['GH_TOKEN']\n");
  CommandResult r = RunCommand(Keylint("scan --staged --format json"), repo.dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  nlohmann::json j = Json(r);
  ASSERT_EQ(j["findings"].size(), 1u) << r.out;  // pay.py is committed, not staged
  EXPECT_EQ(j["findings"][0]["path"], "server/gh.py");
}

TEST(Cli, DiffReportsOnlyChangedLines) {
  Repo repo;
  ASSERT_EQ(repo.setup, "");
  repo.dir.Write("server/gh.py", "TOKEN = \"" + kGithubPat + "\"\n");
  CommandResult r = RunCommand(Keylint("scan --diff HEAD --format json"), repo.dir.path());
  nlohmann::json j = Json(r);
  ASSERT_EQ(j["findings"].size(), 1u) << r.out << r.err;
  EXPECT_EQ(j["findings"][0]["path"], "server/gh.py");
  EXPECT_EQ(RunCommand(Keylint("scan --diff no-such-ref"), repo.dir.path()).exit_code, 2);
}

TEST(Cli, BaselineHidesKnownFindingsOnly) {
  Repo repo;
  ASSERT_EQ(repo.setup, "");
  CommandResult b = RunCommand(Keylint("baseline -o base.txt"), repo.dir.path());
  ASSERT_EQ(b.exit_code, 0) << b.err;
  std::ifstream in(repo.dir.path() + "/base.txt");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text.find(kStripeLive), std::string::npos);
  EXPECT_EQ(RunCommand(Keylint("scan --baseline base.txt"), repo.dir.path()).exit_code, 0);
  // Moving the secret down a line keeps it hidden; a new secret is reported.
  repo.dir.Write("server/pay.py", "import stripe\n\n\nstripe.api_key = \"" + kStripeLive + "\"\n");
  EXPECT_EQ(RunCommand(Keylint("scan --baseline base.txt"), repo.dir.path()).exit_code, 0);
  repo.dir.Write("server/gh.py", "TOKEN = \"" + kGithubPat + "\"\n");
  CommandResult r = RunCommand(Keylint("scan --baseline base.txt --format json"), repo.dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(Json(r)["findings"].size(), 1u);
}

TEST(Cli, InlineIgnoreAndIgnoreFileSuppress) {
  TempDir d;
  d.Write("a/one.py", "# keylint:ignore -- fixture\nK = \"" + kStripeLive + "\"\n");
  d.Write("b/two.py", "K = \"" + kGithubPat + "\"\n");
  d.Write(".keylintignore", "b/\n");
  ASSERT_EQ(MakeGitRepo(d.path()), "");
  CommandResult r = RunCommand(Keylint("scan --format json"), d.path());
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(Json(r)["summary"]["suppressed"], 2);
  CommandResult all = RunCommand(Keylint("scan --format json --include-suppressed"), d.path());
  EXPECT_EQ(Json(all)["findings"].size(), 2u);
}

TEST(Cli, BinaryAndUnreadableFilesAreReportedNotLost) {
  TempDir d;
  d.Write("bin.dat", std::string("abc\0def", 7));
  d.Write("ok.py", "x = 1\n");
  fs::create_symlink("missing-target", fs::path(d.path()) / "dangling.py");
  CommandResult r = RunCommand(Keylint("scan --format json ."), d.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json j = Json(r);
  std::string all = j["skipped"].dump() + j["notifications"].dump();
  EXPECT_NE(all.find("bin.dat"), std::string::npos) << all;
  EXPECT_NE(all.find("dangling.py"), std::string::npos) << all;
}

TEST(Cli, VerboseSaysWhyEachFileWasSkippedOrHowItWasClassified) {
  TempDir d;
  d.Write("bin.dat", std::string("abc\0def", 7));
  d.Write("node_modules/x/index.js", "module.exports = 1;\n");
  d.Write(".env.production", "A=1\n");
  CommandResult r = RunCommand(Keylint("scan -v ."), d.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("bin.dat: skipped: binary"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("node_modules/: skipped: skip_paths: node_modules/"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(".env.production: dotenv, side unknown"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("stage prod"), std::string::npos) << r.err;
}

TEST(Cli, VerboseSaysEachConfigFilesStageAndWhy) {
  TempDir d;
  d.Write("docker-compose.override.yml", "services: {}\n");
  d.Write("deploy/overlays/production/kustomization.yaml", "resources: []\n");
  d.Write("Dockerfile", "FROM node\nENV NODE_ENV=production\n");
  d.Write("eas.json", "{}\n");
  CommandResult r = RunCommand(Keylint("scan -v ."), d.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const char* line :
       {"docker-compose.override.yml: yaml, side unknown (not JavaScript or TypeScript source), "
        "stage dev (compose file, file name word 'override')",
        "deploy/overlays/production/kustomization.yaml: yaml, side unknown (not JavaScript or "
        "TypeScript source), stage prod (Kustomize file in folder 'production')",
        "Dockerfile: other, side unknown (not JavaScript or TypeScript source), stage prod "
        "(Dockerfile, NODE_ENV=production in the file)",
        "eas.json: json, side unknown (not JavaScript or TypeScript source), stage unknown (EAS "
        "build profile: each value takes the stage its profile or context names)"}) {
    EXPECT_NE(r.err.find(line), std::string::npos) << line << "\n" << r.err;
  }
}

TEST(Cli, OutputDoesNotDependOnJobs) {
  Repo repo;
  ASSERT_EQ(repo.setup, "");
  for (int i = 0; i < 20; ++i) {
    repo.dir.Write("server/m" + std::to_string(i) + ".py", "K = \"" + kGithubPat + "\"\n");
  }
  // Files over 1 MiB are taken first, largest first: the work order is not the path order.
  std::string filler;
  for (int i = 0; i < 120000; ++i) filler += "x = " + std::to_string(i) + "\n";
  repo.dir.Write("server/big1.py", filler + "K = \"" + kGithubPat + "\"\n");
  repo.dir.Write("server/big2.py", filler + filler + "K = \"" + kGithubPat + "\"\n");
  CommandResult one = RunCommand(Keylint("scan --format sarif -j 1"), repo.dir.path());
  CommandResult two = RunCommand(Keylint("scan --format sarif -j 4"), repo.dir.path());
  CommandResult all = RunCommand(Keylint("scan --format sarif"), repo.dir.path());
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(one.out, all.out);
  EXPECT_NE(one.out.find("server/big1.py"), std::string::npos);
  EXPECT_NE(one.out.find("server/big2.py"), std::string::npos);
}

TEST(Cli, SarifValidatesAndVerboseLeaksNothing) {
  Repo repo;
  ASSERT_EQ(repo.setup, "");
  CommandResult r = RunCommand(Keylint("scan -v --format sarif -o out.sarif"), repo.dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("server/pay.py"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(kStripeLive), std::string::npos);
  CommandResult v = ValidateSarif(repo.dir.path() + "/out.sarif");
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
}

TEST(Cli, RulesAndExplain) {
  CommandResult rules = RunCommand(Keylint("rules --format json"), ".");
  ASSERT_EQ(rules.exit_code, 0);
  EXPECT_GE(Json(rules).size(), 80u);
  CommandResult e = RunCommand(Keylint("explain hardcoded/stripe-secret-key"), ".");
  EXPECT_EQ(e.exit_code, 0);
  EXPECT_NE(e.out.find("hardcoded/stripe-secret-key"), std::string::npos);
  EXPECT_EQ(RunCommand(Keylint("explain hardcoded/nope"), ".").exit_code, 2);
}

}  // namespace
}  // namespace keylint::testing
