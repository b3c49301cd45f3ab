#include "analyze/env/public_prefix.h"

#include "analyze/exposure_names.h"

namespace keylint {

bool CheckPublicPrefixedSecret(const Knowledge& k, const std::string& key, const EnvValueFacts& v,
                               Stage stage, const Location& span, FileAnalysis* out) {
  if (v.placeholder) return false;
  bool by_name = IsPublicPrefixedSecretName(k, key);
  bool by_value = !by_name && v.is_secret && !PublicPrefixOf(k, key).empty();
  if (!by_name && !by_value) return false;
  if (v.empty && stage != Stage::kTemplate) return false;
  std::optional<Finding> f = k.MakeFinding(
      "client/public-prefixed-secret", span,
      "'" + key + "' " + (by_name ? "names a secret" : "holds a secret (" + v.masked + ")") + " under the public prefix " +
          std::string(PublicPrefixOf(k, key)) + ", which the build inlines into client code");
  if (!f) return true;
  f->secret_hash = v.hash;
  f->properties["stage"] = StageName(stage);
  f->properties["side"] = "client";
  out->findings.push_back(std::move(*f));
  return true;
}

}  // namespace keylint
