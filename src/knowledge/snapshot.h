// Knowledge as bytes. The build loads rules/*.toml once (tools/knowledge-snapshot) and embeds
// the result, so that a scan starts from those bytes instead of parsing 160 KB of TOML: about
// 10 ms of a 35 ms pre-commit run, most of it in the first touch of the memory the parse trees
// take. A user's .keylint.toml is still read as TOML, on top.
#ifndef KEYLINT_KNOWLEDGE_SNAPSHOT_H_
#define KEYLINT_KNOWLEDGE_SNAPSHOT_H_

#include <string>
#include <string_view>

#include "knowledge/knowledge.h"

namespace keylint {

std::string WriteKnowledgeSnapshot(const Knowledge& k);

// False (and *k unspecified) for bytes WriteKnowledgeSnapshot of this build did not write.
[[nodiscard]] bool ReadKnowledgeSnapshot(std::string_view bytes, Knowledge* k);

// The build's snapshot of the built-in rules (generated/knowledge_snapshot.cc, linked with
// kl_knowledge_builtin).
std::string_view KnowledgeSnapshot();

}  // namespace keylint

#endif  // KEYLINT_KNOWLEDGE_SNAPSHOT_H_
