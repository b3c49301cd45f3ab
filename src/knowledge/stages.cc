// [stages], [ci]: how a stage is recognised and which CI contexts are trusted
// (rules/stages.toml). A user config may add entries; maps take the later value for a name.
#include <algorithm>
#include <cctype>
#include <iterator>

#include "core/text.h"

#include "knowledge/loaders.h"
#include "knowledge/toml_util.h"

namespace keylint {
namespace {

std::string ToUpper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Reads a table of name -> stage name into *out, with keys normalised by `norm`.
Status ReadStageMap(const toml::table& t, std::string_view key, std::string_view origin,
                    std::string (*norm)(std::string_view), std::map<std::string, Stage>* out) {
  const toml::node* node = t.get(key);
  if (!node) return {};
  const toml::table* map = node->as_table();
  if (!map) return ErrorAt(origin, *node, "'" + std::string(key) + "' must be a table of stages");
  for (const auto& [name, value] : *map) {
    Stage stage;
    if (!value.is_string() || !ParseStageName(value.as_string()->get(), &stage)) {
      return ErrorAt(origin, value,
                     "'" + std::string(name.str()) +
                         "' must be a stage: dev, test, staging, prod, ci or template");
    }
    (*out)[norm(name.str())] = stage;
  }
  return {};
}

std::string Lower(std::string_view s) { return ToLower(s); }

// [[stages.carriers]]: a user's entries come after the built-in ones; the first whose paths
// match a file decides how it is read.
Status LoadCarriers(const toml::table& t, std::string_view origin, std::vector<CarrierRule>* out) {
  const toml::node* node = t.get("carriers");
  if (!node) return {};
  const toml::array* list = node->as_array();
  if (!list) return ErrorAt(origin, *node, "'carriers' must be an array of tables");
  for (const toml::node& entry : *list) {
    const toml::table* e = entry.as_table();
    if (!e) return ErrorAt(origin, entry, "[[stages.carriers]] entries must be tables");
    if (Status s = CheckKeys(*e, {"format", "what", "paths", "values", "loads", "stage",
                                  "stage_reason", "stage_from", "inlines_public"},
                             origin, "[[stages.carriers]]");
        !s.ok()) {
      return s;
    }
    CarrierRule c;
    std::string stage = "unknown";
    for (Status s : {ReadString(*e, "format", origin, &c.format, true),
                     ReadString(*e, "what", origin, &c.what, true),
                     ReadStrings(*e, "paths", origin, &c.paths),
                     ReadStrings(*e, "values", origin, &c.values),
                     ReadStrings(*e, "loads", origin, &c.loads),
                     ReadString(*e, "stage", origin, &stage),
                     ReadString(*e, "stage_reason", origin, &c.stage_reason),
                     ReadString(*e, "stage_from", origin, &c.stage_from),
                     ReadBool(*e, "inlines_public", origin, &c.inlines_public)}) {
      if (!s.ok()) return s;
    }
    static const char* const kFormats[] = {"yaml", "toml", "dockerfile", "shell", "makefile", "hcl"};
    if (std::none_of(std::begin(kFormats), std::end(kFormats),
                     [&](const char* f) { return c.format == f; })) {
      return ErrorAt(origin, entry,
                     "unknown carrier format '" + c.format +
                         "' (yaml, toml, dockerfile, shell, makefile, hcl)");
    }
    if (!ParseStageName(stage, &c.stage)) return ErrorAt(origin, entry, "unknown stage '" + stage + "'");
    out->push_back(std::move(c));
  }
  return {};
}
std::string Upper(std::string_view s) { return ToUpper(s); }

Status LoadStagesTable(const toml::table& t, std::string_view origin, StageKnowledge* k) {
  if (Status s = CheckKeys(t, {"env_files", "env_dirs", "tool_env_files", "names",
                               "min_secret_entropy", "min_secret_length", "name_words",
                               "content_vars", "carriers"},
                           origin, "[stages]");
      !s.ok()) {
    return s;
  }
  for (Status s : {ReadStageMap(t, "env_files", origin, Lower, &k->env_files),
                   ReadStageMap(t, "env_dirs", origin, Lower, &k->env_dirs),
                   ReadStageMap(t, "name_words", origin, Lower, &k->name_words),
                   ReadStrings(t, "content_vars", origin, &k->content_vars),
                   LoadCarriers(t, origin, &k->carriers),
                   ReadDouble(t, "min_secret_entropy", origin, &k->min_secret_entropy)}) {
    if (!s.ok()) return s;
  }
  int64_t min_len = k->min_secret_length;
  if (Status s = ReadInt(t, "min_secret_length", origin, &min_len); !s.ok()) return s;
  k->min_secret_length = static_cast<int>(min_len);

  if (const toml::node* node = t.get("tool_env_files")) {
    const toml::table* tools = node->as_table();
    if (!tools) return ErrorAt(origin, *node, "'tool_env_files' must be a table");
    for (const auto& [path, entry] : *tools) {
      const toml::table* e = entry.as_table();
      if (!e) return ErrorAt(origin, entry, "[stages.tool_env_files] entries must be tables");
      if (Status s = CheckKeys(*e, {"stage", "reason"}, origin, "[stages.tool_env_files]");
          !s.ok()) {
        return s;
      }
      std::string stage_name, reason;
      if (Status s = ReadString(*e, "stage", origin, &stage_name, true); !s.ok()) return s;
      if (Status s = ReadString(*e, "reason", origin, &reason); !s.ok()) return s;
      EnvDirRule rule;
      if (!ParseStageName(stage_name, &rule.stage)) {
        return ErrorAt(origin, entry, "unknown stage '" + stage_name + "'");
      }
      rule.reason = reason;
      k->tool_env_files[std::string(path.str())] = rule;
    }
  }

  if (const toml::node* node = t.get("names")) {
    const toml::table* names = node->as_table();
    if (!names) return ErrorAt(origin, *node, "[stages.names] must be a table");
    if (Status s = CheckKeys(*names, {"suffixes", "prefixes", "secret_words", "secret_qualifiers",
                                         "documented_local_prod",
                                         "public_words"},
                             origin, "[stages.names]");
        !s.ok()) {
      return s;
    }
    std::vector<std::string> words, qualifiers, documented, public_words;
    for (Status s : {ReadStageMap(*names, "suffixes", origin, Upper, &k->name_suffixes),
                     ReadStageMap(*names, "prefixes", origin, Upper, &k->name_prefixes),
                     ReadStrings(*names, "secret_words", origin, &words),
                     ReadStrings(*names, "secret_qualifiers", origin, &qualifiers),
                     ReadStrings(*names, "documented_local_prod", origin, &documented),
                     ReadStrings(*names, "public_words", origin, &public_words)}) {
      if (!s.ok()) return s;
    }
    for (const std::string& w : words) k->secret_name_words.push_back(ToUpper(w));
    for (const std::string& w : qualifiers) k->secret_name_qualifiers.push_back(ToUpper(w));
    for (const std::string& d : documented) k->documented_local_prod_names.push_back(ToUpper(d));
    for (const std::string& w : public_words) k->public_name_words.push_back(ToUpper(w));
  }
  return {};
}

Status LoadCiTable(const toml::table& t, std::string_view origin, CiKnowledge* k) {
  if (Status s = CheckKeys(t, {"untrusted_triggers", "pr_triggers", "manual_triggers",
                               "prod_environments", "test_build_commands", "pr_checkout_markers",
                               "auto_confirm_vars", "auto_confirm_flags", "gitlab_mr_markers"},
                           origin, "[ci]");
      !s.ok()) {
    return s;
  }
  for (Status s : {ReadStrings(t, "untrusted_triggers", origin, &k->untrusted_triggers),
                   ReadStrings(t, "pr_triggers", origin, &k->pr_triggers),
                   ReadStrings(t, "manual_triggers", origin, &k->manual_triggers),
                   ReadStrings(t, "prod_environments", origin, &k->prod_environments),
                   ReadStrings(t, "test_build_commands", origin, &k->test_build_commands),
                   ReadStrings(t, "pr_checkout_markers", origin, &k->pr_checkout_markers),
                   ReadStrings(t, "auto_confirm_vars", origin, &k->auto_confirm_vars),
                   ReadStrings(t, "auto_confirm_flags", origin, &k->auto_confirm_flags),
                   ReadStrings(t, "gitlab_mr_markers", origin, &k->gitlab_mr_markers)}) {
    if (!s.ok()) return s;
  }
  return {};
}

// Splits an upper-cased variable name into its '_'-separated words, skipping empty ones.
std::vector<std::string_view> NameWords(std::string_view upper) {
  std::vector<std::string_view> words;
  size_t start = 0;
  while (start <= upper.size()) {
    size_t end = upper.find_first_of("_-.", start);
    if (end == std::string_view::npos) end = upper.size();
    if (end > start) words.push_back(upper.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

}  // namespace

Stage StageOfName(const StageKnowledge& k, std::string_view name) {
  std::string upper = ToUpper(name);
  std::vector<std::string_view> words = NameWords(upper);
  if (words.size() < 2) return Stage::kUnknown;  // "PROD" alone names nothing
  if (auto it = k.name_suffixes.find(std::string(words.back())); it != k.name_suffixes.end()) {
    return it->second;
  }
  if (auto it = k.name_prefixes.find(std::string(words.front())); it != k.name_prefixes.end()) {
    return it->second;
  }
  return Stage::kUnknown;
}

std::string_view WithoutNameQualifiers(const StageKnowledge& k, std::string_view upper) {
  while (true) {
    size_t cut = upper.find_last_of("_-.");
    if (cut == std::string_view::npos) return upper;
    std::string_view w = upper.substr(cut + 1);
    bool number = w.find_first_not_of("0123456789") == std::string_view::npos ||
                  (w.size() >= 2 && w[0] == 'V' &&
                   w.find_first_not_of("0123456789", 1) == std::string_view::npos);
    bool qualifier = std::find(k.secret_name_qualifiers.begin(), k.secret_name_qualifiers.end(),
                               w) != k.secret_name_qualifiers.end();
    if (!number && !qualifier && !k.name_suffixes.count(std::string(w))) return upper;
    upper = upper.substr(0, cut);
  }
}

bool IsSecretLikeName(const StageKnowledge& k, std::string_view name) {
  std::string upper = ToUpper(name);
  std::vector<std::string_view> words = NameWords(WithoutNameQualifiers(k, upper));
  if (words.empty()) return false;
  // The head word decides: DISABLE_PASSWORD_SIGNUP names a flag and SMTP_FROM_ADDRESS an
  // address, whatever secret word sits before the head.
  std::string_view head = words.back();
  for (const std::string& s : k.secret_name_words) {
    if (head == s) return true;
  }
  for (std::string_view tail : {"KEY", "TOKEN", "SECRET", "PASSWORD"}) {
    if (head.size() > tail.size() && head.substr(head.size() - tail.size()) == tail) return true;
  }
  return false;
}

Status LoadStages(const toml::table& root, std::string_view origin, bool /*user*/, Knowledge* k) {
  if (const toml::node* node = root.get("stages")) {
    const toml::table* t = node->as_table();
    if (!t) return ErrorAt(origin, *node, "[stages] must be a table");
    if (Status s = LoadStagesTable(*t, origin, &k->stages); !s.ok()) return s;
  }
  if (const toml::node* node = root.get("ci")) {
    const toml::table* t = node->as_table();
    if (!t) return ErrorAt(origin, *node, "[ci] must be a table");
    if (Status s = LoadCiTable(*t, origin, &k->stages.ci); !s.ok()) return s;
  }
  return {};
}

}  // namespace keylint
