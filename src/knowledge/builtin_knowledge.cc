// LoadKnowledge, from the snapshot of the built-in rules the build embeds (generated/
// knowledge_snapshot.cc, written by tools/knowledge-snapshot). Its own library,
// kl_knowledge_builtin: the tool that writes the snapshot links the rest of src/knowledge/.
#include <string_view>

#include "knowledge/knowledge.h"
#include "knowledge/loaders.h"
#include "knowledge/snapshot.h"

namespace keylint {

Result<Knowledge> LoadKnowledge(std::string_view user_config_text,
                                std::string_view user_config_origin) {
  Result<Knowledge> k = Knowledge{};
  if (!ReadKnowledgeSnapshot(KnowledgeSnapshot(), &k.value())) k = LoadRulesFromToml();
  if (!k.ok()) return k;
  if (Status s = ApplyUserConfig(user_config_text, user_config_origin, &k.value()); !s.ok()) {
    return s.error();
  }
  return k;
}

}  // namespace keylint
