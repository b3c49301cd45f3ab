// The repository's import graph: every JS/TS module's imports resolved to the modules they name,
// the way bundlers and TypeScript resolve them (rules/exposure.toml [module_graph]):
//   - relative specifiers, with the extensions tried in order, TypeScript's `.js` -> `.ts`, and
//     folder index files;
//   - tsconfig.json / jsconfig.json `paths` and `baseUrl` of the nearest config (following relative
//     and workspace `extends`), and the frameworks' own aliases (SvelteKit `$lib`, Nuxt `~`);
//   - packages of the repository itself by their package.json `name` (the workspaces of npm, pnpm
//     and yarn link exactly those): `exports` with the preferred condition, else the entry fields;
//     entries pointing at an uncommitted build (dist/) are looked for in the sources (src/).
// Anything else (npm packages, Node built-ins, assets) is outside the graph.
#ifndef KEYLINT_PROJECT_MODULE_GRAPH_H_
#define KEYLINT_PROJECT_MODULE_GRAPH_H_

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/module_facts.h"
#include "knowledge/knowledge.h"

namespace keylint {

// Immutable after construction; borrows `facts` and `knowledge`, which must outlive it.
class ModuleGraph {
 public:
  static constexpr size_t kNone = static_cast<size_t>(-1);

  struct Edge {
    size_t to = kNone;   // index into facts.modules
    size_t import = 0;   // index into the importing module's imports
  };

  // Resolves every import once. Cost: O(imports x candidates) map lookups.
  ModuleGraph(const ModuleGraphFacts& facts, const Knowledge& knowledge);

  const ModuleGraphFacts& facts() const { return facts_; }
  // The resolved imports of module `m`, in the order written.
  const std::vector<Edge>& edges(size_t m) const { return edges_[m]; }
  // The module at `path`, or kNone.
  size_t Find(const std::string& path) const;
  // What `specifier`, imported from a file at `from_path`, resolves to; kNone when it is not a
  // module of the repository.
  size_t Resolve(const std::string& from_path, std::string_view specifier) const;

 private:
  size_t ResolveFile(const std::string& path) const;
  size_t ResolvePackage(std::string_view specifier) const;
  size_t ResolvePackageTarget(const std::string& dir, const std::string& target) const;
  size_t ResolveAlias(const std::string& from_path, std::string_view specifier) const;
  const TsConfig* NearestTsConfig(const std::string& from_path) const;
  const TsConfig* ConfigAt(const std::string& path) const;
  std::string PackageDirOf(const std::string& path) const;

  const ModuleGraphFacts& facts_;
  const Knowledge& knowledge_;
  std::map<std::string, size_t> by_path_;
  std::map<std::string, const PackageManifest*> packages_;  // by name
  std::map<std::string, const PackageManifest*> package_dirs_;  // by folder
  std::map<std::string, const TsConfig*> tsconfigs_;        // by path
  std::vector<std::vector<Edge>> edges_;
};

// "a/b/../c/./d" -> "a/c/d"; "." and "" -> ""; false when it climbs above the root.
bool NormalizePath(std::string_view path, std::string* out);

}  // namespace keylint

#endif  // KEYLINT_PROJECT_MODULE_GRAPH_H_
