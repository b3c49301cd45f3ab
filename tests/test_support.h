// Helpers for tests that run the real binary over real git repositories in temp dirs.
#ifndef KEYLINT_TESTS_TEST_SUPPORT_H_
#define KEYLINT_TESTS_TEST_SUPPORT_H_

#include <string>
#include <vector>

namespace keylint::testing {

// A fresh directory under $TMPDIR, removed (recursively) when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  // Writes `content` to path()/relative, creating folders.
  void Write(const std::string& relative, const std::string& content) const;

 private:
  std::string path_;
};

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `command` with /bin/sh in `cwd`; captures stdout and stderr.
CommandResult RunCommand(const std::string& command, const std::string& cwd);

// Single-quotes `s` for /bin/sh.
std::string ShellQuote(const std::string& s);

// The keylint binary built alongside the tests.
std::string KeylintBinary();
// The project's source dir (fixtures/, rules/).
std::string SourceDir();

// git init + identity + commit of everything except `untracked` (paths relative to dir).
// ASSERT-style failures are reported through the returned message: "" on success.
std::string MakeGitRepo(const std::string& dir, const std::vector<std::string>& untracked = {});

// Copies the tree `from` into `to` (created), skipping names in `skip`.
void CopyTree(const std::string& from, const std::string& to, const std::vector<std::string>& skip);

// Runs the SARIF validator (tools/sarif-validate) on `sarif_path`; returns its exit code (0 = valid) and output.
CommandResult ValidateSarif(const std::string& sarif_path);

// Runs tools/gitlab-validate on `path`: kind "secret-detection" or "codequality".
CommandResult ValidateGitlab(const std::string& kind, const std::string& path);

// The whole file (empty if it cannot be read).
std::string ReadFile(const std::string& path);

}  // namespace keylint::testing

#endif  // KEYLINT_TESTS_TEST_SUPPORT_H_
