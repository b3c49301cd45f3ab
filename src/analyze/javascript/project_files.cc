#include "analyze/javascript/project_files.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/text.h"

namespace keylint {
namespace {

using nlohmann::json;

std::string_view BaseName(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string DirOf(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

// JSON with comments and trailing commas (tsconfig) -> plain JSON, outside strings only.
std::string StripJsonc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '"') {
      size_t j = i + 1;
      while (j < s.size() && s[j] != '"') j += s[j] == '\\' ? 2 : 1;
      out.append(s.substr(i, std::min(j, s.size() - 1) - i + 1));
      i = j;
    } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '/') {
      while (i < s.size() && s[i] != '\n') ++i;
      out += '\n';
    } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      size_t end = s.find("*/", i + 2);
      i = end == std::string_view::npos ? s.size() : end + 1;
      out += ' ';
    } else if (c == '}' || c == ']') {
      size_t k = out.find_last_not_of(" \t\r\n");
      if (k != std::string::npos && out[k] == ',') out.erase(k, 1);
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

json Parse(std::string_view bytes) {
  json j = json::parse(StripJsonc(bytes), nullptr, /*allow_exceptions=*/false);
  return j.is_object() ? j : json();
}

// The target of one `exports` value for the preferred condition: a string, an array (first that
// resolves), or a condition object (nested). "" when none applies (null: not exported).
std::string ExportTarget(const json& v, const std::vector<std::string>& conditions, int depth = 0) {
  if (depth > 8) return "";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_array()) {
    for (const json& e : v) {
      std::string t = ExportTarget(e, conditions, depth + 1);
      if (!t.empty()) return t;
    }
    return "";
  }
  if (!v.is_object()) return "";
  for (const std::string& c : conditions) {
    auto it = v.find(c);
    if (it == v.end()) continue;
    std::string t = ExportTarget(*it, conditions, depth + 1);
    if (!t.empty()) return t;
  }
  return "";
}

void Manifest(const Target& t, const json& j, const Knowledge& k, ModuleGraphFacts* out) {
  PackageManifest m;
  m.dir = DirOf(t.path);
  if (auto it = j.find("name"); it != j.end() && it->is_string()) m.name = it->get<std::string>();
  const std::vector<std::string>& conditions = k.exposure.resolution.conditions;
  if (auto it = j.find("exports"); it != j.end()) {
    const json& e = *it;
    bool subpaths = e.is_object() && !e.empty() && e.begin().key().compare(0, 1, ".") == 0;
    if (subpaths) {
      for (auto s = e.begin(); s != e.end(); ++s) {
        std::string target = ExportTarget(s.value(), conditions);
        if (!target.empty()) m.exports.emplace_back(s.key(), std::move(target));
      }
    } else {
      std::string target = ExportTarget(e, conditions);
      if (!target.empty()) m.exports.emplace_back(".", std::move(target));
    }
  }
  for (const std::string& field : k.exposure.resolution.entry_fields) {
    if (auto it = j.find(field); it != j.end() && it->is_string()) m.entries.push_back(it->get<std::string>());
  }
  out->manifests.push_back(std::move(m));
}

void TsConfigFile(const Target& t, const json& j, ModuleGraphFacts* out) {
  TsConfig c;
  c.path = t.path;
  if (auto it = j.find("extends"); it != j.end()) {
    if (it->is_string()) c.extends = it->get<std::string>();
    if (it->is_array() && !it->empty() && (*it)[0].is_string()) c.extends = (*it)[0].get<std::string>();
  }
  if (auto co = j.find("compilerOptions"); co != j.end() && co->is_object()) {
    if (auto b = co->find("baseUrl"); b != co->end() && b->is_string()) {
      c.has_base_url = true;
      c.base_url = b->get<std::string>();
    }
    if (auto p = co->find("paths"); p != co->end() && p->is_object()) {
      c.has_paths = true;
      for (auto e = p->begin(); e != p->end(); ++e) {
        std::vector<std::string> targets;
        if (e.value().is_array()) {
          for (const json& x : e.value()) {
            if (x.is_string()) targets.push_back(x.get<std::string>());
          }
        }
        c.paths.emplace_back(e.key(), std::move(targets));
      }
    }
  }
  out->tsconfigs.push_back(std::move(c));
}

// A browser extension's manifest: the scripts named under `keys` ("content_scripts.js": the `js`
// arrays of the `content_scripts` array) run in the browser.
void ExtensionManifest(const Target& t, const json& j, const Knowledge& k, ModuleGraphFacts* out) {
  if (!j.contains("manifest_version")) return;
  const LineIndex lines(t.bytes);
  for (const std::string& key : k.exposure.resolution.extension_manifest_keys) {
    size_t dot = key.find('.');
    if (dot == std::string::npos) continue;
    auto outer = j.find(key.substr(0, dot));
    if (outer == j.end()) continue;
    std::vector<const json*> holders;
    if (outer->is_array()) {
      for (const json& e : *outer) holders.push_back(&e);
    } else {
      holders.push_back(&*outer);
    }
    for (const json* h : holders) {
      if (!h->is_object()) continue;
      auto v = h->find(key.substr(dot + 1));
      if (v == h->end()) continue;
      std::vector<std::string> scripts;
      if (v->is_string()) scripts.push_back(v->get<std::string>());
      if (v->is_array()) {
        for (const json& s : *v) {
          if (s.is_string()) scripts.push_back(s.get<std::string>());
        }
      }
      for (std::string& s : scripts) {
        size_t at = t.bytes.view().find("\"" + s + "\"");
        size_t begin = at == std::string::npos ? 0 : at + 1;
        out->entries.push_back({lines.Span(t.path, begin, begin + (at == std::string::npos ? 0 : s.size())),
                                "./" + s, "browser extension script (" + key + " in manifest.json)"});
      }
    }
  }
}

// <script ... src="..."> of an HTML page: modules the page loads in the browser.
void HtmlScripts(const Target& t, ModuleGraphFacts* out) {
  std::string_view b = t.bytes;
  std::string lower = ToLower(b);
  const LineIndex lines(b);
  for (size_t at = lower.find("<script"); at != std::string::npos; at = lower.find("<script", at + 7)) {
    size_t end = lower.find('>', at);
    if (end == std::string::npos) break;
    std::string_view tag = std::string_view(lower).substr(at, end - at);
    size_t src = tag.find(" src=");
    if (src == std::string_view::npos) continue;
    size_t v = at + src + 5;
    char q = b[v];
    if (q != '"' && q != '\'') continue;
    size_t close = b.find(q, v + 1);
    if (close == std::string_view::npos || close > end) continue;
    std::string spec(b.substr(v + 1, close - v - 1));
    if (spec.empty() || spec.find("://") != std::string::npos || spec.compare(0, 2, "//") == 0 ||
        spec.find('%') != std::string::npos) {
      continue;  // remote scripts and template placeholders (%PUBLIC_URL%)
    }
    // Vite resolves "/src/main.tsx" against the page's folder (the project root).
    if (spec[0] == '/') spec = "." + spec;
    else if (spec.compare(0, 2, "./") != 0 && spec.compare(0, 3, "../") != 0) spec = "./" + spec;
    out->entries.push_back({lines.Span(t.path, v + 1, close), spec, "script of " + std::string(BaseName(t.path))});
  }
}

}  // namespace

void CollectProjectFile(const Target& target, const Knowledge& knowledge, ModuleGraphFacts* out) {
  std::string_view base = BaseName(target.path);
  std::string lower = ToLower(base);
  if (EndsWith(lower, ".html") || EndsWith(lower, ".htm")) return HtmlScripts(target, out);
  if (!EndsWith(lower, ".json")) return;
  bool package = base == "package.json";
  bool tsconfig = (StartsWith(base, "tsconfig") || StartsWith(base, "jsconfig"));
  bool manifest = base == "manifest.json";
  if (!package && !tsconfig && !manifest) return;
  json j = Parse(target.bytes);
  if (j.is_null()) return;
  if (package) Manifest(target, j, knowledge, out);
  if (tsconfig) TsConfigFile(target, j, out);
  if (manifest) ExtensionManifest(target, j, knowledge, out);
}

}  // namespace keylint
