// The rules/*.toml files compiled into the binary (generated: build/generated/rules_embedded.cc).
#ifndef KEYLINT_KNOWLEDGE_EMBEDDED_RULES_H_
#define KEYLINT_KNOWLEDGE_EMBEDDED_RULES_H_

#include <vector>

namespace keylint {

struct EmbeddedRulesFile {
  const char* origin;   // "rules/credentials.toml"
  const char* content;  // the file's text
};

// Sorted by origin.
const std::vector<EmbeddedRulesFile>& EmbeddedRules();

// 12 hex digits of a SHA-256 over the rules files' names and contents: changes with any rule.
const char* EmbeddedRulesVersion();

}  // namespace keylint

#endif  // KEYLINT_KNOWLEDGE_EMBEDDED_RULES_H_
