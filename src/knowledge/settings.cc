// [settings] and [allowlist]: scan settings and allowlists, from a user's .keylint.toml (and the
// built-in defaults in rules/settings.toml).
#include <algorithm>

#include "knowledge/loaders.h"
#include "knowledge/toml_util.h"

namespace keylint {
namespace {

// An output_paths entry is one folder name and a '/': "dist/".
Status CheckOutputFolders(const toml::table& t, std::string_view origin,
                          const std::vector<std::string>& folders) {
  for (const std::string& f : folders) {
    if (f.size() < 2 || f.back() != '/' || f.find('/') != f.size() - 1 ||
        f.find_first_of("*?[\\") != std::string::npos) {
      return ErrorAt(origin, *t.get("output_paths"),
                     "output_paths entries are folder names with a trailing '/' (\"dist/\"), not '" + f + "'");
    }
  }
  return {};
}

// unskip_paths (a user's config only): each entry must be a built-in skip, which it lifts.
Status Unskip(const toml::table& t, std::string_view origin, Settings* settings) {
  std::vector<std::string> unskip;
  if (Status s = ReadStrings(t, "unskip_paths", origin, &unskip); !s.ok()) return s;
  for (const std::string& u : unskip) {
    bool found = false;
    for (std::vector<std::string>* list : {&settings->skip_paths, &settings->output_paths}) {
      auto it = std::find(list->begin(), list->end(), u);
      if (it == list->end()) continue;
      list->erase(it);
      found = true;
    }
    if (!found) {
      std::string builtin;
      for (const std::vector<std::string>* list : {&settings->skip_paths, &settings->output_paths}) {
        for (const std::string& p : *list) builtin += (builtin.empty() ? "" : " ") + p;
      }
      return ErrorAt(origin, *t.get("unskip_paths"),
                     "unskip_paths: '" + u + "' is not a built-in skip (those left are: " + builtin + ")");
    }
  }
  return {};
}

}  // namespace

Status LoadSettings(const toml::table& root, std::string_view origin, bool user, Knowledge* k) {
  if (const toml::node* node = root.get("settings")) {
    const toml::table* t = node->as_table();
    if (!t) return ErrorAt(origin, *node, "[settings] must be a table");
    if (Status s = CheckKeys(*t, {"max_file_bytes", "skip_paths", "output_paths", "unskip_paths",
                                  "test_paths", "test_modules", "docs_paths"},
                             origin, "[settings]");
        !s.ok()) {
      return s;
    }
    if (t->get("max_file_bytes") != nullptr) {
      int64_t max_bytes = 0;
      if (Status s = ReadInt(*t, "max_file_bytes", origin, &max_bytes); !s.ok()) return s;
      if (max_bytes <= 0) return ErrorAt(origin, *t->get("max_file_bytes"), "max_file_bytes must be positive");
      k->settings.max_file_bytes = static_cast<size_t>(max_bytes);
    }
    if (t->get("unskip_paths") != nullptr) {
      if (!user) return ErrorAt(origin, *t->get("unskip_paths"), "unskip_paths is for a user's config");
      if (Status s = Unskip(*t, origin, &k->settings); !s.ok()) return s;
    }
    size_t first_output = k->settings.output_paths.size();
    if (Status s = ReadStrings(*t, "output_paths", origin, &k->settings.output_paths); !s.ok()) return s;
    if (Status s = CheckOutputFolders(
            *t, origin, std::vector<std::string>(k->settings.output_paths.begin() + first_output,
                                                 k->settings.output_paths.end()));
        !s.ok()) {
      return s;
    }
    for (auto [key, list] : {std::pair{"skip_paths", &k->settings.skip_paths},
                             std::pair{"test_paths", &k->settings.test_paths},
                             std::pair{"test_modules", &k->settings.test_modules},
                             std::pair{"docs_paths", &k->settings.docs_paths}}) {
      if (Status s = ReadStrings(*t, key, origin, list); !s.ok()) return s;
    }
  }
  if (const toml::node* node = root.get("allowlist")) {
    const toml::table* t = node->as_table();
    if (!t) return ErrorAt(origin, *node, "[allowlist] must be a table");
    if (Status s = CheckKeys(*t, {"paths", "values"}, origin, "[allowlist]"); !s.ok()) return s;
    if (Status s = ReadStrings(*t, "paths", origin, &k->settings.allow_paths); !s.ok()) return s;
    size_t first = k->settings.allow_values.size();
    if (Status s = ReadStrings(*t, "values", origin, &k->settings.allow_values); !s.ok()) return s;
    for (size_t i = first; i < k->settings.allow_values.size(); ++i) {
      if (Status s = CheckRegex(k->settings.allow_values[i], origin, *t->get("values")); !s.ok()) {
        return s;
      }
    }
  }
  return {};
}

}  // namespace keylint
