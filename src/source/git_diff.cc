// --diff REF: the files changed since REF, with the new-side line numbers that changed.
#include <fcntl.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "source/git_modes.h"
#include "source/git_util.h"

namespace keylint {
namespace source_internal {
namespace {

// Marks every line of a file new since REF as changed. Reads the file once (it is read again
// for analysis; new files in a diff are few). A file over the limit or unreadable is left with
// no lines: ReadTargetBytes skips or reports it anyway.
void MarkAllLinesChanged(Target* t, size_t max_file_bytes) {
  t->has_changed_lines = true;
  int fd = ::open(t->abs_path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return;
  std::string bytes;
  char buf[65536];
  ssize_t got;
  while ((got = ::read(fd, buf, sizeof(buf))) > 0) {
    bytes.append(buf, static_cast<size_t>(got));
    if (max_file_bytes != 0 && bytes.size() > max_file_bytes) break;
  }
  ::close(fd);
  if (got < 0 || (max_file_bytes != 0 && bytes.size() > max_file_bytes) || bytes.empty()) return;
  int line = 1;
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] != '\n') continue;
    t->changed_lines.insert(line);
    ++line;
  }
  if (bytes.back() != '\n') t->changed_lines.insert(line);
}

// Collects the added lines of delta `i` (0 context lines: every line shown is a change). A
// delta libgit2 judges binary has no lines; it is then marked "no line filter", since
// keylint's own binary test may still read it as text and hiding its findings would be worse.
void MarkChangedLines(git_diff* diff, size_t i, Target* t) {
  git_patch* raw = nullptr;
  if (git_patch_from_diff(&raw, diff, i) < 0 || raw == nullptr) {
    t->has_changed_lines = false;
    return;
  }
  PatchPtr patch(raw);
  if (git_patch_get_delta(patch.get())->flags & GIT_DIFF_FLAG_BINARY) {
    t->has_changed_lines = false;
    return;
  }
  t->has_changed_lines = true;
  size_t hunks = git_patch_num_hunks(patch.get());
  for (size_t h = 0; h < hunks; ++h) {
    int lines = git_patch_num_lines_in_hunk(patch.get(), h);
    for (int l = 0; l < lines; ++l) {
      const git_diff_line* line = nullptr;
      if (git_patch_get_line_in_hunk(&line, patch.get(), h, static_cast<size_t>(l)) < 0) continue;
      if (line->origin == GIT_DIFF_LINE_ADDITION && line->new_lineno > 0) {
        t->changed_lines.insert(line->new_lineno);
      }
    }
  }
}

// What a shallow clone lacks, and what to fetch; "" in a full clone.
std::string ShallowHint(git_repository* repo) {
  if (git_repository_is_shallow(repo) != 1) return "";
  return " This is a shallow clone, which lacks the history --diff needs: fetch the base branch "
         "and enough history to reach the merge base (git fetch --deepen=200 origin main, or "
         "fetch-depth: 0 in actions/checkout, GIT_DEPTH: 0 in GitLab CI).";
}

// `spec` as a commit; an error that names it (and what a shallow clone lacks) otherwise.
Status ResolveCommit(git_repository* repo, const std::string& spec, const std::string& whole,
                     ObjectPtr* out) {
  git_object* raw = nullptr;
  if (git_revparse_single(&raw, repo, spec.c_str()) < 0) {
    return Error{"--diff", 0,
                 "'" + spec + "' is not a commit, branch or tag in this repository (" + LastGitError() +
                     ")." + ShallowHint(repo)};
  }
  ObjectPtr obj(raw);
  git_object* commit = nullptr;
  if (git_object_peel(&commit, obj.get(), GIT_OBJECT_COMMIT) < 0) {
    return Error{"--diff", 0, "'" + whole + "': '" + spec + "' does not name a commit (" + LastGitError() + ")"};
  }
  out->reset(commit);
  return Status();
}

// The tree of the merge base of `a` and `b`: where the branch left its base.
Status MergeBaseTree(git_repository* repo, const ObjectPtr& a, const ObjectPtr& b,
                     const std::string& whole, TreePtr* out) {
  git_oid base;
  int rc = git_merge_base(&base, repo, git_object_id(a.get()), git_object_id(b.get()));
  if (rc < 0) {
    std::string hint = ShallowHint(repo);
    return Error{"--diff", 0,
                 "'" + whole + "': no common ancestor (merge base)" +
                     (hint.empty() ? ": the two histories are unrelated." : "." + hint)};
  }
  git_commit* commit = nullptr;
  git_tree* tree = nullptr;
  if (git_commit_lookup(&commit, repo, &base) < 0) {
    return Error{"--diff", 0, "cannot read the merge base: " + LastGitError() + ShallowHint(repo)};
  }
  int tree_rc = git_commit_tree(&tree, commit);
  git_commit_free(commit);
  if (tree_rc < 0) return Error{"--diff", 0, "cannot read the merge base's tree: " + LastGitError()};
  out->reset(tree);
  return Status();
}

}  // namespace

Status ListDiff(git_repository* repo, const std::string& ref, ListingBuilder* b) {
  // "A...B" (B may be empty: HEAD); a plain REF means "REF...HEAD".
  size_t dots = ref.find("...");
  std::string from = dots == std::string::npos ? ref : ref.substr(0, dots);
  std::string to = dots == std::string::npos ? "" : ref.substr(dots + 3);
  if (from.empty()) return Error{"--diff", 0, "'" + ref + "' names no base: write REF or A...B"};
  ObjectPtr base_commit;
  Status st = ResolveCommit(repo, from, ref, &base_commit);
  if (!st.ok()) return st;
  TreePtr tree;
  int unborn = git_repository_head_unborn(repo);
  ObjectPtr head_commit;
  if (unborn != 1) {
    st = ResolveCommit(repo, "HEAD", ref, &head_commit);
    if (!st.ok()) return st;
  }
  if (!to.empty()) {
    ObjectPtr to_commit;
    st = ResolveCommit(repo, to, ref, &to_commit);
    if (!st.ok()) return st;
    st = MergeBaseTree(repo, base_commit, to_commit, ref, &tree);
    if (!st.ok()) return st;
    bool to_is_head = head_commit && git_oid_equal(git_object_id(to_commit.get()),
                                                   git_object_id(head_commit.get()));
    if (!to_is_head) {
      // B is not checked out: read what B recorded.
      git_tree* raw_to_tree = nullptr;
      if (git_commit_tree(&raw_to_tree, reinterpret_cast<git_commit*>(to_commit.get())) < 0) {
        return Error{"--diff", 0, "cannot read the tree of '" + to + "': " + LastGitError()};
      }
      TreePtr to_tree(raw_to_tree);
      return AddTreeDiff(repo, tree.get(), to_tree.get(), "", b);
    }
  } else if (head_commit) {
    st = MergeBaseTree(repo, base_commit, head_commit, ref, &tree);
    if (!st.ok()) return st;
  } else {
    // No commit yet: compare with REF itself.
    git_tree* raw_tree = nullptr;
    if (git_commit_tree(&raw_tree, reinterpret_cast<git_commit*>(base_commit.get())) < 0) {
      return Error{"--diff", 0, "cannot read the tree of '" + from + "': " + LastGitError()};
    }
    tree.reset(raw_tree);
  }

  const size_t max_bytes = b->request().max_file_bytes;
  git_diff_options opts;
  git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
  opts.flags = GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS |
               GIT_DIFF_DISABLE_PATHSPEC_MATCH;
  opts.context_lines = 0;
  opts.interhunk_lines = 0;
  opts.max_size = static_cast<git_off_t>(max_bytes);  // bigger files count as binary (0: 512 MiB)
  opts.ignore_submodules = GIT_SUBMODULE_IGNORE_DIRTY;
  std::vector<char*> specs = ScopePathspec(*b);
  opts.pathspec.strings = specs.data();
  opts.pathspec.count = specs.size();
  git_diff* raw_diff = nullptr;
  if (git_diff_tree_to_workdir_with_index(&raw_diff, repo, tree.get(), &opts) < 0) {
    return Error{"--diff", 0,
                 "cannot diff '" + ref + "' against the working tree: " + LastGitError()};
  }
  DiffPtr diff(raw_diff);

  size_t n = git_diff_num_deltas(diff.get());
  for (size_t i = 0; i < n; ++i) {
    const git_diff_delta* d = git_diff_get_delta(diff.get(), i);
    bool whole_file = false;
    switch (d->status) {
      case GIT_DELTA_ADDED:
      case GIT_DELTA_UNTRACKED:
        whole_file = true;
        break;
      case GIT_DELTA_MODIFIED:
      case GIT_DELTA_RENAMED:
      case GIT_DELTA_COPIED:
      case GIT_DELTA_TYPECHANGE:
        break;
      default:
        continue;  // deleted, unchanged, ignored
    }
    std::string path = d->new_file.path;
    if (!path.empty() && path.back() == '/') {
      // An untracked directory git did not enter: another repository inside this one.
      path.pop_back();
      if (b->DirOverlapsScope(path)) b->AddSkip(path + "/", "nested git repository");
      continue;
    }
    if (!b->InScope(path)) continue;
    if (d->new_file.mode == GIT_FILEMODE_COMMIT) {
      b->AddSkip(path, "submodule");
      continue;
    }
    Target* t = b->AddFile(path, /*tracked=*/d->status != GIT_DELTA_UNTRACKED,
                           /*ignored=*/false);
    if (t == nullptr) continue;
    if (whole_file) {
      MarkAllLinesChanged(t, max_bytes);
    } else {
      MarkChangedLines(diff.get(), i, t);
    }
  }

  // Ignored env files (all ignored files with no_ignore) are not in REF: all their lines are new.
  size_t first = b->target_count();
  st = AddStatusEntries(repo, /*include_untracked=*/false, b);
  if (!st.ok()) return st;
  for (size_t i = first; i < b->target_count(); ++i) MarkAllLinesChanged(&b->target(i), max_bytes);
  return Status();
}

}  // namespace source_internal
}  // namespace keylint
