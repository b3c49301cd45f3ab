// --history RANGE: what each commit of the range added. A key committed in one commit of a pull
// request and removed in the next is leaked all the same once pushed, so every commit counts, not
// only the end state.
#include <string>

#include "source/git_modes.h"
#include "source/git_util.h"

namespace keylint {
namespace source_internal {
namespace {

using RevwalkPtr = GitPtr<git_revwalk, git_revwalk_free>;
using CommitPtr = GitPtr<git_commit, git_commit_free>;

// In a shallow clone the commits below the graft are missing: say so, with what to fetch.
std::string ShallowHint(git_repository* repo) {
  if (git_repository_is_shallow(repo) != 1) return "";
  return " This is a shallow clone: fetch the history the range needs (git fetch --unshallow, or "
         "fetch-depth: 0 in actions/checkout, GIT_DEPTH: 0 in GitLab CI).";
}

Status AddCommit(git_repository* repo, const git_oid& id, ListingBuilder* b) {
  git_commit* raw = nullptr;
  if (git_commit_lookup(&raw, repo, &id) < 0) {
    return Error{"--history", 0, std::string("cannot read commit ") + git_oid_tostr_s(&id) + ": " +
                                     LastGitError() + ShallowHint(repo)};
  }
  CommitPtr commit(raw);
  // A merge commit adds nothing of its own that its parents' commits in the range did not
  // (as `git log -p` shows no diff for merges).
  if (git_commit_parentcount(commit.get()) > 1) return Status();
  git_tree* raw_tree = nullptr;
  if (git_commit_tree(&raw_tree, commit.get()) < 0) {
    return Error{"--history", 0, "cannot read the tree of " + std::string(git_oid_tostr_s(&id))};
  }
  TreePtr tree(raw_tree);
  TreePtr parent_tree;
  if (git_commit_parentcount(commit.get()) == 1) {
    git_commit* raw_parent = nullptr;
    // A shallow clone's oldest commit has a parent id but not the parent: treat it as a root,
    // so everything it holds counts as added (over-reporting beats hiding a key).
    if (git_commit_parent(&raw_parent, commit.get(), 0) == 0) {
      CommitPtr parent(raw_parent);
      git_tree* raw_parent_tree = nullptr;
      if (git_commit_tree(&raw_parent_tree, parent.get()) == 0) parent_tree.reset(raw_parent_tree);
    }
  }
  return AddTreeDiff(repo, parent_tree.get(), tree.get(), git_oid_tostr_s(&id), b);
}

}  // namespace

Status ListHistory(git_repository* repo, const std::string& range, ListingBuilder* b) {
  git_revspec spec;
  if (git_revparse(&spec, repo, range.c_str()) < 0) {
    return Error{"--history", 0,
                 "'" + range + "' is not a commit range (A..B, A...B or one commit): " +
                     LastGitError() + ShallowHint(repo)};
  }
  ObjectPtr from(spec.from);
  ObjectPtr to(spec.to);
  git_revwalk* raw_walk = nullptr;
  if (git_revwalk_new(&raw_walk, repo) < 0) {
    return Error{"--history", 0, "cannot walk the history: " + LastGitError()};
  }
  RevwalkPtr walk(raw_walk);
  git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);  // oldest first
  int rc = 0;
  if (spec.flags & GIT_REVSPEC_SINGLE) {
    rc = git_revwalk_push(walk.get(), git_object_id(from.get()));
  } else {
    rc = git_revwalk_push(walk.get(), git_object_id(to.get()));
    if (rc == 0 && (spec.flags & GIT_REVSPEC_MERGE_BASE)) {
      // A...B: what either side has that their merge base does not.
      git_oid base;
      rc = git_revwalk_push(walk.get(), git_object_id(from.get()));
      if (rc == 0 && git_merge_base(&base, repo, git_object_id(from.get()), git_object_id(to.get())) == 0) {
        rc = git_revwalk_hide(walk.get(), &base);
      }
    } else if (rc == 0) {
      rc = git_revwalk_hide(walk.get(), git_object_id(from.get()));
    }
  }
  if (rc < 0) return Error{"--history", 0, "cannot walk '" + range + "': " + LastGitError() + ShallowHint(repo)};
  git_oid id;
  while ((rc = git_revwalk_next(&id, walk.get())) == 0) {
    Status st = AddCommit(repo, id, b);
    if (!st.ok()) return st;
  }
  if (rc != GIT_ITEROVER) {
    return Error{"--history", 0, "cannot walk '" + range + "': " + LastGitError() + ShallowHint(repo)};
  }
  return Status();
}

}  // namespace source_internal
}  // namespace keylint
