// [[credential]] and [placeholders]: provider credential shapes (rules/credentials.toml).
// Each credential also becomes a rule, "hardcoded/<id>", in the catalog.
#include "knowledge/loaders.h"

#include <algorithm>

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

// Regexes of the embedded rules are not compiled here: the scanner compiles each on first use,
// so a run over a few files pays only for the rules it needs (credentials_test compiles every
// embedded regex). A user's rules are checked at load, so a typo is an error at its line.
Status LoadCredential(const toml::table& t, std::string_view origin, bool user, Knowledge* k) {
  if (Status s = CheckKeys(t, {"id", "provider", "description", "regex", "keywords", "entropy",
                               "exposure", "stage", "stage_markers", "allow", "generic", "jwt",
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
                   ReadStrings(t, "allow", origin, &c.allow), ReadBool(t, "generic", origin, &c.generic),
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
  if (user) {
    // Errors point at the regex's own line, not the table's first.
    if (Status s = CheckRegex(c.regex, origin, *t.get("regex")); !s.ok()) return s;
    if (const toml::array* allow = t.get_as<toml::array>("allow")) {
      for (size_t i = 0; i < c.allow.size(); ++i) {
        if (Status s = CheckRegex(c.allow[i], origin, *allow->get(i)); !s.ok()) return s;
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

}  // namespace

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
    if (Status s = CheckKeys(*t, {"patterns", "examples"}, origin, "[placeholders]"); !s.ok()) return s;
    size_t first = k->credentials.placeholders.size();
    if (Status s = ReadStrings(*t, "patterns", origin, &k->credentials.placeholders); !s.ok()) return s;
    for (size_t i = first; user && i < k->credentials.placeholders.size(); ++i) {
      if (Status s = CheckRegex(k->credentials.placeholders[i], origin, *t); !s.ok()) return s;
    }
    if (Status s = ReadStrings(*t, "examples", origin, &k->credentials.example_values); !s.ok()) return s;
  }
  return {};
}

}  // namespace keylint
