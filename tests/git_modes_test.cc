// The git modes as CI and pre-commit use them, on real repositories: --diff against the merge
// base (and A...B), what a shallow clone lacks, --history over every commit of a range, partial
// scans that still see the committed env files (same rule ids and fingerprints as a full scan),
// a repository owned by another user, and standard input.
#include <unistd.h>

#include <filesystem>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace keylint::testing {
namespace {

namespace fs = std::filesystem;

// Built from pieces so that this source file holds no secret-shaped literal.
const std::string kStripeLive = std::string("sk_") + "live_" + "4fQ9zR2mX7vK1pL8sT3wY6bN";
const std::string kGithubPat = std::string("ghp_") + "Zx8Qm2Lk5Vb9Nc3Rt7Yw1Pa4Sd6Fg0Hj2Kl8";
// A high-entropy value under a secret name: only the cross-file check ties it to production.
const std::string kSharedSecret = std::string("Xq8v") + "Lw2mT9rB4nK7pZ3cF6hJ1sD5gY0aE";

std::string Keylint(const std::string& args) { return ShellQuote(KeylintBinary()) + " " + args; }

CommandResult Git(const std::string& args, const std::string& dir) {
  return RunCommand("git -c user.email=t@keylint.invalid -c user.name=t -c commit.gpgsign=false " + args, dir);
}

// "path rule-id fingerprint" of every finding in a JSON report.
std::set<std::string> FindingKeys(const std::string& json_text, const std::string& only_path = "") {
  std::set<std::string> keys;
  nlohmann::json j = nlohmann::json::parse(json_text, nullptr, false);
  if (!j.is_object()) return {"<not json>"};
  for (const nlohmann::json& f : j["findings"]) {
    std::string path = f["path"];
    if (!only_path.empty() && path != only_path) continue;
    keys.insert(path + " " + f["rule_id"].get<std::string>() + " " + f["fingerprint"].get<std::string>());
  }
  return keys;
}

// main: legacy.py holds an old key, then a cleanup commit removes it. feature branches off
// before the cleanup and adds feature.py with a new key.
struct BranchedRepo {
  BranchedRepo() {
    dir.Write("README.md", "# app\n");
    dir.Write("legacy.py", "KEY = \"" + kStripeLive + "\"\n");
    setup = MakeGitRepo(dir.path());
    if (!setup.empty()) return;
    Git("checkout -q -b feature", dir.path());
    dir.Write("feature.py", "token = \"" + kGithubPat + "\"\n");
    Git("add feature.py", dir.path());
    Git("commit -q -m feature", dir.path());
    Git("checkout -q main", dir.path());
    Git("rm -q legacy.py", dir.path());
    Git("commit -q -m cleanup", dir.path());
  }
  TempDir dir;
  std::string setup;
};

TEST(GitDiff, ComparesWithTheMergeBaseNotTheTipOfRef) {
  BranchedRepo repo;
  ASSERT_EQ(repo.setup, "");
  ASSERT_EQ(Git("checkout -q feature", repo.dir.path()).exit_code, 0);
  // Against main's tip, legacy.py would look added by the branch; it was there at the fork.
  CommandResult r = RunCommand(Keylint("scan --diff main --format json"), repo.dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  std::set<std::string> keys = FindingKeys(r.out);
  ASSERT_EQ(keys.size(), 1u) << r.out;
  EXPECT_EQ(keys.begin()->rfind("feature.py hardcoded/github-", 0), 0u) << *keys.begin();
  // The same with the explicit A...B spelling, and with B = HEAD.
  EXPECT_EQ(FindingKeys(RunCommand(Keylint("scan --diff main...HEAD --format json"), repo.dir.path()).out), keys);
  EXPECT_EQ(FindingKeys(RunCommand(Keylint("scan --diff main... --format json"), repo.dir.path()).out), keys);
}

TEST(GitDiff, TripleDotReadsABranchThatIsNotCheckedOut) {
  BranchedRepo repo;
  ASSERT_EQ(repo.setup, "");  // main is checked out; feature.py is not in the work tree
  CommandResult r = RunCommand(Keylint("scan --diff main...feature --format json"), repo.dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  std::set<std::string> keys = FindingKeys(r.out);
  ASSERT_EQ(keys.size(), 1u) << r.out;
  EXPECT_EQ(keys.begin()->rfind("feature.py ", 0), 0u);
  CommandResult bad = RunCommand(Keylint("scan --diff main...nosuchbranch"), repo.dir.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("nosuchbranch"), std::string::npos) << bad.err;
}

TEST(GitDiff, ShallowCloneSaysWhatToFetch) {
  BranchedRepo repo;
  ASSERT_EQ(repo.setup, "");
  TempDir clones;
  const std::string clone = clones.path() + "/clone";
  ASSERT_EQ(RunCommand("git clone -q --depth 1 --branch feature file://" + repo.dir.path() + " " + clone, ".").exit_code, 0);
  ASSERT_EQ(Git("fetch -q --depth 1 origin main:refs/remotes/origin/main", clone).exit_code, 0);
  CommandResult r = RunCommand(Keylint("scan --diff origin/main"), clone);
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.err.find("merge base"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("shallow clone"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("fetch-depth: 0"), std::string::npos) << r.err;
  CommandResult missing = RunCommand(Keylint("scan --diff origin/develop"), clone);
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("shallow clone"), std::string::npos) << missing.err;
  // With the history fetched, the same command works.
  ASSERT_EQ(Git("fetch -q --unshallow origin", clone).exit_code, 0);
  ASSERT_EQ(Git("fetch -q origin main:refs/remotes/origin/main", clone).exit_code, 0);
  EXPECT_EQ(RunCommand(Keylint("scan --diff origin/main"), clone).exit_code, 1);
}

TEST(GitHistory, AKeyAddedThenRemovedIsStillReported) {
  TempDir dir;
  dir.Write("README.md", "# app\n");
  ASSERT_EQ(MakeGitRepo(dir.path()), "");
  const std::string base = RunCommand("git rev-parse HEAD", dir.path()).out.substr(0, 40);
  dir.Write("config.py", "STRIPE = \"" + kStripeLive + "\"\n");
  ASSERT_EQ(Git("add config.py", dir.path()).exit_code, 0);
  ASSERT_EQ(Git("commit -q -m add-key", dir.path()).exit_code, 0);
  const std::string leaked = RunCommand("git rev-parse HEAD", dir.path()).out.substr(0, 40);
  dir.Write("config.py", "import os\nSTRIPE = os.environ[\"STRIPE\"]\n");
  ASSERT_EQ(Git("commit -q -am remove-key", dir.path()).exit_code, 0);

  // The end state is clean...
  EXPECT_EQ(RunCommand(Keylint("scan"), dir.path()).exit_code, 0);
  // ...but the range leaked it, and the report says in which commit.
  CommandResult r = RunCommand(Keylint("scan --history " + base + "..HEAD --format json"), dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["findings"].size(), 1u) << r.out;
  EXPECT_EQ(j["findings"][0]["path"], "config.py");
  EXPECT_EQ(j["findings"][0]["rule_id"], "hardcoded/stripe-secret-key");
  EXPECT_EQ(j["findings"][0]["properties"]["commit"], leaked);
  EXPECT_NE(j["findings"][0]["message"].get<std::string>().find(leaked.substr(0, 12)), std::string::npos);
  EXPECT_EQ(r.out.find(kStripeLive), std::string::npos);
  // One REV means all of its history; a range after the leak is clean.
  EXPECT_EQ(RunCommand(Keylint("scan --history HEAD"), dir.path()).exit_code, 1);
  EXPECT_EQ(RunCommand(Keylint("scan --history " + leaked + "..HEAD"), dir.path()).exit_code, 0);
  // The GitLab report names the leaking commit, not HEAD.
  ASSERT_EQ(RunCommand(Keylint("scan --history " + base + "..HEAD --format gitlab-secret-detection -o gl.json"),
                       dir.path()).exit_code, 1);
  nlohmann::json gl = nlohmann::json::parse(ReadFile(dir.path() + "/gl.json"));
  EXPECT_EQ(gl["vulnerabilities"][0]["location"]["commit"]["sha"], leaked);
  EXPECT_EQ(ValidateGitlab("secret-detection", dir.path() + "/gl.json").exit_code, 0);
  EXPECT_EQ(RunCommand(Keylint("scan --history nosuch..HEAD"), dir.path()).exit_code, 2);
}

// Two committed env files share one secret value: only the cross-file check sees it.
struct EnvRepo {
  EnvRepo() {
    dir.Write(".env.production", "PAYMENTS_API_SECRET=" + kSharedSecret + "\n");
    dir.Write(".env.development", "PAYMENTS_API_SECRET=" + kSharedSecret + "\nDEBUG=1\n");
    dir.Write("README.md", "# app\n");
    setup = MakeGitRepo(dir.path());
  }
  TempDir dir;
  std::string setup;
};

TEST(PartialScans, StagedAndFileRunsSeeTheCommittedEnvFiles) {
  EnvRepo repo;
  ASSERT_EQ(repo.setup, "");
  const std::string dev = ".env.development";
  std::set<std::string> full = FindingKeys(RunCommand(Keylint("scan --format json"), repo.dir.path()).out, dev);
  bool cross_file = false;
  for (const std::string& k : full) cross_file = cross_file || k.find(" stage/") != std::string::npos;
  ASSERT_TRUE(cross_file) << "the full scan should tie the dev file to production";

  // A file-argument run (what the pre-commit hook does) reports the same ids and fingerprints.
  EXPECT_EQ(FindingKeys(RunCommand(Keylint("scan --format json " + dev), repo.dir.path()).out, dev), full);

  // So does --staged after an unrelated edit to the dev file is staged.
  repo.dir.Write(dev, "PAYMENTS_API_SECRET=" + kSharedSecret + "\nDEBUG=1\nLOG_LEVEL=debug\n");
  ASSERT_EQ(Git("add " + dev, repo.dir.path()).exit_code, 0);
  CommandResult staged = RunCommand(Keylint("scan --staged --format json"), repo.dir.path());
  EXPECT_EQ(FindingKeys(staged.out, dev), full) << staged.out;
  // Context files are read, not reported: only the staged file is in the report.
  for (const std::string& k : FindingKeys(staged.out)) EXPECT_EQ(k.rfind(dev + " ", 0), 0u) << k;
  EXPECT_EQ(nlohmann::json::parse(staged.out)["summary"]["files_scanned"], 1);

  // A baseline made from a full scan holds in pre-commit.
  ASSERT_EQ(RunCommand(Keylint("baseline -o keylint.baseline"), repo.dir.path()).exit_code, 0);
  CommandResult held = RunCommand(Keylint("scan --staged --baseline keylint.baseline"), repo.dir.path());
  EXPECT_EQ(held.exit_code, 0) << held.out << held.err;
  EXPECT_EQ(RunCommand(Keylint("scan --baseline keylint.baseline " + dev), repo.dir.path()).exit_code, 0);
}

TEST(SafeDirectory, RepositoryOwnedByAnotherUserIsReadAsGitWithAWarning) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root to give the repository to another user";
  TempDir dir;
  dir.Write(".gitignore", ".env.local\n");
  dir.Write(".env.local", "STRIPE_SECRET_KEY=" + kStripeLive + "\n");
  dir.Write("README.md", "# app\n");
  ASSERT_EQ(MakeGitRepo(dir.path()), "");
  ASSERT_EQ(RunCommand("chown -R 65534:65534 .", dir.path()).exit_code, 0);
  // git itself refuses it...
  CommandResult git = RunCommand("env HOME=/nonexistent git status", dir.path());
  ASSERT_NE(git.exit_code, 0);
  ASSERT_NE(git.err.find("safe.directory"), std::string::npos) << git.err;
  // ...keylint reads it as git, and says so in the report, never as a plain folder.
  CommandResult r = RunCommand("env HOME=/nonexistent " + Keylint("scan --format json"), dir.path());
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_TRUE(j.is_object()) << r.out << r.err;
  bool warned = false;
  for (const nlohmann::json& n : j["notifications"]) {
    warned = warned || n["message"].get<std::string>().find("safe.directory") != std::string::npos;
  }
  EXPECT_TRUE(warned) << r.out;
  // Git mode: the ignored local env file is read as a local env file (no hardcoded/ finding for
  // a secret where it belongs), and --staged works.
  for (const nlohmann::json& f : j["findings"]) EXPECT_NE(f["rule_id"].get<std::string>().rfind("hardcoded/", 0), 0u) << f;
  EXPECT_EQ(RunCommand("env HOME=/nonexistent " + Keylint("scan --staged"), dir.path()).exit_code, 0);
}

TEST(Stdin, DashReadsStandardInputUnderTheGivenName) {
  TempDir dir;
  dir.Write("input.env", "API=" + kStripeLive + "\n");
  CommandResult r = RunCommand(Keylint("scan - --stdin-filename config/.env.development < input.env"), dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("config/.env.development:1:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("stage/prod-key-in-dev-env"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find(kStripeLive), std::string::npos);
  // /dev/stdin is standard input too: it never passes as a skipped symlink.
  dir.Write("pay.py", "stripe.api_key = \"" + kStripeLive + "\"\n");
  CommandResult dev = RunCommand(Keylint("scan /dev/stdin < pay.py"), dir.path());
  EXPECT_EQ(dev.exit_code, 1) << dev.out << dev.err;
  EXPECT_NE(dev.out.find("stdin:1:"), std::string::npos) << dev.out;
  CommandResult piped = RunCommand("cat pay.py | " + Keylint("scan - --stdin-filename app/pay.py"), dir.path());
  EXPECT_NE(piped.out.find("app/pay.py:1:"), std::string::npos) << piped.out;
  // Misuse is an error, not a silent pass.
  EXPECT_EQ(RunCommand(Keylint("scan --stdin-filename x.js ."), dir.path()).exit_code, 2);
  EXPECT_EQ(RunCommand(Keylint("scan - pay.py < pay.py"), dir.path()).exit_code, 2);
  EXPECT_EQ(RunCommand(Keylint("scan --staged - < pay.py"), dir.path()).exit_code, 2);
}

}  // namespace
}  // namespace keylint::testing
