#include "analyze/credentials/kubernetes_secret.h"

#include <gtest/gtest.h>

#include "builtin_knowledge.h"

namespace keylint {
namespace {

std::vector<CredentialMatch> ScanManifest(const std::string& text) {
  std::vector<CredentialMatch> ms = BuiltinScanner().Scan(text);
  JudgeKubernetesSecretData(text, BuiltinScanner(), &ms);
  return ms;
}

// base64 of "Zq8mK2rT5vN1xW4kB7cY0pL3" and of "changeme".
const char kLive[] = "WnE4bUsyclQ1dk4xeFc0a0I3Y1kwcEwz";
const char kPlaceholder[] = "Y2hhbmdlbWU=";

TEST(JudgeKubernetesSecretData, DecodedValuesAreJudgedUnderTheirKeys) {
  const std::string text = std::string("apiVersion: v1\nkind: Secret\ndata:\n  DB_PASSWORD: ") + kLive +
                           "\n  ADMIN_PASSWORD: \"" + kPlaceholder + "\"\n";
  std::vector<CredentialMatch> ms = ScanManifest(text);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].rule->id, "generic-password");
  // The finding sits on the encoded value; its secret is the decoded one.
  EXPECT_EQ(text.substr(ms[0].begin, ms[0].end - ms[0].begin), kLive);
  EXPECT_EQ(ms[0].secret.length(), 24u);
}

TEST(JudgeKubernetesSecretData, OnlySecretsDataIsDecoded) {
  // The same lines in a ConfigMap, under a Secret's stringData, or after the data block ended.
  for (const std::string& text :
       {std::string("kind: ConfigMap\ndata:\n  DB_PASSWORD: ") + kPlaceholder + "\n",
        std::string("kind: Secret\nstringData:\n  DB_PASSWORD: ") + kPlaceholder + "\n",
        std::string("kind: Secret\ndata:\n  a: b\ntype: Opaque\nspec:\n  DB_PASSWORD: ") + kPlaceholder + "\n"}) {
    EXPECT_EQ(ScanManifest(text).size(), BuiltinScanner().Scan(text).size()) << text;
  }
  // Two documents: the Secret's value is decoded, the ConfigMap's is left to the raw scan.
  std::string two = std::string("kind: Secret\ndata:\n  DB_PASSWORD: ") + kPlaceholder +
                    "\n---\nkind: ConfigMap\ndata:\n  x: y\n";
  EXPECT_TRUE(ScanManifest(two).empty());
}

}  // namespace
}  // namespace keylint
