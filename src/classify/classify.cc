#include "classify/classify.h"

#include <string_view>

#include "core/text.h"

namespace keylint {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

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
             EndsWith(lower, ".cjs") || EndsWith(lower, ".vue") || EndsWith(lower, ".svelte") ||
             EndsWith(lower, ".astro")) {
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

// Test code and fixtures hold test keys on purpose.
bool IsTestPath(const std::string& path) {
  std::string p = "/" + ToLower(path);
  for (std::string_view dir : {"/test/", "/tests/", "/__tests__/", "/__mocks__/", "/spec/",
                               "/fixtures/", "/e2e/", "/cypress/", "/playwright/"}) {
    if (p.find(dir) != std::string::npos) return true;
  }
  for (std::string_view marker : {".test.", ".spec.", "_test.", ".stories."}) {
    if (p.find(marker) != std::string::npos) return true;
  }
  return false;
}

bool IsDocsPath(const std::string& path) {
  std::string p = "/" + ToLower(path);
  return p.find("/docs/") != std::string::npos || EndsWith(p, ".md") || EndsWith(p, ".mdx") ||
         EndsWith(p, ".rst") || EndsWith(p, ".txt");
}

}  // namespace

FileFacts Classify(const Target& target, const Knowledge& knowledge, const ProjectLayout& layout) {
  FileFacts f;
  ClassifyLanguage(target.path, &f);
  f.is_test = IsTestPath(target.path);
  f.is_docs = IsDocsPath(target.path);
  ClassifySide(target, knowledge, layout, &f);
  ClassifyStage(target, knowledge, &f);
  return f;
}

}  // namespace keylint
