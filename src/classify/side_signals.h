// Cheap byte-level signals of a JS/TS file's side, read without parsing: the directive prologue
// (the modules a file imports: classify/module_scan.h). Never reads past the bytes.
#ifndef KEYLINT_CLASSIFY_SIDE_SIGNALS_H_
#define KEYLINT_CLASSIFY_SIDE_SIGNALS_H_

#include <string_view>
#include <vector>

namespace keylint {

// The string-literal statements at the start of a module ('use strict'; "use client"), after a
// BOM, a hashbang, whitespace and comments, without their quotes. Stops at the first other token.
// Views point into `bytes`. Reads only the prologue.
std::vector<std::string_view> DirectivePrologue(std::string_view bytes);

}  // namespace keylint

#endif  // KEYLINT_CLASSIFY_SIDE_SIGNALS_H_
