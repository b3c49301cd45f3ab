// What analyzers learn about a file that matters beyond it. Analyzers fill these per file; the
// `project` stage reads all of them after every file is done (cross-file checks), and `policy`
// reads the inline ignores. Plain values: no raw secrets, only keyed hashes and masked previews.
#ifndef KEYLINT_CORE_FACTS_H_
#define KEYLINT_CORE_FACTS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/module_facts.h"
#include "core/target.h"

namespace keylint {

// KEY=value in a .env* file, or any other assignment of a value to a name in a file with a
// stage (a compose environment: entry, a Dockerfile ENV, a Helm values leaf, ...).
struct EnvDefinition {
  Location location;       // the key
  Location value_location; // the value
  std::string key;
  Stage stage = Stage::kUnknown;  // the file's stage
  bool tracked = false;           // the file is committed
  bool is_template = false;
  bool from_env_file = false;     // a .env* line, not a compose, Helm, CI... assignment
  bool value_empty = false;
  bool value_is_placeholder = false;
  bool value_is_reference = false;  // ${OTHER} or $OTHER only
  // Whether the value looks like a real secret (a credential rule matched it, or it is high
  // entropy under a secret-looking name); only then is it compared across files.
  bool value_is_secret = false;
  Stage value_stage = Stage::kUnknown;  // stage marked in the value itself (sk_live_ -> prod)
  uint64_t value_hash = 0;
  std::string value_masked;
};

// A dev or test file loading a production env file (compose env_file: .env.production): the
// production keys come along. Reported by the cross-file checks, which know what that file holds.
struct EnvFileLoad {
  Location location;        // the path as written in the loading file
  std::string loaded_path;  // relative to the scanned root
  Stage loader_stage = Stage::kUnknown;
  std::string where;        // "dev compose file docker-compose.override.yml"
};

// A GitHub job calling a reusable workflow of this repository (jobs.<id>.uses: ./.github/...).
struct CiWorkflowCall {
  Location location;    // the uses: value
  std::string caller;   // the calling workflow's path
  std::string callee;   // the called workflow's path, relative to the root
  std::string job;
  bool inherit = false;  // secrets: inherit
  std::string exposure;  // the trigger that brings pull request input to the job; "" if none
};

// A production secret read by an ungated job of a reusable (workflow_call) workflow: whether it
// is exposed depends on who calls it, which only the cross-file checks see.
struct CiReusableSecret {
  Location location;
  std::string workflow;  // its path
  std::string name;
  std::string job;
};

// A read of an environment variable in code: process.env.X, import.meta.env.X, ...
struct EnvRead {
  Location location;
  std::string name;
  Side side = Side::kUnknown;
};

// `keylint:ignore [rule-id] [-- reason]` on a line; applies to that line and the next one.
struct InlineIgnore {
  std::string path;
  int line = 0;
  std::string rule_id;  // empty: every rule
  std::string reason;
};

// Everything one file contributed; the scan concatenates these across files.
struct Facts {
  std::vector<EnvDefinition> env_definitions;
  std::vector<EnvRead> env_reads;
  std::vector<EnvFileLoad> env_file_loads;
  std::vector<CiWorkflowCall> ci_workflow_calls;
  std::vector<CiReusableSecret> ci_reusable_secrets;
  std::vector<InlineIgnore> inline_ignores;
  ModuleGraphFacts graph;  // for project/module_graph.h and client_reach.h

  void Append(Facts&& other);
};

}  // namespace keylint

#endif  // KEYLINT_CORE_FACTS_H_
