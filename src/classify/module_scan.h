// A byte-level scan of a JS/TS module for what the module graph needs from every file, parsed or
// not: the modules it imports and the environment variables it reads. A small lexer skips
// comments, strings, template literals and regular expressions, so an import written in a comment
// or a string is not an edge. Much cheaper than a tree-sitter parse (one pass, no allocation
// beyond the results), so it runs on every JS/TS file. Thread-safe.
#ifndef KEYLINT_CLASSIFY_MODULE_SCAN_H_
#define KEYLINT_CLASSIFY_MODULE_SCAN_H_

#include <string>
#include <string_view>
#include <vector>


namespace keylint {

// A byte range [begin, end) of the scanned bytes.
struct ScanSpan {
  size_t begin = 0;
  size_t end = 0;
};

enum class ImportKind { kStatic, kReexport, kDynamic, kRequire, kSideEffect };

struct ScannedImport {
  std::string_view module;  // the specifier, without quotes; points into the scanned bytes
  ScanSpan span;              // the string literal, quotes included
  ImportKind kind = ImportKind::kStatic;
  bool type_only = false;   // import type / export type: erased at build time
  // TypeScript drops an import none of whose names is used as a value (only in types, or not at
  // all). Set when ScanModule was asked to track uses and some name is used as a value, or the
  // import binds nothing (import './x'), or it is not a static import. A byte-level judgement
  // (a name after `:`, `as`, `implements`, or inside `Generic<...>` is a type), which may call a
  // value use a type use, never the other way round for the forms listed.
  bool value_used = true;
  // Dynamic imports and require() only: the conditions of the `if (...) {` blocks it is written
  // in, innermost last (`if (typeof window === 'undefined') { require('./db') }`), for the module
  // graph to tell a branch the bundler drops from the browser build.
  std::vector<ScanSpan> conditions;
};

// process.env.X, process.env['X'], import.meta.env.X, `const { X, Y } = process.env`, names
// imported from '$env/static/private' and `env.X` of '$env/dynamic/private'.
struct ScannedEnvRead {
  std::string_view name;
  ScanSpan span;
  enum Kind { kProcessEnv, kImportMetaEnv, kSvelteKitPrivate };
  Kind kind = kProcessEnv;
};

struct ModuleScan {
  std::vector<ScannedImport> imports;
  std::vector<ScannedEnvRead> env_reads;
};

// Scans `bytes` (only the byte `ranges` when not empty: the <script> blocks of a component).
// Views point into `bytes`. May miss exotic forms (an import built at run time); never fails.
// `track_value_uses`: decide ScannedImport::value_used for static imports (TypeScript files).
ModuleScan ScanModule(std::string_view bytes, const std::vector<ScanSpan>& ranges = {},
                      bool track_value_uses = false);

}  // namespace keylint

#endif  // KEYLINT_CLASSIFY_MODULE_SCAN_H_
