// How code and values reach the browser, from rules/exposure.toml ([exposure], [[framework]]) and
// rules/sdks.toml ([[sdk]], [sdk_env]). Plain data: matching helpers live in
// knowledge/exposure_match.h, the engines in classify/side.cc and analyze/javascript.cc.
//
// Globs used below: `*` matches within one path segment (or, in names, any run of characters),
// `**` matches across segments (`**/` also matches nothing), and `{a,b}` alternation, which the
// loader expands into separate patterns so that matching never sees braces.
#ifndef KEYLINT_KNOWLEDGE_EXPOSURE_RULES_H_
#define KEYLINT_KNOWLEDGE_EXPOSURE_RULES_H_

#include <string>
#include <utility>
#include <vector>

#include "core/target.h"

namespace keylint {

// Files whose path (relative to their package's folder) matches `glob` run on `side`.
struct PathConvention {
  std::string glob;
  Side side = Side::kUnknown;
  std::string reason;  // for --verbose: "Next.js API route (pages/api/)"
  // A side the bundler enforces (*.server.*, $lib/server): the module graph never carries client
  // code across it, and a client import of such a module is reported.
  bool boundary = false;
};

// A place where server code hands a value to the framework, which serialises it into the page
// or response for the browser:
//   kExport  what an export returns: getServerSideProps' `props`, a Remix loader's data, a
//            SvelteKit load's return value;
//   kCall    an argument of a call: Nuxt `useState('k', () => v)` (a function argument sends
//            what it returns);
//   kAssign  a value assigned to an object or below it: Nuxt `nuxtApp.payload.x = v`.
struct PageDataSink {
  enum Kind { kExport, kCall, kAssign };
  Kind kind = kExport;
  // The export ("getServerSideProps"; also matched as `Page.getInitialProps = ...`), the callee
  // as written ("useState"), or the object as written ("nuxtApp.payload").
  std::string name;
  std::string property;  // kExport: the part of the returned object that is sent ("props"); "" = all
  int argument = 0;      // kCall: which argument is sent, from 1
  std::string what;      // for messages: "useState() state"; "" = from the name
  std::vector<std::string> files;  // path globs (relative to the package) it applies in; empty = any
};

// Where a bundler writes what it builds: files whose path (relative to their package's folder)
// matches `glob`, in a package of one of `frameworks` (empty: any package), are machine-made
// output downloaded by `side` (client: browsers; server: a Node process).
struct BuildOutput {
  std::string glob;
  std::vector<std::string> frameworks;  // [[framework]] ids
  Side side = Side::kUnknown;
  std::string reason;  // "Vite build output (dist/assets/)"
};

// A framework, recognised by a dependency in the nearest package.json.
struct Framework {
  std::string id;    // "next"
  std::string name;  // "Next.js"
  std::vector<std::string> packages;         // any one selects the framework
  std::vector<std::string> public_prefixes;  // NEXT_PUBLIC_ (also merged into the global list)
  std::vector<PathConvention> paths;         // first match wins
  // Exports the framework strips from the client bundle (getServerSideProps, loader): code inside
  // them runs on the server even in a client or shared module, and imports used only there are
  // tree-shaken away.
  std::vector<std::string> server_exports;
  // Side of the package's other source files (kUnknown: no opinion). Express: server.
  Side default_side = Side::kUnknown;
  // Files (paths relative to the package, no globs) of which one must exist for `paths` and
  // `default_side` to apply: a package that depends on Vite but has no index.html is a library built with Vite, not
  // a browser app. Empty: always apply.
  std::vector<std::string> app_files;
  // Import aliases the framework defines without a committed tsconfig: "$lib" -> "src/lib"
  // (relative to the package).
  std::vector<std::pair<std::string, std::string>> aliases;
  std::vector<PageDataSink> page_data;
  // Component templates (.astro): attributes that hydrate a component in the browser (its props
  // are then serialised into the page), and directives that render their value into the page.
  std::vector<std::string> island_directives;
  std::vector<std::string> render_directives;
  // Its bundler puts only env vars of its public prefixes into browser code: any other
  // process.env / import.meta.env read there is undefined (Next.js, Vite, CRA). False: unknown,
  // or it inlines every read (Parcel).
  bool env_public_only = false;
};

// A bundler or framework config file that can inline values into client bundles.
struct BundlerConfig {
  std::string name;                              // "Next.js config"
  std::vector<std::string> files;                // base-name globs: "next.config.*"
  std::vector<std::string> inline_properties;    // properties whose object value is inlined: env
  std::vector<std::string> inline_constructors;  // new DefinePlugin({...}), new EnvironmentPlugin([...])
};

// A build tool that reads an app's env files and ships every key in them with the app, whatever
// its name: react-native-config. Applies to packages that depend on `package`.
struct EnvFileBundler {
  std::string name;                // for messages: "react-native-config"
  std::string package;             // the dependency that selects it
  std::vector<std::string> files;  // env files it may read, globs relative to the package: ".env.*"
};

// How import specifiers resolve to files (project/module_graph.cc), as bundlers and TypeScript do.
struct ModuleResolution {
  std::vector<std::string> extensions;    // tried after the specifier as written: ".ts", ...
  std::vector<std::string> conditions;    // package.json `exports` conditions, preferred first
  std::vector<std::string> entry_fields;  // package.json fields naming the entry: source, main, ...
  // Output folder -> source folder, for package entries that point at a build nobody committed
  // ("main": "dist/index.js" -> src/index.ts).
  std::vector<std::pair<std::string, std::string>> built_dirs;
  // Browser-extension manifest keys whose scripts run in the browser: "content_scripts.js".
  std::vector<std::string> extension_manifest_keys;
};

struct ExposureKnowledge {
  // Env-var name prefixes that frameworks inline into client bundles (NEXT_PUBLIC_, VITE_, ...):
  // the union of [exposure] public_prefixes and every framework's.
  std::vector<std::string> public_prefixes;
  // First-statement directives ('use client') and marker imports (import 'server-only').
  std::vector<std::pair<std::string, Side>> directives;
  std::vector<std::pair<std::string, Side>> marker_imports;
  // Framework-independent conventions (*.server.*, bundler configs), checked before frameworks.
  std::vector<PathConvention> paths;
  // In priority order: the first whose package is a dependency wins.
  std::vector<Framework> frameworks;
  // Checked after frameworks and imports: what a file is when nothing else told (*.vue: client).
  std::vector<PathConvention> fallback_paths;
  // Build output folders per framework, first match wins.
  std::vector<BuildOutput> build_output;
  std::vector<BundlerConfig> bundlers;
  std::vector<EnvFileBundler> env_file_bundlers;
  // Calls that pass their argument through to the response unchanged: `json({...})`, `data(...)`.
  std::vector<std::string> data_wrappers;
  // Directives that make functions callable from the browser ('use server'): every export of a
  // module whose prologue holds one, and every function whose body starts with one. What such a
  // function returns is sent back to the browser.
  std::vector<std::string> server_function_directives;
  // Conditions true only where the code runs on a server (`typeof window === 'undefined'`): a
  // bundler compiles their `if` blocks out of the browser build (also when one is an operand of
  // a top-level `&&`), so an import() or require() inside one is not an edge of the client's
  // module graph. Compared without spaces, with one kind of quote and `==` for `===`.
  std::vector<std::string> server_runtime_guards;
  // Modules that only make sense on one side (fs, pg / react-dom): classification signals only.
  std::vector<std::string> server_modules;
  std::vector<std::string> client_modules;
  ModuleResolution resolution;
};

// An SDK and the side it belongs to.
struct Sdk {
  std::string provider;               // "nango"
  std::vector<std::string> packages;  // "@nangohq/node"; a trailing "/*" matches a scope
  // kServer: holds a secret and must never reach the browser (reported when imported there).
  // kClient: a browser SDK (a classification signal only).
  Side side = Side::kUnknown;
  std::vector<std::string> classes;         // constructors: "Nango", "Stripe"
  std::vector<std::string> secret_options;  // options of those constructors holding a secret
  bool secret_positional = false;           // new Stripe(secret): the first argument is one
  std::vector<std::string> server_methods;  // methods that need a secret: createConnectSession
  std::vector<std::string> deprecated_options;  // publicKey on @nangohq/frontend
  std::string deprecated_message;               // what to use instead
};

struct SdkKnowledge {
  // Env-var name globs (on UPPER_SNAKE names; camelCase identifiers are converted first) that
  // hold secrets, and globs that never do (public wins): NANGO_SECRET_KEY* vs *PUBLISHABLE*.
  std::vector<std::string> secret_env_patterns;
  std::vector<std::string> public_env_patterns;
  std::vector<Sdk> sdks;
};

}  // namespace keylint

#endif  // KEYLINT_KNOWLEDGE_EXPOSURE_RULES_H_
