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
//   kDiff: REF is compared from the merge base of REF and HEAD ("--diff origin/main" shows what
//     the branch added, not what main gained since). Files that differ between that base's tree
//     and the working tree (staged or not), untracked files git does not ignore, and ignored env
//     files; has_changed_lines with the new-side line numbers added or modified. "A...B" compares
//     the merge base of A and B with B: the working tree when B is HEAD (or empty), else B's
//     committed tree (bytes from its blobs). A new file has every line changed. A file libgit2
//     deems binary gets has_changed_lines=false (no line filter): hiding findings would be worse.
//     In a shallow clone a missing REF or merge base is an error that says how deep to fetch.
//   kHistory: for every non-merge commit of the range (git rev-list syntax: "A..B", "A...B", or
//     one REV for all its history), oldest first, the files it added or modified against its
//     first parent, bytes from the commit's blobs, changed lines = the lines it added,
//     Target::commit = its id. The same path may be listed once per commit.
//   kStdin: one target read from standard input, reported as stdin_filename (relative to the
//     root: the git work tree of the current directory, else the current directory); tracked
//     when git tracks that path.
//   Partial scans (kStaged, kDiff, kStdin, or PATHs that do not cover the whole work tree) also
//     list the tracked env files they leave out as context_only targets (read from the index for
//     kStaged, from the work tree otherwise), so cross-file checks see what a full scan sees.
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
#include "core/vcs.h"

namespace keylint {

struct SourceRequest {
  enum class Mode { kWorkingTree, kStaged, kDiff, kHistory, kStdin };
  Mode mode = Mode::kWorkingTree;
  std::vector<std::string> paths;  // files or folders; empty means "."
  std::string diff_ref;            // kDiff: report only lines changed since this ref ("A...B" too)
  std::string history_range;       // kHistory: "A..B", "A...B" or one REV
  std::string stdin_filename;      // kStdin: the name the bytes are classified and reported as
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
  std::vector<Path> paths;  // the requested PATHs (stdin: the name it is reported as)
  std::string owner_warning;  // a repository owned by another user, opened anyway
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
  VcsInfo vcs;                               // in git: origin remote, HEAD commit and branch
};

// A repository that git itself would refuse because another user owns it (safe.directory) is
// read as git all the same (libgit2 runs no hooks and no commands from its config), with a
// warning notification that names safe.directory; it never falls back to a plain folder scan.
//
// Fails (exit code 2 in the CLI) when a path does not exist ("PATH: no such file or
// directory"), --staged, --diff or --history is used outside a git repository, the ref or range
// does not resolve (in a shallow clone, the message says to fetch more history), stdin cannot be
// read, a PATH is in a bare repository, or the PATHs are not all in one work tree (or all
// outside git). Per-file problems are notifications, not errors. Cost: one index pass and one git
// status walk in git (no file contents read, except new files' line counts in kDiff and the
// staged blobs in kStaged).
[[nodiscard]] Result<SourceListing> ListTargets(const SourceRequest& request);

// ListTargets in two steps: where (fails as ListTargets does), then what, under the request's
// skips. `place` must come from LocateScan with the same paths and mode.
[[nodiscard]] Result<ScanPlace> LocateScan(const SourceRequest& request);
[[nodiscard]] Result<SourceListing> ListTargets(const SourceRequest& request, const ScanPlace& place);

// Reads target->abs_path into target->bytes unless already filled (kStaged), then checks the
// bytes either way, so call it for every target; UTF-16 with a byte order mark is decoded to
// UTF-8 first. Returns true when the file should be analysed.
// Otherwise returns false with target->bytes cleared and either a Skip reason in *skip_reason
// ("binary": a NUL in the first 8 KiB; "over 2 MiB (max_file_bytes)" when a limit is set), or a
// Notification-worthy message in *error ("permission denied", "is a directory", "not a regular
// file", "no such file or directory", ...) that does not repeat the path. Never blocks on a
// FIFO, never follows a symlink. Thread-safe; one open + fstat + read.
bool ReadTargetBytes(Target* target, size_t max_file_bytes, std::string* skip_reason,
                     std::string* error);

// The most a file that steers the scan (config, .keylintignore, baseline) may hold.
constexpr size_t kMaxControlFileBytes = 1u << 20;

// Reads a file that steers the scan: only a regular file of at most kMaxControlFileBytes, never
// blocking (a FIFO, /dev/zero or a directory is an error, not a hang or an empty file). When
// `inside` is not empty, the file with its symlinks resolved must lie in that folder (a
// repository's own .keylint.toml must not reach out of it). Errors are Error{path, 0, why}.
[[nodiscard]] Status ReadControlFile(const std::string& path, const std::string& inside,
                                     std::string* out);

}  // namespace keylint

#endif  // KEYLINT_SOURCE_SOURCE_H_
