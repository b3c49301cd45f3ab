// One loader per part of Knowledge. Each reads the top-level keys it owns from one parsed rules
// file (embedded or the user's) and adds to *k. `user` is true for the user's .keylint.toml,
// where unknown keys are errors at their line. Internal to src/knowledge/.
#ifndef KEYLINT_KNOWLEDGE_LOADERS_H_
#define KEYLINT_KNOWLEDGE_LOADERS_H_

#include <string_view>

#include <toml++/toml.h>

#include "core/result.h"
#include "knowledge/knowledge.h"

namespace keylint {

// [[rule]] tables: metadata of non-credential rules. [rules."id"] in a user config: overrides.
Status LoadRuleCatalog(const toml::table& root, std::string_view origin, bool user, Knowledge* k);
// [fragments]: named regex fragments. Read from every file before any rule is loaded, so a
// rule may use a fragment another file defines.
Status LoadFragments(const toml::table& root, std::string_view origin, Knowledge* k);
// [[credential]], [placeholders], [generic].
Status LoadCredentials(const toml::table& root, std::string_view origin, bool user, Knowledge* k);
// [exposure], [[sdk]], [sdk_env]: rules/exposure.toml and rules/sdks.toml.
Status LoadExposure(const toml::table& root, std::string_view origin, bool user, Knowledge* k);
// [stages]: rules/stages.toml.
Status LoadStages(const toml::table& root, std::string_view origin, bool user, Knowledge* k);
// [settings], [allowlist]: only meaningful in a user config (and defaults.toml).
Status LoadSettings(const toml::table& root, std::string_view origin, bool user, Knowledge* k);

// A user's .keylint.toml (its text; "" for none) on top of the built-in knowledge in *k.
Status ApplyUserConfig(std::string_view text, std::string_view origin, Knowledge* k);

}  // namespace keylint

#endif  // KEYLINT_KNOWLEDGE_LOADERS_H_
