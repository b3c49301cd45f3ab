#include "core/glob.h"

#include <gtest/gtest.h>

namespace keylint {
namespace {

TEST(Glob, LiteralMatchesWholePathOnly) {
  EXPECT_TRUE(GlobMatch("package-lock.json", "package-lock.json"));
  EXPECT_FALSE(GlobMatch("package-lock.json", "package-lock.json.bak"));
  EXPECT_FALSE(GlobMatch("package-lock.json", "my-package-lock.json"));
}

TEST(Glob, PatternWithoutSlashMatchesAnyComponent) {
  EXPECT_TRUE(GlobMatch("package-lock.json", "web/app/package-lock.json"));
  EXPECT_TRUE(GlobMatch("*.min.js", "public/js/app.min.js"));
  EXPECT_FALSE(GlobMatch("*.min.js", "public/js/app.js"));
  EXPECT_TRUE(GlobMatch("*.map", "dist/app.js.map"));
  EXPECT_TRUE(GlobMatch(".env*", "config/.env.production"));
}

TEST(Glob, StarDoesNotCrossSlash) {
  EXPECT_TRUE(GlobMatch("src/*.js", "src/a.js"));
  EXPECT_FALSE(GlobMatch("src/*.js", "src/lib/a.js"));
  EXPECT_TRUE(GlobMatch("a*c", "abbbc"));
  EXPECT_TRUE(GlobMatch("a*c", "ac"));
}

TEST(Glob, QuestionMarkIsOneCharacterNotSlash) {
  EXPECT_TRUE(GlobMatch("file?.txt", "file1.txt"));
  EXPECT_FALSE(GlobMatch("file?.txt", "file10.txt"));
  EXPECT_FALSE(GlobMatch("a?b", "a/b"));
}

TEST(Glob, TrailingSlashMatchesDirectoriesAndWhatIsUnder) {
  EXPECT_TRUE(GlobMatch("node_modules/", "node_modules/react/index.js"));
  EXPECT_TRUE(GlobMatch("node_modules/", "web/node_modules/react/index.js"));
  EXPECT_TRUE(GlobMatch("node_modules/", "node_modules/"));
  EXPECT_TRUE(GlobMatch("dist/", "dist/app.js"));
  // A file named like the directory is not a directory.
  EXPECT_FALSE(GlobMatch("dist/", "dist"));
  EXPECT_FALSE(GlobMatch("dist/", "src/dist"));
}

TEST(Glob, PatternWithoutTrailingSlashAlsoCoversDirectories) {
  EXPECT_TRUE(GlobMatch("build", "build/out.js"));
  EXPECT_TRUE(GlobMatch("build", "build"));
  EXPECT_FALSE(GlobMatch("build", "rebuild/out.js"));
}

TEST(Glob, InnerSlashAnchorsAtRoot) {
  EXPECT_TRUE(GlobMatch("src/gen", "src/gen/a.ts"));
  EXPECT_FALSE(GlobMatch("src/gen", "lib/src/gen/a.ts"));
  EXPECT_TRUE(GlobMatch("/vendor", "vendor/x.js"));
  EXPECT_FALSE(GlobMatch("/vendor", "lib/vendor/x.js"));
  EXPECT_TRUE(GlobMatch("/vendor/", "vendor/x.js"));
}

TEST(Glob, DoubleStarSpansComponents) {
  EXPECT_TRUE(GlobMatch("**/fixtures", "fixtures/a"));
  EXPECT_TRUE(GlobMatch("**/fixtures", "a/b/fixtures/c.json"));
  EXPECT_TRUE(GlobMatch("a/**/b", "a/b"));
  EXPECT_TRUE(GlobMatch("a/**/b", "a/x/y/b"));
  EXPECT_FALSE(GlobMatch("a/**/b", "a/x/y/c"));
  EXPECT_TRUE(GlobMatch("docs/**", "docs/a/b.md"));
  EXPECT_FALSE(GlobMatch("docs/**", "docs"));
  EXPECT_TRUE(GlobMatch("**/*.snap", "src/__snapshots__/a.test.js.snap"));
}

TEST(Glob, DoubleStarInsideComponentActsAsStar) {
  EXPECT_TRUE(GlobMatch("a**b", "axxb"));
  EXPECT_FALSE(GlobMatch("/a**b", "ax/xb"));
}

TEST(Glob, BracketClasses) {
  EXPECT_TRUE(GlobMatch("file[0-9].txt", "file7.txt"));
  EXPECT_FALSE(GlobMatch("file[0-9].txt", "filex.txt"));
  EXPECT_TRUE(GlobMatch("file[!0-9].txt", "filex.txt"));
  EXPECT_FALSE(GlobMatch("file[!0-9].txt", "file7.txt"));
  EXPECT_TRUE(GlobMatch("[]]x", "]x"));
  // An unclosed class is a literal '['.
  EXPECT_TRUE(GlobMatch("a[b", "a[b"));
}

TEST(Glob, BackslashEscapes) {
  EXPECT_TRUE(GlobMatch("\\*.js", "*.js"));
  EXPECT_FALSE(GlobMatch("\\*.js", "a.js"));
}

TEST(Glob, EmptyPatternOrPathMatchesNothing) {
  EXPECT_FALSE(GlobMatch("", "a"));
  EXPECT_FALSE(GlobMatch("/", "a"));
  EXPECT_FALSE(GlobMatch("a", ""));
}

TEST(Glob, PathologicalStarsFinish) {
  std::string text(200, 'a');
  EXPECT_FALSE(GlobMatch("*a*a*a*a*a*a*b", text));
}

}  // namespace
}  // namespace keylint
