// Test helpers for src/source: a temp folder that may be a real git repository, driven by the
// git CLI. Header-only so that it stays out of kl_source.
#ifndef KEYLINT_SOURCE_TEST_REPO_H_
#define KEYLINT_SOURCE_TEST_REPO_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "source/source.h"
#include "test_support.h"

namespace keylint {
namespace source_testing {

class TestRepo {
 public:
  TestRepo() = default;

  const std::string& path() const { return dir_.path(); }
  std::string Abs(const std::string& rel) const {
    return rel.empty() ? path() : path() + "/" + rel;
  }
  void Write(const std::string& rel, const std::string& content) const { dir_.Write(rel, content); }

  // Runs `git ARGS` in the repo (or in path()/cwd); a failure fails the test with git's stderr.
  void Git(const std::string& args, const std::string& cwd = "") const {
    testing::CommandResult r = testing::RunCommand("git " + args, cwd.empty() ? path() : Abs(cwd));
    ASSERT_EQ(r.exit_code, 0) << "git " << args << "\n" << r.err;
  }
  // git init with an identity and no signing; HEAD is unborn until the first Commit().
  void Init(const std::string& cwd = "") const {
    Git("init -q -b main", cwd);
    Git("config user.name keylint-test", cwd);
    Git("config user.email test@keylint.invalid", cwd);
    Git("config commit.gpgsign false", cwd);
  }
  void Commit(const std::string& message = "c") const {
    Git("add -A");
    Git("commit -q --allow-empty -m " + testing::ShellQuote(message));
  }

 private:
  testing::TempDir dir_;
};

inline SourceRequest RequestFor(const std::string& path) {
  SourceRequest r;
  r.paths.push_back(path);
  return r;
}

// Lists and fails the test on an error.
inline SourceListing MustList(const SourceRequest& request) {
  Result<SourceListing> r = ListTargets(request);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().ToString());
  return r.ok() ? std::move(r).value() : SourceListing();
}

// The paths listed for scanning (context-only targets left out: see ContextPaths).
inline std::vector<std::string> TargetPaths(const SourceListing& l) {
  std::vector<std::string> out;
  for (const Target& t : l.targets) {
    if (!t.context_only) out.push_back(t.path);
  }
  return out;
}

// The committed env files a partial scan reads for cross-file context only.
inline std::vector<std::string> ContextPaths(const SourceListing& l) {
  std::vector<std::string> out;
  for (const Target& t : l.targets) {
    if (t.context_only) out.push_back(t.path);
  }
  return out;
}

inline const Target* FindTarget(const SourceListing& l, const std::string& path) {
  for (const Target& t : l.targets) {
    if (t.path == path) return &t;
  }
  return nullptr;
}

// The skip reason recorded for `path`, or "" if none.
inline std::string SkipReason(const SourceListing& l, const std::string& path) {
  for (const Skip& s : l.skips) {
    if (s.path == path) return s.reason;
  }
  return "";
}

// Changes the working directory for one test and restores it.
class ScopedChdir {
 public:
  explicit ScopedChdir(const std::string& dir) : old_(std::filesystem::current_path()) {
    std::filesystem::current_path(dir);
  }
  ~ScopedChdir() { std::filesystem::current_path(old_); }

 private:
  std::filesystem::path old_;
};

}  // namespace source_testing
}  // namespace keylint

#endif  // KEYLINT_SOURCE_TEST_REPO_H_
