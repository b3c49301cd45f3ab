// A byte-level scan of a JS/TS module for what the module graph needs from every file, parsed or
// not: the modules it imports and the environment variables it reads. A small lexer skips
// comments, strings, template literals and regular expressions, so an import written in a comment
// or a string is not an edge. Much cheaper than a tree-sitter parse (one pass, no allocation
// beyond the results), so it runs on every JS/TS file.
#ifndef KEYLINT_ANALYZE_JAVASCRIPT_MODULE_SCAN_H_
#define KEYLINT_ANALYZE_JAVASCRIPT_MODULE_SCAN_H_

#include <string>
#include <string_view>
#include <vector>

#include "analyze/javascript/model.h"

namespace keylint {

enum class ImportKind { kStatic, kReexport, kDynamic, kRequire, kSideEffect };

struct ScannedImport {
  std::string_view module;  // the specifier, without quotes; points into the scanned bytes
  JsSpan span;              // the string literal, quotes included
  ImportKind kind = ImportKind::kStatic;
  bool type_only = false;   // import type / export type: erased at build time
};

// process.env.X, process.env['X'], import.meta.env.X, `const { X, Y } = process.env`, names
// imported from '$env/static/private' and `env.X` of '$env/dynamic/private'.
struct ScannedEnvRead {
  std::string_view name;
  JsSpan span;
  EnvReadKind kind = EnvReadKind::kProcessEnv;
};

struct ModuleScan {
  std::vector<ScannedImport> imports;
  std::vector<ScannedEnvRead> env_reads;
};

// Scans `bytes` (only the byte `ranges` when not empty: the <script> blocks of a component).
// Views point into `bytes`. May miss exotic forms (an import built at run time); never fails.
ModuleScan ScanModule(std::string_view bytes, const std::vector<JsSpan>& ranges = {});

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_JAVASCRIPT_MODULE_SCAN_H_
