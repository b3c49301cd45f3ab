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
#include <unistd.h>

#include <cerrno>
#include <cstring>
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

// Opens the repository holding `start`, if any (*out null otherwise). libgit2, like git, refuses
// a repository another user owns unless safe.directory lists it, and then reports it as "not
// found": scanning it as a plain folder would silently drop what git mode adds (env files git
// ignores, --staged, --diff). So a refusal is retried with the owner check off, and *warning
// says so. Reading is safe: libgit2 runs no hooks and no commands from the repository's config.
int OpenRepository(const fs::path& start, source_internal::RepoPtr* out, std::string* warning) {
  git_repository* raw = nullptr;
  int rc = git_repository_open_ext(&raw, start.c_str(), 0, nullptr);
  if (rc == GIT_ENOTFOUND || rc == GIT_EOWNER) {
    int validating = 0;
    git_libgit2_opts(GIT_OPT_GET_OWNER_VALIDATION, &validating);
    if (validating) {
      git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
      rc = git_repository_open_ext(&raw, start.c_str(), 0, nullptr);
      if (rc == 0) {
        std::string workdir = git_repository_workdir(raw) ? git_repository_workdir(raw) : start.string();
        while (workdir.size() > 1 && workdir.back() == '/') workdir.pop_back();
        *warning = "the git repository at " + workdir +
                   " is owned by another user, so git refuses it unless safe.directory lists it "
                   "(git config --global --add safe.directory " + workdir +
                   "); keylint reads it as git anyway";
        // Further opens of this repository in this process (ListGit) need the same leniency.
      } else {
        git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 1);
      }
    }
  }
  out->reset(raw);
  return rc;
}

// Fills r->workdir if r lies in a git work tree. A bare repository or one libgit2 cannot open
// is an error.
Status FindWorkTree(ResolvedPath* r, std::string* warning) {
  fs::path start = r->is_dir ? r->abs : r->abs.parent_path();
  source_internal::RepoPtr repo;
  int rc = OpenRepository(start, &repo, warning);
  if (rc == GIT_ENOTFOUND) return Status();
  if (rc < 0) {
    return Error{r->given, 0, "cannot open its git repository: " + source_internal::LastGitError()};
  }
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
  switch (mode) {
    case SourceRequest::Mode::kStaged: return "--staged";
    case SourceRequest::Mode::kDiff: return "--diff";
    case SourceRequest::Mode::kHistory: return "--history";
    default: return "this mode";
  }
}

// Whether the listing covers only part of the work tree, so cross-file checks need the
// committed env files it leaves out (see AddContextEnvFiles).
bool IsPartial(const SourceRequest& request, const std::vector<Scope>& scopes) {
  if (request.mode == SourceRequest::Mode::kHistory) return false;  // no cross-file checks
  if (request.mode != SourceRequest::Mode::kWorkingTree) return true;
  for (const Scope& s : scopes) {
    if (s.is_dir && s.rel.empty()) return false;
  }
  return true;
}

// Standard input, up to the size limit (one byte more tells "too big").
Status ReadStdin(size_t max_bytes, std::string* out) {
  char buf[65536];
  for (;;) {
    ssize_t got = ::read(0, buf, sizeof(buf));
    if (got == 0) return Status();
    if (got < 0) {
      if (errno == EINTR) continue;
      return Error{"-", 0, std::string("cannot read standard input: ") + std::strerror(errno)};
    }
    if (max_bytes == 0 || out->size() <= max_bytes) out->append(buf, static_cast<size_t>(got));
  }
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

// The stdin target: its name as given (relative to the root), tracked when the index holds it.
Status ListStdin(const SourceRequest& request, git_repository* repo, ListingBuilder* b) {
  Target t;
  t.path = b->scopes().front().rel;
  if (repo != nullptr) {
    git_index* raw_index = nullptr;
    if (git_repository_index(&raw_index, repo) == 0) {
      source_internal::IndexPtr index(raw_index);
      t.tracked = git_index_get_bypath(index.get(), t.path.c_str(), 0) != nullptr;
    }
  }
  std::string bytes;
  Status st = ReadStdin(request.max_file_bytes, &bytes);
  if (!st.ok()) return st;
  t.bytes = std::move(bytes);
  b->AddTarget(std::move(t));
  return Status();
}

Status ListGit(const SourceRequest& request, const std::string& workdir, ListingBuilder* b,
               VcsInfo* vcs) {
  git_repository* raw = nullptr;
  if (git_repository_open(&raw, workdir.c_str()) < 0) {
    return Error{workdir, 0, "cannot open the git repository: " + source_internal::LastGitError()};
  }
  source_internal::RepoPtr repo(raw);
  *vcs = source_internal::ReadVcsInfo(repo.get());
  Status st;
  switch (request.mode) {
    case SourceRequest::Mode::kWorkingTree:
      st = source_internal::ListWorkingTree(repo.get(), b);
      break;
    case SourceRequest::Mode::kStaged:
      st = source_internal::ListStaged(repo.get(), b);
      break;
    case SourceRequest::Mode::kDiff:
      st = source_internal::ListDiff(repo.get(), request.diff_ref, b);
      break;
    case SourceRequest::Mode::kHistory:
      st = source_internal::ListHistory(repo.get(), request.history_range, b);
      break;
    case SourceRequest::Mode::kStdin:
      st = ListStdin(request, repo.get(), b);
      break;
  }
  if (!st.ok() || !IsPartial(request, b->scopes())) return st;
  b->Finish();
  return source_internal::AddContextEnvFiles(repo.get(), request.mode == SourceRequest::Mode::kStaged, b);
}

}  // namespace

Result<ScanPlace> LocateScan(const SourceRequest& request) {
  source_internal::EnsureLibgit2();
  const bool from_stdin = request.mode == SourceRequest::Mode::kStdin;
  std::vector<std::string> given = request.paths;
  if (given.empty() || from_stdin) given = {"."};

  std::vector<ResolvedPath> paths;
  std::string owner_warning;
  for (const std::string& g : given) {
    Result<ResolvedPath> r = Resolve(g);
    if (!r.ok()) return r.error();
    Status st = FindWorkTree(&r.value(), &owner_warning);
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
  if (!in_git && request.mode != SourceRequest::Mode::kWorkingTree && !from_stdin) {
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
  place.owner_warning = owner_warning;
  if (from_stdin) {
    // The name stdin is reported and classified as: relative to the root, like a file PATH.
    fs::path name = request.stdin_filename.empty() ? fs::path("stdin") : fs::path(request.stdin_filename);
    if (name.is_relative()) name = fs::path(paths.front().abs) / name;
    place.paths.push_back({RelativeTo(name.lexically_normal(), root), /*is_dir=*/false});
  } else {
    for (const ResolvedPath& p : paths) place.paths.push_back({RelativeTo(p.abs, root), p.is_dir});
  }
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
  Status st;
  if (place.in_git) {
    st = ListGit(request, place.root, &builder, &listing.vcs);
  } else if (request.mode == SourceRequest::Mode::kStdin) {
    st = ListStdin(request, nullptr, &builder);
  } else {
    st = ListPlain(&builder);
  }
  if (!st.ok()) return st.error();
  if (!place.owner_warning.empty()) builder.Notify("", place.owner_warning);
  builder.Finish();
  return listing;
}

Result<SourceListing> ListTargets(const SourceRequest& request) {
  Result<ScanPlace> place = LocateScan(request);
  if (!place.ok()) return place.error();
  return ListTargets(request, place.value());
}

}  // namespace keylint
