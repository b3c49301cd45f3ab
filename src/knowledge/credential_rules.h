// Provider credential shapes, from rules/credentials.toml (and a user's .keylint.toml).
#ifndef KEYLINT_KNOWLEDGE_CREDENTIAL_RULES_H_
#define KEYLINT_KNOWLEDGE_CREDENTIAL_RULES_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/target.h"

namespace keylint {

enum class Exposure { kSecret, kPublic };

struct CredentialRule {
  std::string id;           // "stripe-secret-key"; reported as "hardcoded/stripe-secret-key"
  std::string provider;     // "stripe"
  std::string description;  // "Stripe secret API key"
  // RE2 syntax. The secret is the group named `secret` ((?P<secret>...)) or, without one, the
  // whole match.
  std::string regex;
  // Lower-case literals, at least one of which appears (case-insensitively) in any text the regex
  // matches. The prefilter runs a rule only where one of its keywords was seen.
  std::vector<std::string> keywords;
  double min_entropy = 0;   // Shannon bits/char of the secret; below it, not a credential
  Exposure exposure = Exposure::kSecret;
  Stage stage = Stage::kUnknown;  // when the value never tells (kUnknown: stage-less)
  // (substring of the secret, stage): the first that occurs decides the stage (sk_live_ -> prod).
  std::vector<std::pair<std::string, Stage>> stage_markers;
  // Extra placeholder regexes for this rule, on top of the global ones.
  std::vector<std::string> allow;
  // Regexes matched against the name a value is assigned to (the text of the match before its
  // assignment operator): a hit means the name does not hold a credential (csrf_token).
  std::vector<std::string> allow_names;
  // A generic rule (name = "value" assignments): lower precision, yields to a provider rule
  // matching the same place.
  bool generic = false;
  // A generic rule over a name and its value: its regex uses the {{assign}} fragment. Its value is
  // judged against the name (see CredentialScanner::CannotBeSecret); a context rule (an
  // Authorization header, curl -u, a JWT anywhere) is generic without being one.
  bool assignment = false;
  // For a rule whose regex uses the {{assign}} fragment (a name, an operator, a value), the regex
  // from the fragment on: how far a match reaches past its name, for the prefilter's name
  // windows. Such a rule's keywords lie in the name. Empty otherwise.
  std::string after_name_regex;
  // Decode the secret as a JWT and judge it by its claims (see JwtClaims in
  // analyze/credentials/jwt.h): unsigned (alg none) and expired tokens are dropped; an issuer in
  // jwt_public_issuers or a role in jwt_public_roles makes it public; a role in jwt_skip_roles
  // leaves it to another rule; otherwise it is this rule's secret when jwt_secret_roles is empty
  // or holds one of its roles (role, roles[], scope, scp), and not this rule's match otherwise.
  bool jwt = false;
  std::vector<std::string> jwt_secret_roles;
  std::vector<std::string> jwt_public_roles;
  std::vector<std::string> jwt_skip_roles;
  std::vector<std::string> jwt_public_issuers;  // prefixes of the iss claim
  // How the matched text holds the value to judge. kBasicAuth: base64 of "user:password" (an
  // HTTP Basic credential); entropy, placeholders and examples are judged on the password, and a
  // value that does not decode to printable "user:password" is no match.
  enum class Decode { kNone, kBasicAuth };
  Decode decode = Decode::kNone;
  std::string origin;  // "rules/credentials.toml" or ".keylint.toml", for error messages
  // Shipped with keylint, so its keywords are known (by test) to lie inside every match; a
  // user's rule makes no such promise and is always run over the whole text.
  bool builtin = false;
};

struct CredentialKnowledge {
  std::vector<CredentialRule> rules;
  // Regexes (RE2) matched against a candidate secret: a hit means a placeholder, not a secret.
  std::vector<std::string> placeholders;
  // Exact values known as documentation examples (AKIAIOSFODNN7EXAMPLE, RFC UUIDs, ...).
  std::vector<std::string> example_values;
  // SHA-256 hex digests (lower case) of well-known public credentials: an emulator's account
  // key, keys published in a provider's docs. Kept as hashes so the rules hold no live-looking key.
  std::vector<std::string> known_hashes;
  // Words that give away a human-typed dev default (lower case): a value written in plain words
  // and digits holding a dev word ("local-dev-secret"), or made only of default words
  // ("Password#123"), describes itself.
  std::vector<std::string> dev_words;
  std::vector<std::string> default_words;
  // Regexes for the host of a connection URL that only a developer's machine or a compose
  // network reaches (localhost, 127.0.0.1, a one-label service name): its password is a default.
  std::vector<std::string> dev_hosts;
  // JWT issuers ("iss") of local dev stacks that sign with a published secret (supabase-demo).
  std::vector<std::string> dev_jwt_issuers;
  // Regexes for the comment closing a value's line that says the value is a fake ("dummy").
  std::vector<std::string> fake_comments;
  // Regexes for a comment beside a template's value that tells how to make one's own ("openssl
  // rand"): the value is the template's example.
  std::vector<std::string> template_comments;
  // Regexes for values every generic rule drops: code and syntax, not a value (paths, e-mail
  // addresses, URLs without user info, numbers, CSS custom properties, member accesses).
  std::vector<std::string> generic_allow;
  // Named regex fragments, written {{name}} in a rule's regex ([fragments] in the rules).
  std::map<std::string, std::string> fragments;
};

// What the keyword prefilter searches for (analyze/credentials/prefilter.h): the keywords of
// every rule whose keywords are all ASCII, each once, in rule order (built-in rules come first).
// A rule with a non-ASCII keyword is left out: it runs wherever the prefilter cannot see.
std::vector<std::string> LocatableKeywords(const std::vector<CredentialRule>& rules);
bool AllLocatable(const CredentialRule& rule);

}  // namespace keylint

#endif  // KEYLINT_KNOWLEDGE_CREDENTIAL_RULES_H_
