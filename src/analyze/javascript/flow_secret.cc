#include "analyze/javascript/flow_secret.h"

#include <algorithm>

#include "knowledge/exposure_match.h"

namespace keylint {

std::optional<FlowSecret> SecretOfSource(const JsFlowSource& src, const Knowledge& k,
                                         const std::vector<CredentialMatch>& credentials) {
  if (src.kind == JsFlowSource::kEnv) {
    if (!PublicPrefixOf(k, src.name).empty() || !IsSecretName(k, src.name)) return std::nullopt;
    return FlowSecret{src.env_kind == EnvReadKind::kNuxtRuntimeConfig ? "secret useRuntimeConfig()." + src.name
                                                                       : "secret env var " + src.name,
                      "", 0};
  }
  for (const CredentialMatch& m : credentials) {
    if (m.exposure == Exposure::kSecret && m.rule && m.begin >= src.span.begin && m.end <= src.span.end) {
      return FlowSecret{m.rule->description + " " + m.secret.masked(), m.rule->provider, m.secret.hash()};
    }
  }
  return std::nullopt;
}

std::string ThroughText(const JsFlowSource& src, std::string_view bytes) {
  if (src.entry.begin == src.span.begin && src.entry.end == src.span.end) return "";
  if (src.entry.begin >= bytes.size()) return "";
  return " (through " + std::string(bytes.substr(src.entry.begin, std::min<size_t>(src.entry.end - src.entry.begin, 40))) + ")";
}

}  // namespace keylint
