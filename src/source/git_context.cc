// Context for partial scans: the committed env files a full scan would read. Cross-file checks
// (a dev file holding the production value, a template key missing from a stage) compare env
// files with each other; a pre-commit run that stages only .env.development must still see the
// committed .env.production to report what a full scan reports, with the same fingerprint, so
// that a baseline made from a full scan holds in pre-commit.
#include <algorithm>
#include <string>

#include "source/git_modes.h"
#include "source/git_util.h"

namespace keylint {
namespace source_internal {

Status AddContextEnvFiles(git_repository* repo, bool from_index, ListingBuilder* b) {
  git_index* raw_index = nullptr;
  if (git_repository_index(&raw_index, repo) < 0) {
    return Error{b->AbsPath(""), 0, "cannot read the git index: " + LastGitError()};
  }
  IndexPtr index(raw_index);
  // Paths already listed (sorted by Finish()) are read in full, not as context.
  std::vector<std::string> listed;
  for (size_t i = 0; i < b->target_count(); ++i) listed.push_back(b->target(i).path);
  size_t n = git_index_entrycount(index.get());
  for (size_t i = 0; i < n; ++i) {
    const git_index_entry* e = git_index_get_byindex(index.get(), i);
    if (e == nullptr || GIT_INDEX_ENTRY_STAGE(e) != 0 || e->mode != GIT_FILEMODE_BLOB) continue;
    std::string path = e->path;
    std::string name = path.substr(path.rfind('/') + 1);
    if (!IsEnvFileName(name)) continue;
    if (std::binary_search(listed.begin(), listed.end(), path)) continue;
    if (b->SkipByGlob(path, /*record=*/false, /*tracked=*/true)) continue;
    Target t;
    t.path = path;
    t.tracked = true;
    t.context_only = true;
    if (from_index) {
      bool skipped = false;
      if (!ReadBlob(repo, e->id, &t, b, &skipped) || skipped) continue;
    } else {
      t.abs_path = b->AbsPath(path);
    }
    b->AddTarget(std::move(t));
  }
  return Status();
}

}  // namespace source_internal
}  // namespace keylint
