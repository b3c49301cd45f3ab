#include <algorithm>
#include <string>

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
    {"exposure", LoadExposure},    {"framework", LoadExposure},
    {"sdk", LoadExposure},         {"sdk_env", LoadExposure},
    {"module_graph", LoadExposure},
    {"stages", LoadStages},        {"ci", LoadStages},
    {"settings", LoadSettings},    {"allowlist", LoadSettings},
};

Status LoadFile(std::string_view text, std::string_view origin, bool user, Knowledge* k) {
  toml::table root;
  try {
    root = toml::parse(text, origin);
  } catch (const toml::parse_error& e) {
    return Error{std::string(origin), static_cast<int>(e.source().begin.line),
                 std::string(e.description())};
  }
  int64_t format = kRulesFormat;
  if (Status s = ReadInt(root, "format", origin, &format); !s.ok()) return s;
  if (format != kRulesFormat) {
    return ErrorAt(origin, *root.get("format"),
                   "unsupported format " + std::to_string(format) + " (this keylint reads 1)");
  }
  for (const auto& [key, node] : root) {
    if (key.str() == "format") continue;
    bool known = std::any_of(std::begin(kSections), std::end(kSections),
                             [&](const Section& s) { return s.key == key.str(); });
    if (!known) return ErrorAt(origin, node, "unknown key '" + std::string(key.str()) + "'");
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
  f.message = std::move(message);
  f.location = location;
  return f;
}

Result<Knowledge> LoadKnowledge(std::string_view user_config_text,
                                std::string_view user_config_origin) {
  Knowledge k;
  for (const EmbeddedRulesFile& f : EmbeddedRules()) {
    if (Status s = LoadFile(f.content, f.origin, /*user=*/false, &k); !s.ok()) return s.error();
  }
  std::sort(k.rules.begin(), k.rules.end(),
            [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });
  for (size_t i = 1; i < k.rules.size(); ++i) {
    if (k.rules[i].id == k.rules[i - 1].id) {
      return Error{"rules", 0, "rule id '" + k.rules[i].id + "' is defined twice"};
    }
  }
  if (!user_config_text.empty()) {
    if (Status s = LoadFile(user_config_text, user_config_origin, /*user=*/true, &k); !s.ok()) {
      return s.error();
    }
    std::sort(k.rules.begin(), k.rules.end(),
              [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });
  }
  return k;
}

}  // namespace keylint
