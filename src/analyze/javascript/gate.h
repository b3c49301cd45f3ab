// The step up to tree-sitter: whether a JS/TS file's bytes give a reason to parse it. Parsing runs
// at ~14 MB/s against ~650 MB/s for the byte scans here, so most files must stop at this gate.
#ifndef KEYLINT_ANALYZE_JAVASCRIPT_GATE_H_
#define KEYLINT_ANALYZE_JAVASCRIPT_GATE_H_

#include <string_view>
#include <vector>

#include "analyze/credentials/engine.h"
#include "core/target.h"
#include "knowledge/knowledge.h"

namespace keylint {

// The bundler config (rules/exposure.toml [[exposure.bundler]]) whose file-name globs match the
// base name of `path`, or nullptr.
const BundlerConfig* BundlerConfigFor(const Knowledge& knowledge, std::string_view path);

// The page-data sinks of the file's framework (rules/exposure.toml `page_data`) that apply at
// its path: getServerSideProps in a Next.js page, load in a SvelteKit +page.server.ts, useState
// in Nuxt universal code.
std::vector<const PageDataSink*> PageDataSinksFor(const Knowledge& knowledge, std::string_view path,
                                                  const FileFacts& facts);

// Why the file must be parsed ("bundler config", "public-prefixed secret name", "data sent to the
// browser (page_data)", "Server Function", "Astro component", "props given to components in
// server code", "env read in client code", "credential in client code", "SDK import in client
// code", "string given a secret-named identifier in client code"), or "" when no client/ rule
// can fire. May report false positives (a parse that finds nothing); must never report false
// negatives for the client/ rules. One pass over the bytes per keyword; allocates nothing.
std::string_view ShouldParse(const Target& target, const FileFacts& facts, const Knowledge& knowledge,
                             const std::vector<CredentialMatch>& credentials);

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_JAVASCRIPT_GATE_H_
