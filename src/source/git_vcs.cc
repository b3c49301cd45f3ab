// Where the scanned repository comes from, for reports that record provenance.
#include <string>

#include "source/git_modes.h"
#include "source/git_util.h"

namespace keylint {
namespace source_internal {

std::string PublicRemoteUri(const std::string& url) {
  std::string host_path;
  std::string scheme = "https";
  size_t sep = url.find("://");
  if (sep != std::string::npos) {
    std::string given = url.substr(0, sep);
    if (given == "http") scheme = "http";
    else if (given != "https" && given != "ssh" && given != "git") return "";  // file://, ...
    host_path = url.substr(sep + 3);
    size_t slash = host_path.find('/');
    std::string authority = host_path.substr(0, slash);
    // user:token@host:port -> host (a token in a remote URL must never reach a report).
    size_t at = authority.rfind('@');
    if (at != std::string::npos) authority = authority.substr(at + 1);
    if (given != "https" && given != "http") {
      size_t colon = authority.find(':');
      if (colon != std::string::npos) authority = authority.substr(0, colon);
    }
    host_path = authority + (slash == std::string::npos ? "" : host_path.substr(slash));
  } else {
    // scp-like: [user@]host:owner/repo.git
    size_t colon = url.find(':');
    size_t slash = url.find('/');
    if (colon == std::string::npos || (slash != std::string::npos && slash < colon)) return "";
    std::string authority = url.substr(0, colon);
    size_t at = authority.rfind('@');
    if (at != std::string::npos) authority = authority.substr(at + 1);
    std::string path = url.substr(colon + 1);
    // "C:/repos/app" is a Windows path, not host "C".
    if (authority.size() < 2 || path.empty()) return "";
    while (!path.empty() && path.front() == '/') path.erase(0, 1);
    host_path = authority + "/" + path;
  }
  if (host_path.size() > 4 && host_path.compare(host_path.size() - 4, 4, ".git") == 0) {
    host_path.resize(host_path.size() - 4);
  }
  while (!host_path.empty() && host_path.back() == '/') host_path.pop_back();
  if (host_path.empty() || host_path.find('/') == std::string::npos) return "";
  for (char c : host_path) {
    if (static_cast<unsigned char>(c) <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\') return "";
  }
  return scheme + "://" + host_path;
}

VcsInfo ReadVcsInfo(git_repository* repo) {
  VcsInfo vcs;
  git_remote* remote = nullptr;
  if (git_remote_lookup(&remote, repo, "origin") == 0) {
    if (const char* url = git_remote_url(remote)) vcs.repository_uri = PublicRemoteUri(url);
    git_remote_free(remote);
  }
  git_reference* head = nullptr;
  if (git_repository_head(&head, repo) == 0) {
    if (const git_oid* oid = git_reference_target(head)) vcs.revision_id = git_oid_tostr_s(oid);
    if (git_reference_is_branch(head)) {
      const char* name = nullptr;
      if (git_branch_name(&name, head) == 0 && name != nullptr) vcs.branch = name;
    }
    git_reference_free(head);
  }
  return vcs;
}

}  // namespace source_internal
}  // namespace keylint
