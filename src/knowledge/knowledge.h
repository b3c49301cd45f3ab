// Knowledge: everything keylint knows about the world, compiled from rules/*.toml (embedded in
// the binary) and an optional user .keylint.toml. Immutable after LoadKnowledge(); share one
// const Knowledge& across worker threads.
#ifndef KEYLINT_KNOWLEDGE_KNOWLEDGE_H_
#define KEYLINT_KNOWLEDGE_KNOWLEDGE_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "core/result.h"
#include "knowledge/credential_rules.h"
#include "knowledge/exposure_rules.h"
#include "knowledge/rule_info.h"
#include "knowledge/stage_rules.h"

namespace keylint {

// Scan settings a .keylint.toml may change. Defaults in parentheses, costs where they matter.
struct Settings {
  // (0: none) Larger files are skipped with a notice. Size is no reason to skip a text file:
  // large ones are mapped, not copied, and cost only their scan time.
  size_t max_file_bytes = 0;
  // (node_modules/, vendor/, *.map, lock files, ... from rules/settings.toml) plus the user's
  // own, minus the user's unskip_paths; gitignore-style globs matched against the relative path.
  std::vector<std::string> skip_paths;
  // (dist/, build/, .next/, ... from rules/settings.toml) Build output folders, skipped only
  // directly in a package root and only when git does not track them (source/source.h).
  std::vector<std::string> output_paths;
  // Allowlisted values (RE2): a candidate secret matching one is never reported.
  std::vector<std::string> allow_values;
  // Allowlisted paths (gitignore-style globs): no findings are reported in them.
  std::vector<std::string> allow_paths;
  // Test code and fixtures (globs): test keys there are expected.
  std::vector<std::string> test_paths;
  // Modules whose import makes a JavaScript or TypeScript file test code, whatever its path
  // (vitest, @playwright/test; "@testing-library/*" for a scope). Looked for in the first 8 KiB.
  std::vector<std::string> test_modules;
  // Documentation (globs): examples there are lower risk.
  std::vector<std::string> docs_paths;
};

struct Knowledge {
  std::vector<RuleInfo> rules;  // sorted by id
  CredentialKnowledge credentials;
  ExposureKnowledge exposure;
  SdkKnowledge sdks;
  StageKnowledge stages;
  Settings settings;

  // nullptr when no rule has that id.
  const RuleInfo* FindRule(std::string_view id) const;
  // The rule's level after config overrides; Level::kNone when the rule is disabled.
  Level LevelOf(std::string_view id) const;
  // A finding of rule `id` at its configured level, capped at `cap`; nullopt when the rule is
  // off. Analyzers make their findings here, so a config's re-levelling applies everywhere.
  std::optional<Finding> MakeFinding(std::string_view id, const Location& location,
                                     std::string message, Level cap = Level::kError) const;
};

// Loads the embedded rules, then `user_config_text` (a .keylint.toml; empty for none) on top.
// Errors name the file and line: ".keylint.toml:12: unknown key 'severty'".
// The built-in part comes from the snapshot the build made of rules/*.toml (snapshot.h); the
// definition is in the library kl_knowledge_builtin, which holds that snapshot.
[[nodiscard]] Result<Knowledge> LoadKnowledge(std::string_view user_config_text,
                                              std::string_view user_config_origin);

// The embedded rules/*.toml, parsed: what the build's snapshot is made from, and what a binary
// that cannot read its snapshot falls back to.
[[nodiscard]] Result<Knowledge> LoadRulesFromToml();

}  // namespace keylint

#endif  // KEYLINT_KNOWLEDGE_KNOWLEDGE_H_
