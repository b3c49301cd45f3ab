// Matching helpers over ExposureKnowledge / SdkKnowledge: globs, secret-looking env names, public
// prefixes, framework and SDK lookup. Pure functions of their arguments; thread-safe; nothing is
// compiled, so they cost a few comparisons per pattern and allocate only where they say so.
#ifndef KEYLINT_KNOWLEDGE_EXPOSURE_MATCH_H_
#define KEYLINT_KNOWLEDGE_EXPOSURE_MATCH_H_

#include <string>
#include <string_view>
#include <vector>

#include "knowledge/knowledge.h"

namespace keylint {

// Whether `text` matches `glob` as a whole (see exposure_rules.h: `*`, `**`; no braces). With
// `path` true, `*` stops at '/'; otherwise `*` and `**` are the same.
bool MatchGlob(std::string_view glob, std::string_view text, bool path = true);

// Expands `{a,b}` alternations (nested ones too): "next.config.{js,ts}" -> two globs.
std::vector<std::string> ExpandBraces(std::string_view glob);

// "stripeSecretKey" -> "STRIPE_SECRET_KEY"; "NANGO_SECRET_KEY" and "api-key" -> "NANGO_SECRET_KEY",
// "API_KEY". Allocates the result.
std::string UpperSnake(std::string_view identifier);

// The public prefix `name` starts with (NEXT_PUBLIC_, VITE_, ...), or "" if none. Longest wins.
std::string_view PublicPrefixOf(const Knowledge& k, std::string_view name);

// Whether an env-var name (or identifier, after UpperSnake) says it holds a secret: it matches a
// secret pattern of [sdk_env] and no public one. A public prefix is looked through: call
// PublicPrefixOf to tell the two rules apart.
bool IsSecretName(const Knowledge& k, std::string_view name);
// Whether the name (public prefix removed) says it holds a value public by design: a publishable
// or public key, an anon key, a site key, a client id ([sdk_env] public in rules/sdks.toml).
bool IsPublicName(const Knowledge& k, std::string_view name);

// A secret-looking name under a public prefix: NEXT_PUBLIC_NANGO_SECRET_KEY, VITE_STRIPE_SECRET_KEY.
// Such a name ships its value to the browser whatever file reads it (rule
// client/public-prefixed-secret); the dotenv analyzer calls this too.
bool IsPublicPrefixedSecretName(const Knowledge& k, std::string_view name);

// The framework of a package with these dependencies (first in priority order), or nullptr.
template <typename Set>
const Framework* FrameworkFor(const Knowledge& k, const Set& dependencies) {
  for (const Framework& f : k.exposure.frameworks) {
    for (const std::string& p : f.packages) {
      if (dependencies.count(p)) return &f;
    }
  }
  return nullptr;
}
const Framework* FrameworkById(const Knowledge& k, std::string_view id);

// Whether module specifier `spec` ("@nangohq/node", "stripe/lib/x", "node:fs") is package
// `pattern` or a subpath of it; a pattern ending in "/*" or ":*" matches the whole scope.
bool ModuleMatches(std::string_view pattern, std::string_view spec);

// The SDK that module `spec` belongs to, or nullptr.
const Sdk* SdkForModule(const Knowledge& k, std::string_view spec);

}  // namespace keylint

#endif  // KEYLINT_KNOWLEDGE_EXPOSURE_MATCH_H_
