// libgit2 plumbing for src/source only: one-time init, owning handles, error text. No other
// stage includes git2.h (architecture.md).
#ifndef KEYLINT_SOURCE_GIT_UTIL_H_
#define KEYLINT_SOURCE_GIT_UTIL_H_

#include <git2.h>

#include <memory>
#include <string>

namespace keylint {
namespace source_internal {

// Calls git_libgit2_init() once per process, from any thread. libgit2 is never shut down: its
// global state lives until exit, which costs nothing and keeps concurrent callers safe.
void EnsureLibgit2();

// The last libgit2 error on this thread as text ("" if none). libgit2 messages name refs and
// paths, never file contents, so they are safe to show.
std::string LastGitError();

template <typename T, void (*Free)(T*)>
struct GitDeleter {
  void operator()(T* p) const {
    if (p != nullptr) Free(p);
  }
};
template <typename T, void (*Free)(T*)>
using GitPtr = std::unique_ptr<T, GitDeleter<T, Free>>;

using RepoPtr = GitPtr<git_repository, git_repository_free>;
using IndexPtr = GitPtr<git_index, git_index_free>;
using ObjectPtr = GitPtr<git_object, git_object_free>;
using TreePtr = GitPtr<git_tree, git_tree_free>;
using BlobPtr = GitPtr<git_blob, git_blob_free>;
using DiffPtr = GitPtr<git_diff, git_diff_free>;
using PatchPtr = GitPtr<git_patch, git_patch_free>;
using StatusListPtr = GitPtr<git_status_list, git_status_list_free>;
using OdbPtr = GitPtr<git_odb, git_odb_free>;

}  // namespace source_internal
}  // namespace keylint

#endif  // KEYLINT_SOURCE_GIT_UTIL_H_
