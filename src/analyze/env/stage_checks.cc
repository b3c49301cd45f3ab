#include "analyze/env/stage_checks.h"

#include <algorithm>

#include "analyze/exposure_names.h"

namespace keylint {
namespace {

std::string Upper(const std::string& s) {
  std::string out = s;
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

Finding* AddValue(const Knowledge& k, const char* rule, const StageAssignment& a,
                  const EnvValueFacts& v, std::string message, Level cap, FileAnalysis* out) {
  std::optional<Finding> f = k.MakeFinding(rule, a.value_location, std::move(message), cap);
  if (!f) return nullptr;
  f->properties["stage"] = StageName(a.stage);
  f->secret_hash = v.hash;
  if (!v.provider.empty()) f->properties["provider"] = v.provider;
  out->findings.push_back(std::move(*f));
  return &out->findings.back();
}

}  // namespace

bool IsPublicValueName(const Knowledge& k, const std::string& key) {
  if (!PublicPrefixOf(k, key).empty() && !IsPublicPrefixedSecretName(k, key)) return true;
  const std::string upper = Upper(key);
  for (const std::string& w : k.stages.public_name_words) {
    // A whole word: PUBLIC in STRIPE_PUBLIC_KEY, not in REPUBLICAN_TOKEN.
    for (size_t p = upper.find(w); p != std::string::npos; p = upper.find(w, p + 1)) {
      bool starts = p == 0 || upper[p - 1] == '_' || upper[p - 1] == '-' || upper[p - 1] == '.';
      size_t e = p + w.size();
      bool ends = e == upper.size() || upper[e] == '_' || upper[e] == '-' || upper[e] == '.';
      if (starts && ends) return true;
    }
  }
  return false;
}

void CheckAssignmentStage(const StageAssignment& a, const EnvValueFacts& v, const Knowledge& k,
                          FileAnalysis* out) {
  const Stage stage = a.stage;
  if (stage == Stage::kDev || stage == Stage::kTest) {
    if (v.is_secret && v.value_stage == Stage::kProd) {
      AddValue(k, "stage/prod-key-in-dev-env", a, v,
               "'" + a.key + "' holds a production key (" + v.masked + ") in " + a.where,
               Level::kError, out);
      return;
    }
    if (v.public_key && v.value_stage == Stage::kProd && !a.shared_by_modes) {
      AddValue(k, "stage/prod-key-in-dev-env", a, v,
               "'" + a.key + "' holds a live-mode publishable key (" + v.masked + ") in " +
                   a.where + ": this environment talks to production",
               Level::kWarning, out);
      return;
    }
    // A production-named key: in an env file any assigned value counts (the file is where
    // real keys go); elsewhere (scripts, compose, Helm) only a value that looks like a secret,
    // since those files are full of names and sample values.
    const bool assigned = !v.empty && !v.placeholder && !a.reference_only;
    const bool secret_enough = v.is_secret || (a.from_env_file && IsSecretLikeName(k.stages, a.key));
    if (assigned && StageOfName(k.stages, a.key) == Stage::kProd && secret_enough) {
      const auto& doc = k.stages.documented_local_prod_names;
      const bool documented = stage == Stage::kDev &&
                              std::find(doc.begin(), doc.end(), Upper(a.key)) != doc.end();
      const bool public_value = v.public_key || IsPublicValueName(k, a.key);
      std::string why = documented ? "; the tool's docs suggest this, but a dev key is safer here"
                        : public_value ? "; a public key, but this environment then talks to production"
                                       : "";
      AddValue(k, "stage/prod-key-in-dev-env", a, v,
               "'" + a.key + "' is named for production and assigned (" + v.masked + ") in " +
                   a.where + why,
               documented || public_value ? Level::kWarning : Level::kError, out);
    }
    return;
  }
  if (stage == Stage::kProd && (v.value_stage == Stage::kTest || v.value_stage == Stage::kDev)) {
    AddValue(k, "stage/test-key-in-prod-env", a, v,
             "'" + a.key + "' holds a " + StageName(v.value_stage) + " key (" + v.masked +
                 ") in " + a.where,
             Level::kError, out);
  }
}

void RecordAssignment(const StageAssignment& a, const EnvValueFacts& v, FileAnalysis* out) {
  EnvDefinition d;
  d.location = a.key_location;
  d.value_location = a.value_location;
  d.key = a.key;
  d.stage = a.stage;
  d.tracked = a.tracked;
  d.from_env_file = a.from_env_file;
  d.is_template = a.stage == Stage::kTemplate;
  d.value_empty = v.empty;
  d.value_is_placeholder = v.placeholder;
  d.value_is_reference = a.reference_only;
  d.value_is_secret = v.is_secret;
  d.value_stage = v.value_stage;
  d.value_hash = v.hash;
  d.value_masked = v.masked;
  out->facts.env_definitions.push_back(std::move(d));
}

}  // namespace keylint
