#include "analyze/credentials/in_file.h"

#include <algorithm>

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
  if (facts.kind == FileKind::kSource) {
    KeepStringValuesOfGenericRules(text, &matches);
  } else {
    JudgeKubernetesSecretData(text, scanner, &matches);  // a manifest is never JS/TS source
  }
  if (facts.stage == Stage::kTemplate) {
    // A template's value beside instructions to make one's own is their example.
    matches.erase(std::remove_if(matches.begin(), matches.end(),
                                 [&](const CredentialMatch& m) {
                                   return scanner.TemplateExample(text, m.begin, m.end);
                                 }),
                  matches.end());
  }
  return matches;
}

}  // namespace keylint
