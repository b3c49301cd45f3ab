// Metadata of one reportable rule: what `keylint rules`, `keylint explain` and SARIF's
// tool.driver.rules show. Every rule id a finding can carry has one, loaded from the `[[rule]]`
// tables of rules/*.toml (credential rules get theirs from their `[[credential]]` entry).
#ifndef KEYLINT_KNOWLEDGE_RULE_INFO_H_
#define KEYLINT_KNOWLEDGE_RULE_INFO_H_

#include <string>
#include <vector>

#include "core/finding.h"

namespace keylint {

struct RuleInfo {
  std::string id;           // "client/secret-env-in-client"
  std::string family;       // "client" | "hardcoded" | "stage" | "config"
  std::string name;         // PascalCase, for SARIF: "SecretEnvInClient"
  Level level = Level::kError;  // default level (a config may re-level it)
  std::string security_severity = "5.0";  // string number 0.1..10.0, as GitHub wants
  std::string precision = "high";         // very-high | high | medium | low
  std::string short_description;          // one line
  std::string full_description;           // what it catches and why it matters (<= 1024 chars)
  std::string help;                       // how to fix it (markdown)
  std::vector<std::string> tags;          // extra tags besides security/secret/cwe
  std::string cwe = "798";                // CWE number without prefix
  bool enabled = true;                    // a config may disable it
  bool default_off = false;               // noisy style checks: off unless a config enables them
  bool builtin = false;                   // from rules/*.toml (has a page in docs/rules/)
};

// "client/secret-env-in-client" -> "SecretEnvInClient".
std::string PascalCaseName(const std::string& rule_id);

}  // namespace keylint

#endif  // KEYLINT_KNOWLEDGE_RULE_INFO_H_
