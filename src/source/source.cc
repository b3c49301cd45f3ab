// ListTargets: resolves the PATHs, finds the repository (if any), picks the root, and hands
// over to the mode's lister.
//
// Root selection:
//   - inside git (every PATH in the same work tree): the work tree's root;
//   - outside git, one folder: that folder;
//   - outside git, a file or several PATHs: the current directory (a PATH outside it keeps a
//     "../" path).
// PATHs in different repositories, or some inside git and some outside, are an error: one scan
// reports against one root.
#include <filesystem>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "source/git_modes.h"
#include "source/git_util.h"
#include "source/listing.h"
#include "source/source.h"

namespace keylint {
namespace {

namespace fs = std::filesystem;
using source_internal::ListingBuilder;
using source_internal::Scope;

struct ResolvedPath {
  std::string given;  // as typed, for messages
  fs::path abs;       // absolute; symlinks in the folders above resolved
  bool is_dir = false;
  std::string workdir;  // the git work tree holding it, "" outside git
};

// A symlink PATH to a folder is followed (the user named it); one to a file is kept as the
// symlink itself, which the listing then skips with reason "symlink".
Result<ResolvedPath> Resolve(const std::string& given) {
  ResolvedPath r;
  r.given = given;
  std::error_code ec;
  fs::file_status link_status = fs::symlink_status(given, ec);
  if (ec || !fs::exists(link_status)) {
    return Error{given, 0, "no such file or directory"};
  }
  r.is_dir = fs::is_directory(fs::status(given, ec)) && !ec;
  fs::path p(given);
  if (r.is_dir) {
    r.abs = fs::canonical(p, ec);
  } else {
    fs::path parent = p.has_parent_path() ? p.parent_path() : fs::path(".");
    r.abs = fs::canonical(parent, ec) / p.filename();
  }
  if (ec) return Error{given, 0, "cannot resolve the path: " + ec.message()};
  return r;
}

// Fills r->workdir if r lies in a git work tree. A bare repository or one libgit2 cannot open
// is an error.
Status FindWorkTree(ResolvedPath* r) {
  fs::path start = r->is_dir ? r->abs : r->abs.parent_path();
  git_repository* raw = nullptr;
  int rc = git_repository_open_ext(&raw, start.c_str(), 0, nullptr);
  if (rc == GIT_ENOTFOUND) return Status();
  if (rc < 0) {
    return Error{r->given, 0, "cannot open its git repository: " + source_internal::LastGitError()};
  }
  source_internal::RepoPtr repo(raw);
  if (git_repository_is_bare(repo.get())) {
    return Error{r->given, 0, "is inside a bare git repository, which has no working tree to scan"};
  }
  std::error_code ec;
  fs::path workdir = fs::canonical(git_repository_workdir(repo.get()), ec);
  if (ec) return Error{r->given, 0, "cannot resolve its git work tree: " + ec.message()};
  r->workdir = workdir.string();
  return Status();
}

// `abs` relative to `root`, '/'-separated; "" for the root itself.
std::string RelativeTo(const fs::path& abs, const fs::path& root) {
  std::string rel = abs.lexically_relative(root).generic_string();
  if (rel == ".") return "";
  while (!rel.empty() && rel.back() == '/') rel.pop_back();
  return rel;
}

const char* ModeFlag(SourceRequest::Mode mode) {
  return mode == SourceRequest::Mode::kStaged ? "--staged" : "--diff";
}

Status ListPlain(ListingBuilder* b) {
  for (const Scope& s : b->scopes()) {
    if (s.is_dir) {
      source_internal::WalkDirectory(s.rel, source_internal::WalkOptions(), b);
    } else {
      b->AddFile(s.rel, /*tracked=*/false, /*ignored=*/false);
    }
  }
  return Status();
}

Status ListGit(const SourceRequest& request, const std::string& workdir, ListingBuilder* b) {
  git_repository* raw = nullptr;
  if (git_repository_open(&raw, workdir.c_str()) < 0) {
    return Error{workdir, 0, "cannot open the git repository: " + source_internal::LastGitError()};
  }
  source_internal::RepoPtr repo(raw);
  switch (request.mode) {
    case SourceRequest::Mode::kWorkingTree:
      return source_internal::ListWorkingTree(repo.get(), b);
    case SourceRequest::Mode::kStaged:
      return source_internal::ListStaged(repo.get(), b);
    case SourceRequest::Mode::kDiff:
      return source_internal::ListDiff(repo.get(), request.diff_ref, b);
  }
  return Status();
}

}  // namespace

Result<ScanPlace> LocateScan(const SourceRequest& request) {
  source_internal::EnsureLibgit2();
  std::vector<std::string> given = request.paths;
  if (given.empty()) given.push_back(".");

  std::vector<ResolvedPath> paths;
  for (const std::string& g : given) {
    Result<ResolvedPath> r = Resolve(g);
    if (!r.ok()) return r.error();
    Status st = FindWorkTree(&r.value());
    if (!st.ok()) return st.error();
    paths.push_back(std::move(r).value());
  }

  const std::string& workdir = paths.front().workdir;
  for (const ResolvedPath& p : paths) {
    if (p.workdir == workdir) continue;
    std::string where = workdir.empty() ? "outside any git repository"
                                        : "in the git repository at " + workdir;
    return Error{p.given, 0,
                 "is not in the same place as " + paths.front().given + " (" + where +
                     "): scan one repository at a time"};
  }
  bool in_git = !workdir.empty();
  if (!in_git && request.mode != SourceRequest::Mode::kWorkingTree) {
    return Error{"", 0,
                 std::string(ModeFlag(request.mode)) + " needs a git repository (" +
                     paths.front().given + " is not inside one)"};
  }

  fs::path root;
  if (in_git) {
    root = workdir;
  } else if (paths.size() == 1 && paths.front().is_dir) {
    root = paths.front().abs;
  } else {
    std::error_code ec;
    root = fs::canonical(fs::current_path(ec), ec);
    if (ec) return Error{".", 0, "cannot resolve the current directory: " + ec.message()};
  }
  ScanPlace place;
  place.root = root.string();
  place.in_git = in_git;
  for (const ResolvedPath& p : paths) place.paths.push_back({RelativeTo(p.abs, root), p.is_dir});
  return place;
}

Result<SourceListing> ListTargets(const SourceRequest& request, const ScanPlace& place) {
  source_internal::EnsureLibgit2();
  std::vector<Scope> scopes;
  for (const ScanPlace::Path& p : place.paths) scopes.push_back(Scope{p.rel, p.is_dir});
  SourceListing listing;
  listing.root = place.root;
  listing.in_git = place.in_git;
  ListingBuilder builder(request, listing.root, std::move(scopes), &listing);
  Status st = place.in_git ? ListGit(request, place.root, &builder) : ListPlain(&builder);
  if (!st.ok()) return st.error();
  builder.Finish();
  return listing;
}

Result<SourceListing> ListTargets(const SourceRequest& request) {
  Result<ScanPlace> place = LocateScan(request);
  if (!place.ok()) return place.error();
  return ListTargets(request, place.value());
}

}  // namespace keylint
