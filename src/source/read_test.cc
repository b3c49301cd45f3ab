// ReadTargetBytes: reading, size and content skips, unreadable files.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "source/file_reader.h"
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
  bool minified = false;
};

// Reads through ReadTargetBytes and through a FileReader; both must agree.
ReadOutcome ReadAt(const std::string& abs, const std::string& rel, size_t max = 0) {
  Target t;
  t.path = rel;
  t.abs_path = abs;
  ReadOutcome o;
  o.ok = ReadTargetBytes(&t, max, &o.skip, &o.error);
  o.bytes = std::string(t.bytes.view());
  o.minified = t.minified;

  Target r;
  r.path = rel;
  r.abs_path = abs;
  FileReader reader;
  std::string skip, error;
  EXPECT_EQ(reader.Read(&r, max, &skip, &error), o.ok) << rel;
  EXPECT_EQ(skip, o.skip) << rel;
  EXPECT_EQ(error, o.error) << rel;
  EXPECT_EQ(r.bytes.view(), o.bytes) << rel;
  EXPECT_EQ(r.minified, o.minified) << rel;
  return o;
}

class Read : public ::testing::Test {
 protected:
  ReadOutcome ReadFile(const std::string& rel, const std::string& content, size_t max = 0) {
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

TEST_F(Read, OverALimitIsSkippedWithTheLimit) {
  ReadOutcome o = ReadFile("big.json", std::string((2u << 20) + 1, 'a'), 2u << 20);
  EXPECT_FALSE(o.ok);
  EXPECT_EQ(o.skip, "over 2 MiB (max_file_bytes)");
  EXPECT_TRUE(o.bytes.empty());
  EXPECT_TRUE(ReadFile("exact.json", std::string(2u << 20, 'a'), 2u << 20).ok);
}

TEST_F(Read, SizeIsNoReasonToSkipWithoutALimit) {
  // Over FileReader::kMapAbove: mapped, not copied, and every byte there.
  std::string big(FileReader::kMapAbove + 12345, 'a');
  big.replace(big.size() - 6, 6, "KEYEND");
  ReadOutcome o = ReadFile("huge.txt", big);
  EXPECT_TRUE(o.ok);
  EXPECT_EQ(o.bytes.size(), big.size());
  EXPECT_EQ(o.bytes.substr(o.bytes.size() - 6), "KEYEND");
}

TEST_F(Read, MinifiedJavaScriptIsReadAndMarked) {
  std::string line(5000, 'x');
  ReadOutcome o = ReadFile("dist/app.js", line + "\n" + line);
  EXPECT_TRUE(o.ok);
  EXPECT_TRUE(o.minified);
  EXPECT_EQ(o.bytes.size(), 10001u);
  EXPECT_TRUE(ReadFile("site.CSS", line).minified);
  EXPECT_TRUE(ReadFile("m.mjs", line).minified);
}

TEST_F(Read, LongLinesOutsideJsAndCssAreNotMinified) {
  ReadOutcome o = ReadFile("data.json", std::string(5000, 'x'));
  EXPECT_TRUE(o.ok);
  EXPECT_FALSE(o.minified);
}

TEST_F(Read, ShortOneLineJavaScriptIsNotMinified) {
  // Cheap to analyse, and exactly where a hand-written key may sit.
  EXPECT_FALSE(ReadFile("config.js", "module.exports={k:\"" + std::string(1500, 'x') + "\"}").minified);
}

TEST_F(Read, ReadableJavaScriptIsNotMinified) {
  std::string code;
  for (int i = 0; i < 500; ++i) code += "const value" + std::to_string(i) + " = " + "1;\n";
  ReadOutcome o = ReadFile("app.js", code);
  EXPECT_TRUE(o.ok);
  EXPECT_FALSE(o.minified);
}

TEST_F(Read, AReaderReusesItsMemoryAcrossFiles) {
  dir_.Write("a.js", std::string(3000, 'a'));
  dir_.Write("b.js", "bb");
  FileReader reader;
  Target a, b;
  a.path = "a.js";
  a.abs_path = Abs("a.js");
  b.path = "b.js";
  b.abs_path = Abs("b.js");
  std::string skip, error;
  ASSERT_TRUE(reader.Read(&a, 0, &skip, &error));
  EXPECT_EQ(a.bytes.size(), 3000u);
  ASSERT_TRUE(reader.Read(&b, 0, &skip, &error));
  EXPECT_EQ(b.bytes.view(), "bb");
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
