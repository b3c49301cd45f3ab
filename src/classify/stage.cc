// Which stage a file belongs to: CI files are kCi; .env files take their stage from the file
// name, a tool-owned path (nango-integrations/.env) or a stage-named folder; carriers (compose
// files, Dockerfiles, Helm values, ...) from their name's words, folder, content or rule; all
// from rules/stages.toml. Other files stay kUnknown. Cost: a few map lookups per path component,
// and for carriers one search per content variable over their first 256 KiB.
#include <map>
#include <string>
#include <string_view>
#include <vector>

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
    // "example.env" marks by its first word, not its ".env": app.env is no template.
    if (name.substr(dot) == ".env") continue;
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

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// One stage from a list of words, if every word that names a stage names the same one.
Stage AgreedStage(const std::map<std::string, Stage>& words_to_stage,
                  const std::vector<std::string>& words, std::string* which) {
  Stage found = Stage::kUnknown;
  for (const std::string& w : words) {
    auto it = words_to_stage.find(w);
    if (it == words_to_stage.end()) continue;
    if (found != Stage::kUnknown && found != it->second) return Stage::kUnknown;
    found = it->second;
    *which = w;
  }
  return found;
}

std::vector<std::string> FileNameWords(std::string_view base) {
  std::vector<std::string> words;
  std::string w;
  for (char c : base) {
    if (c == '.' || c == '-' || c == '_') {
      if (!w.empty()) words.push_back(w);
      w.clear();
    } else {
      w += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
  }
  if (!w.empty()) words.push_back(w);
  return words;
}

// NODE_ENV=production, ENV NODE_ENV production, `NODE_ENV: "development"`: the stage named by the
// values of content_vars in the first 256 KiB, if they agree. A variable read ($NODE_ENV,
// ${NODE_ENV}, process.env.NODE_ENV) is not an assignment and is skipped.
Stage StageOfContent(const StageKnowledge& k, std::string_view text, std::string* reason) {
  text = text.substr(0, 256 << 10);
  Stage found = Stage::kUnknown;
  for (const std::string& var : k.content_vars) {
    for (size_t p = text.find(var); p != std::string_view::npos; p = text.find(var, p + 1)) {
      if (p > 0 && (IsWordChar(text[p - 1]) || text[p - 1] == '$' || text[p - 1] == '{' ||
                    text[p - 1] == '.')) {
        continue;
      }
      size_t v = p + var.size();
      if (v < text.size() && IsWordChar(text[v])) continue;
      size_t skipped = 0;
      bool separator = false;
      while (v < text.size() && skipped < 6 && std::string_view(" \t\"':=").find(text[v]) != std::string_view::npos) {
        separator = true;
        ++v;
        ++skipped;
      }
      if (!separator) continue;
      size_t e = v;
      while (e < text.size() && (IsWordChar(text[e]) || text[e] == '-')) ++e;
      auto it = k.name_words.find(ToLower(text.substr(v, e - v)));
      if (it == k.name_words.end()) continue;
      if (found != Stage::kUnknown && found != it->second) return Stage::kUnknown;
      found = it->second;
      *reason = var + "=" + std::string(text.substr(v, e - v)) + " in the file";
    }
  }
  return found;
}

// A compose file, Dockerfile, Helm values file...: its name's words, then its nearest stage-named
// folder, then what its content sets NODE_ENV (and friends) to, then the carrier's own default.
void ClassifyCarrier(const Target& target, const StageKnowledge& k, FileFacts* facts) {
  const CarrierRule& rule = k.carriers[static_cast<size_t>(facts->carrier)];
  const std::string& path = target.path;
  std::string word;
  Stage stage = AgreedStage(k.name_words, FileNameWords(BaseName(path)), &word);
  if (stage != Stage::kUnknown) {
    facts->stage = stage;
    facts->stage_reason = rule.what + ", file name word '" + word + "'";
    return;
  }
  std::string_view dirs(path);
  dirs = dirs.substr(0, dirs.size() - BaseName(path).size());
  while (!dirs.empty()) {
    dirs.remove_suffix(1);  // the '/'
    std::string dir = ToLower(BaseName(dirs));
    const Stage* named = nullptr;
    if (auto it = k.env_dirs.find(dir); it != k.env_dirs.end()) {
      named = &it->second;
    } else if (auto w = k.name_words.find(dir); w != k.name_words.end()) {
      named = &w->second;
    }
    if (named) {
      facts->stage = *named;
      facts->stage_reason = rule.what + " in folder '" + dir + "'";
      return;
    }
    dirs.remove_suffix(BaseName(dirs).size());
  }
  std::string why;
  stage = StageOfContent(k, target.bytes, &why);
  if (stage != Stage::kUnknown) {
    facts->stage = stage;
    facts->stage_reason = rule.what + ", " + why;
  } else if (rule.stage != Stage::kUnknown) {
    facts->stage = rule.stage;
    facts->stage_reason = rule.what + (rule.stage_reason.empty() ? "" : ", " + rule.stage_reason);
  } else if (facts->is_test) {
    facts->stage = Stage::kTest;
    facts->stage_reason = rule.what + " under a test path";
  } else {
    bool per_profile = false;
    for (const std::string& v : rule.values) per_profile = per_profile || v.find("{stage}") != std::string::npos;
    facts->stage = Stage::kUnknown;
    facts->stage_reason = rule.what + (per_profile ? ": each value takes the stage its profile or context names"
                                                   : " without a stage in its name, folder or content");
  }
}

}  // namespace

void ClassifyStage(const Target& target, const Knowledge& knowledge, FileFacts* facts) {
  switch (facts->kind) {
    case FileKind::kGithubWorkflow:
    case FileKind::kGithubAction:
    case FileKind::kGitlabCi:
      facts->stage = Stage::kCi;
      facts->stage_reason = "CI configuration";
      return;
    case FileKind::kDotenv:
      ClassifyEnvFile(target, knowledge.stages, facts);
      return;
    case FileKind::kCarrier:
      ClassifyCarrier(target, knowledge.stages, facts);
      return;
    default:
      facts->stage = Stage::kUnknown;
      facts->stage_reason = "not an env or CI file";
  }
}

}  // namespace keylint
