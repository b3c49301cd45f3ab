#include "source/git_util.h"

#include <mutex>

namespace keylint {
namespace source_internal {

void EnsureLibgit2() {
  static std::once_flag once;
  std::call_once(once, [] { git_libgit2_init(); });
}

std::string LastGitError() {
  const git_error* e = git_error_last();
  return (e != nullptr && e->message != nullptr) ? std::string(e->message) : std::string();
}

}  // namespace source_internal
}  // namespace keylint
