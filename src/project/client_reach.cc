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
    MarkEnvInlining();
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

  // Whether the bundle carries the import: not one of types, nor one the framework drops, nor one
  // of test code; a boundary stops the walk (and is a crossing, Walk).
  bool Carries(size_t u, const ModuleGraph::Edge& e) const {
    const ModuleImport& imp = mods_[u].imports[e.import];
    return !imp.type_only && !imp.server_use_only && !mods_[e.to].is_test && !mods_[e.to].boundary;
  }

  void Walk() {
    while (!queue_.empty()) {
      size_t u = queue_.front();
      queue_.pop_front();
      for (const ModuleGraph::Edge& e : g_.edges(u)) {
        const ModuleImport& imp = mods_[u].imports[e.import];
        const ModuleFacts& v = mods_[e.to];
        if (v.boundary && !imp.type_only && !imp.server_use_only && !v.is_test && !v.server_functions) {
          crossings_.push_back({u, e.import, e.to});
        }
        if (!Carries(u, e)) continue;
        ClientReach::Node& n = out_.nodes[e.to];
        if (n.client) continue;
        n.client = true;
        n.parent = u;
        n.via_import = e.import;
        queue_.push_back(e.to);
      }
    }
  }

  // Marks env_inlined_: the modules reached from a client entry whose bundler may put any env
  // read into the browser code (a package of no known framework, or Parcel). Elsewhere a
  // non-public env read in client code is undefined in the browser (rules/exposure.toml
  // env_public_only): a secret read there does not reach it.
  void MarkEnvInlining() {
    env_inlined_.assign(mods_.size(), false);
    env_parent_.assign(mods_.size(), ModuleGraph::kNone);
    std::deque<size_t> queue;
    for (size_t m = 0; m < mods_.size(); ++m) {
      if (out_.nodes[m].entry && !EnvPublicOnly(mods_[m].framework)) {
        env_inlined_[m] = true;
        queue.push_back(m);
      }
    }
    while (!queue.empty()) {
      size_t u = queue.front();
      queue.pop_front();
      for (const ModuleGraph::Edge& e : g_.edges(u)) {
        if (!Carries(u, e) || env_inlined_[e.to]) continue;
        env_inlined_[e.to] = true;
        env_parent_[e.to] = u;
        queue.push_back(e.to);
      }
    }
  }

  bool EnvPublicOnly(const std::string& framework) const {
    for (const Framework& f : k_.exposure.frameworks) {
      if (f.id == framework) return f.env_public_only;
    }
    return false;
  }

  // Entry first, `m` last: the first chain found, or with `env_inlining` the first from an entry
  // whose bundler may inline env reads (MarkEnvInlining).
  std::vector<size_t> PathTo(size_t m, bool env_inlining = false) const {
    std::vector<size_t> chain{m};
    auto parent = [&](size_t u) { return env_inlining ? env_parent_[u] : out_.nodes[u].parent; };
    while (!out_.nodes[chain.back()].entry && parent(chain.back()) != ModuleGraph::kNone &&
           chain.size() <= mods_.size()) {
      chain.push_back(parent(chain.back()));
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
      bool reported_secret = false;
      for (const HeldSecret& s : mod.secrets) {
        // A literal ships with the module. An env read is undefined in the bundles of Next.js,
        // Vite and the like (env_public_only): reported only when a bundler that may inline it
        // (Parcel, an unknown one) has the module, as a warning, along that bundle's chain.
        if (!s.literal && !env_inlined_[m]) continue;
        const std::vector<size_t> env_chain = s.literal ? chain : PathTo(m, /*env_inlining=*/true);
        Finding* f = s.literal
                         ? Add(kServerModule, s.location,
                               s.what + " reaches the browser: client code imports this module (" + ChainText(chain) + ")")
                         : Add(kServerModule, s.location,
                               s.what + " is read in a module client code imports (" + ChainText(env_chain) +
                                   "), bundled by a bundler that may inline every env read (Parcel, a "
                                   "webpack DefinePlugin of process.env)",
                               Level::kWarning);
        if (!f) continue;
        reported_secret = true;
        f->related = s.literal ? related : ChainLocations(env_chain);
        for (const HeldSdk& sdk : mod.server_sdks) {
          f->related.push_back({sdk.location, "server SDK '" + sdk.module + "' imported in the same module"});
        }
        f->secret_hash = s.secret_hash;
        if (!s.provider.empty()) f->properties["provider"] = s.provider;
      }
      if (reported_secret) continue;  // one problem, one finding: the SDK is related above
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
  std::vector<bool> env_inlined_;     // MarkEnvInlining
  std::vector<size_t> env_parent_;    // ... and the module that first imported each
};

}  // namespace

ClientReach ComputeClientReach(const ModuleGraph& graph, const Knowledge& knowledge) {
  return Reach(graph, knowledge).Run();
}

}  // namespace keylint
