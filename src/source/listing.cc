#include "source/listing.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>
#include <vector>

#include "core/glob.h"
#include "core/text.h"

namespace keylint {
namespace source_internal {
namespace {

// Whether `path` is `dir` or lies under it ("" is the root and holds everything).
bool IsUnder(std::string_view path, std::string_view dir) {
  if (dir.empty()) return true;
  return StartsWith(path, dir) && (path.size() == dir.size() || path[dir.size()] == '/');
}

}  // namespace

bool IsEnvFileName(std::string_view name) {
  if (StartsWith(name, ".env")) return true;
  return name.size() > 4 && name.substr(name.size() - 4) == ".env";
}

ListingBuilder::ListingBuilder(const SourceRequest& request, std::string root,
                               std::vector<Scope> scopes, SourceListing* out)
    : request_(request),
      skip_globs_(request.skip_paths),
      root_(std::move(root)),
      scopes_(std::move(scopes)),
      out_(out) {}

std::string ListingBuilder::AbsPath(std::string_view rel) const {
  if (rel.empty()) return root_;
  std::string abs = root_;
  if (abs.empty() || abs.back() != '/') abs += '/';
  abs += rel;
  return abs;
}

bool ListingBuilder::InScope(std::string_view rel) const {
  for (const Scope& s : scopes_) {
    if (s.is_dir ? IsUnder(rel, s.rel) : rel == s.rel) return true;
  }
  return false;
}

bool ListingBuilder::DirOverlapsScope(std::string_view rel_dir) const {
  for (const Scope& s : scopes_) {
    if (s.is_dir && IsUnder(rel_dir, s.rel)) return true;  // the directory is in scope
    if (IsUnder(s.rel, rel_dir)) return true;               // a scope lies inside it
  }
  return false;
}

bool ListingBuilder::IsExplicitFile(std::string_view rel) const {
  for (const Scope& s : scopes_) {
    if (!s.is_dir && s.rel == rel) return true;
  }
  return false;
}

bool ListingBuilder::SkipByGlob(std::string_view rel, bool record, bool tracked) {
  if (const std::string* pattern = skip_globs_.FirstMatch(rel)) {
    if (record) AddSkip(std::string(rel), "skip_paths: " + *pattern);
    return true;
  }
  if (tracked) return false;
  if (const std::string* folder = OutputFolderOf(rel)) {
    if (record) AddSkip(std::string(rel), "output_paths: " + *folder);
    return true;
  }
  return false;
}

const std::string* ListingBuilder::OutputFolderOf(std::string_view rel) {
  if (request_.output_paths.empty()) return nullptr;
  // Each folder on the path (for a file, the ones above it; for "dir/", dir too).
  size_t start = 0;
  for (size_t slash = rel.find('/'); slash != std::string_view::npos;
       start = slash + 1, slash = rel.find('/', start)) {
    std::string_view name = rel.substr(start, slash - start);
    for (const std::string& folder : request_.output_paths) {
      if (folder.size() != name.size() + 1 || folder.compare(0, name.size(), name) != 0) continue;
      std::string parent(rel.substr(0, start == 0 ? 0 : start - 1));
      if (IsPackageRoot(parent)) return &folder;
    }
  }
  return nullptr;
}

bool ListingBuilder::IsPackageRoot(const std::string& rel_dir) {
  if (rel_dir.empty()) return true;
  auto [it, fresh] = package_roots_.emplace(rel_dir, false);
  if (fresh) {
    struct stat st;
    it->second = ::lstat((AbsPath(rel_dir) + "/package.json").c_str(), &st) == 0;
  }
  return it->second;
}

Target* ListingBuilder::AddFile(const std::string& rel, bool tracked, bool ignored) {
  if (!InScope(rel) || SkipByGlob(rel, /*record=*/true, tracked)) return nullptr;
  std::string abs = AbsPath(rel);
  struct stat st;
  if (::lstat(abs.c_str(), &st) != 0) {
    int err = errno;
    if (err == ENOENT && tracked) {
      Notify(rel, "listed by git but missing in the working tree");
    } else if (err == ENOENT) {
      Notify(rel, "vanished while the file list was built");
    } else {
      Notify(rel, std::string("cannot stat: ") + std::strerror(err));
    }
    return nullptr;
  }
  if (S_ISLNK(st.st_mode)) {
    AddSkip(rel, "symlink");
    return nullptr;
  }
  // Directories, FIFOs and the like stay in the list: ReadTargetBytes reports them by name.
  Target t;
  t.path = rel;
  t.abs_path = std::move(abs);
  t.listed_size = static_cast<size_t>(st.st_size);
  t.tracked = tracked;
  t.ignored = ignored;
  out_->targets.push_back(std::move(t));
  return &out_->targets.back();
}

void ListingBuilder::AddTarget(Target target) { out_->targets.push_back(std::move(target)); }

void ListingBuilder::AddSkip(std::string path, std::string reason) {
  out_->skips.push_back(Skip{std::move(path), std::move(reason)});
}

void ListingBuilder::Notify(std::string path, std::string message) {
  Notification n;
  n.level = Level::kWarning;
  n.path = std::move(path);
  n.message = std::move(message);
  out_->notifications.push_back(std::move(n));
}

void ListingBuilder::Finish() {
  auto& targets = out_->targets;
  // Stable: --history lists one path once per commit, oldest first, and keeps that order.
  std::stable_sort(targets.begin(), targets.end(),
                   [](const Target& a, const Target& b) { return a.path < b.path; });
  targets.erase(std::unique(targets.begin(), targets.end(),
                            [](const Target& a, const Target& b) {
                              return a.path == b.path && a.commit == b.commit;
                            }),
                targets.end());

  auto& skips = out_->skips;
  auto listed = [&targets](const Skip& s) {
    auto it = std::lower_bound(
        targets.begin(), targets.end(), s.path,
        [](const Target& t, const std::string& path) { return t.path < path; });
    return it != targets.end() && it->path == s.path;
  };
  skips.erase(std::remove_if(skips.begin(), skips.end(), listed), skips.end());
  std::sort(skips.begin(), skips.end(), [](const Skip& a, const Skip& b) {
    return a.path != b.path ? a.path < b.path : a.reason < b.reason;
  });
  skips.erase(std::unique(skips.begin(), skips.end(),
                          [](const Skip& a, const Skip& b) {
                            return a.path == b.path && a.reason == b.reason;
                          }),
              skips.end());

  auto& notes = out_->notifications;
  std::sort(notes.begin(), notes.end(), [](const Notification& a, const Notification& b) {
    return a.path != b.path ? a.path < b.path : a.message < b.message;
  });
  notes.erase(std::unique(notes.begin(), notes.end(),
                          [](const Notification& a, const Notification& b) {
                            return a.path == b.path && a.message == b.message;
                          }),
              notes.end());
}

// POSIX readdir rather than std::filesystem: libstdc++ 12 lstat()s every entry it yields,
// which tripled the cost of walking a large ignored folder; d_type makes most stats needless.
void WalkDirectory(const std::string& rel_dir, const WalkOptions& options,
                   ListingBuilder* builder) {
  const std::string dir_label = rel_dir.empty() ? "." : rel_dir + "/";
  std::string abs_dir = builder->AbsPath(rel_dir);
  DIR* dir = ::opendir(abs_dir.c_str());
  if (dir == nullptr) {
    builder->Notify(dir_label, std::string("cannot list directory: ") + std::strerror(errno));
    return;
  }
  std::vector<std::pair<std::string, unsigned char>> entries;
  errno = 0;
  while (const dirent* d = ::readdir(dir)) {
    std::string_view name = d->d_name;
    if (name == "." || name == ".." || name == ".git") continue;  // .git: metadata, never content
    entries.emplace_back(std::string(name), d->d_type);
  }
  if (errno != 0) {
    builder->Notify(dir_label, std::string("cannot list directory: ") + std::strerror(errno));
  }
  ::closedir(dir);

  for (auto& [name, type] : entries) {
    std::string rel = rel_dir.empty() ? name : rel_dir + "/" + name;
    if (type == DT_UNKNOWN) {  // some file systems do not fill d_type
      struct stat st;
      if (::lstat(builder->AbsPath(rel).c_str(), &st) != 0) continue;  // vanished
      type = S_ISLNK(st.st_mode) ? DT_LNK : S_ISDIR(st.st_mode) ? DT_DIR
             : S_ISREG(st.st_mode) ? DT_REG : DT_FIFO;  // FIFO stands for any special file
    }
    bool wanted_file = !options.env_only || IsEnvFileName(name) || builder->IsExplicitFile(rel);
    if (type == DT_LNK) {
      if (wanted_file && builder->InScope(rel) && !builder->SkipByGlob(rel)) {
        builder->AddSkip(rel, "symlink");
      }
      continue;
    }
    if (type == DT_DIR) {
      if (!builder->DirOverlapsScope(rel)) continue;
      if (builder->SkipByGlob(rel + "/", /*record=*/options.record_skips && !options.env_only)) continue;
      if (options.claim && options.claim(rel, type)) continue;
      WalkDirectory(rel, options, builder);
      continue;
    }
    if (!wanted_file || (options.exclude && options.exclude(rel))) continue;
    if (options.claim && builder->InScope(rel) && options.claim(rel, type)) continue;
    builder->AddFile(rel, /*tracked=*/false, options.ignored);
  }
}

}  // namespace source_internal
}  // namespace keylint
