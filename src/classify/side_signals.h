// Cheap byte-level signals of a JS/TS file's side, read without parsing: the directive prologue
// and the module specifiers it imports. May be fooled by strings that look like imports (false
// positives are harmless: they only steer classification); never reads past the bytes.
#ifndef KEYLINT_CLASSIFY_SIDE_SIGNALS_H_
#define KEYLINT_CLASSIFY_SIDE_SIGNALS_H_

#include <string_view>
#include <vector>

namespace keylint {

// The string-literal statements at the start of a module ('use strict'; "use client"), after a
// BOM, a hashbang, whitespace and comments, without their quotes. Stops at the first other token.
// Views point into `bytes`. Reads only the prologue.
std::vector<std::string_view> DirectivePrologue(std::string_view bytes);

// Module specifiers after `from`, `import`, `require(` and `import(`: "react", "@nangohq/node",
// "./x". One pass; views point into `bytes`; in order of appearance, duplicates kept.
std::vector<std::string_view> ImportSpecifiers(std::string_view bytes);

}  // namespace keylint

#endif  // KEYLINT_CLASSIFY_SIDE_SIGNALS_H_
