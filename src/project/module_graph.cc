#include "project/module_graph.h"

#include <algorithm>

#include "core/text.h"
#include "knowledge/exposure_match.h"

namespace keylint {
namespace {

std::string DirOf(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? "" : std::string(path.substr(0, slash));
}

std::string Join(const std::string& dir, std::string_view rel) {
  if (dir.empty()) return std::string(rel);
  if (rel.empty()) return dir;
  return dir + "/" + std::string(rel);
}

bool IsRelative(std::string_view s) {
  return s == "." || s == ".." || StartsWith(s, "./") || StartsWith(s, "../");
}

// Matches `spec` against a pattern with at most one `*` ("@/*", "$lib/*", "./utils/*"); on
// success *star holds what the star matched ("" for an exact pattern).
bool MatchStar(std::string_view pattern, std::string_view spec, std::string* star) {
  size_t at = pattern.find('*');
  if (at == std::string_view::npos) {
    if (pattern != spec) return false;
    star->clear();
    return true;
  }
  std::string_view pre = pattern.substr(0, at), post = pattern.substr(at + 1);
  if (spec.size() < pre.size() + post.size() || !StartsWith(spec, pre) || !EndsWith(spec, post)) return false;
  *star = std::string(spec.substr(pre.size(), spec.size() - pre.size() - post.size()));
  return true;
}

std::string Substitute(std::string_view target, const std::string& star) {
  std::string out(target);
  size_t at = out.find('*');
  if (at != std::string::npos) out.replace(at, 1, star);
  return out;
}

}  // namespace

bool NormalizePath(std::string_view path, std::string* out) {
  std::vector<std::string_view> parts;
  size_t i = 0;
  while (i <= path.size()) {
    size_t slash = path.find('/', i);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view part = path.substr(i, slash - i);
    if (part == "..") {
      if (parts.empty()) return false;
      parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    i = slash + 1;
  }
  out->clear();
  for (std::string_view p : parts) {
    if (!out->empty()) *out += '/';
    *out += p;
  }
  return true;
}

ModuleGraph::ModuleGraph(const ModuleGraphFacts& facts, const Knowledge& knowledge)
    : facts_(facts), knowledge_(knowledge) {
  for (size_t i = 0; i < facts.modules.size(); ++i) by_path_.emplace(facts.modules[i].path, i);
  // One package per name: the shallowest folder, then the first by path (deterministic).
  std::vector<const PackageManifest*> manifests;
  for (const PackageManifest& m : facts.manifests) manifests.push_back(&m);
  std::sort(manifests.begin(), manifests.end(), [](const PackageManifest* a, const PackageManifest* b) {
    size_t da = std::count(a->dir.begin(), a->dir.end(), '/'), db = std::count(b->dir.begin(), b->dir.end(), '/');
    return da != db ? da < db : a->dir < b->dir;
  });
  for (const PackageManifest* m : manifests) {
    if (!m->name.empty()) packages_.emplace(m->name, m);
  }
  for (const PackageManifest& m : facts.manifests) package_dirs_.emplace(m.dir, &m);
  for (const TsConfig& c : facts.tsconfigs) tsconfigs_.emplace(c.path, &c);
  edges_.resize(facts.modules.size());
  for (size_t i = 0; i < facts.modules.size(); ++i) {
    const ModuleFacts& m = facts.modules[i];
    for (size_t j = 0; j < m.imports.size(); ++j) {
      size_t to = Resolve(m.path, m.imports[j].specifier);
      if (to != kNone && to != i) edges_[i].push_back({to, j});
    }
  }
}

size_t ModuleGraph::Find(const std::string& path) const {
  auto it = by_path_.find(path);
  return it == by_path_.end() ? kNone : it->second;
}

size_t ModuleGraph::Resolve(const std::string& from_path, std::string_view spec) const {
  size_t q = spec.find_first_of("?#");  // Vite's ?raw, ?url suffixes
  if (q != std::string_view::npos) spec = spec.substr(0, q);
  if (spec.empty()) return kNone;
  if (IsRelative(spec)) {
    std::string p;
    if (!NormalizePath(Join(DirOf(from_path), spec), &p)) return kNone;
    return ResolveFile(p);
  }
  size_t to = ResolveAlias(from_path, spec);
  if (to != kNone) return to;
  return ResolvePackage(spec);
}

// A path without extension, with one, with TypeScript's `.js` standing for `.ts`, or a folder.
size_t ModuleGraph::ResolveFile(const std::string& path) const {
  if (size_t m = Find(path); m != kNone) return m;
  const std::vector<std::string>& exts = knowledge_.exposure.resolution.extensions;
  for (const std::string& e : exts) {
    if (size_t m = Find(path + e); m != kNone) return m;
  }
  size_t dot = path.rfind('.');
  size_t slash = path.rfind('/');
  if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) {
    std::string stem = path.substr(0, dot);
    if (EndsWith(stem, ".d")) stem.resize(stem.size() - 2);  // types/index.d.ts -> types/index
    for (const std::string& e : exts) {
      if (size_t m = Find(stem + e); m != kNone) return m;
    }
  }
  for (const std::string& e : exts) {
    if (size_t m = Find(Join(path, "index" + e)); m != kNone) return m;
  }
  return kNone;
}

const TsConfig* ModuleGraph::ConfigAt(const std::string& path) const {
  auto it = tsconfigs_.find(path);
  return it == tsconfigs_.end() ? nullptr : it->second;
}

// The tsconfig.json or jsconfig.json of the nearest folder above the file that has one.
const TsConfig* ModuleGraph::NearestTsConfig(const std::string& from_path) const {
  std::string dir = DirOf(from_path);
  for (int depth = 0; depth < 64; ++depth) {
    for (const char* name : {"tsconfig.json", "jsconfig.json"}) {
      if (const TsConfig* c = ConfigAt(Join(dir, name))) return c;
    }
    if (dir.empty()) return nullptr;
    dir = DirOf(dir);
  }
  return nullptr;
}

// The folder of the nearest package.json above the file ("" for the root or none).
std::string ModuleGraph::PackageDirOf(const std::string& path) const {
  std::string dir = DirOf(path);
  for (int depth = 0; depth < 64 && !dir.empty(); ++depth) {
    if (package_dirs_.count(dir)) return dir;
    dir = DirOf(dir);
  }
  return "";
}

size_t ModuleGraph::ResolveAlias(const std::string& from_path, std::string_view spec) const {
  // The framework's own aliases, relative to the importing package.
  const ModuleFacts* from = nullptr;
  if (size_t i = Find(from_path); i != kNone) from = &facts_.modules[i];
  if (from && !from->framework.empty()) {
    if (const Framework* fw = FrameworkById(knowledge_, from->framework)) {
      for (const auto& [alias, folder] : fw->aliases) {
        if (spec != alias && !StartsWith(spec, alias + "/")) continue;
        std::string p;
        if (NormalizePath(Join(Join(PackageDirOf(from_path), folder), spec.substr(alias.size())), &p)) {
          if (size_t m = ResolveFile(p); m != kNone) return m;
        }
      }
    }
  }
  // tsconfig `paths` (longest matching prefix first) and `baseUrl`, inherited through `extends`.
  const TsConfig* paths_from = nullptr;
  const TsConfig* base_from = nullptr;
  const TsConfig* c = NearestTsConfig(from_path);
  for (int depth = 0; c && depth < 16; ++depth) {
    if (!paths_from && c->has_paths) paths_from = c;
    if (!base_from && c->has_base_url) base_from = c;
    if (c->extends.empty()) break;
    std::string next;
    if (IsRelative(c->extends)) {
      if (!NormalizePath(Join(DirOf(c->path), c->extends), &next)) break;
    } else {
      // A workspace package's config: "@acme/tsconfig/base.json".
      size_t cut = c->extends[0] == '@' ? c->extends.find('/', c->extends.find('/') + 1) : c->extends.find('/');
      auto pkg = packages_.find(c->extends.substr(0, cut));
      if (pkg == packages_.end()) break;
      next = Join(pkg->second->dir, cut == std::string::npos ? "tsconfig.json" : c->extends.substr(cut + 1));
    }
    const TsConfig* n = ConfigAt(next);
    if (!n && !EndsWith(next, ".json")) n = ConfigAt(next + ".json");
    c = n;
  }
  std::string base_dir;
  if (base_from) {
    if (!NormalizePath(Join(DirOf(base_from->path), base_from->base_url), &base_dir)) return kNone;
  }
  if (paths_from) {
    // Targets are relative to baseUrl when the configs set one, else to the config holding paths.
    std::string root = base_from ? base_dir : DirOf(paths_from->path);
    const std::pair<std::string, std::vector<std::string>>* best = nullptr;
    std::string best_star;
    size_t best_len = 0;
    for (const auto& entry : paths_from->paths) {
      std::string star;
      if (!MatchStar(entry.first, spec, &star)) continue;
      size_t len = entry.first.find('*') == std::string::npos ? entry.first.size() + 1 : entry.first.find('*');
      if (!best || len > best_len) {
        best = &entry;
        best_star = star;
        best_len = len;
      }
    }
    if (best) {
      for (const std::string& target : best->second) {
        std::string p;
        if (NormalizePath(Join(root, Substitute(target, best_star)), &p)) {
          if (size_t m = ResolveFile(p); m != kNone) return m;
        }
      }
    }
  }
  if (base_from) {
    std::string p;
    if (NormalizePath(Join(base_dir, spec), &p)) return ResolveFile(p);
  }
  return kNone;
}

// A package of the repository by name: `exports` if it has them, else its entry fields, else the
// subpath as a file of the package.
size_t ModuleGraph::ResolvePackage(std::string_view spec) const {
  size_t cut = spec.find('/');
  if (!spec.empty() && spec[0] == '@' && cut != std::string_view::npos) cut = spec.find('/', cut + 1);
  std::string name(spec.substr(0, cut));
  auto it = packages_.find(name);
  if (it == packages_.end()) return kNone;
  const PackageManifest& m = *it->second;
  std::string sub = cut == std::string_view::npos ? "." : "./" + std::string(spec.substr(cut + 1));
  if (!m.exports.empty()) {
    for (const auto& [key, target] : m.exports) {
      std::string star;
      if (MatchStar(key, sub, &star)) return ResolvePackageTarget(m.dir, Substitute(target, star));
    }
    return kNone;  // not exported
  }
  if (sub == ".") {
    for (const std::string& entry : m.entries) {
      if (size_t r = ResolvePackageTarget(m.dir, entry); r != kNone) return r;
    }
    for (const char* fallback : {"src/index", "index"}) {
      if (size_t r = ResolveFile(Join(m.dir, fallback)); r != kNone) return r;
    }
    return kNone;
  }
  std::string p;
  if (!NormalizePath(Join(m.dir, sub), &p)) return kNone;
  if (size_t r = ResolveFile(p); r != kNone) return r;
  if (NormalizePath(Join(Join(m.dir, "src"), sub), &p)) return ResolveFile(p);
  return kNone;
}

// A package entry ("./dist/index.js"): the file, or its source when it names an uncommitted build.
size_t ModuleGraph::ResolvePackageTarget(const std::string& dir, const std::string& target) const {
  std::string p;
  if (!NormalizePath(Join(dir, target), &p)) return kNone;
  if (size_t r = ResolveFile(p); r != kNone) return r;
  std::string rel;
  if (!NormalizePath(target, &rel)) return kNone;
  for (const auto& [built, source] : knowledge_.exposure.resolution.built_dirs) {
    if (!StartsWith(rel, built + "/")) continue;
    std::string rest = rel.substr(built.size() + 1);
    // dist/src/x.js (a build of the whole package) -> src/x.ts; dist/x.js -> src/x.ts.
    for (const std::string& candidate : {Join(source, rest), rest}) {
      if (NormalizePath(Join(dir, candidate), &p)) {
        if (size_t r = ResolveFile(p); r != kNone) return r;
      }
    }
  }
  return kNone;
}

}  // namespace keylint
