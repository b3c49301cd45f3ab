// How a stage is recognised, and which CI contexts are trusted, from rules/stages.toml ([stages]
// and [ci]). Plain lists and maps: lookups are exact string compares on upper- or lower-cased
// words, so classifying a file or a name compiles nothing.
#ifndef KEYLINT_KNOWLEDGE_STAGE_RULES_H_
#define KEYLINT_KNOWLEDGE_STAGE_RULES_H_

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/target.h"

namespace keylint {

// A folder that pins the stage of the .env files inside it, with why (for --verbose).
struct EnvDirRule {
  Stage stage = Stage::kUnknown;
  std::string reason;
};

// A kind of file other than .env* that gives values to names for a stage (a compose file, a
// Dockerfile, Helm values, netlify.toml), and how to read it.
struct CarrierRule {
  // How the file is read: "yaml" (YAML or JSON), "toml", "dockerfile", "shell", "makefile",
  // "hcl" (Terraform .tfvars).
  std::string format;
  std::string what;  // what to call it in messages: "compose file"
  std::vector<std::string> paths;  // gitignore-style globs on the relative path
  // Dotted paths of the values read, '*' for any key or sequence item, "{stage}" for a key that
  // names a stage (eas.json build.{stage}.env.*). A sequence of "K=V" scalars at the end of a path
  // is read as assignments. Empty: every scalar leaf, its key the name (Helm values).
  std::vector<std::string> values;
  // Dotted paths of env files the file loads (compose env_file): a scalar, a sequence of
  // scalars, or of maps with a `path`.
  std::vector<std::string> loads;
  // The stage when neither name, folder nor content says ("prod" for vercel.json's env).
  Stage stage = Stage::kUnknown;
  std::string stage_reason;
  // A dotted path whose scalar names the file's stage (serverless.yml provider.stage).
  std::string stage_from;
  // The values are the env of a build whose framework inlines names under a public prefix into
  // the client it builds (eas.json: EXPO_PUBLIC_ in the app): a secret there is
  // client/public-prefixed-secret, whatever the profile's stage.
  bool inlines_public = false;
};

struct CiKnowledge {
  // GitHub Actions triggers that run with the base repository's secrets on input from outside
  // (pull_request_target, workflow_run, issue_comment).
  std::vector<std::string> untrusted_triggers;
  // Triggers that run the code of a pull request (secrets for same-repo branches).
  std::vector<std::string> pr_triggers;
  // Triggers a person starts by hand (workflow_dispatch): destructive flags are acceptable there.
  std::vector<std::string> manual_triggers;
  // Lower-case environment names that mean production (environment: production).
  std::vector<std::string> prod_environments;
  // Substrings of a run: script that test or build code (npm test, jest, nango dryrun).
  std::vector<std::string> test_build_commands;
  // Substrings of an actions/checkout ref or a run: script that check out pull request code.
  std::vector<std::string> pr_checkout_markers;
  // Variables and flags that auto-confirm destructive deploys (NANGO_DEPLOY_AUTO_CONFIRM).
  std::vector<std::string> auto_confirm_vars;
  std::vector<std::string> auto_confirm_flags;
  // GitLab: substrings of rules:/only: that make a job run in merge request pipelines.
  std::vector<std::string> gitlab_mr_markers;
};

struct StageKnowledge {
  // Exact env file names (lower-cased base names) -> stage: ".env.production" -> prod. A name
  // ending in ".local" not listed itself takes the stage of the name without ".local".
  std::map<std::string, Stage> env_files;
  // Folder names (lower-cased) that decide the stage of a non-template env file inside them:
  // config/production/.env -> prod. The nearest such folder wins over the file name.
  std::map<std::string, Stage> env_dirs;
  // Lower-case words of a file name (split on . - _) and names of build profiles, deploy
  // contexts and serverless stages that name a stage: override -> dev, prod -> prod.
  std::map<std::string, Stage> name_words;
  // Variables whose value names a carrier's stage when its name and folder do not
  // (NODE_ENV=production in a Dockerfile).
  std::vector<std::string> content_vars;
  std::vector<CarrierRule> carriers;
  // Relative path suffixes of tool-owned env files ("nango-integrations/.env"): stage and why.
  std::map<std::string, EnvDirRule> tool_env_files;
  // Upper-case name words marking a stage when they end (or start) a variable name split on '_':
  // NANGO_SECRET_KEY_PROD -> prod, LIVE_STRIPE_KEY -> prod.
  std::map<std::string, Stage> name_suffixes;
  std::map<std::string, Stage> name_prefixes;
  // Upper-case words making a variable name secret-looking (KEY, SECRET, TOKEN, PASSWORD...)
  // when they are its head: the last word, after stage words, numbers and these qualifiers
  // (SECRET_KEY_BASE, JWT_SECRET_B64).
  std::vector<std::string> secret_name_words;
  std::vector<std::string> secret_name_qualifiers;
  // Prod-named variables that a tool's own docs tell users to keep in a local .env (Nango's CLI
  // reads NANGO_SECRET_KEY_PROD from nango-integrations/.env): reported as a warning, not an error.
  std::vector<std::string> documented_local_prod_names;
  // Upper-case name words that say a value is meant to be public (PUBLIC, PUBLISHABLE, ANON):
  // such a value in the wrong stage is a warning, not an error.
  std::vector<std::string> public_name_words;
  // Minimum Shannon entropy (bits/char) and length for a value under a secret-looking name to
  // count as a real secret when no credential rule matched it.
  double min_secret_entropy = 3.5;
  int min_secret_length = 16;
  // [ci]: CI trigger trust and commands (kept here so Knowledge keeps one stage member).
  CiKnowledge ci;
};


// Helpers over the knowledge above. All cost O(words in the name).
// The stage a variable name carries in its suffix or prefix word; kUnknown if none.
Stage StageOfName(const StageKnowledge& k, std::string_view name);
// `upper` (an upper-case variable name) without its trailing stage words, numbers and
// qualifiers: NANGO_SECRET_KEY_PROD -> NANGO_SECRET_KEY, JWT_SECRET_B64_V2 -> JWT_SECRET.
std::string_view WithoutNameQualifiers(const StageKnowledge& k, std::string_view upper);
// Whether a variable name looks like it holds a secret: its head word (the last, after stage
// words, numbers and qualifiers) is a secret word: STRIPE_SECRET_KEY_PROD, not
// DISABLE_PASSWORD_SIGNUP.
bool IsSecretLikeName(const StageKnowledge& k, std::string_view name);

}  // namespace keylint

#endif  // KEYLINT_KNOWLEDGE_STAGE_RULES_H_
