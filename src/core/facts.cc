#include "core/facts.h"

#include <iterator>

namespace keylint {
namespace {

template <typename T>
void MoveAppend(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

void Facts::Append(Facts&& other) {
  MoveAppend(env_definitions, other.env_definitions);
  MoveAppend(env_reads, other.env_reads);
  MoveAppend(env_file_loads, other.env_file_loads);
  MoveAppend(ci_workflow_calls, other.ci_workflow_calls);
  MoveAppend(ci_reusable_secrets, other.ci_reusable_secrets);
  MoveAppend(inline_ignores, other.inline_ignores);
  graph.Append(std::move(other.graph));
}

void ModuleGraphFacts::Append(ModuleGraphFacts&& other) {
  MoveAppend(modules, other.modules);
  MoveAppend(manifests, other.manifests);
  MoveAppend(tsconfigs, other.tsconfigs);
  MoveAppend(entries, other.entries);
}

}  // namespace keylint
