#include "core/glob.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

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

// GlobList answers what asking GlobMatch about each pattern in turn answers, on every path, for
// every kind of pattern it prepares (names, dir-only names, `*` + literal) and those it passes on.
TEST(GlobList, FirstMatchIsTheFirstPatternGlobMatchAccepts) {
  const std::vector<std::string> patterns = {
      "node_modules/", "vendor/", ".yarn/", "*.map", "package-lock.json", "*.lock", "go.sum",
      "*.png", "*.min.js", "dist", "/build/", "docs/*.md", "**/fixtures/**", "*", "**", "a?c",
      "[ab].js", "x\\*y", "*.", ".env*", "", "/", "secret"};
  const std::vector<std::string> paths = {
      "node_modules", "node_modules/", "web/node_modules/react/index.js", "node_modules.js",
      "a.map", ".map", "map", "x/y.map/z.js", "y.map/", "package-lock.json",
      "sub/package-lock.json/", "i18n.lock", "lock", "go.sum", "go.sum.txt", "img/a.png",
      "a.min.js", "dist", "dist/", "dist/app.js", "web/dist/app.js", "build/", "build/x.js",
      "web/build/x.js", "docs/a.md", "docs/sub/a.md", "t/fixtures/k.js", "abc", "a/abc/d",
      "a.js", "c.js", "x*y", "xzy", "file.", ".env.local", "", "/", "//", "secret", "a/secret/",
      "top.secret", "vendor", "vendor/x", "src/vendor.ts"};
  for (size_t n = 0; n <= patterns.size(); ++n) {
    // Every prefix of the list, so that each pattern gets its turn at being the first match.
    std::vector<std::string> list(patterns.end() - static_cast<long>(n), patterns.end());
    GlobList prepared(list);
    for (const std::string& path : paths) {
      const std::string* expected = nullptr;
      for (const std::string& p : list) {
        if (GlobMatch(p, path)) {
          expected = &p;
          break;
        }
      }
      const std::string* got = prepared.FirstMatch(path);
      ASSERT_EQ(got == nullptr, expected == nullptr) << "path '" << path << "', " << n << " patterns";
      if (got != nullptr) {
        EXPECT_EQ(*got, *expected) << "path '" << path << "'";
      }
    }
  }
}

}  // namespace
}  // namespace keylint
