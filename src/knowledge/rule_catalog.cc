// [[rule]]: metadata of the rules that are not credential shapes (client/, stage/, config/).
// [rules."<id>"] in a user config: level = "error|warning|note|off", enabled = bool.
#include <cctype>

#include "knowledge/loaders.h"
#include "knowledge/toml_util.h"

namespace keylint {
namespace {

const char* const kFamilies[] = {"client", "hardcoded", "stage", "config"};

Status ValidId(const std::string& id, std::string_view origin, const toml::node& node) {
  size_t slash = id.find('/');
  bool family_ok = false;
  for (const char* f : kFamilies) family_ok = family_ok || id.substr(0, slash) == f;
  bool chars_ok = slash != std::string::npos && slash + 1 < id.size();
  for (char c : id) chars_ok = chars_ok && (std::islower(static_cast<unsigned char>(c)) ||
                                            std::isdigit(static_cast<unsigned char>(c)) ||
                                            c == '-' || c == '/');
  if (!family_ok || !chars_ok) {
    return ErrorAt(origin, node,
                   "rule id '" + id + "' must be <family>/<name> with family client, hardcoded, "
                   "stage or config, lowercase with dashes");
  }
  return {};
}

Status LoadRule(const toml::table& t, std::string_view origin, Knowledge* k) {
  if (Status s = CheckKeys(t, {"id", "level", "security_severity", "precision", "short",
                               "full", "help", "tags", "cwe", "default_off"},
                           origin, "[[rule]]");
      !s.ok()) {
    return s;
  }
  RuleInfo r;
  std::string level = "error";
  for (Status s : {ReadString(t, "id", origin, &r.id, true), ReadString(t, "level", origin, &level),
                   ReadString(t, "security_severity", origin, &r.security_severity),
                   ReadString(t, "precision", origin, &r.precision),
                   ReadString(t, "short", origin, &r.short_description, true),
                   ReadString(t, "full", origin, &r.full_description, true),
                   ReadString(t, "help", origin, &r.help, true), ReadStrings(t, "tags", origin, &r.tags),
                   ReadString(t, "cwe", origin, &r.cwe), ReadBool(t, "default_off", origin, &r.default_off)}) {
    if (!s.ok()) return s;
  }
  if (Status s = ValidId(r.id, origin, t); !s.ok()) return s;
  if (!ParseLevel(level, &r.level) || r.level == Level::kNone) {
    return ErrorAt(origin, t, "level must be error, warning or note");
  }
  r.family = r.id.substr(0, r.id.find('/'));
  r.name = PascalCaseName(r.id);
  r.enabled = !r.default_off;
  k->rules.push_back(std::move(r));
  return {};
}

Status LoadOverride(const std::string& id, const toml::node& node, std::string_view origin,
                    Knowledge* k) {
  const toml::table* t = node.as_table();
  if (!t) return ErrorAt(origin, node, "[rules.\"" + id + "\"] must be a table");
  if (Status s = CheckKeys(*t, {"level", "enabled"}, origin, "[rules.\"" + id + "\"]"); !s.ok()) {
    return s;
  }
  auto* rule = const_cast<RuleInfo*>(k->FindRule(id));
  if (!rule) return ErrorAt(origin, node, "unknown rule '" + id + "' (see `keylint rules`)");
  if (Status s = ReadBool(*t, "enabled", origin, &rule->enabled); !s.ok()) return s;
  std::string level;
  if (Status s = ReadString(*t, "level", origin, &level); !s.ok()) return s;
  if (level == "off") {
    rule->enabled = false;
  } else if (!level.empty()) {
    if (!ParseLevel(level, &rule->level) || rule->level == Level::kNone) {
      return ErrorAt(origin, node, "level must be error, warning, note or off");
    }
    rule->enabled = true;
  }
  return {};
}

}  // namespace

std::string PascalCaseName(const std::string& rule_id) {
  std::string out;
  bool upper = true;
  for (char c : rule_id.substr(rule_id.find('/') + 1)) {
    if (c == '-' || c == '/') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

Status LoadRuleCatalog(const toml::table& root, std::string_view origin, bool user, Knowledge* k) {
  if (const toml::node* rules = root.get("rule")) {
    const toml::array* arr = rules->as_array();
    if (!arr) return ErrorAt(origin, *rules, "'rule' must be an array of tables ([[rule]])");
    for (const toml::node& item : *arr) {
      if (!item.is_table()) return ErrorAt(origin, item, "[[rule]] entries must be tables");
      if (Status s = LoadRule(*item.as_table(), origin, k); !s.ok()) return s;
    }
  }
  if (const toml::node* overrides = root.get("rules")) {
    if (!user) return ErrorAt(origin, *overrides, "[rules] overrides belong in a user config");
    const toml::table* t = overrides->as_table();
    if (!t) return ErrorAt(origin, *overrides, "[rules] must be a table");
    for (const auto& [id, node] : *t) {
      if (Status s = LoadOverride(std::string(id.str()), node, origin, k); !s.ok()) return s;
    }
  }
  return {};
}

}  // namespace keylint
