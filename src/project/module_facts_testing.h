// For the project stage's tests: a module node as the per-file pass would hand it over.
#ifndef KEYLINT_PROJECT_MODULE_FACTS_TESTING_H_
#define KEYLINT_PROJECT_MODULE_FACTS_TESTING_H_

#include <string>
#include <utility>
#include <vector>

#include "core/module_facts.h"

namespace keylint {

// A module at `path` importing `imports` (each on line 1); a client or shared `side` makes it a
// client entry, as a 'use client' directive does.
inline ModuleFacts TestModule(const std::string& path, std::vector<std::string> imports = {},
                              Side side = Side::kUnknown) {
  ModuleFacts m;
  m.path = path;
  m.side = side;
  m.entry = side == Side::kClient || side == Side::kShared;
  m.side_reason = m.entry ? "'use client' directive" : "";
  for (std::string& spec : imports) {
    ModuleImport i;
    i.location.path = path;
    i.location.line = 1;
    i.specifier = std::move(spec);
    m.imports.push_back(std::move(i));
  }
  return m;
}

}  // namespace keylint

#endif  // KEYLINT_PROJECT_MODULE_FACTS_TESTING_H_
