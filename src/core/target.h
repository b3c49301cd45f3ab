// A file to analyse, and what classification learned about it.
#ifndef KEYLINT_CORE_TARGET_H_
#define KEYLINT_CORE_TARGET_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace keylint {

// The bytes of one file: owned (a git blob, a test's text), or borrowed from whoever read them (a
// worker's reused buffer, a read-only mapping of a large file), in which case they are valid
// while that reader keeps them (source/file_reader.h). Reads like a std::string_view. Copying
// copies the owned bytes, or the view.
class FileBytes {
 public:
  FileBytes() = default;
  FileBytes(std::string owned) : owned_(std::move(owned)), view_(owned_) {}  // NOLINT: implicit
  FileBytes(const char* owned) : FileBytes(std::string(owned)) {}            // NOLINT: implicit
  FileBytes(const FileBytes& other) { *this = other; }
  FileBytes& operator=(const FileBytes& other);
  FileBytes(FileBytes&& other) noexcept { *this = std::move(other); }
  FileBytes& operator=(FileBytes&& other) noexcept;

  // REQUIRES: `bytes` outlives every use of this FileBytes (and of its copies).
  static FileBytes Borrow(std::string_view bytes);

  operator std::string_view() const { return view_; }  // NOLINT: implicit, as std::string's
  std::string_view view() const { return view_; }
  const char* data() const { return view_.data(); }
  size_t size() const { return view_.size(); }
  bool empty() const { return view_.empty(); }
  // Drops the bytes (and frees owned ones).
  void clear();

  friend bool operator==(const FileBytes& a, std::string_view b) { return a.view_ == b; }

 private:
  bool borrowed() const { return view_.data() != owned_.data(); }
  std::string owned_;
  std::string_view view_;
};

// One file handed from `source` to the analyzers.
struct Target {
  std::string path;      // relative to the scanned root, '/'-separated (what reports show)
  std::string abs_path;  // where it was read from ("" when read from the git index)
  FileBytes bytes;
  // Its size as the listing saw it (lstat), before it is read; 0 when not known. Only for
  // scheduling: what is read decides everything else.
  size_t listed_size = 0;
  bool tracked = false;  // git tracks it (in the index); false outside git and for untracked files
  bool ignored = false;  // git ignores it (scanned anyway: .env files, --no-ignore)
  // Set when its bytes are read: a JavaScript or CSS file whose lines average over 1000 bytes (a
  // bundle or a minified library). Machine-made: read with the credential rules only.
  bool minified = false;
  // --diff: the 1-based lines added or changed; empty set with has_changed_lines means "none".
  bool has_changed_lines = false;
  std::set<int> changed_lines;
  // --history: the commit (full id) whose version of the file this is; "" otherwise.
  std::string commit;
  // Read only for what it tells other files (a committed env file when the scan covers part of
  // the repository): its facts feed the cross-file checks, its own findings are not reported.
  bool context_only = false;
};

enum class Language { kOther, kJavaScript, kTypeScript, kTsx, kDotenv, kYaml, kJson };
enum class Side { kUnknown, kClient, kServer, kShared };
// kTemplate: .env.example and friends, which document keys and must not hold real values.
enum class Stage { kUnknown, kDev, kTest, kStaging, kProd, kCi, kTemplate };
// What kind of file it is for the analyzers that care.
// kCarrier: another file that gives values to names for a stage (compose, Dockerfile, Helm
// values, ...: rules/stages.toml [[stages.carriers]]); FileFacts::carrier says which.
// kGithubAction: a composite action (action.yml).
enum class FileKind { kSource, kDotenv, kGithubWorkflow, kGithubAction, kGitlabCi, kPackageJson,
                      kCarrier, kOther };

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
  // An env file a build tool of its package ships whole in the app (rules/exposure.toml
  // env_file_bundler): that tool's name ("react-native-config"); "" otherwise.
  std::string env_shipped_by;
  // kCarrier: the index of its rule in StageKnowledge::carriers; -1 otherwise.
  int carrier = -1;
  // Machine-made: build output (rules/exposure.toml build_output) or a minified file. Read with
  // the credential rules only, never parsed; side says who downloads it.
  bool built = false;
};

}  // namespace keylint

#endif  // KEYLINT_CORE_TARGET_H_
