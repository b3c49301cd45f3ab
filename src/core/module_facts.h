// What the per-file pass learns for the module graph (project/module_graph.h) and client reach
// (project/client_reach.h): each JS/TS module's imports, side as classified by its path, and the
// secrets it reads or holds; each package.json's name and entry points; each tsconfig's path
// aliases; each HTML page's module scripts. Plain values; no raw secrets.
#ifndef KEYLINT_CORE_MODULE_FACTS_H_
#define KEYLINT_CORE_MODULE_FACTS_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/finding.h"
#include "core/target.h"

namespace keylint {

// One import of a module by another, as written.
struct ModuleImport {
  std::string specifier;  // './stripe', '@/lib/stripe', '@acme/db', 'server-only'
  Location location;      // the specifier string
  bool type_only = false;  // import type: erased at build time, never an edge
  // Used only inside exports the framework keeps on the server (getServerSideProps, loader):
  // the bundler drops it from the client bundle.
  bool server_use_only = false;
};

// A secret a module reads or holds: reported if client code imports the module.
struct HeldSecret {
  Location location;
  std::string what;  // "process.env.STRIPE_SECRET_KEY", "Stripe secret key sk_live_…3f9a"
  std::string provider;
  uint64_t secret_hash = 0;
  // The secret itself is written in the module (shipped with it); otherwise it is an env read,
  // which bundlers inline or leave undefined.
  bool literal = false;
};

// An import of a server SDK (rules/sdks.toml side = "server").
struct HeldSdk {
  Location location;
  std::string module;
  std::string provider;
};

// A secret given as a prop to a component the module imports (<Widget apiKey={secret} />). If the
// component's module is a Client Component ('use client') and this module is server code, React
// serialises the prop into the page: project/component_props.h reports it there.
struct SecretProp {
  size_t import = 0;     // index into ModuleFacts::imports: where the component comes from
  Location location;     // where the secret enters the props
  std::string what;      // "secret env var STRIPE_SECRET_KEY", "Stripe secret API key sk_live_…3f9a"
  std::string sink;      // "prop `apiKey` of <Widget>"
  std::string through;   // " (through options)" when the secret comes from elsewhere, else ""
  std::vector<RelatedLocation> related;  // ... and where it comes from
  std::string provider;
  uint64_t secret_hash = 0;
};

// One JS/TS module (or component with <script> blocks).
struct ModuleFacts {
  std::string path;
  Side side = Side::kUnknown;  // from its path, directives and marker imports (classify)
  std::string side_reason;
  // The side is one a bundler enforces ('server-only', *.server.*, $lib/server, 'use server'):
  // the module graph never crosses it into client code.
  bool boundary = false;
  bool is_test = false;
  // A client entry of the module graph: client or shared by a directive, a path convention or an
  // HTML page, not merely by what it imports.
  bool entry = false;
  // 'use server': its exports are server functions that client code calls over the network, so
  // a client import of it is expected (no code crosses).
  bool server_functions = false;
  // 'use client' (React Server Components): its exports are Client Components, whose props a
  // Server Component sends to the browser.
  bool client_components = false;
  std::string framework;  // of its package ("next", "sveltekit"); "" if none
  std::vector<ModuleImport> imports;
  // Set only for modules whose path does not already make them client or shared code (those
  // get the per-file client/ rules instead): what would leak if client code imported them.
  std::vector<HeldSecret> secrets;
  std::vector<HeldSdk> server_sdks;
  // Set only for modules parsed as server code: secrets given to imported components.
  std::vector<SecretProp> secret_props;
};

// A package.json: what a bare import of its name resolves to.
struct PackageManifest {
  std::string dir;   // "" for the root
  std::string name;  // "@acme/db"; "" if unnamed
  // `exports` flattened to (subpath, target) with the preferred condition chosen: (".", "./src/index.ts"),
  // ("./*", "./src/*.ts"). Empty when the manifest has none.
  std::vector<std::pair<std::string, std::string>> exports;
  // The entry fields in preference order (source, module, main, types), those present.
  std::vector<std::string> entries;
};

// A tsconfig.json / jsconfig.json: module path aliases, as written (the module graph resolves
// them against the file's folder and follows `extends`).
struct TsConfig {
  std::string path;     // the file
  std::string extends;  // as written: "./tsconfig.base.json", "@acme/tsconfig/base.json"; "" if none
  bool has_base_url = false;
  std::string base_url;  // as written: ".", "./src"
  bool has_paths = false;
  std::vector<std::pair<std::string, std::vector<std::string>>> paths;  // "@/*" -> ["./src/*"]
};

// A module loaded by a page outside the module graph: an HTML <script type="module" src> (Vite,
// Parcel), a browser extension's content script or service worker.
struct ClientEntry {
  Location location;      // where it is named
  std::string specifier;  // as written: "/src/main.tsx", "./popup.ts"
  std::string why;        // "module script of index.html"
};

struct ModuleGraphFacts {
  std::vector<ModuleFacts> modules;
  std::vector<PackageManifest> manifests;
  std::vector<TsConfig> tsconfigs;
  std::vector<ClientEntry> entries;

  void Append(ModuleGraphFacts&& other);
};

}  // namespace keylint

#endif  // KEYLINT_CORE_MODULE_FACTS_H_
