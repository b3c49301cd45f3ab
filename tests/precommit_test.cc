// pre-commit, for real and offline: Debian's pre-commit installs this repository's
// .pre-commit-hooks.yaml (the `keylint` system hook) into a temporary project, refuses a commit
// that adds a live key and accepts a clean one. The hook repository is a local git repository
// holding the real hook file, so pre-commit clones it without a network.
#include <filesystem>

#include <gtest/gtest.h>

#include "test_support.h"

namespace keylint::testing {
namespace {

namespace fs = std::filesystem;

const std::string kStripeLive = std::string("sk_") + "live_" + "4fQ9zR2mX7vK1pL8sT3wY6bN";

TEST(PreCommit, CommitWithALiveKeyIsRefusedACleanOneAccepted) {
  ASSERT_EQ(RunCommand("pre-commit --version", ".").exit_code, 0)
      << "pre-commit is missing: scripts/install-deps.sh installs Debian's";
  TempDir home;  // pre-commit's cache and git's global config stay in here
  const std::string env = "HOME=" + ShellQuote(home.path()) + " PRE_COMMIT_HOME=" + ShellQuote(home.path() + "/cache") +
                          " PATH=" + ShellQuote(fs::path(KeylintBinary()).parent_path().string()) + ":$PATH ";

  // The hook repository: this checkout's .pre-commit-hooks.yaml, committed.
  TempDir hooks;
  hooks.Write(".pre-commit-hooks.yaml", ReadFile(SourceDir() + "/.pre-commit-hooks.yaml"));
  ASSERT_EQ(MakeGitRepo(hooks.path()), "");
  const std::string rev = RunCommand("git rev-parse HEAD", hooks.path()).out.substr(0, 40);

  // The project: a config naming the keylint hook, committed, and the git hook installed.
  TempDir project;
  project.Write(".pre-commit-config.yaml", "repos:\n  - repo: " + hooks.path() + "\n    rev: " + rev +
                                               "\n    hooks:\n      - id: keylint\n");
  project.Write("README.md", "# app\n");
  ASSERT_EQ(MakeGitRepo(project.path()), "");
  CommandResult install = RunCommand(env + "pre-commit install", project.path());
  ASSERT_EQ(install.exit_code, 0) << install.out << install.err;
  const std::string count = "git rev-list --count HEAD";
  ASSERT_EQ(RunCommand(count, project.path()).out, "1\n");

  // A live key: the commit is refused, and the output says where without showing the key.
  project.Write("server/pay.py", "import stripe\nstripe.api_key = \"" + kStripeLive + "\"\n");
  ASSERT_EQ(RunCommand("git add server/pay.py", project.path()).exit_code, 0);
  CommandResult refused = RunCommand(env + "git commit -m 'add payments'", project.path());
  EXPECT_NE(refused.exit_code, 0) << refused.out << refused.err;
  const std::string said = refused.out + refused.err;
  EXPECT_NE(said.find("server/pay.py:2:"), std::string::npos) << said;
  EXPECT_NE(said.find("hardcoded/stripe-secret-key"), std::string::npos) << said;
  EXPECT_EQ(said.find(kStripeLive), std::string::npos);
  EXPECT_EQ(RunCommand(count, project.path()).out, "1\n");

  // The key read from the environment instead: the commit goes through.
  project.Write("server/pay.py", "import os, stripe\nstripe.api_key = os.environ[\"STRIPE_SECRET_KEY\"]\n");
  ASSERT_EQ(RunCommand("git add server/pay.py", project.path()).exit_code, 0);
  CommandResult accepted = RunCommand(env + "git commit -m 'add payments'", project.path());
  EXPECT_EQ(accepted.exit_code, 0) << accepted.out << accepted.err;
  EXPECT_EQ(RunCommand(count, project.path()).out, "2\n");

  // Only what is staged counts: a key left unstaged in the work tree does not block a commit.
  project.Write("notes.py", "KEY = \"" + kStripeLive + "\"\n");
  project.Write("README.md", "# app\n\nPayments.\n");
  ASSERT_EQ(RunCommand("git add README.md", project.path()).exit_code, 0);
  CommandResult unstaged = RunCommand(env + "git commit -m docs", project.path());
  EXPECT_EQ(unstaged.exit_code, 0) << unstaged.out << unstaged.err;
}

}  // namespace
}  // namespace keylint::testing
