// The three ways of listing targets inside a git repository. Internal to src/source; each fills
// a ListingBuilder whose root is the repository's work tree.
#ifndef KEYLINT_SOURCE_GIT_MODES_H_
#define KEYLINT_SOURCE_GIT_MODES_H_

#include <git2.h>

#include <string>
#include <vector>

#include "core/result.h"
#include "source/listing.h"

namespace keylint {
namespace source_internal {

// Working tree: every index entry (tracked; submodules, symlinks and sparse-checkout holes are
// skipped with a reason, entries missing from the work tree are notifications), then the
// untracked files git does not ignore, then ignored env files (all ignored files with
// no_ignore). Files named on the command line are scanned even when ignored. Cost: one pass
// over the index plus one git status walk of the scoped work tree.
Status ListWorkingTree(git_repository* repo, ListingBuilder* builder);

// --staged: index entries that differ from HEAD (added, modified, renamed, copied, type
// changed), bytes filled from the index blobs. An unborn HEAD counts as an empty tree. Cost: a
// tree-to-index diff (no work-tree reads) plus one blob read per staged file.
Status ListStaged(git_repository* repo, ListingBuilder* builder);

// --diff REF: files that differ between the merge base of REF and HEAD and the work tree
// (through the index, so staged and unstaged changes both count), plus untracked and ignored env
// files, with the new-side changed lines. New files have every line changed. "A...B" compares
// the merge base of A and B with B (the work tree when B is HEAD). Fails if a ref does not
// resolve or there is no merge base; in a shallow clone the message says what to fetch.
Status ListDiff(git_repository* repo, const std::string& ref, ListingBuilder* builder);

// --history RANGE: see source.h. Fails if the range does not resolve.
Status ListHistory(git_repository* repo, const std::string& range, ListingBuilder* builder);

// The files that differ between `old_tree` (nullptr: an empty tree) and `new_tree`, added or
// modified, with bytes from new_tree's blobs and the added lines as changed lines; each Target
// gets `commit`. Binary blobs (libgit2's judgement) keep has_changed_lines=false.
Status AddTreeDiff(git_repository* repo, git_tree* old_tree, git_tree* new_tree,
                   const std::string& commit, ListingBuilder* builder);

// Reads blob `id` into t->bytes, unless it is over the size limit (a skip; *skipped = true).
// false, with a notification, when it cannot be read.
bool ReadBlob(git_repository* repo, const git_oid& id, Target* t, ListingBuilder* b, bool* skipped);

// Appends the tracked env files (IsEnvFileName) that the listing does not hold, as
// context_only targets: bytes from the index blobs when `from_index`, else read later from the
// work tree. REQUIRES: builder->Finish() was called.
Status AddContextEnvFiles(git_repository* repo, bool from_index, ListingBuilder* builder);

// origin's URL as an https URI without credentials ("git@github.com:o/r.git" ->
// "https://github.com/o/r"), HEAD's commit id and branch. Empty parts when unknown; a local
// path or file:// remote gives no URI (it would name this machine's folders).
VcsInfo ReadVcsInfo(git_repository* repo);
std::string PublicRemoteUri(const std::string& url);

// The scan set's ignored part, shared by ListWorkingTree and ListDiff: runs git status over the
// scopes and adds ignored env files (every ignored file with no_ignore, plus files named on the
// command line), recording one "ignored by git" skip per ignored file or directory left out.
// With include_untracked, the untracked files git does not ignore are added too.
Status AddStatusEntries(git_repository* repo, bool include_untracked, ListingBuilder* builder);

// The scopes as a literal libgit2 pathspec (empty when a scope is the whole work tree). The
// returned pointers borrow from `builder`'s scopes.
std::vector<char*> ScopePathspec(const ListingBuilder& builder);

}  // namespace source_internal
}  // namespace keylint

#endif  // KEYLINT_SOURCE_GIT_MODES_H_
