// The credential engine: finds provider credential shapes in any text. One keyword prefilter
// pass over the bytes decides which rules may fire; each candidate rule's RE2 then runs, near its
// keywords where the pattern allows it (prefilter.h); the matches are filtered by entropy,
// placeholders and known example values.
#ifndef KEYLINT_ANALYZE_CREDENTIALS_ENGINE_H_
#define KEYLINT_ANALYZE_CREDENTIALS_ENGINE_H_

#include <memory>
#include <string_view>
#include <vector>

#include "core/secret.h"
#include "core/target.h"
#include "knowledge/knowledge.h"

namespace keylint {

struct CredentialMatch {
  const CredentialRule* rule = nullptr;  // points into the Knowledge the scanner was built from
  size_t begin = 0;                      // byte range of the secret in the scanned text
  size_t end = 0;
  Secret secret;
  Stage stage = Stage::kUnknown;  // from the value's marker, else the rule's fixed stage
  Exposure exposure = Exposure::kSecret;  // may differ from the rule's (a JWT's role claim)
};

// Compiled once from a Knowledge; immutable after construction, so one scanner is shared by all
// worker threads. Non-copyable: compiling the regexes is the expensive part.
class CredentialScanner {
 public:
  explicit CredentialScanner(const Knowledge& knowledge);
  ~CredentialScanner();
  CredentialScanner(const CredentialScanner&) = delete;
  CredentialScanner& operator=(const CredentialScanner&) = delete;

  // Every credential in `text`, sorted by begin. Overlaps: where a generic rule and a provider
  // rule match overlapping bytes only the provider's match is kept; between two provider rules
  // (or two generic ones) the longer whole match wins (context makes a rule more specific), then
  // the longer secret, then the rule listed first. Dropped: secrets under the rule's entropy gate,
  // placeholders (global and the rule's own), documented examples, Settings::allow_values, and
  // JWTs of a jwt rule whose role claim says nothing. Thread-safe; the first use of a rule
  // compiles its regex (std::call_once), so a run over a few files compiles only the rules whose
  // keywords appear in them. Cost: one keyword pass over the bytes (RE2::Set), one more pass
  // locating the keywords of the candidate rules that can be windowed, then one RE2 pass per
  // candidate rule: over keyword windows for a rule whose matches are bounded in length or stay on
  // one line and whose pattern does not fold case (see Windowable() in prefilter.h), else (or
  // when the windows cover over half the text) over the whole text. Same matches either way.
  std::vector<CredentialMatch> Scan(std::string_view text) const;

  // Whether `value` is a placeholder, a documented example, a well-known public credential or a
  // JWT a local dev stack signed (<your-key>, xxxx, changeme, ${VAR}, [password], 1a2b3c4d5e6f,
  // the Azure storage emulator's key, `supabase start`'s keys): shared with the dotenv and
  // JavaScript analyzers.
  bool IsPlaceholder(std::string_view value) const;

  // IsPlaceholder(), or what the generic rules drop: syntax rather than a value (a path, an
  // e-mail address, a URL without user info, a number, an identifier), or a dev default that
  // describes itself (local-dev-secret) or repeats `name`, the name it is assigned to. For
  // values judged by their name alone (an env value under SESSION_SECRET, a literal under apiKey).
  bool CannotBeSecret(std::string_view name, std::string_view value) const;

  // Whether the comment closing the line of text[begin, end), or the comment line above it, tells
  // how to make one's own value (rules: template_comments): in an env template, the value is then
  // the example that goes with the instructions.
  bool TemplateExample(std::string_view text, size_t begin, size_t end) const;

  // Scan() without the keyword prefilter and its windows: every rule runs over the whole text.
  // Slower; for the differential tests that prove neither drops nor adds a finding.
  std::vector<CredentialMatch> ScanWithoutPrefilter(std::string_view text) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// In JavaScript and TypeScript generic rules judge only string values: drops the matches of
// assignment rules (CredentialRule::assignment)
// whose value does not open a string literal (`credentials: OAuth2Credentials`, a type;
// `password: envs.PWD!`, an expression). Provider shapes stay, wherever they are.
void KeepStringValuesOfGenericRules(std::string_view text, std::vector<CredentialMatch>* matches);

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_CREDENTIALS_ENGINE_H_
