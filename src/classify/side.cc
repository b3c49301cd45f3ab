// Which side of the wire a file runs on. (Placeholder until the client-side analysis lands.)
#include "classify/classify.h"

namespace keylint {

void ClassifySide(const Target& /*target*/, const Knowledge& /*knowledge*/,
                  const ProjectLayout& /*layout*/, FileFacts* facts) {
  facts->side = Side::kUnknown;
  facts->side_reason = "no rule decided";
}

}  // namespace keylint
