// Cross-file checks over the Facts every analyzer collected, run once after all files are done:
//   stage/prod-key-in-dev-env         a dev or test slot (env file, compose service, Dockerfile,
//                                     ...) holds the same secret value as a production slot
//                                     anywhere in the repository (compared through keyed hashes);
//   stage/shared-across-environments  one secret value in the slots of two other stages, or
//                                     under two stage-named keys of one file (NANGO_SECRET_KEY_DEV
//                                     and NANGO_SECRET_KEY_PROD);
//   config/env-missing-key            a key of an application's env template missing from its
//                                     stage env files that define its siblings (on the template);
//   stage/prod-key-in-dev-env         a dev or test compose file loading a production env file
//                                     that holds secrets (env_file: .env.production).
// Every finding's `related` points at the definition it was compared with.
#ifndef KEYLINT_PROJECT_CROSS_FILE_H_
#define KEYLINT_PROJECT_CROSS_FILE_H_

#include <vector>

#include "core/facts.h"
#include "core/finding.h"
#include "knowledge/knowledge.h"

namespace keylint {

// Deterministic: the result depends only on the set of facts, not their order. Cost:
// O(d log d) in the number of env definitions. Findings carry no fingerprint or line hash.
std::vector<Finding> CrossFileFindings(const Facts& all, const Knowledge& knowledge);

}  // namespace keylint

#endif  // KEYLINT_PROJECT_CROSS_FILE_H_
