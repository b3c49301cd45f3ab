// Which stage a file belongs to: CI files are kCi; .env files take their stage from the file
// name, a tool-owned path (nango-integrations/.env) or a stage-named folder, all from
// rules/stages.toml. Other files stay kUnknown. Cost: a few map lookups per path component.
#include <string>
#include <string_view>

#include "classify/classify.h"
#include "core/text.h"

namespace keylint {
namespace {

std::string_view BaseName(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// The stage the file name alone gives; *found is false when no rule knew the name.
Stage StageOfFileName(const StageKnowledge& k, const std::string& base, bool* found) {
  *found = true;
  if (auto it = k.env_files.find(base); it != k.env_files.end()) return it->second;
  // Any name ending in a template marker (".env.staging.example") is a template.
  for (const auto& [name, stage] : k.env_files) {
    if (stage != Stage::kTemplate) continue;
    size_t dot = name.rfind('.');
    if (dot == std::string::npos || dot == 0) continue;
    if (EndsWith(base, name.substr(dot))) return Stage::kTemplate;
  }
  if (EndsWith(base, ".local")) {
    std::string stem = base.substr(0, base.size() - 6);
    if (auto it = k.env_files.find(stem); it != k.env_files.end()) return it->second;
  }
  *found = false;
  return Stage::kUnknown;
}

void ClassifyEnvFile(const Target& target, const StageKnowledge& k, FileFacts* facts) {
  const std::string& path = target.path;
  const std::string base = ToLower(BaseName(path));
  for (const auto& [suffix, rule] : k.tool_env_files) {
    if (path == suffix || EndsWith(path, "/" + suffix)) {
      facts->stage = rule.stage;
      facts->stage_reason = rule.reason.empty() ? "tool env file " + suffix : rule.reason;
      return;
    }
  }
  bool known = false;
  Stage by_name = StageOfFileName(k, base, &known);
  if (by_name == Stage::kTemplate) {
    facts->stage = by_name;
    facts->stage_reason = "env template name " + base;
    return;
  }
  // A generic name (.env, .env.local, or one no rule knows) takes the stage of the nearest
  // stage-named folder: config/production/.env is production config.
  const bool generic = !known || base == ".env" || base == ".env.local";
  if (generic) {
    std::string_view dirs(path);
    dirs = dirs.substr(0, dirs.size() - BaseName(path).size());
    while (!dirs.empty()) {
      dirs.remove_suffix(1);  // the '/'
      std::string_view dir = BaseName(dirs);
      if (auto it = k.env_dirs.find(ToLower(dir)); it != k.env_dirs.end()) {
        facts->stage = it->second;
        facts->stage_reason = "env file in folder '" + std::string(dir) + "'";
        return;
      }
      dirs.remove_suffix(dir.size());
    }
  }
  facts->stage = by_name;
  facts->stage_reason = known ? "env file name " + base : "env file name not in rules/stages.toml";
}

}  // namespace

void ClassifyStage(const Target& target, const Knowledge& knowledge, FileFacts* facts) {
  switch (facts->kind) {
    case FileKind::kGithubWorkflow:
    case FileKind::kGitlabCi:
      facts->stage = Stage::kCi;
      facts->stage_reason = "CI configuration";
      return;
    case FileKind::kDotenv:
      ClassifyEnvFile(target, knowledge.stages, facts);
      return;
    default:
      facts->stage = Stage::kUnknown;
      facts->stage_reason = "not an env or CI file";
  }
}

}  // namespace keylint
