// The stage checks on one assignment of a value to a name, wherever the assignment lives: a
// .env line, a compose service's environment:, a Dockerfile ENV, a Helm values-prod.yaml leaf,
// a netlify.toml context. The carrier (env/, config/) parses its file; this decides what a value
// of that stage may hold, and records the assignment for the cross-file checks.
#ifndef KEYLINT_ANALYZE_ENV_STAGE_CHECKS_H_
#define KEYLINT_ANALYZE_ENV_STAGE_CHECKS_H_

#include <string>
#include <vector>

#include "analyze/env/value.h"
#include "analyze/file_analysis.h"
#include "core/finding.h"
#include "knowledge/knowledge.h"

namespace keylint {

struct StageAssignment {
  std::string key;            // the name the value is given (STRIPE_SECRET_KEY, secretKey)
  Location key_location;
  Location value_location;
  Stage stage = Stage::kUnknown;  // the stage the value serves (the file's, or its profile's)
  std::string where;              // for messages: "dev env file .env.local"
  bool reference_only = false;    // ${OTHER}, $(shell ...), {{ .Values.x }}: nothing assigned
  bool tracked = false;           // the file is committed
  bool from_env_file = false;     // a .env* line (templates compare only these)
  // The stage is the default of a file every mode loads (.env under Vite, Next.js, dotenv):
  // values there may be meant for production too, so a live publishable key is no news.
  bool shared_by_modes = false;
};

// Adds stage/prod-key-in-dev-env (a production value or a production-named secret in a dev or
// test slot; a live publishable key there is a warning) and stage/test-key-in-prod-env (a test
// value in a production slot) to out->findings. Templates are the dotenv checker's. Thread-safe.
void CheckAssignmentStage(const StageAssignment& a, const EnvValueFacts& v,
                          const Knowledge& knowledge, FileAnalysis* out);

// Records the assignment as an EnvDefinition in out->facts, for the cross-file checks.
void RecordAssignment(const StageAssignment& a, const EnvValueFacts& v, FileAnalysis* out);

// Whether the name says it holds a value meant to be public (NEXT_PUBLIC_*, *_PUBLISHABLE_KEY,
// *_PUBLIC_KEY, *_ANON_KEY): such a value in the wrong stage is a warning, never an error.
bool IsPublicValueName(const Knowledge& knowledge, const std::string& key);

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_ENV_STAGE_CHECKS_H_
