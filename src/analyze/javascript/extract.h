// Parses JavaScript / TypeScript / TSX with tree-sitter and extracts a JsFileModel: imports, env
// reads, constructor calls with their options, member calls, named string literals, server-only
// export bodies and, in bundler configs, the entries of inlining containers. The only file besides
// ci/ that includes tree-sitter is extract.cc.
#ifndef KEYLINT_ANALYZE_JAVASCRIPT_EXTRACT_H_
#define KEYLINT_ANALYZE_JAVASCRIPT_EXTRACT_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/javascript/model.h"

namespace keylint {

enum class JsDialect { kJavaScript, kTypeScript, kTsx };

// A place whose value the framework sends to the browser (knowledge's PageDataSink, as the
// extractor needs it).
struct JsPageData {
  enum Kind { kExport, kCall, kAssign };
  std::string name;      // export name, callee as written, or object as written
  std::string property;  // kExport: the property of the returned object that is sent; "" = all
  Kind kind = kExport;
  int argument = 0;      // kCall: which argument, from 1
  std::string what;      // for messages; "" = from the name
};

// An expression whose value the framework sends to the browser, found outside the JavaScript
// (an .astro template's `{x}`); the bytes given to Extract hold it as `(x)` or `[x]`.
struct JsExpressionSink {
  JsSpan span;       // the delimiters included
  std::string what;  // for messages: "prop `apiKey` of <Checkout client:load>"
};

struct JsExtractOptions {
  // The framework's exports kept on the server (getServerSideProps, loader): their bodies are
  // recorded in JsFileModel::server_exports and reads inside are marked in_server_export.
  std::vector<std::string> server_exports;
  // Where values are sent to the browser (rules/exposure.toml `page_data`), and calls that pass
  // their argument through.
  std::vector<JsPageData> page_data;
  std::vector<std::string> data_wrappers;
  // 'use server': functions the browser calls, whose results are sinks (module prologue: every
  // exported function; a function body's first statement: that function).
  std::vector<std::string> server_function_directives;
  // Record the props given to imported components (<Widget apiKey={...} />) as sinks, for the
  // module graph to judge (a Client Component's props are sent to the browser). Server code only.
  bool component_props = false;
  std::vector<JsExpressionSink> expression_sinks;
  // Bundler configs only: properties and constructors whose arguments are inlined.
  std::vector<std::string> inline_properties;
  std::vector<std::string> inline_constructors;
};

// Owns one TSParser per dialect: one JsExtractor per worker; not thread-safe.
class JsExtractor {
 public:
  JsExtractor();
  ~JsExtractor();
  JsExtractor(const JsExtractor&) = delete;
  JsExtractor& operator=(const JsExtractor&) = delete;

  // Parses `bytes` (only the byte `ranges` when non-empty, e.g. the <script> blocks of a .vue
  // file; offsets stay those of `bytes`) and fills *out. Broken input yields a partial model
  // (tree-sitter recovers around ERROR nodes); returns false only when no tree was produced
  // (grammar failed to load, parse timed out). Costs one parse (~14 MB/s) plus one walk.
  bool Extract(std::string_view bytes, JsDialect dialect, const std::vector<JsSpan>& ranges,
               const JsExtractOptions& options, JsFileModel* out);

  // Whether the three grammars load into this tree-sitter core; on failure *error names the
  // grammar and its ABI version.
  static bool LanguagesLoad(std::string* error);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The <script> blocks' contents of a .vue / .svelte file; *typescript is set when one has
// lang="ts". Empty when there is none.
std::vector<JsSpan> ScriptBlocks(std::string_view bytes, bool* typescript);

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_JAVASCRIPT_EXTRACT_H_
