#include <algorithm>
#include <string>

#include "core/secret.h"
#include "knowledge/embedded_rules.h"
#include "knowledge/knowledge.h"
#include "knowledge/loaders.h"
#include "knowledge/toml_util.h"

namespace keylint {
namespace {

constexpr int64_t kRulesFormat = 1;

// Every top-level key a rules file or a user config may hold, and the loader that reads it.
// A key appearing here but read by no loader is a bug caught by knowledge_test.
struct Section {
  std::string_view key;
  Status (*load)(const toml::table&, std::string_view, bool, Knowledge*);
};
const Section kSections[] = {
    {"rule", LoadRuleCatalog},     {"rules", LoadRuleCatalog},
    {"credential", LoadCredentials}, {"placeholders", LoadCredentials},
    {"fragments", LoadCredentials},  {"generic", LoadCredentials},
    {"exposure", LoadExposure},    {"framework", LoadExposure},
    {"sdk", LoadExposure},         {"sdk_env", LoadExposure},
    {"module_graph", LoadExposure},
    {"stages", LoadStages},        {"ci", LoadStages},
    {"settings", LoadSettings},    {"allowlist", LoadSettings},
};

Status ParseFile(std::string_view text, std::string_view origin, toml::table* root) {
  try {
    *root = toml::parse(text, origin);
  } catch (const toml::parse_error& e) {
    return Error{std::string(origin), static_cast<int>(e.source().begin.line),
                 std::string(e.description())};
  }
  return {};
}

Status LoadFile(const toml::table& root, std::string_view origin, bool user, Knowledge* k) {
  int64_t format = kRulesFormat;
  if (Status s = ReadInt(root, "format", origin, &format); !s.ok()) return s;
  if (format != kRulesFormat) {
    return ErrorAt(origin, *root.get("format"),
                   "unsupported format " + std::to_string(format) + " (this keylint reads 1)");
  }
  for (const auto& [key, node] : root) {
    // A plain copy: clang 14 rejects a lambda capturing a structured binding (C++20 allows it).
    const std::string_view name = key.str();
    if (name == "format") continue;
    bool known = std::any_of(std::begin(kSections), std::end(kSections),
                             [name](const Section& s) { return s.key == name; });
    if (!known) return ErrorAt(origin, node, "unknown key '" + std::string(name) + "'");
  }
  // Each loader once, in a fixed order: catalog first so that credentials can add to it.
  Status (*order[])(const toml::table&, std::string_view, bool, Knowledge*) = {
      LoadRuleCatalog, LoadCredentials, LoadExposure, LoadStages, LoadSettings};
  for (auto* load : order) {
    if (Status s = load(root, origin, user, k); !s.ok()) return s;
  }
  return {};
}

}  // namespace

const RuleInfo* Knowledge::FindRule(std::string_view id) const {
  auto it = std::lower_bound(rules.begin(), rules.end(), id,
                             [](const RuleInfo& r, std::string_view v) { return r.id < v; });
  return it != rules.end() && it->id == id ? &*it : nullptr;
}

Level Knowledge::LevelOf(std::string_view id) const {
  const RuleInfo* r = FindRule(id);
  if (!r || !r->enabled) return Level::kNone;
  return r->level;
}

std::optional<Finding> Knowledge::MakeFinding(std::string_view id, const Location& location,
                                              std::string message, Level cap) const {
  Level level = LevelOf(id);
  if (level == Level::kNone) return std::nullopt;
  Finding f;
  f.rule_id = std::string(id);
  f.level = std::min(level, cap);
  f.message = MaskCredentialsIn(message);  // names read from the file may be secrets
  f.location = location;
  return f;
}

Result<Knowledge> LoadRulesFromToml() {
  Knowledge k;
  // Regex fragments first, from every file: a rule may use one defined in a later file.
  std::vector<toml::table> roots(EmbeddedRules().size());
  for (size_t i = 0; i < roots.size(); ++i) {
    const EmbeddedRulesFile& f = EmbeddedRules()[i];
    if (Status s = ParseFile(f.content, f.origin, &roots[i]); !s.ok()) return s.error();
    if (Status s = LoadFragments(roots[i], f.origin, &k); !s.ok()) return s.error();
  }
  for (size_t i = 0; i < roots.size(); ++i) {
    if (Status s = LoadFile(roots[i], EmbeddedRules()[i].origin, /*user=*/false, &k); !s.ok()) {
      return s.error();
    }
  }
  for (RuleInfo& r : k.rules) r.builtin = true;
  std::sort(k.rules.begin(), k.rules.end(),
            [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });
  for (size_t i = 1; i < k.rules.size(); ++i) {
    if (k.rules[i].id == k.rules[i - 1].id) {
      return Error{"rules", 0, "rule id '" + k.rules[i].id + "' is defined twice"};
    }
  }
  return k;
}

Status ApplyUserConfig(std::string_view text, std::string_view origin, Knowledge* k) {
  if (text.empty()) return {};
  toml::table root;
  Status s = ParseFile(text, origin, &root);
  if (s.ok()) s = LoadFragments(root, origin, k);
  if (s.ok()) s = LoadFile(root, origin, /*user=*/true, k);
  if (!s.ok()) return s;
  std::sort(k->rules.begin(), k->rules.end(),
            [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });
  return {};
}

}  // namespace keylint
