// One JS/TS module's facts for the module graph (core/module_facts.h): its imports from a byte
// scan (every file, parsed or not), refined by the parse where there is one (imports used only by
// server exports), and, for modules whose path does not make them client code, the secrets they
// read or hold and the server SDKs they import: what client reach reports if a client entry
// imports them.
#ifndef KEYLINT_ANALYZE_JAVASCRIPT_GRAPH_FACTS_H_
#define KEYLINT_ANALYZE_JAVASCRIPT_GRAPH_FACTS_H_

#include <vector>

#include "analyze/credentials/engine.h"
#include "analyze/javascript/model.h"
#include "classify/module_scan.h"
#include "core/module_facts.h"
#include "core/target.h"
#include "knowledge/knowledge.h"

namespace keylint {

// `ranges`: the script blocks of a component (empty: the whole file). `model`: the parse, or
// nullptr. `module`: the byte scan of the whole file (module_scan.h) made by classification, or
// nullptr: then it is made here. Thread-safe. One line index.
ModuleFacts CollectModuleFacts(const Target& target, const FileFacts& facts, const Knowledge& knowledge,
                               const std::vector<CredentialMatch>& credentials,
                               const std::vector<JsSpan>& ranges, const JsFileModel* model,
                               const ModuleScan* module = nullptr);

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_JAVASCRIPT_GRAPH_FACTS_H_
