// Secrets printed by CI scripts: `echo ${{ secrets.X }}`, `echo "$TOKEN"` where TOKEN holds a
// secret, `set -x` in a step that has secrets, `env`/`printenv` dumps, and secrets written to files
// (which matter when the job uploads them as artifacts). A line scanner over one script's text:
// shell is not parsed, so it errs towards silence (a pipe or a redirect means "not the log").
#ifndef KEYLINT_ANALYZE_CI_LOG_LEAKS_H_
#define KEYLINT_ANALYZE_CI_LOG_LEAKS_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "knowledge/stage_rules.h"

namespace keylint {

struct ScriptScope {
  // Env names that hold a secret in this script's scope (env: X: ${{ secrets.Y }}).
  std::set<std::string> secret_env;
  // The script's environment holds secrets (an `env` dump prints them). `set -x` needs more: the
  // script itself must expand one.
  bool has_secrets = false;
  // GitLab: $NAME is judged by its name (secret-looking, not CI_*), since masked variables
  // live in the project's settings, not in the file.
  bool judge_names = false;
  // GitHub composite actions: ${{ inputs.NAME }} with a secret-looking NAME is a secret.
  bool inputs_are_secrets = false;
};

struct LogLeak {
  size_t begin = 0, end = 0;  // the line (without indentation)
  std::string what;           // "prints secret 'X'", "dumps the environment", ...
  // Set when the line writes the secret to a file instead of the log: the file, as written.
  std::string written_file;
};

// Leaks in the script text [begin, end) of `text` (a run: or script: value, as written).
// Cost: one pass over the lines.
std::vector<LogLeak> FindLogLeaks(std::string_view text, size_t begin, size_t end,
                                  const ScriptScope& scope, const StageKnowledge& stages);

// Whether a script text references a secret: ${{ secrets.X }} (GitHub).
bool MentionsGithubSecret(std::string_view script);

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_CI_LOG_LEAKS_H_
