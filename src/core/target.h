// A file to analyse, and what classification learned about it.
#ifndef KEYLINT_CORE_TARGET_H_
#define KEYLINT_CORE_TARGET_H_

#include <set>
#include <string>
#include <vector>

namespace keylint {

// One file handed from `source` to the analyzers. Owns its bytes.
struct Target {
  std::string path;      // relative to the scanned root, '/'-separated (what reports show)
  std::string abs_path;  // where it was read from ("" when read from the git index)
  std::string bytes;
  bool tracked = false;  // git tracks it (in the index); false outside git and for untracked files
  bool ignored = false;  // git ignores it (scanned anyway: .env files, --no-ignore)
  // --diff: the 1-based lines added or changed; empty set with has_changed_lines means "none".
  bool has_changed_lines = false;
  std::set<int> changed_lines;
};

enum class Language { kOther, kJavaScript, kTypeScript, kTsx, kDotenv, kYaml, kJson };
enum class Side { kUnknown, kClient, kServer, kShared };
// kTemplate: .env.example and friends, which document keys and must not hold real values.
enum class Stage { kUnknown, kDev, kTest, kStaging, kProd, kCi, kTemplate };
// What kind of file it is for the analyzers that care.
enum class FileKind { kSource, kDotenv, kGithubWorkflow, kGitlabCi, kPackageJson, kOther };

const char* SideName(Side side);
const char* StageName(Stage stage);
const char* LanguageName(Language language);

struct FileFacts {
  Language language = Language::kOther;
  FileKind kind = FileKind::kOther;
  Side side = Side::kUnknown;
  Stage stage = Stage::kUnknown;
  // Why side and stage were decided, for --verbose ("next app/ without 'use client'").
  std::string side_reason;
  std::string stage_reason;
  // The side is one bundlers enforce ('server-only', 'use server', *.server.*, $lib/server): the
  // module graph never carries client code across it.
  bool side_boundary = false;
  // The side was inferred from the modules the file imports (react-dom, express): a hint good
  // enough for the file's own checks, too weak to make it a client entry of the module graph.
  bool side_from_imports = false;
  // The framework of the file's package ("next", "vite", ... as in rules/exposure.toml); "" if none.
  std::string framework;
  // A test file or fixture (tests/, __tests__/, *.test.ts, *.spec.js): test keys there are fine.
  bool is_test = false;
  // Documentation (README.md, docs/): examples there are lower risk.
  bool is_docs = false;
};

}  // namespace keylint

#endif  // KEYLINT_CORE_TARGET_H_
