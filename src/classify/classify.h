// Decides, per file, what language and kind it is, which side of the wire it runs on and which
// stage it belongs to. Reads paths, the first bytes and the project layout; never parses.
#ifndef KEYLINT_CLASSIFY_CLASSIFY_H_
#define KEYLINT_CLASSIFY_CLASSIFY_H_

#include <optional>

#include "classify/layout.h"
#include "classify/module_scan.h"
#include "core/target.h"
#include "knowledge/knowledge.h"

namespace keylint {

// Thread-safe: reads only its arguments. `module`, when not null: the byte scan of a JS/TS module
// (not minified, not a component) that the side was read from, handed on so that the module graph
// (analyze/javascript/graph_facts.h) does not scan the file again; left empty otherwise.
FileFacts Classify(const Target& target, const Knowledge& knowledge, const ProjectLayout& layout,
                   std::optional<ModuleScan>* module = nullptr);

// A single-file component (.vue, .svelte, .astro, any case): JavaScript inside markup, whose
// script blocks are the module.
bool IsSingleFileComponent(std::string_view path);

// The parts, each in its own file (side.cc, stage.cc), called by Classify after language and kind
// are set.
void ClassifySide(const Target& target, const Knowledge& knowledge, const ProjectLayout& layout,
                  FileFacts* facts, std::optional<ModuleScan>* module = nullptr);
void ClassifyStage(const Target& target, const Knowledge& knowledge, FileFacts* facts);
// Whether the file is build output (rules/exposure.toml build_output); if so, sets built, side,
// side_reason and framework (build_output.cc).
bool ClassifyBuildOutput(const Target& target, const Knowledge& knowledge,
                         const ProjectLayout& layout, FileFacts* facts);

}  // namespace keylint

#endif  // KEYLINT_CLASSIFY_CLASSIFY_H_
