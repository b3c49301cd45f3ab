#include "classify/layout.h"

namespace keylint {
namespace {

// Reads the keys of the "dependencies"-like objects of a package.json. A small scanner rather
// than a JSON library: classify must not depend on report's nlohmann/json, and only the keys of
// three objects matter. Tolerates anything it does not understand by learning less.
void CollectDependencies(std::string_view json, std::set<std::string>* out) {
  for (std::string_view section : {"\"dependencies\"", "\"devDependencies\"", "\"peerDependencies\""}) {
    size_t at = json.find(section);
    if (at == std::string_view::npos) continue;
    size_t open = json.find('{', at);
    if (open == std::string_view::npos) continue;
    int depth = 0;
    bool expect_key = true;
    for (size_t i = open; i < json.size(); ++i) {
      char c = json[i];
      if (c == '{') { ++depth; expect_key = true; continue; }
      if (c == '}') { if (--depth == 0) break; continue; }
      if (c == ',') { expect_key = true; continue; }
      if (c == ':') { expect_key = false; continue; }
      if (c == '"') {
        size_t close = json.find('"', i + 1);
        if (close == std::string_view::npos) return;
        if (depth == 1 && expect_key) out->emplace(json.substr(i + 1, close - i - 1));
        i = close;
      }
    }
  }
}

}  // namespace

void ProjectLayout::AddPackageJson(const std::string& path, std::string_view bytes) {
  PackageInfo info;
  size_t slash = path.rfind('/');
  info.dir = slash == std::string::npos ? "" : path.substr(0, slash);
  CollectDependencies(bytes, &info.dependencies);
  packages_[info.dir] = std::move(info);
}

const PackageInfo* ProjectLayout::PackageOf(const std::string& path) const {
  std::string dir = path;
  while (true) {
    size_t slash = dir.rfind('/');
    dir = slash == std::string::npos ? "" : dir.substr(0, slash);
    auto it = packages_.find(dir);
    if (it != packages_.end()) return &it->second;
    if (dir.empty()) return nullptr;
  }
}

std::vector<const PackageInfo*> ProjectLayout::PackagesOf(const std::string& path) const {
  std::vector<const PackageInfo*> out;
  std::string dir = path;
  while (!dir.empty()) {
    size_t slash = dir.rfind('/');
    dir = slash == std::string::npos ? "" : dir.substr(0, slash);
    auto it = packages_.find(dir);
    if (it != packages_.end()) out.push_back(&it->second);
  }
  return out;
}

}  // namespace keylint
