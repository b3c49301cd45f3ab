// The JavaScript project's own files that steer the module graph, read into plain facts:
// package.json (name, exports, entry fields), tsconfig.json / jsconfig.json (paths, baseUrl,
// extends), HTML pages (their <script src> modules run in the browser) and browser-extension
// manifest.json (content scripts, service workers). JSON with comments and trailing commas is
// accepted (tsconfig files have both); a file that is not JSON teaches nothing.
#ifndef KEYLINT_ANALYZE_JAVASCRIPT_PROJECT_FILES_H_
#define KEYLINT_ANALYZE_JAVASCRIPT_PROJECT_FILES_H_

#include <string_view>

#include "core/module_facts.h"
#include "core/target.h"
#include "knowledge/knowledge.h"

namespace keylint {

// Adds what `target` tells the module graph to *out, if it is one of the files above. Thread-safe;
// one pass over the bytes of the files it reads, nothing for the others.
void CollectProjectFile(const Target& target, const Knowledge& knowledge, ModuleGraphFacts* out);

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_JAVASCRIPT_PROJECT_FILES_H_
