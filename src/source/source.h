// Enumerates what to scan: the working tree (git-aware, via libgit2), the git index (--staged),
// the lines changed since a ref (--diff), or a plain folder outside git. The only stage that
// knows libgit2.
#ifndef KEYLINT_SOURCE_SOURCE_H_
#define KEYLINT_SOURCE_SOURCE_H_

#include <string>
#include <vector>

#include "core/finding.h"
#include "core/result.h"
#include "core/target.h"

namespace keylint {

struct SourceRequest {
  enum class Mode { kWorkingTree, kStaged, kDiff };
  Mode mode = Mode::kWorkingTree;
  std::vector<std::string> paths;  // files or folders; empty means "."
  std::string diff_ref;            // kDiff: report only lines changed since this ref
  bool no_ignore = false;          // also scan files git ignores
  size_t max_file_bytes = 2u << 20;
  // gitignore-style globs for vendored or generated paths to skip (node_modules/, dist/, ...).
  std::vector<std::string> skip_paths;
};

struct SourceListing {
  // The folder report paths are relative to: the repository's work tree root inside git, else
  // the (single) scanned folder, else the current directory.
  std::string root;
  bool in_git = false;
  // Sorted by path. In kStaged mode bytes are filled from the index; otherwise bytes are empty
  // and ReadTargetBytes fills them (so workers read in parallel).
  std::vector<Target> targets;
  std::vector<Skip> skips;                   // deliberately not scanned, with reasons
  std::vector<Notification> notifications;   // could not be enumerated or read
};

// Fails (exit code 2 in the CLI) when a path does not exist, --staged or --diff is used outside
// a git repository, or the ref does not resolve. Per-file problems are notifications, not errors.
[[nodiscard]] Result<SourceListing> ListTargets(const SourceRequest& request);

// Reads target->abs_path into target->bytes unless already filled. Returns a Skip reason
// ("binary", "over 2 MiB") in *skip_reason and false when the file should not be analysed, or a
// Notification-worthy message in *error and false when it could not be read. Thread-safe.
bool ReadTargetBytes(Target* target, size_t max_file_bytes, std::string* skip_reason,
                     std::string* error);

}  // namespace keylint

#endif  // KEYLINT_SOURCE_SOURCE_H_
