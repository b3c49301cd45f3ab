// Which data-flow sources (model.h JsFlowSource) are secrets, for every rule that follows values
// into something the browser receives: the per-file page-data rule (rules.cc) and the props
// given to Client Components, which the module graph judges (graph_facts.cc). Thread-safe.
#ifndef KEYLINT_ANALYZE_JAVASCRIPT_FLOW_SECRET_H_
#define KEYLINT_ANALYZE_JAVASCRIPT_FLOW_SECRET_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyze/credentials/engine.h"
#include "analyze/javascript/model.h"
#include "knowledge/knowledge.h"

namespace keylint {

struct FlowSecret {
  std::string what;      // "secret env var STRIPE_SECRET_KEY", "Stripe secret API key sk_live_…3f9a"
  std::string provider;  // of the credential rule; "" for env reads
  uint64_t hash = 0;     // the literal's keyed hash; 0 for env reads
};

// An env read whose name says secret and has no public prefix, or a literal holding a secret
// the credential engine found (`credentials`: its matches in the same bytes); nullopt otherwise.
std::optional<FlowSecret> SecretOfSource(const JsFlowSource& source, const Knowledge& knowledge,
                                         const std::vector<CredentialMatch>& credentials);

// "" when the source is written where it enters the sink; else " (through config)": the first
// 40 bytes of the expression it enters by (code, never a secret: the secret is elsewhere).
std::string ThroughText(const JsFlowSource& source, std::string_view bytes);

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_JAVASCRIPT_FLOW_SECRET_H_
