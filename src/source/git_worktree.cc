// Working-tree listing inside git: the index for tracked files, git status for the rest.
#include <dirent.h>
#include <sys/stat.h>

#include <set>
#include <string>
#include <vector>

#include "source/git_modes.h"
#include "source/git_util.h"

namespace keylint {
namespace source_internal {
namespace {

bool EndsWithSlash(const std::string& s) { return !s.empty() && s.back() == '/'; }

bool HasGitDir(const std::string& abs_dir) {
  struct stat st;
  return ::lstat((abs_dir + "/.git").c_str(), &st) == 0;
}

// An ignored directory ("build/"): one skip for it, and a walk that still picks up env files
// (or everything, with no_ignore). Files the index holds are left to the index pass.
void AddIgnoredDirectory(const std::string& rel_dir_slash, git_index* index,
                         ListingBuilder* b) {
  std::string rel_dir = rel_dir_slash.substr(0, rel_dir_slash.size() - 1);
  if (!b->DirOverlapsScope(rel_dir)) return;
  if (b->SkipByGlob(rel_dir_slash)) return;
  WalkOptions options;
  options.ignored = true;
  options.env_only = !b->request().no_ignore;
  options.exclude = [index](const std::string& rel) {
    return git_index_get_bypath(index, rel.c_str(), 0) != nullptr;
  };
  if (options.env_only) b->AddSkip(rel_dir_slash, "ignored by git");
  WalkDirectory(rel_dir, options, b);
}

// An untracked directory status did not recurse into: another repository (not a submodule).
void AddUntrackedDirectory(const std::string& rel_dir_slash, ListingBuilder* b) {
  std::string rel_dir = rel_dir_slash.substr(0, rel_dir_slash.size() - 1);
  if (!b->DirOverlapsScope(rel_dir)) return;
  if (HasGitDir(b->AbsPath(rel_dir))) {
    b->AddSkip(rel_dir_slash, "nested git repository");
    return;
  }
  if (b->SkipByGlob(rel_dir_slash)) return;
  WalkDirectory(rel_dir, WalkOptions(), b);
}

// An ignored file git status (or the walk that stands in for it) met: listed when env files are
// always scanned, --no-ignore is on or the user named it, else one "ignored by git" skip.
void AddIgnoredFile(const std::string& path, ListingBuilder* b) {
  size_t slash = path.rfind('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  if (b->request().no_ignore || IsEnvFileName(name) || b->IsExplicitFile(path)) {
    b->AddFile(path, /*tracked=*/false, /*ignored=*/true);
  } else if (b->InScope(path) && !b->SkipByGlob(path)) {
    b->AddSkip(path, "ignored by git");
  }
}

// What git status would have listed, found by walking the scopes and asking git's ignore rules
// one path at a time: for when git status gives up on the whole tree (a folder nested deeper
// than libgit2's limit of 100, a tracked file it cannot read), so that no file is lost for one.
// Unreadable folders and files that are not regular (FIFOs) become notifications on the way.
void WalkWithoutStatus(git_repository* repo, git_index* index, ListingBuilder* b) {
  auto ignored = [repo](const std::string& rel) {
    int is = 0;
    return git_ignore_path_is_ignored(&is, repo, rel.c_str()) == 0 && is == 1;
  };
  WalkOptions options;
  options.claim = [&](const std::string& rel, unsigned char type) {
    if (type == DT_DIR) {
      if (HasGitDir(b->AbsPath(rel))) {
        b->AddSkip(rel + "/", "nested git repository");
        return true;
      }
      if (!ignored(rel)) return false;
      AddIgnoredDirectory(rel + "/", index, b);
      return true;
    }
    if (git_index_get_bypath(index, rel.c_str(), 0) != nullptr) return true;  // listed already
    if (!ignored(rel)) return false;
    AddIgnoredFile(rel, b);
    return true;
  };
  for (const Scope& s : b->scopes()) {
    if (s.is_dir) WalkDirectory(s.rel, options, b);
  }
}

// What git status passes over without a word: folders it cannot open and files that are not
// regular (FIFOs, sockets, devices). One more readdir walk of what status walked (ignored
// folders, nested repositories and skip_paths pruned; d_type spares a stat per entry), so that
// each becomes a notification instead of vanishing.
void NoteWhatStatusCannotSee(git_repository* repo, const std::set<std::string>& ignored_dirs,
                             ListingBuilder* b) {
  WalkOptions options;
  options.record_skips = false;
  options.claim = [&](const std::string& rel, unsigned char type) {
    if (type == DT_REG) return true;  // status listed it (or ignores it)
    if (type == DT_DIR) return ignored_dirs.count(rel) != 0 || HasGitDir(b->AbsPath(rel));
    int ignored = 0;  // a special file: listed (ReadTargetBytes reports it) unless ignored
    return git_ignore_path_is_ignored(&ignored, repo, rel.c_str()) == 0 && ignored == 1;
  };
  for (const Scope& s : b->scopes()) {
    if (s.is_dir) WalkDirectory(s.rel, options, b);
  }
}

// Whether `dir` or one of the folders above it is in `dirs`.
bool UnderAny(const std::string& dir, const std::set<std::string>& dirs) {
  size_t end = dir.size();
  while (end != std::string::npos && end > 0) {
    if (dirs.count(dir.substr(0, end)) != 0) return true;
    end = dir.rfind('/', end - 1);
  }
  return false;
}

// See AddStatusEntries. Returns the directories walked (no trailing '/').
std::set<std::string> WalkIgnoredDirectoriesGitMisses(git_repository* repo, git_index* index,
                                                      ListingBuilder* b) {
  std::set<std::string> candidates;
  for (const Scope& s : b->scopes()) {
    if (s.is_dir && !s.rel.empty()) candidates.insert(s.rel);
  }
  size_t n = git_index_entrycount(index);
  for (size_t i = 0; i < n; ++i) {
    const git_index_entry* e = git_index_get_byindex(index, i);
    if (e == nullptr || e->path == nullptr || !b->InScope(e->path)) continue;
    std::string dir = e->path;
    for (size_t slash = dir.rfind('/'); slash != std::string::npos; slash = dir.rfind('/')) {
      dir.resize(slash);
      if (!candidates.insert(dir).second) break;  // its parents are in already
    }
  }
  std::set<std::string> walked;
  for (const std::string& dir : candidates) {  // sorted: parents come before their children
    if (UnderAny(dir, walked)) continue;
    int ignored = 0;
    if (git_ignore_path_is_ignored(&ignored, repo, dir.c_str()) < 0 || ignored != 1) continue;
    AddIgnoredDirectory(dir + "/", index, b);
    walked.insert(dir);
  }
  return walked;
}

}  // namespace

std::vector<char*> ScopePathspec(const ListingBuilder& builder) {
  std::vector<char*> specs;
  for (const Scope& s : builder.scopes()) {
    if (s.rel.empty()) return {};  // the whole work tree
    specs.push_back(const_cast<char*>(s.rel.c_str()));
  }
  return specs;
}

Status AddStatusEntries(git_repository* repo, bool include_untracked, ListingBuilder* b) {
  git_index* raw_index = nullptr;
  if (git_repository_index(&raw_index, repo) < 0) {
    return Error{b->AbsPath(""), 0, "cannot read the git index: " + LastGitError()};
  }
  IndexPtr index(raw_index);

  // git status (libgit2 1.5) misses ignored files in two places: under a pathspec below an
  // ignored directory ("build/sub" when "build/" is ignored: nothing is reported), and inside
  // an ignored directory that also holds tracked files (it neither reports the directory nor
  // the ignored files in it). Both kinds of directory are found here and walked as ignored
  // directories. Cost: one ignore check per directory that holds tracked files.
  std::set<std::string> walked = WalkIgnoredDirectoriesGitMisses(repo, index.get(), b);

  git_status_options opts;
  git_status_options_init(&opts, GIT_STATUS_OPTIONS_VERSION);
  opts.show = GIT_STATUS_SHOW_WORKDIR_ONLY;
  opts.flags = GIT_STATUS_OPT_INCLUDE_IGNORED | GIT_STATUS_OPT_EXCLUDE_SUBMODULES |
               GIT_STATUS_OPT_DISABLE_PATHSPEC_MATCH | GIT_STATUS_OPT_INCLUDE_UNREADABLE;
  if (include_untracked) {
    opts.flags |= GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS;
  }
  std::vector<char*> specs = ScopePathspec(*b);
  opts.pathspec.strings = specs.data();
  opts.pathspec.count = specs.size();

  git_status_list* raw = nullptr;
  if (git_status_list_new(&raw, repo, &opts) < 0) {
    if (!include_untracked) {
      return Error{b->AbsPath(""), 0, "git status failed: " + LastGitError()};
    }
    b->Notify("", "git status failed (" + LastGitError() +
                      "): untracked files were found by walking the folders instead");
    WalkWithoutStatus(repo, index.get(), b);
    return Status();
  }
  StatusListPtr list(raw);
  size_t n = git_status_list_entrycount(list.get());
  for (size_t i = 0; i < n; ++i) {
    const git_status_entry* e = git_status_byindex(list.get(), i);
    if (e == nullptr || e->index_to_workdir == nullptr) continue;
    const git_diff_delta* d = e->index_to_workdir;
    const char* p = d->new_file.path != nullptr ? d->new_file.path : d->old_file.path;
    if (p == nullptr) continue;
    std::string path(p);
    if (e->status & GIT_STATUS_WT_UNREADABLE) {
      if (b->InScope(path)) b->Notify(path, "cannot be read (permission denied): not scanned");
      continue;
    }
    if (e->status & GIT_STATUS_WT_NEW) {
      if (!include_untracked) continue;
      if (EndsWithSlash(path)) {
        AddUntrackedDirectory(path, b);
      } else {
        b->AddFile(path, /*tracked=*/false, /*ignored=*/false);
      }
    } else if (e->status & GIT_STATUS_IGNORED) {
      if (EndsWithSlash(path)) {
        if (walked.insert(path.substr(0, path.size() - 1)).second) {
          AddIgnoredDirectory(path, index.get(), b);
        }
        continue;
      }
      AddIgnoredFile(path, b);
    }
  }
  if (include_untracked) NoteWhatStatusCannotSee(repo, walked, b);
  return Status();
}

Status ListWorkingTree(git_repository* repo, ListingBuilder* b) {
  git_index* raw_index = nullptr;
  if (git_repository_index(&raw_index, repo) < 0) {
    return Error{b->AbsPath(""), 0, "cannot read the git index: " + LastGitError()};
  }
  IndexPtr index(raw_index);

  // Tracked files. Entries are sorted by path; a conflicted path has several stages, keep one.
  std::string last;
  size_t n = git_index_entrycount(index.get());
  for (size_t i = 0; i < n; ++i) {
    const git_index_entry* e = git_index_get_byindex(index.get(), i);
    if (e == nullptr || e->path == nullptr || last == e->path) continue;
    last = e->path;
    if (!b->InScope(last)) continue;
    if (e->flags_extended & GIT_INDEX_ENTRY_SKIP_WORKTREE) {
      b->AddSkip(last, "not checked out (sparse checkout)");
    } else if (e->mode == GIT_FILEMODE_COMMIT) {
      b->AddSkip(last, "submodule");
    } else {
      b->AddFile(last, /*tracked=*/true, /*ignored=*/false);
    }
  }

  // Untracked and ignored files, including files named on the command line that git ignores.
  Status st = AddStatusEntries(repo, /*include_untracked=*/true, b);
  if (!st.ok()) return st;
  for (const Scope& s : b->scopes()) {
    if (s.is_dir || git_index_get_bypath(index.get(), s.rel.c_str(), 0) != nullptr) continue;
    int ignored = 0;
    git_ignore_path_is_ignored(&ignored, repo, s.rel.c_str());
    b->AddFile(s.rel, /*tracked=*/false, ignored == 1);  // duplicates are dropped by Finish()
  }
  return Status();
}

}  // namespace source_internal
}  // namespace keylint
