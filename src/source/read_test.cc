// ReadTargetBytes: reading, size and content skips, unreadable files.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "source/source.h"
#include "test_support.h"

namespace keylint {
namespace {

namespace fs = std::filesystem;

struct ReadOutcome {
  bool ok = false;
  std::string skip;
  std::string error;
  std::string bytes;
};

ReadOutcome ReadAt(const std::string& abs, const std::string& rel, size_t max = 2u << 20) {
  Target t;
  t.path = rel;
  t.abs_path = abs;
  ReadOutcome o;
  o.ok = ReadTargetBytes(&t, max, &o.skip, &o.error);
  o.bytes = t.bytes;
  return o;
}

class Read : public ::testing::Test {
 protected:
  ReadOutcome ReadFile(const std::string& rel, const std::string& content,
                       size_t max = 2u << 20) {
    dir_.Write(rel, content);
    return ReadAt(Abs(rel), rel, max);
  }
  std::string Abs(const std::string& rel) const { return dir_.path() + "/" + rel; }

  testing::TempDir dir_;
};

TEST_F(Read, ReadsTheWholeFile) {
  ReadOutcome o = ReadFile("a.js", "const a = 1;\n");
  EXPECT_TRUE(o.ok);
  EXPECT_EQ(o.bytes, "const a = 1;\n");
  EXPECT_EQ(o.skip, "");
  EXPECT_EQ(o.error, "");
}

TEST_F(Read, EmptyFileIsFine) {
  ReadOutcome o = ReadFile("empty.txt", "");
  EXPECT_TRUE(o.ok);
  EXPECT_EQ(o.bytes, "");
}

TEST_F(Read, NulByteMeansBinary) {
  ReadOutcome o = ReadFile("img.png", std::string("\x89PNG\0\0", 6));
  EXPECT_FALSE(o.ok);
  EXPECT_EQ(o.skip, "binary");
  EXPECT_EQ(o.error, "");
  EXPECT_EQ(o.bytes, "");
}

TEST_F(Read, NulAfterTheProbeIsNotBinary) {
  std::string content(9000, 'a');
  content += '\0';
  EXPECT_TRUE(ReadFile("late.txt", content).ok);
}

TEST_F(Read, OverTheLimitIsSkippedWithTheLimit) {
  ReadOutcome o = ReadFile("big.json", std::string((2u << 20) + 1, 'a'));
  EXPECT_FALSE(o.ok);
  EXPECT_EQ(o.skip, "over 2 MiB (max_file_bytes)");
  EXPECT_TRUE(o.bytes.empty());
  EXPECT_TRUE(ReadFile("exact.json", std::string(2u << 20, 'a')).ok);
}

TEST_F(Read, MinifiedJavaScriptIsSkipped) {
  std::string line(5000, 'x');
  ReadOutcome o = ReadFile("dist/app.js", line + "\n" + line);
  EXPECT_FALSE(o.ok);
  EXPECT_EQ(o.skip, "minified");
  EXPECT_EQ(ReadFile("site.CSS", line).skip, "minified");
  EXPECT_EQ(ReadFile("m.mjs", line).skip, "minified");
}

TEST_F(Read, LongLinesOutsideJsAndCssAreKept) {
  EXPECT_TRUE(ReadFile("data.json", std::string(5000, 'x')).ok);
}

TEST_F(Read, ShortOneLineJavaScriptIsKept) {
  // Cheap to analyse, and exactly where a hand-written key may sit.
  EXPECT_TRUE(ReadFile("config.js", "module.exports={k:\"" + std::string(1500, 'x') + "\"}").ok);
}

TEST_F(Read, ReadableJavaScriptIsKept) {
  std::string code;
  for (int i = 0; i < 500; ++i) code += "const value" + std::to_string(i) + " = " + "1;\n";
  EXPECT_TRUE(ReadFile("app.js", code).ok);
}

TEST_F(Read, DirectoryIsAnError) {
  fs::create_directories(Abs("looks-like-a-file.js"));
  ReadOutcome o = ReadAt(Abs("looks-like-a-file.js"), "looks-like-a-file.js");
  EXPECT_FALSE(o.ok);
  EXPECT_EQ(o.error, "is a directory");
  EXPECT_EQ(o.skip, "");
}

TEST_F(Read, VanishedFileIsAnError) {
  ReadOutcome o = ReadAt(Abs("gone.js"), "gone.js");
  EXPECT_FALSE(o.ok);
  EXPECT_EQ(o.error, "no such file or directory");
}

TEST_F(Read, DanglingSymlinkIsAnError) {
  fs::create_symlink("nowhere.js", Abs("dangling.js"));
  ReadOutcome o = ReadAt(Abs("dangling.js"), "dangling.js");
  EXPECT_FALSE(o.ok);
  EXPECT_FALSE(o.error.empty());
}

TEST_F(Read, FifoIsAnErrorNotAHang) {
  ASSERT_EQ(::mkfifo(Abs("pipe").c_str(), 0600), 0);
  ReadOutcome o = ReadAt(Abs("pipe"), "pipe");
  EXPECT_FALSE(o.ok);
  EXPECT_EQ(o.error, "not a regular file");
}

TEST_F(Read, PermissionDeniedIsAnError) {
  if (::getuid() == 0) GTEST_SKIP() << "root reads mode-000 files";
  dir_.Write("secret.env", "A=1\n");
  ::chmod(Abs("secret.env").c_str(), 0);
  ReadOutcome o = ReadAt(Abs("secret.env"), "secret.env");
  EXPECT_FALSE(o.ok);
  EXPECT_EQ(o.error, "permission denied");
}

TEST_F(Read, FilledBytesAreCheckedNotReread) {
  Target t;
  t.path = "staged.bin";
  t.bytes = std::string("a\0b", 3);
  std::string skip, error;
  EXPECT_FALSE(ReadTargetBytes(&t, 1 << 20, &skip, &error));
  EXPECT_EQ(skip, "binary");

  Target big;
  big.path = "big.txt";
  big.bytes = std::string(100, 'a');
  EXPECT_FALSE(ReadTargetBytes(&big, 64, &skip, &error));
  EXPECT_EQ(skip, "over 64 bytes (max_file_bytes)");
}

}  // namespace
}  // namespace keylint
