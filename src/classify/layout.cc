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

// Reads `local:` entries (and bare strings) under a top-level `include:` with a line scanner, not
// a YAML parser (classify must not parse): `include: 'ci/a.yml'`, `- local: /ci/b.yml`,
// `- 'ci/c.yml'`. Remote, project and template includes are not files of this repository.
void ProjectLayout::AddGitlabCi(std::string_view bytes) {
  bool in_include = false;
  size_t pos = 0;
  while (pos < bytes.size()) {
    size_t eol = bytes.find('\n', pos);
    if (eol == std::string_view::npos) eol = bytes.size();
    std::string_view line = bytes.substr(pos, eol - pos);
    pos = eol + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::string_view value;
    if (line[0] != ' ' && line[0] != '-') {
      in_include = line.rfind("include:", 0) == 0;
      if (!in_include) continue;
      value = line.substr(8);
    } else if (!in_include) {
      continue;
    } else {
      value = line;
    }
    size_t b = value.find_first_not_of(" \t-");
    if (b == std::string_view::npos) continue;
    value = value.substr(b);
    if (value.rfind("local:", 0) == 0) {
      value = value.substr(6);
    } else if (value.find(':') != std::string_view::npos) {
      continue;  // remote:, project:, file:, template:
    }
    b = value.find_first_not_of(" \t'\"");
    if (b == std::string_view::npos) continue;
    value = value.substr(b);
    size_t e = value.find_first_of("'\" \t#");
    value = value.substr(0, e);
    if (value.empty() || value.find('*') != std::string_view::npos) continue;
    // GitLab resolves local includes from the repository root, with or without a leading '/'.
    std::string rel(value[0] == '/' ? value.substr(1) : value);
    gitlab_includes_.insert(rel);
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
