// Suppressions and the fail threshold: inline ignores, .keylintignore, allowlisted paths and a
// baseline decide which findings are hidden; --fail-level decides the exit code.
#ifndef KEYLINT_POLICY_POLICY_H_
#define KEYLINT_POLICY_POLICY_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/facts.h"
#include "core/finding.h"
#include "core/result.h"
#include "knowledge/knowledge.h"

namespace keylint {

// .keylintignore: gitignore-style path patterns, one per line, and fingerprints (16 hex digits,
// optionally followed by a comment) to hide single findings. `#` starts a comment line.
struct IgnoreFile {
  std::vector<std::string> path_patterns;
  std::set<std::string> fingerprints;
};
IgnoreFile ParseIgnoreFile(std::string_view text);

// A baseline: fingerprints of findings accepted on the day it was written. Text, one finding a
// line, "fingerprint rule-id path", after a "# keylint baseline v2" header. Never holds secrets.
struct Baseline {
  std::set<std::string> fingerprints;
};
inline constexpr const char* kBaselineHeader = "# keylint baseline v2";
// v1 fingerprints hashed whole values and lines (core/fingerprint.h): refused, to be re-recorded.
inline constexpr const char* kBaselineHeaderV1 = "# keylint baseline v1";
// Fails, naming the file and line, on a missing or v1 header and on a line that is not
// "fingerprint rule-id path".
[[nodiscard]] Result<Baseline> ParseBaseline(std::string_view text, std::string_view origin);
std::string RenderBaseline(const std::vector<Finding>& findings);

struct PolicyInput {
  const Knowledge* knowledge = nullptr;
  const std::vector<InlineIgnore>* inline_ignores = nullptr;
  const IgnoreFile* ignore_file = nullptr;  // may be null
  const Baseline* baseline = nullptr;       // may be null
};

// Marks suppressed findings (Finding::suppressed + suppression_reason). Returns how many.
size_t ApplySuppressions(const PolicyInput& input, std::vector<Finding>* findings);

// 1 when an unsuppressed finding is at or above `fail_level` (kNone: never), else 0.
int ExitCodeFor(const std::vector<Finding>& findings, Level fail_level);

}  // namespace keylint

#endif  // KEYLINT_POLICY_POLICY_H_
