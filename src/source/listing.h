// What every way of listing targets shares: the requested scopes, the skip_paths globs, symlink
// and .git handling, and the final sort. Internal to src/source.
#ifndef KEYLINT_SOURCE_LISTING_H_
#define KEYLINT_SOURCE_LISTING_H_

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/glob.h"
#include "source/source.h"

namespace keylint {
namespace source_internal {

// A requested PATH, relative to the listing root ('/'-separated, no trailing '/'). A directory
// scope "" is the whole root.
struct Scope {
  std::string rel;
  bool is_dir = false;
};

// .env, .env.local, .envrc, prod.env: the files scanned even when git ignores them, because a
// developer's local env file is where a production key hides.
bool IsEnvFileName(std::string_view name);

// Appends to one SourceListing under the rules every mode shares. Paths passed in are
// root-relative; a directory path is passed with a trailing '/' where noted.
class ListingBuilder {
 public:
  // REQUIRES: `root` is absolute, without a trailing '/'; `out` outlives the builder.
  ListingBuilder(const SourceRequest& request, std::string root, std::vector<Scope> scopes,
                 SourceListing* out);

  const SourceRequest& request() const { return request_; }
  const std::vector<Scope>& scopes() const { return scopes_; }
  std::string AbsPath(std::string_view rel) const;

  // Whether `rel` (a file, or a directory without trailing '/') is one of the scopes or under a
  // directory scope.
  bool InScope(std::string_view rel) const;
  // Whether the directory `rel_dir` (no trailing '/') is in scope or holds a scope.
  bool DirOverlapsScope(std::string_view rel_dir) const;
  // Whether `rel` is a file the user named on the command line.
  bool IsExplicitFile(std::string_view rel) const;

  // When a skip_paths glob matches `rel` (ending in '/' for a directory), or, unless it is
  // tracked, `rel` lies in build output (output_paths, see source.h), records the skip (unless
  // !record) and returns true.
  bool SkipByGlob(std::string_view rel, bool record = true, bool tracked = false);

  // The working-tree path of a file git (or a walk) listed: filters by scope and skip_paths,
  // skips symlinks, notes a file that vanished, and otherwise adds a Target with empty bytes.
  // Returns the new Target, valid until the next Add*, or nullptr when none was added.
  Target* AddFile(const std::string& rel, bool tracked, bool ignored);
  // Adds a Target built elsewhere (e.g. from the index). No filtering.
  void AddTarget(Target target);
  void AddSkip(std::string path, std::string reason);
  void Notify(std::string path, std::string message);

  size_t target_count() const { return out_->targets.size(); }
  Target& target(size_t i) { return out_->targets[i]; }

  // Sorts targets, skips and notifications by path and drops duplicates (overlapping scopes can
  // list a file twice; a file both skipped and listed stays listed; --history keeps one target
  // per path and commit). Call at the end; calling it again after adding targets is fine.
  void Finish();

 private:
  // The output_paths entry (e.g. "dist/") under which `rel` lies as build output, or nullptr.
  const std::string* OutputFolderOf(std::string_view rel);
  // Whether the folder `rel_dir` ("" for the root) is a package root: the root, or a folder
  // holding a package.json. Cached: one lstat per folder asked about.
  bool IsPackageRoot(const std::string& rel_dir);

  const SourceRequest& request_;
  GlobList skip_globs_;  // request_.skip_paths, prepared
  std::map<std::string, bool> package_roots_;
  std::string root_;
  std::vector<Scope> scopes_;
  SourceListing* out_;
};

struct WalkOptions {
  bool env_only = false;  // add only env files (and files named on the command line)
  bool ignored = false;   // what Target::ignored says for the files added
  // Files for which this returns true are passed over silently (e.g. files git tracks inside
  // an ignored directory: the index pass lists them). May be empty.
  std::function<bool(const std::string& rel)> exclude;
  // Called first for each file and folder met (not symlinks) with its dirent type (DT_DIR,
  // DT_REG, DT_FIFO, ...); returning true means the caller dealt with it (listed, skipped or
  // walked it): the walk passes it over. May be empty.
  std::function<bool(const std::string& rel, unsigned char type)> claim;
  // false: the walk only looks for what another pass missed, so the folders it prunes are not
  // skips of their own (that pass listed or skipped them).
  bool record_skips = true;
};

// Walks the directory root/rel_dir ("" for the root) with readdir(3): never follows
// symlinks (they are skipped with reason "symlink"), never enters `.git`, prunes directories
// that skip_paths matches (one skip for the directory) or that hold nothing in scope. With
// env_only, other files and pruned directories pass silently: the caller has recorded one skip
// for the whole directory. A directory that cannot be listed becomes a notification.
void WalkDirectory(const std::string& rel_dir, const WalkOptions& options,
                   ListingBuilder* builder);

}  // namespace source_internal
}  // namespace keylint

#endif  // KEYLINT_SOURCE_LISTING_H_
