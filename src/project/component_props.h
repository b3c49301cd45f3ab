// Props a Server Component gives a Client Component (React Server Components: Next.js App
// Router). React serialises them into the page for the component to hydrate in the browser, so a
// secret among them is client/secret-in-page-data:
//   from   a module the per-file pass parsed as server code, holding SecretProps (a secret env
//          read or literal flowing into a prop of an imported component, module_facts.h), that
//          no client entry reaches (client code is the per-file and client-reach rules' own);
//   to     the module the component's import resolves to, marked 'use client'.
// A Server Component's props, and a public key or a value computed with the secret, stay silent:
// the per-file pass records only secrets themselves flowing into props.
#ifndef KEYLINT_PROJECT_COMPONENT_PROPS_H_
#define KEYLINT_PROJECT_COMPONENT_PROPS_H_

#include <vector>

#include "core/finding.h"
#include "knowledge/knowledge.h"
#include "project/client_reach.h"
#include "project/module_graph.h"

namespace keylint {

// Deterministic: in module order, then prop order. Cost: one edge lookup per SecretProp.
// Findings carry no fingerprint.
std::vector<Finding> SecretPropsToClientComponents(const ModuleGraph& graph, const ClientReach& reach,
                                                   const Knowledge& knowledge);

}  // namespace keylint

#endif  // KEYLINT_PROJECT_COMPONENT_PROPS_H_
