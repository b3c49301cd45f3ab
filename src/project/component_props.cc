#include "project/component_props.h"

namespace keylint {

std::vector<Finding> SecretPropsToClientComponents(const ModuleGraph& graph, const ClientReach& reach,
                                                   const Knowledge& knowledge) {
  std::vector<Finding> out;
  const std::vector<ModuleFacts>& mods = graph.facts().modules;
  for (size_t m = 0; m < mods.size(); ++m) {
    const ModuleFacts& from = mods[m];
    // Client code renders its components in the browser: its secrets are reported as read there.
    if (from.secret_props.empty() || from.is_test || reach.nodes[m].client) continue;
    for (const SecretProp& p : from.secret_props) {
      size_t to = ModuleGraph::kNone;
      for (const ModuleGraph::Edge& e : graph.edges(m)) {
        if (e.import == p.import) to = e.to;
      }
      if (to == ModuleGraph::kNone || !mods[to].client_components) continue;
      std::optional<Finding> f = knowledge.MakeFinding(
          "client/secret-in-page-data", p.location,
          p.what + " is sent to the browser in " + p.sink + p.through + ", a Client Component ('use client' in " +
              mods[to].path + ") rendered by server code");
      if (!f) continue;
      f->related = p.related;
      f->related.push_back({from.imports[p.import].location, "the component is imported from a 'use client' module here"});
      f->secret_hash = p.secret_hash;
      f->properties["side"] = SideName(Side::kServer);
      if (!from.framework.empty()) f->properties["framework"] = from.framework;
      if (!p.provider.empty()) f->properties["provider"] = p.provider;
      out.push_back(std::move(*f));
    }
  }
  return out;
}

}  // namespace keylint
