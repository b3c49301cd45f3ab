// Enumerates what to scan: the working tree (git-aware, via libgit2), the git index (--staged),
// the lines changed since a ref (--diff), or a plain folder outside git. The only stage that
// knows libgit2.
//
// What each mode lists (always only under the requested PATHs, sorted by path, each path once):
//   kWorkingTree in git: the files in the index (tracked) plus the untracked files git does not
//     ignore, plus ignored env files (.env*, *.env) which are scanned anyway (Target::ignored).
//     With no_ignore every ignored file is listed. A file named as a PATH is listed even when
//     ignored. One "ignored by git" skip is recorded per ignored file or top ignored folder.
//   kWorkingTree outside git: every file under the PATHs (.gitignore means nothing there).
//   kStaged: index entries that differ from HEAD (added, modified, renamed, copied, type
//     changed; not deleted), bytes filled from the index blobs. Unborn HEAD: all of the index.
//   kDiff: files that differ between REF's tree and the working tree (staged or not), untracked
//     files git does not ignore, and ignored env files; has_changed_lines with the new-side
//     line numbers added or modified. A new file has every line changed. A file libgit2 deems
//     binary gets has_changed_lines=false (no line filter): hiding findings would be worse.
// Everywhere: `.git/` is never entered; symlinks are skipped ("symlink") and symlinked folders
// not followed; submodules and nested repositories are skipped ("submodule", "nested git
// repository"); skip_paths matches (core/glob.h, on root-relative paths) are skipped with
// "skip_paths: <pattern>" (a folder met while walking is skipped once as "dir/"; files git
// lists are skipped one by one). A tracked file missing from the working tree is a
// notification ("listed by git but missing in the working tree"), unless sparse checkout left
// it out on purpose (skip "not checked out (sparse checkout)").
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
  size_t max_file_bytes = 0;       // larger files are skipped; 0: no limit
  // gitignore-style globs for vendored or generated paths to skip (node_modules/, *.map, ...).
  std::vector<std::string> skip_paths;
  // Build output folders ("dist/", "build/", ".next/": one folder name and a '/'), skipped only
  // where they are output (see above).
  std::vector<std::string> output_paths;
};

// Where a scan reads from, found before listing (so that the root's .keylint.toml can shape the
// listing). See ListTargets for the rules.
struct ScanPlace {
  std::string root;     // absolute, symlinks resolved
  bool in_git = false;
  struct Path {
    std::string rel;    // relative to root; "" for the root itself
    bool is_dir = false;
  };
  std::vector<Path> paths;  // the requested PATHs
};

struct SourceListing {
  // The folder report paths are relative to (absolute, symlinks resolved): the repository's
  // work tree root inside git, else the (single) scanned folder, else the current directory
  // (a file PATH or several PATHs; a PATH outside it gets a "../" path).
  std::string root;
  bool in_git = false;
  // Sorted by path. In kStaged mode bytes are filled from the index; otherwise bytes are empty
  // and ReadTargetBytes fills them (so workers read in parallel).
  std::vector<Target> targets;
  std::vector<Skip> skips;                   // deliberately not scanned, with reasons
  std::vector<Notification> notifications;   // could not be enumerated or read
};

// Fails (exit code 2 in the CLI) when a path does not exist ("PATH: no such file or
// directory"), --staged or --diff is used outside a git repository, the ref does not resolve,
// a PATH is in a bare repository, or the PATHs are not all in one work tree (or all outside
// git). Per-file problems are notifications, not errors. Cost: one index pass and one git
// status walk in git (no file contents read, except new files' line counts in kDiff and the
// staged blobs in kStaged).
[[nodiscard]] Result<SourceListing> ListTargets(const SourceRequest& request);

// ListTargets in two steps: where (fails as ListTargets does), then what, under the request's
// skips. `place` must come from LocateScan with the same paths and mode.
[[nodiscard]] Result<ScanPlace> LocateScan(const SourceRequest& request);
[[nodiscard]] Result<SourceListing> ListTargets(const SourceRequest& request, const ScanPlace& place);

// Reads target->abs_path into target->bytes unless already filled (kStaged), then checks the
// bytes either way, so call it for every target. Returns true when the file should be analysed.
// Otherwise returns false with target->bytes cleared and either a Skip reason in *skip_reason
// ("binary": a NUL in the first 8 KiB; "over 2 MiB (max_file_bytes)" when a limit is set), or a
// Notification-worthy message in *error ("permission denied", "is a directory", "not a regular
// file", "no such file or directory", ...) that does not repeat the path. Never blocks on a
// FIFO, never follows a symlink. Thread-safe; one open + fstat + read.
bool ReadTargetBytes(Target* target, size_t max_file_bytes, std::string* skip_reason,
                     std::string* error);

}  // namespace keylint

#endif  // KEYLINT_SOURCE_SOURCE_H_
