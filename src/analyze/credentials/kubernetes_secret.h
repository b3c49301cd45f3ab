// Kubernetes Secret manifests keep their values base64-encoded under `data:`, where no credential
// rule can read them (and where a generic rule would call any long base64 string a secret).
#ifndef KEYLINT_ANALYZE_CREDENTIALS_KUBERNETES_SECRET_H_
#define KEYLINT_ANALYZE_CREDENTIALS_KUBERNETES_SECRET_H_

#include <string_view>
#include <vector>

#include "analyze/credentials/engine.h"

namespace keylint {

// In each YAML document of `text` that is a `kind: Secret`, replaces the matches that lie in a
// `data:` value by the judgement of the decoded value: `key: <decoded>` is scanned as a text of
// its own (so both provider shapes and secret-named keys apply), and its first match is kept,
// placed on the encoded value. A value that is not base64 of printable text yields nothing.
// *matches stays sorted by begin. Cheap when no line reads `kind: Secret`: one search for "kind:".
void JudgeKubernetesSecretData(std::string_view text, const CredentialScanner& scanner,
                               std::vector<CredentialMatch>* matches);

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_CREDENTIALS_KUBERNETES_SECRET_H_
