#include "classify/classify.h"

#include <algorithm>
#include <cstring>
#include <string_view>

#include "core/glob.h"
#include "core/text.h"
#include "knowledge/exposure_match.h"

namespace keylint {
namespace {

std::string_view BaseName(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

void ClassifyLanguage(const std::string& path, FileFacts* f) {
  std::string_view base = BaseName(path);
  std::string lower = ToLower(path);
  if (base == ".env" || base.substr(0, 5) == ".env." || EndsWith(base, ".env")) {
    f->language = Language::kDotenv;
    f->kind = FileKind::kDotenv;
  } else if (EndsWith(lower, ".tsx")) {
    f->language = Language::kTsx;
  } else if (EndsWith(lower, ".ts") || EndsWith(lower, ".mts") || EndsWith(lower, ".cts")) {
    f->language = Language::kTypeScript;
  } else if (EndsWith(lower, ".js") || EndsWith(lower, ".jsx") || EndsWith(lower, ".mjs") ||
             EndsWith(lower, ".cjs") || IsSingleFileComponent(path)) {
    f->language = Language::kJavaScript;
  } else if (EndsWith(lower, ".yml") || EndsWith(lower, ".yaml")) {
    f->language = Language::kYaml;
  } else if (EndsWith(lower, ".json")) {
    f->language = Language::kJson;
  }
  if (f->language == Language::kJavaScript || f->language == Language::kTypeScript ||
      f->language == Language::kTsx) {
    f->kind = FileKind::kSource;
  }
  if (f->language == Language::kYaml) {
    if (path.rfind(".github/workflows/", 0) == 0 || path.find("/.github/workflows/") != std::string::npos) {
      f->kind = FileKind::kGithubWorkflow;
    } else if (base == ".gitlab-ci.yml" || base == ".gitlab-ci.yaml") {
      f->kind = FileKind::kGitlabCi;
    }
  }
  if (base == "package.json") f->kind = FileKind::kPackageJson;
}

// A composite action (action.yml with `using: composite`) runs steps inside its callers' jobs.
bool IsCompositeAction(const Target& t) {
  std::string_view base = BaseName(t.path);
  if (base != "action.yml" && base != "action.yaml") return false;
  std::string_view head = std::string_view(t.bytes).substr(0, 64 << 10);
  size_t p = head.find("using:");
  return p != std::string_view::npos && head.find("composite", p) != std::string_view::npos;
}

// The first carrier rule whose paths match; -1 if none.
int CarrierOf(const Knowledge& k, const std::string& path) {
  const auto& carriers = k.stages.carriers;
  for (size_t i = 0; i < carriers.size(); ++i) {
    for (const std::string& g : carriers[i].paths) {
      if (GlobMatch(g, path)) return static_cast<int>(i);
    }
  }
  return -1;
}

bool MatchesAny(const std::vector<std::string>& globs, const std::string& path) {
  for (const std::string& g : globs) {
    if (GlobMatch(g, path)) return true;
  }
  return false;
}

// Whether the head of a JavaScript or TypeScript file imports one of `modules` (quoted module
// specifiers: import ... from 'vitest', require("jest"); "scope/*" matches a scope's modules).
// Imports sit at the top: only the first 8 KiB are read, with memchr from quote to quote.
// Cost: O(8 KiB + quotes x modules), and only a first-byte compare for most module names.
bool ImportsTestModule(std::string_view bytes, const std::vector<std::string>& modules) {
  std::string_view head = bytes.substr(0, 8192);
  const char* p = head.data();
  const char* const end = p + head.size();
  auto next = [&](char c) { return static_cast<const char*>(std::memchr(p, c, end - p)); };
  const char* single = next('\'');
  const char* dbl = next('"');
  while (single || dbl) {
    const char* q = !single ? dbl : !dbl ? single : std::min(single, dbl);
    std::string_view rest(q + 1, end - q - 1);
    for (const std::string& m : modules) {
      if (rest.empty() || rest[0] != m[0]) continue;
      bool scope = m.size() > 2 && m.compare(m.size() - 2, 2, "/*") == 0;
      std::string_view name = std::string_view(m).substr(0, scope ? m.size() - 1 : m.size());
      if (rest.substr(0, name.size()) != name) continue;
      if (scope || (rest.size() > name.size() && rest[name.size()] == *q)) return true;
    }
    p = q + 1;
    if (q == single) single = p < end ? next('\'') : nullptr;
    if (q == dbl) dbl = p < end ? next('"') : nullptr;
  }
  return false;
}

// The build tool of the file's package that ships this env file whole in the app, or "".
std::string EnvShippedBy(const std::string& path, const Knowledge& k, const ProjectLayout& layout) {
  const PackageInfo* pkg = layout.PackageOf(path);
  if (!pkg) return "";
  std::string rel = pkg->dir.empty() ? path : path.substr(pkg->dir.size() + 1);
  for (const EnvFileBundler& b : k.exposure.env_file_bundlers) {
    if (!pkg->dependencies.count(b.package)) continue;
    for (const std::string& g : b.files) {
      if (MatchGlob(g, rel)) return b.name;  // relative to the package, as framework paths are
    }
  }
  return "";
}

}  // namespace

bool IsSingleFileComponent(std::string_view path) {
  std::string lower = ToLower(path);
  return EndsWith(lower, ".vue") || EndsWith(lower, ".svelte") || EndsWith(lower, ".astro");
}

FileFacts Classify(const Target& target, const Knowledge& knowledge, const ProjectLayout& layout,
                   std::optional<ModuleScan>* module) {
  FileFacts f;
  ClassifyLanguage(target.path, &f);
  if (f.kind == FileKind::kOther || f.kind == FileKind::kGitlabCi) {
    if (layout.IsGitlabInclude(target.path)) {
      f.kind = FileKind::kGitlabCi;
    } else if (IsCompositeAction(target)) {
      f.kind = FileKind::kGithubAction;
    } else if (f.kind == FileKind::kOther) {
      f.carrier = CarrierOf(knowledge, target.path);
      if (f.carrier >= 0) f.kind = FileKind::kCarrier;
    }
  }
  f.is_test = MatchesAny(knowledge.settings.test_paths, target.path) ||
              (f.kind == FileKind::kSource && ImportsTestModule(target.bytes, knowledge.settings.test_modules));
  f.is_docs = MatchesAny(knowledge.settings.docs_paths, target.path);
  if (f.kind == FileKind::kDotenv) f.env_shipped_by = EnvShippedBy(target.path, knowledge, layout);
  if (!ClassifyBuildOutput(target, knowledge, layout, &f)) {
    ClassifySide(target, knowledge, layout, &f, module);
    f.built = target.minified;
  }
  ClassifyStage(target, knowledge, &f);
  return f;
}

}  // namespace keylint
