// What the repository's package.json files (and GitLab CI includes) say, so that a file can be classified by the package
// it belongs to (a Next.js app vs an Express server). Built once before analysis from the
// targets' package.json files; immutable after, shared read-only by workers.
#ifndef KEYLINT_CLASSIFY_LAYOUT_H_
#define KEYLINT_CLASSIFY_LAYOUT_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace keylint {

struct PackageInfo {
  std::string dir;                   // folder of the package.json, "" for the root
  std::set<std::string> dependencies;  // dependencies + devDependencies + peerDependencies names
};

class ProjectLayout {
 public:
  // `path` is the package.json's relative path. Invalid JSON is ignored (the package then tells
  // nothing); the file's own analysis reports it.
  void AddPackageJson(const std::string& path, std::string_view bytes);
  // The package whose folder is the longest prefix of `path`; nullptr if none.
  const PackageInfo* PackageOf(const std::string& path) const;
  // Every package whose folder holds `path`, nearest first (a build tool's own package.json in
  // .next/ or dist/ comes before the app's).
  std::vector<const PackageInfo*> PackagesOf(const std::string& path) const;

  // .gitlab-ci.yml's `include:` of local files (paths from the repository root): those files
  // are GitLab CI too. Includes it cannot read as a plain local path are ignored.
  void AddGitlabCi(std::string_view bytes);
  bool IsGitlabInclude(const std::string& path) const { return gitlab_includes_.count(path) > 0; }

  // Every file of the scan, so that classification can ask whether a package has one (a Vite
  // app's index.html).
  // Paths come in sorted order from the listing: each goes in at the end, without a search.
  void AddFile(const std::string& path) { files_.insert(files_.end(), path); }
  bool HasFile(const std::string& path) const { return files_.count(path) > 0; }

 private:
  std::set<std::string> gitlab_includes_;
  std::map<std::string, PackageInfo> packages_;  // by dir
  std::set<std::string> files_;
};

}  // namespace keylint

#endif  // KEYLINT_CLASSIFY_LAYOUT_H_
