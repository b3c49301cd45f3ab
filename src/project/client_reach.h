// What client entries reach through the module graph, and what that exposes:
//   client entries   modules whose path, directive or framework makes them client or shared code
//                    (classify), HTML module scripts and browser-extension scripts;
//   reach            every module they import, transitively, except through type-only imports,
//                    imports the framework drops (used only by getServerSideProps, loader, ...),
//                    and into boundaries (server-only, *.server.*, $lib/server, 'use server');
//   findings         client/server-module-in-client  a secret held in a reached module, or read
//                                                     there from the env where a bundle that has
//                                                     it may inline the read (not Next.js, Vite:
//                                                     env_public_only), at the secret, the import
//                                                     chain related;
//                    client/server-sdk-in-client      a server SDK imported by a reached module
//                                                     that holds no secret (else it is related);
//                    client/server-only-in-client     a client import of a server-only boundary.
// Code that no client entry reaches is server code whatever folder it sits in: it is reported
// by nothing here. Modules exposed by their path already get the per-file client/ rules; this
// stage reports only modules the graph made client, so no place is reported twice.
#ifndef KEYLINT_PROJECT_CLIENT_REACH_H_
#define KEYLINT_PROJECT_CLIENT_REACH_H_

#include <string>
#include <vector>

#include "core/finding.h"
#include "core/module_facts.h"
#include "knowledge/knowledge.h"
#include "project/module_graph.h"

namespace keylint {

struct ClientReach {
  // Per module (index into facts.modules): whether client code includes it, and why.
  struct Node {
    bool client = false;
    bool entry = false;                    // a client entry itself
    std::string entry_reason;              // entries: why ("'use client' directive", "script of index.html")
    size_t parent = ModuleGraph::kNone;    // reached modules: the module that first imported it
    size_t via_import = 0;                 // ... and which of its imports
  };
  std::vector<Node> nodes;
  std::vector<Finding> findings;
  // For --verbose, per module the graph made client: "lib/stripe.ts: client code, imported from
  // app/page.tsx ('use client' directive) -> lib/stripe.ts".
  std::vector<std::string> verbose_lines;
};

// Deterministic: breadth first from the entries in path order, so each module's chain is a
// shortest one, the same on every run. Cost: O(modules + edges). Findings carry no fingerprint.
ClientReach ComputeClientReach(const ModuleGraph& graph, const Knowledge& knowledge);

}  // namespace keylint

#endif  // KEYLINT_PROJECT_CLIENT_REACH_H_
