#include "analyze/credentials/in_file.h"

#include "analyze/credentials/decode.h"
#include "analyze/credentials/kubernetes_secret.h"
#include "core/text.h"

namespace keylint {

std::vector<CredentialMatch> CredentialsInFile(const Target& target, const FileFacts& facts,
                                               const CredentialScanner& scanner) {
  const std::string_view text = target.bytes;
  // A notebook's code sits in JSON strings (\"-escaped quotes): scan an unescaped copy, whose
  // offsets are the file's own.
  std::vector<CredentialMatch> matches = EndsWith(target.path, ".ipynb")
                                             ? scanner.Scan(UnescapeJsonStringsInPlace(text))
                                             : scanner.Scan(text);
  JudgeKubernetesSecretData(text, scanner, &matches);
  if (facts.kind == FileKind::kSource) KeepStringValuesOfGenericRules(text, &matches);
  return matches;
}

}  // namespace keylint
