// [settings] and [allowlist]: scan settings and allowlists, from a user's .keylint.toml (and the
// built-in defaults in rules/settings.toml).
#include "knowledge/loaders.h"
#include "knowledge/toml_util.h"

namespace keylint {

Status LoadSettings(const toml::table& root, std::string_view origin, bool /*user*/,
                    Knowledge* k) {
  if (const toml::node* node = root.get("settings")) {
    const toml::table* t = node->as_table();
    if (!t) return ErrorAt(origin, *node, "[settings] must be a table");
    if (Status s = CheckKeys(*t, {"max_file_bytes", "skip_paths", "test_paths", "test_modules", "docs_paths"},
                             origin, "[settings]");
        !s.ok()) {
      return s;
    }
    int64_t max_bytes = static_cast<int64_t>(k->settings.max_file_bytes);
    if (Status s = ReadInt(*t, "max_file_bytes", origin, &max_bytes); !s.ok()) return s;
    if (max_bytes <= 0) return ErrorAt(origin, *t->get("max_file_bytes"), "max_file_bytes must be positive");
    k->settings.max_file_bytes = static_cast<size_t>(max_bytes);
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
