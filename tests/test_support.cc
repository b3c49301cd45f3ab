#include "test_support.h"

#include <cstdio>

#include "builtin_knowledge.h"

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace keylint::testing {

namespace fs = std::filesystem;

namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TempDir::TempDir() {
  std::random_device rd;
  fs::path base = fs::temp_directory_path();
  for (;;) {
    fs::path p = base / ("keylint-test-" + std::to_string(rd()));
    if (fs::create_directory(p)) {
      path_ = p.string();
      return;
    }
  }
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

void TempDir::Write(const std::string& relative, const std::string& content) const {
  fs::path p = fs::path(path_) / relative;
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << content;
}

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

CommandResult RunCommand(const std::string& command, const std::string& cwd) {
  TempDir capture;
  std::string out = capture.path() + "/out", err = capture.path() + "/err";
  std::string full = "cd " + ShellQuote(cwd) + " && (" + command + ") >" + ShellQuote(out) + " 2>" +
                     ShellQuote(err) + " </dev/null";
  int status = std::system(full.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadAll(out);
  r.err = ReadAll(err);
  return r;
}

std::string KeylintBinary() { return KEYLINT_BINARY; }
std::string SourceDir() { return KEYLINT_SOURCE_DIR; }

std::string MakeGitRepo(const std::string& dir, const std::vector<std::string>& untracked) {
  std::string cmd =
      "git init -q -b main . && git config user.email test@keylint.invalid && "
      "git config user.name keylint-test && git config commit.gpgsign false && git add -A";
  for (const std::string& u : untracked) cmd += " && git rm -q --cached --ignore-unmatch " + ShellQuote(u);
  cmd += " && (git diff --cached --quiet || git commit -q -m fixture)";
  CommandResult r = RunCommand(cmd, dir);
  if (r.exit_code != 0) return "git setup failed in " + dir + ": " + r.err;
  return "";
}

void CopyTree(const std::string& from, const std::string& to, const std::vector<std::string>& skip) {
  fs::create_directories(to);
  for (const fs::directory_entry& e : fs::recursive_directory_iterator(from)) {
    fs::path rel = fs::relative(e.path(), from);
    bool skipped = false;
    for (const std::string& s : skip) skipped = skipped || rel == s;
    if (skipped) continue;
    if (e.is_directory()) {
      fs::create_directories(fs::path(to) / rel);
    } else {
      fs::create_directories((fs::path(to) / rel).parent_path());
      fs::copy_file(e.path(), fs::path(to) / rel, fs::copy_options::overwrite_existing);
    }
  }
}

CommandResult ValidateSarif(const std::string& sarif_path) {
  return RunCommand("bash " + ShellQuote(KEYLINT_SARIF_VALIDATOR) + " " + ShellQuote(sarif_path), ".");
}

CommandResult ValidateGitlab(const std::string& kind, const std::string& path) {
  return RunCommand("bash " + ShellQuote(KEYLINT_GITLAB_VALIDATOR) + " " + kind + " " + ShellQuote(path), ".");
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace keylint::testing

namespace keylint {

const Knowledge& BuiltinKnowledge() {
  static const Knowledge* k = [] {
    Result<Knowledge> r = LoadKnowledge("", "");
    if (!r.ok()) {
      std::fprintf(stderr, "built-in rules do not load: %s\n", r.error().ToString().c_str());
      std::abort();
    }
    return new Knowledge(std::move(r).value());
  }();
  return *k;
}

const CredentialScanner& BuiltinScanner() {
  static const CredentialScanner* s = new CredentialScanner(BuiltinKnowledge());
  return *s;
}

}  // namespace keylint
