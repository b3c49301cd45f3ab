// --staged: what `git commit` would record, read from the index blobs, not the work tree.
#include <string>
#include <vector>

#include "source/git_modes.h"
#include "source/git_util.h"

namespace keylint {
namespace source_internal {
namespace {

// HEAD's tree, or null for an unborn HEAD (the first commit: everything staged is new).
Status HeadTree(git_repository* repo, TreePtr* out) {
  int unborn = git_repository_head_unborn(repo);
  if (unborn == 1) return Status();
  git_object* obj = nullptr;
  if (unborn < 0 || git_revparse_single(&obj, repo, "HEAD^{tree}") < 0) {
    return Error{"HEAD", 0, "cannot resolve HEAD: " + LastGitError()};
  }
  out->reset(reinterpret_cast<git_tree*>(obj));
  return Status();
}

}  // namespace

Status ListStaged(git_repository* repo, ListingBuilder* b) {
  git_index* raw_index = nullptr;
  if (git_repository_index(&raw_index, repo) < 0) {
    return Error{b->AbsPath(""), 0, "cannot read the git index: " + LastGitError()};
  }
  IndexPtr index(raw_index);
  TreePtr head;
  Status st = HeadTree(repo, &head);
  if (!st.ok()) return st;

  git_diff_options opts;
  git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
  opts.flags = GIT_DIFF_DISABLE_PATHSPEC_MATCH;
  opts.ignore_submodules = GIT_SUBMODULE_IGNORE_DIRTY;  // only the recorded commit matters
  std::vector<char*> specs = ScopePathspec(*b);
  opts.pathspec.strings = specs.data();
  opts.pathspec.count = specs.size();
  git_diff* raw_diff = nullptr;
  if (git_diff_tree_to_index(&raw_diff, repo, head.get(), index.get(), &opts) < 0) {
    return Error{b->AbsPath(""), 0, "cannot diff HEAD against the index: " + LastGitError()};
  }
  DiffPtr diff(raw_diff);

  size_t n = git_diff_num_deltas(diff.get());
  for (size_t i = 0; i < n; ++i) {
    const git_diff_delta* d = git_diff_get_delta(diff.get(), i);
    switch (d->status) {
      case GIT_DELTA_ADDED:
      case GIT_DELTA_MODIFIED:
      case GIT_DELTA_RENAMED:
      case GIT_DELTA_COPIED:
      case GIT_DELTA_TYPECHANGE:
        break;
      case GIT_DELTA_CONFLICTED:
        if (d->new_file.path != nullptr && b->InScope(d->new_file.path)) {
          b->Notify(d->new_file.path, "unmerged (merge conflict): resolve it, then stage it");
        }
        continue;
      default:
        continue;  // deleted or unchanged: nothing will be committed there
    }
    std::string path = d->new_file.path;
    if (!b->InScope(path)) continue;
    if (d->new_file.mode == GIT_FILEMODE_COMMIT) {
      b->AddSkip(path, "submodule");
      continue;
    }
    if (d->new_file.mode == GIT_FILEMODE_LINK) {
      b->AddSkip(path, "symlink");
      continue;
    }
    if (b->SkipByGlob(path, /*record=*/true, /*tracked=*/true)) continue;
    Target t;
    t.path = path;  // abs_path stays "": the bytes come from the index
    t.tracked = true;
    bool skipped = false;
    if (!ReadBlob(repo, d->new_file.id, &t, b, &skipped) || skipped) continue;
    b->AddTarget(std::move(t));
  }
  return Status();
}

}  // namespace source_internal
}  // namespace keylint
