// Files as a commit recorded them: a tree-to-tree diff with the bytes read from the new tree's
// blobs. Shared by --history (each commit against its parent) and --diff A...B (B not checked out).
#include <string>
#include <vector>

#include "source/git_modes.h"
#include "source/git_util.h"
#include "source/size_text.h"

namespace keylint {
namespace source_internal {
namespace {

// The lines delta `i` adds (0 context lines). A binary delta has none and no line filter.
void MarkAddedLines(git_diff* diff, size_t i, Target* t) {
  git_patch* raw = nullptr;
  if (git_patch_from_diff(&raw, diff, i) < 0 || raw == nullptr) return;
  PatchPtr patch(raw);
  if (git_patch_get_delta(patch.get())->flags & GIT_DIFF_FLAG_BINARY) return;
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

}  // namespace

bool ReadBlob(git_repository* repo, const git_oid& id, Target* t, ListingBuilder* b, bool* skipped) {
  *skipped = false;
  git_odb* raw_odb = nullptr;
  if (git_repository_odb(&raw_odb, repo) == 0) {
    OdbPtr odb(raw_odb);
    size_t size = 0;
    git_object_t type = GIT_OBJECT_INVALID;
    const size_t max_bytes = b->request().max_file_bytes;
    if (max_bytes != 0 && git_odb_read_header(&size, &type, odb.get(), &id) == 0 && size > max_bytes) {
      b->AddSkip(t->path, SizeSkipReason(b->request().max_file_bytes));
      *skipped = true;
      return true;
    }
  }
  git_blob* raw = nullptr;
  if (git_blob_lookup(&raw, repo, &id) < 0) {
    b->Notify(t->path, "cannot read the content git recorded: " + LastGitError());
    return false;
  }
  BlobPtr blob(raw);
  const char* data = static_cast<const char*>(git_blob_rawcontent(blob.get()));
  t->bytes = std::string(data, static_cast<size_t>(git_blob_rawsize(blob.get())));
  return true;
}

Status AddTreeDiff(git_repository* repo, git_tree* old_tree, git_tree* new_tree,
                   const std::string& commit, ListingBuilder* b) {
  git_diff_options opts;
  git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
  opts.flags = GIT_DIFF_DISABLE_PATHSPEC_MATCH;
  opts.context_lines = 0;
  opts.interhunk_lines = 0;
  opts.max_size = static_cast<git_off_t>(b->request().max_file_bytes);
  std::vector<char*> specs = ScopePathspec(*b);
  opts.pathspec.strings = specs.data();
  opts.pathspec.count = specs.size();
  git_diff* raw_diff = nullptr;
  if (git_diff_tree_to_tree(&raw_diff, repo, old_tree, new_tree, &opts) < 0) {
    return Error{commit.empty() ? "--diff" : commit, 0, "cannot diff the trees: " + LastGitError()};
  }
  DiffPtr diff(raw_diff);
  size_t n = git_diff_num_deltas(diff.get());
  for (size_t i = 0; i < n; ++i) {
    const git_diff_delta* d = git_diff_get_delta(diff.get(), i);
    if (d->status != GIT_DELTA_ADDED && d->status != GIT_DELTA_MODIFIED &&
        d->status != GIT_DELTA_RENAMED && d->status != GIT_DELTA_COPIED &&
        d->status != GIT_DELTA_TYPECHANGE) {
      continue;  // deleted: nothing was added
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
    t.path = path;  // abs_path stays "": the bytes come from the commit
    t.tracked = true;
    t.commit = commit;
    bool skipped = false;
    if (!ReadBlob(repo, d->new_file.id, &t, b, &skipped) || skipped) continue;
    MarkAddedLines(diff.get(), i, &t);
    b->AddTarget(std::move(t));
  }
  return Status();
}

}  // namespace source_internal
}  // namespace keylint
