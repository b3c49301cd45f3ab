// ListTargets in the --staged and --diff modes, over real git repositories.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "source/source.h"
#include "source/test_repo.h"

namespace keylint {
namespace {

namespace fs = std::filesystem;
using source_testing::FindTarget;
using source_testing::MustList;
using source_testing::RequestFor;
using source_testing::SkipReason;
using source_testing::TargetPaths;
using source_testing::ContextPaths;
using source_testing::TestRepo;
using Lines = std::set<int>;
using Paths = std::vector<std::string>;

SourceRequest Staged(const std::string& path) {
  SourceRequest r = RequestFor(path);
  r.mode = SourceRequest::Mode::kStaged;
  return r;
}

SourceRequest Diff(const std::string& path, const std::string& ref) {
  SourceRequest r = RequestFor(path);
  r.mode = SourceRequest::Mode::kDiff;
  r.diff_ref = ref;
  return r;
}

TEST(Staged, ReadsTheIndexNotTheWorkingTree) {
  TestRepo repo;
  repo.Init();
  repo.Write("a.js", "v1\n");
  repo.Write("same.js", "s\n");
  repo.Write("deleted.js", "d\n");
  repo.Commit();
  repo.Write("a.js", "v2 staged\n");
  repo.Git("add a.js");
  repo.Write("a.js", "v3 not staged\n");
  repo.Git("rm -q deleted.js");
  repo.Write("new.js", "n\n");
  repo.Git("add new.js");
  repo.Write("untracked.js", "u\n");
  SourceListing l = MustList(Staged(repo.path()));
  EXPECT_EQ(TargetPaths(l), (Paths{"a.js", "new.js"}));
  EXPECT_EQ(FindTarget(l, "a.js")->bytes, "v2 staged\n");
  EXPECT_EQ(FindTarget(l, "a.js")->abs_path, "");
  EXPECT_TRUE(FindTarget(l, "a.js")->tracked);

  std::string skip, error;
  Target t = *FindTarget(l, "a.js");
  EXPECT_TRUE(ReadTargetBytes(&t, 1 << 20, &skip, &error));
  EXPECT_EQ(t.bytes, "v2 staged\n");  // already filled: the work tree is not read
}

TEST(Staged, UnbornHeadStagesEverything) {
  TestRepo repo;
  repo.Init();
  repo.Write("a.js", "a\n");
  repo.Write("src/b.js", "b\n");
  repo.Git("add -A");
  repo.Write("c.js", "unstaged\n");
  SourceListing l = MustList(Staged(repo.path()));
  EXPECT_EQ(TargetPaths(l), (Paths{"a.js", "src/b.js"}));
}

TEST(Staged, OnlyUnderTheGivenPath) {
  TestRepo repo;
  repo.Init();
  repo.Commit();
  repo.Write("src/a.js", "a\n");
  repo.Write("lib/b.js", "b\n");
  repo.Git("add -A");
  EXPECT_EQ(TargetPaths(MustList(Staged(repo.Abs("src")))), (Paths{"src/a.js"}));
}

TEST(Staged, LargeBlobIsSkippedBySize) {
  TestRepo repo;
  repo.Init();
  repo.Write("big.txt", std::string(100, 'x'));
  repo.Git("add -A");
  SourceRequest req = Staged(repo.path());
  req.max_file_bytes = 64;
  SourceListing l = MustList(req);
  EXPECT_TRUE(l.targets.empty());
  EXPECT_EQ(SkipReason(l, "big.txt"), "over 64 bytes (max_file_bytes)");
}

TEST(Staged, StagedSymlinkIsSkipped) {
  TestRepo repo;
  repo.Init();
  repo.Write("real.js", "a\n");
  fs::create_symlink("real.js", repo.Abs("link.js"));
  repo.Git("add -A");
  SourceListing l = MustList(Staged(repo.path()));
  EXPECT_EQ(TargetPaths(l), (Paths{"real.js"}));
  EXPECT_EQ(SkipReason(l, "link.js"), "symlink");
}

TEST(Staged, DetachedHeadWorks) {
  TestRepo repo;
  repo.Init();
  repo.Write("a.js", "a\n");
  repo.Commit();
  repo.Git("checkout -q --detach");
  repo.Write("a.js", "b\n");
  repo.Git("add a.js");
  EXPECT_EQ(TargetPaths(MustList(Staged(repo.path()))), (Paths{"a.js"}));
}

TEST(Diff, ReportsNewSideChangedLines) {
  TestRepo repo;
  repo.Init();
  repo.Write("a.js", "1\n2\n3\n4\n5\n");
  repo.Write("same.js", "s\n");
  repo.Commit();
  repo.Git("tag base");
  repo.Write("a.js", "1\nTWO\n3\n4\n5\n6\n");
  SourceListing l = MustList(Diff(repo.path(), "base"));
  EXPECT_EQ(TargetPaths(l), (Paths{"a.js"}));
  const Target* a = FindTarget(l, "a.js");
  EXPECT_TRUE(a->has_changed_lines);
  EXPECT_EQ(a->changed_lines, (Lines{2, 6}));
  EXPECT_TRUE(a->tracked);
}

TEST(Diff, NewFilesHaveEveryLineChanged) {
  TestRepo repo;
  repo.Init();
  repo.Write(".gitignore", ".env*\n");
  repo.Commit();
  repo.Write("staged.js", "a\nb\n");
  repo.Git("add staged.js");
  repo.Write("untracked.js", "x\ny\nz");  // no final newline
  repo.Write(".env.local", "A=1\n");     // ignored, scanned anyway
  SourceListing l = MustList(Diff(repo.path(), "HEAD"));
  EXPECT_EQ(TargetPaths(l), (Paths{".env.local", "staged.js", "untracked.js"}));
  EXPECT_EQ(FindTarget(l, "staged.js")->changed_lines, (Lines{1, 2}));
  EXPECT_EQ(FindTarget(l, "untracked.js")->changed_lines, (Lines{1, 2, 3}));
  EXPECT_EQ(FindTarget(l, ".env.local")->changed_lines, (Lines{1}));
  EXPECT_TRUE(FindTarget(l, ".env.local")->ignored);
  for (const Target& t : l.targets) EXPECT_TRUE(t.has_changed_lines) << t.path;
}

TEST(Diff, UnchangedTrackedFileInsideIgnoredFolderIsNotListed) {
  TestRepo repo;
  repo.Init();
  repo.Write(".gitignore", "config/\n");
  repo.Write("config/.env.example", "A=\n");
  repo.Git("add .gitignore");
  repo.Git("add -f config/.env.example");
  repo.Commit();
  repo.Write("config/.env", "A=1\n");
  SourceListing l = MustList(Diff(repo.path(), "HEAD"));
  EXPECT_EQ(TargetPaths(l), (Paths{"config/.env"}));
  // Read for the cross-file checks only (config/env-missing-key compares it with config/.env).
  EXPECT_EQ(ContextPaths(l), (Paths{"config/.env.example"}));
}

TEST(Staged, CommittedEnvFilesAreContextFromTheIndex) {
  TestRepo repo;
  repo.Init();
  repo.Write(".env.production", "A=1\n");
  repo.Write("app.js", "x\n");
  repo.Commit();
  repo.Write(".env.production", "A=2\n");  // not staged: the index version is the context
  repo.Write("app.js", "y\n");
  repo.Git("add app.js");
  SourceListing l = MustList(Staged(repo.path()));
  EXPECT_EQ(TargetPaths(l), (Paths{"app.js"}));
  ASSERT_EQ(ContextPaths(l), (Paths{".env.production"}));
  EXPECT_EQ(FindTarget(l, ".env.production")->bytes, "A=1\n");
}

TEST(Diff, CountsStagedAndUnstagedChangesAgainstOlderCommit) {
  TestRepo repo;
  repo.Init();
  repo.Write("a.js", "1\n2\n3\n");
  repo.Commit("one");
  repo.Write("a.js", "1\nB\n3\n");
  repo.Commit("two");
  repo.Write("a.js", "1\nB\nC\n");
  SourceListing l = MustList(Diff(repo.path(), "HEAD~1"));
  EXPECT_EQ(FindTarget(l, "a.js")->changed_lines, (Lines{2, 3}));
}

TEST(Diff, DeletedFilesAreNotListed) {
  TestRepo repo;
  repo.Init();
  repo.Write("a.js", "a\n");
  repo.Commit();
  fs::remove(repo.Abs("a.js"));
  SourceListing l = MustList(Diff(repo.path(), "HEAD"));
  EXPECT_TRUE(l.targets.empty());
  EXPECT_TRUE(l.notifications.empty());
}

TEST(Diff, BadRefIsAnErrorNamingIt) {
  TestRepo repo;
  repo.Init();
  repo.Write("a.js", "a\n");
  repo.Commit();
  Result<SourceListing> r = ListTargets(Diff(repo.path(), "no-such-branch"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().ToString().find("'no-such-branch'"), std::string::npos)
      << r.error().ToString();
}

TEST(Diff, RefInEmptyRepositoryIsAnError) {
  TestRepo repo;
  repo.Init();
  repo.Write("a.js", "a\n");
  EXPECT_FALSE(ListTargets(Diff(repo.path(), "HEAD")).ok());
}

}  // namespace
}  // namespace keylint
