// What the JavaScript extractor (extract.cc, tree-sitter) learns from one file, as plain values
// for the client/ rules (rules.cc). Offsets are byte ranges in the file's bytes, [begin, end).
// No tree-sitter type appears here: the rules are testable without a parser.
#ifndef KEYLINT_ANALYZE_JAVASCRIPT_MODEL_H_
#define KEYLINT_ANALYZE_JAVASCRIPT_MODEL_H_

#include <cstddef>
#include <string>
#include <vector>

namespace keylint {

struct JsSpan {
  size_t begin = 0;
  size_t end = 0;
};

// import ... from 'module', require('module'), import('module').
struct JsImport {
  std::string module;
  JsSpan span;                // the module string, quotes included
  bool type_only = false;     // import type X from '...': erased at build time
  // Some local is used as a value outside the import. False for an ES import whose locals name
  // only types (`import { Stripe } from 'stripe'` for `x: Stripe.PaymentMethod`): TypeScript
  // erases it. True for require() and for imports that bind nothing (`import 'stripe'`).
  bool used_as_value = true;
  std::vector<std::string> locals;  // local names bound: default, named (alias) and namespace
  // For named imports, the imported name of each local (same order); "" for default/namespace.
  std::vector<std::string> imported;
  std::vector<JsSpan> local_spans;  // where each local is bound
  bool reexport = false;            // export ... from 'module'
  // Some local is referenced outside the exports the framework keeps on the server (or the
  // import binds nothing, or the file has no such exports): the bundler keeps it in the client
  // bundle. False only when every use is inside getServerSideProps, loader, ...
  bool used_outside_server_exports = true;
};

enum class EnvReadKind {
  kProcessEnv,     // process.env.X, process.env['X'], const { X } = process.env
  kImportMetaEnv,  // import.meta.env.X
  kSvelteKitPrivate,  // import { X } from '$env/static/private'; env.X of '$env/dynamic/private'
  kNuxtRuntimeConfig,  // useRuntimeConfig().x (not .public)
};

struct JsEnvRead {
  std::string name;
  EnvReadKind kind = EnvReadKind::kProcessEnv;
  JsSpan span;  // the whole access (process.env.X) or the imported name
  bool in_server_export = false;
};

// A value passed to a constructor or assigned to a name.
struct JsValue {
  JsSpan span;
  bool is_string = false;  // a plain string literal (or a template without substitutions)
  std::string text;        // the string's content when is_string
};

struct JsOption {
  std::string key;
  JsSpan key_span;
  JsValue value;
};

// new C(...) with an object or positional first argument.
struct JsNew {
  std::string callee;  // last identifier: new webpack.DefinePlugin -> "DefinePlugin"
  JsSpan span;         // the callee
  std::vector<JsOption> options;  // properties of an object first argument
  bool has_positional = false;    // the first argument is not an object literal
  JsValue positional;
  bool in_server_export = false;
  std::string bound_to;  // const nango = new Nango(...) -> "nango"; "" when not bound to a name
};

// x.method(...): a member call.
struct JsMemberCall {
  std::string receiver;  // the object's text: "nango", "this.nango", "api"
  std::string method;
  JsSpan span;  // the method name
  bool in_server_export = false;
};

// const NAME = '...', { name: '...' }, x.name = '...': a string literal given a name.
struct JsNamedString {
  std::string name;
  JsValue value;
  bool in_server_export = false;
};

// One entry of an inlining container in a bundler config: next.config `env: { KEY: value }`,
// Vite `define`, new DefinePlugin({...}), new EnvironmentPlugin([...]).
struct JsInlineEntry {
  std::string container;  // "env", "define", "DefinePlugin", ...
  std::string key;        // the entry's name ("process.env.X" keys reduced to X)
  JsSpan span;            // the key (or the string in an EnvironmentPlugin array)
  std::vector<std::string> env_names;  // env vars its value reads (process.env.X, env.X)
  bool whole_env = false;              // the value is all of process.env
};

// Where a value comes from, for the data-flow rules: a read of an environment variable or a
// string literal (the credential engine tells whether it is a secret).
struct JsFlowSource {
  enum Kind { kEnv, kLiteral };
  Kind kind = kEnv;
  std::string name;  // the env var's name (kEnv)
  JsSpan span;       // the read or the literal
  JsSpan entry;      // where it enters the sink's expression (== span when written there)
  EnvReadKind env_kind = EnvReadKind::kProcessEnv;  // kEnv: how it is read
};

// Data the framework sends to the browser: what a page-data export returns (getServerSideProps'
// `props`, a loader's data, a SvelteKit load's return value), a value handed to Nuxt's useState or
// payload, with the sources that flow into it through bindings, destructuring, objects, spreads,
// property reads, template strings and pass-through calls (json(...)) of the same file.
struct JsDataSink {
  std::string what;  // "getServerSideProps `props`", "loader data", "prop `apiKey` of <Widget>"
  JsSpan span;       // the expression sent
  std::vector<JsFlowSource> sources;
  // Props given to a component imported from another module: index of that import in
  // JsFileModel::imports. Only the module graph can tell whether the component is a Client
  // Component, whose props are sent to the browser; -1 for every other sink.
  int component_import = -1;
};

struct JsFileModel {
  std::vector<JsImport> imports;
  std::vector<JsEnvRead> env_reads;
  std::vector<JsNew> news;
  std::vector<JsMemberCall> member_calls;
  std::vector<JsNamedString> named_strings;
  std::vector<JsInlineEntry> inline_entries;
  std::vector<JsSpan> server_exports;  // bodies the framework keeps on the server
  std::vector<JsDataSink> sinks;
  bool parse_errors = false;           // the tree has ERROR or MISSING nodes
};

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_JAVASCRIPT_MODEL_H_
