// [[credential]], [placeholders], [generic] and [fragments]: provider credential shapes
// (rules/credentials.toml). Each credential also becomes a rule, "hardcoded/<id>", in the catalog.
#include "knowledge/loaders.h"

#include <algorithm>
#include <set>

#include "core/text.h"
#include "knowledge/toml_util.h"

namespace keylint {
namespace {

Status LoadStageMarkers(const toml::table& t, std::string_view origin, CredentialRule* rule) {
  const toml::node* node = t.get("stage_markers");
  if (!node) return {};
  const toml::table* markers = node->as_table();
  if (!markers) return ErrorAt(origin, *node, "stage_markers must be a table { \"marker\" = \"stage\" }");
  for (const auto& [marker, stage_node] : *markers) {
    Stage stage;
    if (!stage_node.is_string() || !ParseStageName(stage_node.as_string()->get(), &stage)) {
      return ErrorAt(origin, stage_node, "stage_markers values must be dev, test, staging or prod");
    }
    rule->stage_markers.emplace_back(std::string(marker.str()), stage);
  }
  return {};
}

// `regex` with every {{name}} replaced by its fragment; fails on a name no file defines.
Status ExpandFragments(const CredentialKnowledge& ck, std::string_view origin, const toml::node& node,
                       std::string* regex) {
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t open = regex->find("{{", pos);
    if (open == std::string::npos) break;
    size_t close = regex->find("}}", open + 2);
    if (close == std::string::npos) break;
    std::string name = regex->substr(open + 2, close - open - 2);
    auto it = ck.fragments.find(name);
    if (it == ck.fragments.end()) {
      return ErrorAt(origin, node, "unknown regex fragment {{" + name + "}} (see [fragments])");
    }
    out.append(*regex, pos, open - pos);
    out += it->second;
    pos = close + 2;
  }
  if (pos == 0) return {};
  out.append(*regex, pos, std::string::npos);
  *regex = std::move(out);
  return {};
}

// Regexes of the embedded rules are not compiled here: the scanner compiles each on first use,
// so a run over a few files pays only for the rules it needs (credentials_test compiles every
// embedded regex). A user's rules are checked at load, so a typo is an error at its line.
Status LoadCredential(const toml::table& t, std::string_view origin, bool user, Knowledge* k) {
  if (Status s = CheckKeys(t, {"id", "provider", "description", "regex", "keywords", "entropy",
                               "exposure", "stage", "stage_markers", "allow", "allow_names", "generic", "jwt",
                               "jwt_secret_roles", "jwt_public_roles", "jwt_skip_roles",
                               "jwt_public_issuers", "decode",
                               "level", "security_severity", "precision", "help"},
                           origin, "[[credential]]");
      !s.ok()) {
    return s;
  }
  CredentialRule c;
  c.origin = std::string(origin);
  c.builtin = !user;
  std::string exposure = "secret", stage = "unknown", level, severity = "8.0", precision = "high",
              help, decode = "none";
  for (Status s : {ReadString(t, "id", origin, &c.id, true),
                   ReadString(t, "provider", origin, &c.provider, true),
                   ReadString(t, "description", origin, &c.description, true),
                   ReadString(t, "regex", origin, &c.regex, true),
                   ReadStrings(t, "keywords", origin, &c.keywords),
                   ReadDouble(t, "entropy", origin, &c.min_entropy),
                   ReadString(t, "exposure", origin, &exposure), ReadString(t, "stage", origin, &stage),
                   ReadStrings(t, "allow", origin, &c.allow),
                   ReadStrings(t, "allow_names", origin, &c.allow_names), ReadBool(t, "generic", origin, &c.generic),
                   ReadBool(t, "jwt", origin, &c.jwt),
                   ReadStrings(t, "jwt_secret_roles", origin, &c.jwt_secret_roles),
                   ReadStrings(t, "jwt_public_roles", origin, &c.jwt_public_roles),
                   ReadStrings(t, "jwt_skip_roles", origin, &c.jwt_skip_roles),
                   ReadStrings(t, "jwt_public_issuers", origin, &c.jwt_public_issuers),
                   ReadString(t, "decode", origin, &decode), ReadString(t, "level", origin, &level),
                   ReadString(t, "security_severity", origin, &severity),
                   ReadString(t, "precision", origin, &precision), ReadString(t, "help", origin, &help),
                   LoadStageMarkers(t, origin, &c)}) {
    if (!s.ok()) return s;
  }
  if (c.keywords.empty()) {
    return ErrorAt(origin, t, "credential '" + c.id + "' needs at least one keyword for the prefilter");
  }
  for (std::string& kw : c.keywords) kw = ToLower(kw);
  const size_t assign = c.regex.find("{{assign}}");
  c.assignment = c.generic && assign != std::string::npos;
  if (assign != std::string::npos) {
    c.after_name_regex = c.regex.substr(assign);
    if (Status s = ExpandFragments(k->credentials, origin, t, &c.after_name_regex); !s.ok()) return s;
  }
  if (Status s = ExpandFragments(k->credentials, origin, t, &c.regex); !s.ok()) return s;
  if (user) {
    // Errors point at the regex's own line, not the table's first.
    if (Status s = CheckRegex(c.regex, origin, *t.get("regex")); !s.ok()) return s;
    for (auto [key, list] : {std::pair{"allow", &c.allow}, std::pair{"allow_names", &c.allow_names}}) {
      const toml::array* patterns = t.get_as<toml::array>(key);
      for (size_t i = 0; patterns && i < list->size(); ++i) {
        if (Status s = CheckRegex((*list)[i], origin, *patterns->get(i)); !s.ok()) return s;
      }
    }
    // One id, one rule: two rules with one id would merge in reports (and make invalid SARIF).
    bool taken = std::any_of(k->credentials.rules.begin(), k->credentials.rules.end(),
                             [&](const CredentialRule& other) { return other.id == c.id; }) ||
                 std::any_of(k->rules.begin(), k->rules.end(),
                             [&](const RuleInfo& other) { return other.id == "hardcoded/" + c.id; });
    if (taken) {
      return ErrorAt(origin, *t.get("id"),
                     "credential id '" + c.id + "' is taken (by a built-in rule or an earlier "
                     "[[credential]]); choose another id, or re-level the built-in rule in "
                     "[rules.\"hardcoded/" + c.id + "\"]");
    }
  }
  if (exposure == "secret") c.exposure = Exposure::kSecret;
  else if (exposure == "public") c.exposure = Exposure::kPublic;
  else return ErrorAt(origin, t, "exposure must be secret or public");
  if (!ParseStageName(stage, &c.stage)) return ErrorAt(origin, t, "unknown stage '" + stage + "'");
  if (decode == "basic-auth") c.decode = CredentialRule::Decode::kBasicAuth;
  else if (decode != "none") return ErrorAt(origin, t, "decode must be none or basic-auth");

  RuleInfo r;
  r.id = "hardcoded/" + c.id;
  r.family = "hardcoded";
  r.name = PascalCaseName(r.id);
  r.level = Level::kError;
  if (!level.empty() && (!ParseLevel(level, &r.level) || r.level == Level::kNone)) {
    return ErrorAt(origin, t, "level must be error, warning or note");
  }
  r.security_severity = severity;
  r.precision = c.generic ? "medium" : precision;
  r.short_description = "Hardcoded " + c.description;
  r.full_description = "A " + c.description + " is written literally into a file in the "
                       "repository. Anyone who can read the repository, its history or a build "
                       "made from it can use the credential.";
  r.help = !help.empty() ? help
                         : "Remove the value from the file, rotate the credential at the provider "
                           "(it is in the git history), and read it at run time from the "
                           "environment or a secret manager.";
  r.tags = {c.provider};
  // Public keys are known (client rules reason about them) but are not hardcoded-secret rules.
  if (c.exposure == Exposure::kSecret) k->rules.push_back(std::move(r));
  k->credentials.rules.push_back(std::move(c));
  return {};
}

// Appends table[key] (a list of RE2 patterns) to *out; a user's are compiled to check them.
Status ReadRegexes(const toml::table& t, std::string_view key, std::string_view origin, bool user,
                   std::vector<std::string>* out) {
  size_t first = out->size();
  if (Status s = ReadStrings(t, key, origin, out); !s.ok()) return s;
  for (size_t i = first; user && i < out->size(); ++i) {
    if (Status s = CheckRegex((*out)[i], origin, t); !s.ok()) return s;
  }
  return {};
}

}  // namespace

Status LoadFragments(const toml::table& root, std::string_view origin, Knowledge* k) {
  const toml::node* node = root.get("fragments");
  if (!node) return {};
  const toml::table* t = node->as_table();
  if (!t) return ErrorAt(origin, *node, "[fragments] must be a table of name = \"regex\"");
  for (const auto& [name, value] : *t) {
    if (!value.is_string()) return ErrorAt(origin, value, "a fragment must be a string (RE2)");
    if (Status s = CheckRegex(value.as_string()->get(), origin, value); !s.ok()) return s;
    k->credentials.fragments[std::string(name.str())] = value.as_string()->get();
  }
  return {};
}

Status LoadCredentials(const toml::table& root, std::string_view origin, bool user,
                       Knowledge* k) {
  if (const toml::node* node = root.get("credential")) {
    const toml::array* arr = node->as_array();
    if (!arr) return ErrorAt(origin, *node, "'credential' must be an array of tables ([[credential]])");
    for (const toml::node& item : *arr) {
      if (!item.is_table()) return ErrorAt(origin, item, "[[credential]] entries must be tables");
      if (Status s = LoadCredential(*item.as_table(), origin, user, k); !s.ok()) return s;
    }
  }
  if (const toml::node* node = root.get("placeholders")) {
    const toml::table* t = node->as_table();
    if (!t) return ErrorAt(origin, *node, "[placeholders] must be a table");
    if (Status s = CheckKeys(*t, {"patterns", "examples", "known_hashes", "dev_words", "default_words",
                              "dev_hosts", "dev_jwt_issuers", "fake_comments",
                              "template_comments"},
                             origin, "[placeholders]");
        !s.ok()) {
      return s;
    }
    CredentialKnowledge& ck = k->credentials;
    for (Status s : {ReadRegexes(*t, "patterns", origin, user, &ck.placeholders),
                     ReadStrings(*t, "examples", origin, &ck.example_values),
                     ReadStrings(*t, "known_hashes", origin, &ck.known_hashes),
                     ReadStrings(*t, "dev_words", origin, &ck.dev_words),
                     ReadStrings(*t, "default_words", origin, &ck.default_words),
                     ReadRegexes(*t, "dev_hosts", origin, user, &ck.dev_hosts),
                     ReadStrings(*t, "dev_jwt_issuers", origin, &ck.dev_jwt_issuers),
                     ReadRegexes(*t, "fake_comments", origin, user, &ck.fake_comments),
                     ReadRegexes(*t, "template_comments", origin, user, &ck.template_comments)}) {
      if (!s.ok()) return s;
    }
    for (std::string& h : ck.known_hashes) {
      h = ToLower(h);
      if (h.size() != 64 || h.find_first_not_of("0123456789abcdef") != std::string::npos) {
        return ErrorAt(origin, *t, "known_hashes holds SHA-256 hex digests (64 hex digits)");
      }
    }
    for (auto* list : {&ck.dev_words, &ck.default_words}) {
      for (std::string& w : *list) w = ToLower(w);
    }
  }
  if (const toml::node* node = root.get("generic")) {
    const toml::table* t = node->as_table();
    if (!t) return ErrorAt(origin, *node, "[generic] must be a table");
    if (Status s = CheckKeys(*t, {"allow"}, origin, "[generic]"); !s.ok()) return s;
    if (Status s = ReadRegexes(*t, "allow", origin, user, &k->credentials.generic_allow); !s.ok()) {
      return s;
    }
  }
  return {};
}

bool AllLocatable(const CredentialRule& rule) {
  return !rule.keywords.empty() &&
         std::all_of(rule.keywords.begin(), rule.keywords.end(), [](const std::string& k) {
           return !k.empty() && std::all_of(k.begin(), k.end(), [](char c) {
             return static_cast<unsigned char>(c) < 0x80;
           });
         });
}

std::vector<std::string> LocatableKeywords(const std::vector<CredentialRule>& rules) {
  std::vector<std::string> out;
  std::set<std::string, std::less<>> seen;
  for (const CredentialRule& rule : rules) {
    if (!AllLocatable(rule)) continue;
    for (const std::string& k : rule.keywords) {
      if (seen.insert(ToLower(k)).second) out.push_back(ToLower(k));
    }
  }
  return out;
}

}  // namespace keylint
