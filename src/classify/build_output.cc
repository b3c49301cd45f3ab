// Build output: files a bundler wrote, found by path relative to their package and the package's
// framework (rules/exposure.toml build_output). Only paths and package.json files are read.
#include <algorithm>

#include "classify/classify.h"
#include "knowledge/exposure_match.h"

namespace keylint {

bool ClassifyBuildOutput(const Target& target, const Knowledge& knowledge,
                         const ProjectLayout& layout, FileFacts* facts) {
  const std::vector<BuildOutput>& outputs = knowledge.exposure.build_output;
  if (outputs.empty()) return false;
  // Nearest package first, then the ones holding it: a build tool's own package.json inside
  // .next/ or dist/ tells nothing about the app whose output it is.
  std::vector<const PackageInfo*> packages = layout.PackagesOf(target.path);
  if (packages.empty() || !packages.back()->dir.empty()) packages.push_back(nullptr);  // the root
  for (const PackageInfo* pkg : packages) {
    std::string_view rel = target.path;
    if (pkg && !pkg->dir.empty()) rel.remove_prefix(pkg->dir.size() + 1);
    const Framework* fw = pkg ? FrameworkFor(knowledge, pkg->dependencies) : nullptr;
    for (const BuildOutput& out : outputs) {
      if (!out.frameworks.empty() &&
          (fw == nullptr ||
           std::find(out.frameworks.begin(), out.frameworks.end(), fw->id) == out.frameworks.end())) {
        continue;
      }
      if (!MatchGlob(out.glob, rel)) continue;
      facts->built = true;
      facts->side = out.side;
      facts->side_reason = out.reason;
      if (fw) facts->framework = fw->id;
      return true;
    }
  }
  return false;
}

}  // namespace keylint
