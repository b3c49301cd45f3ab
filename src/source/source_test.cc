// ListTargets in the working-tree mode, inside real git repositories and in plain folders.
#include "source/source.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "source/test_repo.h"

namespace keylint {
namespace {

namespace fs = std::filesystem;
using source_testing::FindTarget;
using source_testing::MustList;
using source_testing::RequestFor;
using source_testing::ScopedChdir;
using source_testing::SkipReason;
using source_testing::TargetPaths;
using source_testing::TestRepo;
using Paths = std::vector<std::string>;

std::string Canonical(const std::string& p) { return fs::canonical(p).string(); }

TEST(WorkingTree, ListsTrackedAndUntrackedFiles) {
  TestRepo repo;
  repo.Init();
  repo.Write("src/app.js", "a\n");
  repo.Commit();
  repo.Write("notes.txt", "n\n");
  SourceListing l = MustList(RequestFor(repo.path()));
  EXPECT_TRUE(l.in_git);
  EXPECT_EQ(l.root, Canonical(repo.path()));
  EXPECT_EQ(TargetPaths(l), (Paths{"notes.txt", "src/app.js"}));
  EXPECT_TRUE(FindTarget(l, "src/app.js")->tracked);
  EXPECT_FALSE(FindTarget(l, "notes.txt")->tracked);
  EXPECT_EQ(FindTarget(l, "src/app.js")->abs_path, Canonical(repo.path()) + "/src/app.js");
  EXPECT_TRUE(FindTarget(l, "src/app.js")->bytes.empty());  // read later, by ReadTargetBytes
}

TEST(WorkingTree, SkipsIgnoredFilesButKeepsIgnoredEnvFiles) {
  TestRepo repo;
  repo.Init();
  repo.Write(".gitignore", "*.log\n.env*\nsecrets/\n");
  repo.Write("app.js", "a\n");
  repo.Write("debug.log", "x\n");
  repo.Write(".env", "A=1\n");
  repo.Write(".env.local", "A=2\n");
  repo.Write("secrets/.env.production", "A=3\n");
  repo.Write("secrets/notes.txt", "x\n");
  repo.Commit();
  SourceListing l = MustList(RequestFor(repo.path()));
  EXPECT_EQ(TargetPaths(l),
            (Paths{".env", ".env.local", ".gitignore", "app.js", "secrets/.env.production"}));
  EXPECT_TRUE(FindTarget(l, ".env")->ignored);
  EXPECT_FALSE(FindTarget(l, ".env")->tracked);
  EXPECT_TRUE(FindTarget(l, "secrets/.env.production")->ignored);
  EXPECT_FALSE(FindTarget(l, "app.js")->ignored);
  EXPECT_EQ(SkipReason(l, "debug.log"), "ignored by git");
  EXPECT_EQ(SkipReason(l, "secrets/"), "ignored by git");
}

TEST(WorkingTree, PathInsideAnIgnoredFolderStillFindsEnvFiles) {
  TestRepo repo;
  repo.Init();
  repo.Write(".gitignore", "build/\n");
  repo.Write("build/sub/.env", "A=1\n");
  repo.Write("build/sub/out.js", "x\n");
  repo.Commit();
  SourceListing l = MustList(RequestFor(repo.Abs("build/sub")));
  EXPECT_EQ(TargetPaths(l), (Paths{"build/sub/.env"}));
  EXPECT_EQ(SkipReason(l, "build/sub/"), "ignored by git");
}

TEST(WorkingTree, IgnoredEnvFileInsideUntrackedFolderIsKept) {
  TestRepo repo;
  repo.Init();
  repo.Write(".gitignore", ".env*\n");
  repo.Commit();
  repo.Write("newapp/.env.production", "A=1\n");
  repo.Write("newapp/index.js", "x\n");
  SourceListing l = MustList(RequestFor(repo.path()));
  EXPECT_EQ(TargetPaths(l), (Paths{".gitignore", "newapp/.env.production", "newapp/index.js"}));
  EXPECT_TRUE(FindTarget(l, "newapp/.env.production")->ignored);
}

TEST(WorkingTree, TrackedFileInsideIgnoredFolderIsTracked) {
  TestRepo repo;
  repo.Init();
  repo.Write(".gitignore", "config/\n");
  repo.Write("config/.env.example", "A=\n");
  repo.Git("add .gitignore");
  repo.Git("add -f config/.env.example");
  repo.Commit();
  SourceListing l = MustList(RequestFor(repo.path()));
  ASSERT_NE(FindTarget(l, "config/.env.example"), nullptr);
  EXPECT_TRUE(FindTarget(l, "config/.env.example")->tracked);
  EXPECT_FALSE(FindTarget(l, "config/.env.example")->ignored);
}

TEST(WorkingTree, NoIgnoreIncludesIgnoredFiles) {
  TestRepo repo;
  repo.Init();
  repo.Write(".gitignore", "*.log\nbuild/\n");
  repo.Write("debug.log", "x\n");
  repo.Write("build/out/bundle.js", "x\n");
  repo.Commit();
  SourceRequest req = RequestFor(repo.path());
  req.no_ignore = true;
  SourceListing l = MustList(req);
  EXPECT_EQ(TargetPaths(l), (Paths{".gitignore", "build/out/bundle.js", "debug.log"}));
  EXPECT_TRUE(FindTarget(l, "debug.log")->ignored);
  EXPECT_TRUE(FindTarget(l, "build/out/bundle.js")->ignored);
  EXPECT_TRUE(l.skips.empty());
}

TEST(WorkingTree, SkipPathsAreRecordedWithThePattern) {
  TestRepo repo;
  repo.Init();
  repo.Write("dist/app.js", "x\n");
  repo.Write("web/package-lock.json", "{}\n");
  repo.Write("app.js", "x\n");
  repo.Commit();
  repo.Write("node_modules/react/index.js", "x\n");  // untracked, not ignored
  repo.Write("public/app.min.js", "x\n");
  SourceRequest req = RequestFor(repo.path());
  req.skip_paths = {"node_modules/", "dist/", "*.min.js", "package-lock.json"};
  SourceListing l = MustList(req);
  EXPECT_EQ(TargetPaths(l), (Paths{"app.js"}));
  EXPECT_EQ(SkipReason(l, "dist/app.js"), "skip_paths: dist/");
  EXPECT_EQ(SkipReason(l, "node_modules/react/index.js"), "skip_paths: node_modules/");
  EXPECT_EQ(SkipReason(l, "public/app.min.js"), "skip_paths: *.min.js");
  EXPECT_EQ(SkipReason(l, "web/package-lock.json"), "skip_paths: package-lock.json");
}

TEST(WorkingTree, OutputFoldersAreSkippedOnlyWhereTheyAreUntrackedBuildOutput) {
  TestRepo repo;
  repo.Init();
  repo.Write("package.json", "{}\n");
  repo.Write("dist/assets/index.js", "x\n");         // committed build output: read
  repo.Write("src/build/release.ts", "x\n");         // a source folder named build/: read
  repo.Write("web/package.json", "{}\n");
  repo.Commit();
  repo.Write("build/main.js", "x\n");                // untracked output at the root: skipped
  repo.Write("web/.next/static/chunk.js", "x\n");    // untracked output of a package: skipped
  repo.Write("docs/out/page.html", "x\n");           // docs/ holds no package.json: not output
  SourceRequest req = RequestFor(repo.path());
  req.output_paths = {"dist/", "build/", "out/", ".next/"};
  SourceListing l = MustList(req);
  EXPECT_EQ(TargetPaths(l), (Paths{"dist/assets/index.js", "docs/out/page.html", "package.json",
                                   "src/build/release.ts", "web/package.json"}));
  EXPECT_EQ(SkipReason(l, "build/main.js"), "output_paths: build/");
  EXPECT_EQ(SkipReason(l, "web/.next/static/chunk.js"), "output_paths: .next/");
}

TEST(PlainFolder, OutputFoldersAreSkippedOnlyInAPackageRoot) {
  testing::TempDir dir;
  dir.Write("app/package.json", "{}\n");
  dir.Write("app/dist/index.js", "x\n");
  dir.Write("app/src/build/release.ts", "x\n");
  dir.Write("dist/x.js", "x\n");  // the scanned root is a package root
  SourceRequest req = RequestFor(dir.path());
  req.output_paths = {"dist/", "build/"};
  SourceListing l = MustList(req);
  EXPECT_EQ(TargetPaths(l), (Paths{"app/package.json", "app/src/build/release.ts"}));
  EXPECT_EQ(SkipReason(l, "app/dist/"), "output_paths: dist/");
  EXPECT_EQ(SkipReason(l, "dist/"), "output_paths: dist/");
}

TEST(WorkingTree, SubdirectoryPathGivesRepoRelativePaths) {
  TestRepo repo;
  repo.Init();
  repo.Write("src/a.js", "a\n");
  repo.Write("lib/b.js", "b\n");
  repo.Commit();
  repo.Write("src/new.js", "n\n");
  SourceListing l = MustList(RequestFor(repo.Abs("src")));
  EXPECT_EQ(l.root, Canonical(repo.path()));
  EXPECT_EQ(TargetPaths(l), (Paths{"src/a.js", "src/new.js"}));
}

TEST(WorkingTree, RelativePathFromInsideTheRepo) {
  TestRepo repo;
  repo.Init();
  repo.Write("src/a.js", "a\n");
  repo.Write("lib/b.js", "b\n");
  repo.Commit();
  ScopedChdir cd(repo.Abs("src"));
  SourceListing l = MustList(SourceRequest());  // "."
  EXPECT_EQ(TargetPaths(l), (Paths{"src/a.js"}));
}

TEST(WorkingTree, FilePathListsOnlyThatFile) {
  TestRepo repo;
  repo.Init();
  repo.Write("src/a.js", "a\n");
  repo.Write("src/b.js", "b\n");
  repo.Commit();
  SourceListing l = MustList(RequestFor(repo.Abs("src/a.js")));
  EXPECT_EQ(TargetPaths(l), (Paths{"src/a.js"}));
  EXPECT_TRUE(l.targets[0].tracked);
}

TEST(WorkingTree, IgnoredFileNamedOnTheCommandLineIsScanned) {
  TestRepo repo;
  repo.Init();
  repo.Write(".gitignore", "*.log\n");
  repo.Write("debug.log", "x\n");
  repo.Commit();
  SourceListing l = MustList(RequestFor(repo.Abs("debug.log")));
  EXPECT_EQ(TargetPaths(l), (Paths{"debug.log"}));
  EXPECT_TRUE(l.targets[0].ignored);
}

TEST(WorkingTree, MissingPathIsAnErrorNamingIt) {
  TestRepo repo;
  repo.Init();
  std::string missing = repo.Abs("nope/there.js");
  Result<SourceListing> r = ListTargets(RequestFor(missing));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().ToString().find(missing), std::string::npos) << r.error().ToString();
}

TEST(WorkingTree, EmptyRepositoryListsUntrackedFiles) {
  TestRepo repo;
  repo.Init();
  repo.Write("a.js", "a\n");
  repo.Write(".env", "A=1\n");
  SourceListing l = MustList(RequestFor(repo.path()));
  EXPECT_TRUE(l.in_git);
  EXPECT_EQ(TargetPaths(l), (Paths{".env", "a.js"}));
}

TEST(WorkingTree, StagedButUncommittedFileIsTracked) {
  TestRepo repo;
  repo.Init();
  repo.Write("a.js", "a\n");
  repo.Git("add a.js");
  SourceListing l = MustList(RequestFor(repo.path()));
  ASSERT_NE(FindTarget(l, "a.js"), nullptr);
  EXPECT_TRUE(FindTarget(l, "a.js")->tracked);
}

TEST(WorkingTree, SymlinksAreSkipped) {
  TestRepo repo;
  repo.Init();
  repo.Write("real.js", "a\n");
  repo.Write("dir/x.js", "x\n");
  fs::create_symlink("real.js", repo.Abs("tracked-link.js"));
  repo.Commit();
  fs::create_symlink("real.js", repo.Abs("untracked-link.js"));
  fs::create_directory_symlink("dir", repo.Abs("dirlink"));
  SourceListing l = MustList(RequestFor(repo.path()));
  EXPECT_EQ(TargetPaths(l), (Paths{"dir/x.js", "real.js"}));
  EXPECT_EQ(SkipReason(l, "tracked-link.js"), "symlink");
  EXPECT_EQ(SkipReason(l, "untracked-link.js"), "symlink");
  EXPECT_EQ(SkipReason(l, "dirlink"), "symlink");
}

TEST(WorkingTree, SubmoduleIsSkipped) {
  TestRepo repo;
  repo.Write("lib/x.js", "x\n");
  repo.Init("lib");
  repo.Git("add -A", "lib");
  repo.Git("commit -q -m lib", "lib");
  repo.Write("main/app.js", "a\n");
  repo.Init("main");
  repo.Git("-c protocol.file.allow=always submodule add -q ../lib vendor/lib", "main");
  repo.Git("add -A", "main");
  repo.Git("commit -q -m main", "main");
  SourceListing l = MustList(RequestFor(repo.Abs("main")));
  EXPECT_EQ(TargetPaths(l), (Paths{".gitmodules", "app.js"}));
  EXPECT_EQ(SkipReason(l, "vendor/lib"), "submodule");
}

TEST(WorkingTree, NestedRepositoryIsSkipped) {
  TestRepo repo;
  repo.Init();
  repo.Write("app.js", "a\n");
  repo.Commit();
  repo.Write("other/x.js", "x\n");
  repo.Init("other");
  SourceListing l = MustList(RequestFor(repo.path()));
  EXPECT_EQ(TargetPaths(l), (Paths{"app.js"}));
  EXPECT_EQ(SkipReason(l, "other/"), "nested git repository");
}

TEST(WorkingTree, FileDeletedFromWorkTreeIsANotification) {
  TestRepo repo;
  repo.Init();
  repo.Write("a.js", "a\n");
  repo.Write("gone.js", "g\n");
  repo.Commit();
  fs::remove(repo.Abs("gone.js"));
  SourceListing l = MustList(RequestFor(repo.path()));
  EXPECT_EQ(TargetPaths(l), (Paths{"a.js"}));
  ASSERT_EQ(l.notifications.size(), 1u);
  EXPECT_EQ(l.notifications[0].path, "gone.js");
  EXPECT_EQ(l.notifications[0].message, "listed by git but missing in the working tree");
}

TEST(WorkingTree, BareRepositoryIsAnError) {
  TestRepo repo;
  repo.Git("init -q --bare bare.git");
  Result<SourceListing> r = ListTargets(RequestFor(repo.Abs("bare.git")));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("bare"), std::string::npos) << r.error().ToString();
}

TEST(WorkingTree, DetachedHeadWorks) {
  TestRepo repo;
  repo.Init();
  repo.Write("a.js", "a\n");
  repo.Commit("one");
  repo.Write("b.js", "b\n");
  repo.Commit("two");
  repo.Git("checkout -q --detach HEAD~1");
  SourceListing l = MustList(RequestFor(repo.path()));
  EXPECT_EQ(TargetPaths(l), (Paths{"a.js"}));
}

TEST(WorkingTree, NeverListsTheGitDirectory) {
  TestRepo repo;
  repo.Init();
  repo.Write("a.js", "a\n");
  repo.Commit();
  SourceRequest req = RequestFor(repo.path());
  req.no_ignore = true;
  for (const Target& t : MustList(req).targets) {
    EXPECT_NE(t.path.rfind(".git/", 0), 0u) << t.path;
  }
}

TEST(WorkingTree, PathsInTwoRepositoriesAreAnError) {
  TestRepo a;
  a.Init();
  TestRepo b;
  b.Init();
  SourceRequest req;
  req.paths = {a.path(), b.path()};
  EXPECT_FALSE(ListTargets(req).ok());
}

TEST(WorkingTree, OverlappingPathsListEachFileOnce) {
  TestRepo repo;
  repo.Init();
  repo.Write("src/a.js", "a\n");
  repo.Commit();
  SourceRequest req;
  req.paths = {repo.path(), repo.Abs("src"), repo.Abs("src/a.js")};
  EXPECT_EQ(TargetPaths(MustList(req)), (Paths{"src/a.js"}));
}

TEST(PlainFolder, WalksRecursivelyRelativeToTheFolder) {
  TestRepo dir;  // no git init
  dir.Write("a.js", "a\n");
  dir.Write("sub/deep/b.ts", "b\n");
  dir.Write(".env", "A=1\n");
  dir.Write(".gitignore", "*.js\n");  // no meaning outside git
  fs::create_directory_symlink("sub", dir.Abs("loop"));
  SourceListing l = MustList(RequestFor(dir.path()));
  EXPECT_FALSE(l.in_git);
  EXPECT_EQ(l.root, Canonical(dir.path()));
  EXPECT_EQ(TargetPaths(l), (Paths{".env", ".gitignore", "a.js", "sub/deep/b.ts"}));
  EXPECT_FALSE(FindTarget(l, "a.js")->tracked);
  EXPECT_EQ(SkipReason(l, "loop"), "symlink");
}

TEST(PlainFolder, SkipPathsPruneADirectoryOnce) {
  TestRepo dir;
  dir.Write("node_modules/a/index.js", "x\n");
  dir.Write("node_modules/b/index.js", "x\n");
  dir.Write("app.js", "x\n");
  SourceRequest req = RequestFor(dir.path());
  req.skip_paths = {"node_modules/"};
  SourceListing l = MustList(req);
  EXPECT_EQ(TargetPaths(l), (Paths{"app.js"}));
  ASSERT_EQ(l.skips.size(), 1u);
  EXPECT_EQ(l.skips[0].path, "node_modules/");
  EXPECT_EQ(l.skips[0].reason, "skip_paths: node_modules/");
}

TEST(PlainFolder, FileOrSeveralPathsAreRelativeToTheCurrentDirectory) {
  TestRepo dir;
  dir.Write("one/a.js", "a\n");
  dir.Write("two/b.js", "b\n");
  ScopedChdir cd(dir.path());
  SourceRequest req;
  req.paths = {"one", "two/b.js"};
  SourceListing l = MustList(req);
  EXPECT_EQ(l.root, Canonical(dir.path()));
  EXPECT_EQ(TargetPaths(l), (Paths{"one/a.js", "two/b.js"}));

  SourceListing single = MustList(RequestFor("two/b.js"));
  EXPECT_EQ(TargetPaths(single), (Paths{"two/b.js"}));
}

TEST(PlainFolder, StagedOutsideGitIsAnError) {
  TestRepo dir;
  SourceRequest req = RequestFor(dir.path());
  req.mode = SourceRequest::Mode::kStaged;
  Result<SourceListing> r = ListTargets(req);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().ToString(),
            "--staged needs a git repository (" + dir.path() + " is not inside one)");
}

TEST(PlainFolder, DiffOutsideGitIsAnError) {
  TestRepo dir;
  SourceRequest req = RequestFor(dir.path());
  req.mode = SourceRequest::Mode::kDiff;
  req.diff_ref = "main";
  Result<SourceListing> r = ListTargets(req);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().ToString().find("--diff needs a git repository"), std::string::npos);
}

}  // namespace
}  // namespace keylint
