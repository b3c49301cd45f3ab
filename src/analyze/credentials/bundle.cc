#include "analyze/credentials/bundle.h"

#include <string>

namespace keylint {

void ReportSecretsInBundle(const Target& target, const FileFacts& facts, const Knowledge& knowledge,
                           const std::vector<CredentialMatch>& matches, const LineIndex& lines,
                           FileAnalysis* out) {
  if (!facts.built || (facts.side != Side::kClient && facts.side != Side::kShared)) return;
  for (const CredentialMatch& m : matches) {
    if (m.exposure != Exposure::kSecret || m.rule == nullptr || m.rule->generic) continue;
    const bool test_stage = m.stage == Stage::kTest;
    std::string message = m.rule->description;
    if (m.stage != Stage::kUnknown) message += std::string(" (") + StageName(m.stage) + ")";
    message += " " + m.secret.masked() + " is inside " + target.path +
               ", a bundle built for the browser";
    if (!facts.side_reason.empty()) message += " (" + facts.side_reason + ")";
    message += ": every visitor downloads it; rotate it and keep it on the server";
    std::optional<Finding> f =
        knowledge.MakeFinding("client/secret-in-bundle", lines.Span(target.path, m.begin, m.end),
                              std::move(message), test_stage ? Level::kWarning : Level::kError);
    if (!f) continue;
    f->secret_hash = m.secret.hash();
    f->properties["provider"] = m.rule->provider;
    f->properties["exposure"] = "secret";
    f->properties["stage"] = StageName(m.stage);
    f->properties["bundle"] = target.path;
    out->findings.push_back(std::move(*f));
  }
}

}  // namespace keylint
