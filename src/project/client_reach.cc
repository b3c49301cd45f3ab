#include "project/client_reach.h"

#include <algorithm>
#include <deque>
#include <optional>
#include <set>
#include <tuple>

namespace keylint {
namespace {

constexpr char kServerModule[] = "client/server-module-in-client";
constexpr char kServerSdk[] = "client/server-sdk-in-client";
constexpr char kServerOnly[] = "client/server-only-in-client";

class Reach {
 public:
  Reach(const ModuleGraph& graph, const Knowledge& k)
      : g_(graph), k_(k), mods_(graph.facts().modules) {
    out_.nodes.resize(mods_.size());
  }

  ClientReach Run() {
    Entries();
    Walk();
    Report();
    return std::move(out_);
  }

 private:
  void AddEntry(size_t m, std::string reason) {
    ClientReach::Node& n = out_.nodes[m];
    if (n.client || mods_[m].is_test || mods_[m].boundary) return;
    n.client = n.entry = true;
    n.entry_reason = std::move(reason);
    queue_.push_back(m);
  }

  void Entries() {
    std::vector<size_t> order(mods_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return mods_[a].path < mods_[b].path; });
    for (size_t m : order) {
      if (mods_[m].entry) AddEntry(m, mods_[m].side_reason);
    }
    std::vector<const ClientEntry*> entries;
    for (const ClientEntry& e : g_.facts().entries) entries.push_back(&e);
    std::sort(entries.begin(), entries.end(), [](const ClientEntry* a, const ClientEntry* b) {
      return std::tie(a->location.path, a->location.line) < std::tie(b->location.path, b->location.line);
    });
    for (const ClientEntry* e : entries) {
      size_t m = g_.Resolve(e->location.path, e->specifier);
      if (m != ModuleGraph::kNone) AddEntry(m, e->why);
    }
  }

  void Walk() {
    while (!queue_.empty()) {
      size_t u = queue_.front();
      queue_.pop_front();
      for (const ModuleGraph::Edge& e : g_.edges(u)) {
        const ModuleImport& imp = mods_[u].imports[e.import];
        if (imp.type_only || imp.server_use_only) continue;
        const ModuleFacts& v = mods_[e.to];
        if (v.is_test) continue;
        if (v.boundary) {
          if (!v.server_functions) crossings_.push_back({u, e.import, e.to});
          continue;
        }
        ClientReach::Node& n = out_.nodes[e.to];
        if (n.client) continue;
        n.client = true;
        n.parent = u;
        n.via_import = e.import;
        queue_.push_back(e.to);
      }
    }
  }

  // Entry first, `m` last.
  std::vector<size_t> PathTo(size_t m) const {
    std::vector<size_t> chain{m};
    while (!out_.nodes[chain.back()].entry && out_.nodes[chain.back()].parent != ModuleGraph::kNone &&
           chain.size() <= mods_.size()) {
      chain.push_back(out_.nodes[chain.back()].parent);
    }
    std::reverse(chain.begin(), chain.end());
    return chain;
  }

  std::string ChainText(const std::vector<size_t>& chain) const {
    std::string s;
    for (size_t m : chain) {
      if (!s.empty()) s += " -> ";
      s += mods_[m].path;
    }
    return s;
  }

  // The import statements along the chain, as related locations.
  std::vector<RelatedLocation> ChainLocations(const std::vector<size_t>& chain) const {
    std::vector<RelatedLocation> related;
    for (size_t i = 1; i < chain.size(); ++i) {
      size_t child = chain[i];
      const ClientReach::Node& n = out_.nodes[child];
      const ModuleFacts& parent = mods_[n.parent];
      std::string msg = parent.path + " imports " + mods_[child].path;
      if (i == 1) msg += "; " + parent.path + " is client code (" + out_.nodes[chain[0]].entry_reason + ")";
      related.push_back({parent.imports[n.via_import].location, std::move(msg)});
    }
    return related;
  }

  Finding* Add(const char* rule, const Location& loc, std::string message, Level cap = Level::kError) {
    std::optional<Finding> f = k_.MakeFinding(rule, loc, std::move(message), cap);
    if (!f) return nullptr;
    f->properties["side"] = SideName(Side::kClient);
    out_.findings.push_back(std::move(*f));
    return &out_.findings.back();
  }

  void Report() {
    for (size_t m = 0; m < mods_.size(); ++m) {
      const ClientReach::Node& n = out_.nodes[m];
      if (!n.client || n.entry) continue;
      std::vector<size_t> chain = PathTo(m);
      std::string entry = mods_[chain.front()].path + " (" + out_.nodes[chain.front()].entry_reason + ")";
      out_.verbose_lines.push_back(mods_[m].path + ": client code by import: " + entry + " -> " +
                                   ChainText(std::vector<size_t>(chain.begin() + 1, chain.end())));
      const ModuleFacts& mod = mods_[m];
      std::vector<RelatedLocation> related = ChainLocations(chain);
      for (const HeldSecret& s : mod.secrets) {
        // A literal ships with the module; an env read is inlined by some bundlers and undefined
        // with others (Next.js, Vite): a warning, the module is still on the wrong side.
        Finding* f = s.literal
                         ? Add(kServerModule, s.location,
                               s.what + " reaches the browser: client code imports this module (" + ChainText(chain) + ")")
                         : Add(kServerModule, s.location,
                               s.what + " is read in a module client code imports (" + ChainText(chain) +
                                   "): inlined into the bundle by some bundlers, undefined in the browser with others",
                               Level::kWarning);
        if (!f) continue;
        f->related = related;
        for (const HeldSdk& sdk : mod.server_sdks) {
          f->related.push_back({sdk.location, "server SDK '" + sdk.module + "' imported in the same module"});
        }
        f->secret_hash = s.secret_hash;
        if (!s.provider.empty()) f->properties["provider"] = s.provider;
      }
      if (!mod.secrets.empty()) continue;  // one problem, one finding: the SDK is related above
      for (const HeldSdk& sdk : mod.server_sdks) {
        Finding* f = Add(kServerSdk, sdk.location,
                         "server SDK '" + sdk.module + "' (authenticates with a " + sdk.provider +
                             " secret key) is imported in a module client code imports (" + ChainText(chain) + ")");
        if (!f) continue;
        f->related = related;
        f->properties["provider"] = sdk.provider;
      }
    }
    std::set<std::pair<size_t, size_t>> seen;
    for (const Crossing& c : crossings_) {
      if (!seen.emplace(c.from, c.import).second) continue;
      std::vector<size_t> chain = PathTo(c.from);
      const ModuleFacts& to = mods_[c.to];
      Finding* f = Add(kServerOnly, mods_[c.from].imports[c.import].location,
                       to.path + " is server-only (" + to.side_reason + ") but client code imports it here (" +
                           ChainText(chain) + " -> " + to.path + ")");
      if (f) f->related = ChainLocations(chain);
    }
  }

  struct Crossing {
    size_t from, import, to;
  };

  const ModuleGraph& g_;
  const Knowledge& k_;
  const std::vector<ModuleFacts>& mods_;
  ClientReach out_;
  std::deque<size_t> queue_;
  std::vector<Crossing> crossings_;
};

}  // namespace

ClientReach ComputeClientReach(const ModuleGraph& graph, const Knowledge& knowledge) {
  return Reach(graph, knowledge).Run();
}

}  // namespace keylint
