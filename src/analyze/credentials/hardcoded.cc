// hardcoded/<id>: a secret credential written literally into a file.
//
// Decisions, each a line below:
// - Public keys (exposure public, including JWTs whose role claim is anon) yield nothing here:
//   other families reason about where they end up.
// - An untracked .env* file is where secrets belong locally: no finding (the env analysis checks
//   stages there). A tracked one is committed, so it is reported like any other file.
// - Test-stage secrets (sk_test_, sandbox, _TEST markers) are reported as warnings: they cannot
//   move money or touch production data, but they still grant access to an account. In test
//   code, fixtures, seed data, mocks and generated samples (FileFacts::is_test) and in
//   documentation (FileFacts::is_docs) they are not reported at all: documented and fixture test
//   keys are the normal content of both, and so are the generic rules' name = "value" pairs.
// - There, a provider-shaped key of no stage is at most a warning (a fake made in the provider's
//   shape is what fixtures and docs examples hold); a live key (a prod marker: sk_live_) is an
//   error wherever it is.
#include "analyze/credentials/hardcoded.h"

#include <string>

namespace keylint {
namespace {

std::string Capitalized(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string MessageFor(const CredentialMatch& m) {
  const CredentialRule& rule = *m.rule;
  if (rule.generic) {
    return "Possible hardcoded secret: " + rule.description + " (" + m.secret.masked() +
           "); if it is real, rotate it and read it from the environment";
  }
  std::string msg = Capitalized(rule.description);
  if (m.stage != Stage::kUnknown) msg += std::string(" (") + StageName(m.stage) + ")";
  msg += " " + m.secret.masked() + " written into the file; rotate it and read it from the environment";
  return msg;
}

}  // namespace

void ReportHardcoded(const Target& target, const FileFacts& facts, const Knowledge& knowledge,
                     const std::vector<CredentialMatch>& matches, const LineIndex& lines,
                     FileAnalysis* out) {
  if (facts.kind == FileKind::kDotenv && !target.tracked) return;
  for (const CredentialMatch& m : matches) {
    if (m.exposure != Exposure::kSecret || m.rule == nullptr) continue;
    const bool test_stage = m.stage == Stage::kTest;
    const bool fixture_context = facts.is_test || facts.is_docs;
    // Test keys, and the low-precision generic assignments, are what tests and docs are made of.
    if ((test_stage || m.rule->generic) && fixture_context) continue;
    // Test and sandbox keys cannot touch live data, and a stage-less key in tests or docs is
    // most likely a fake in the provider's shape: at most a warning.
    const bool warn = test_stage || (fixture_context && m.stage != Stage::kProd);
    std::optional<Finding> f =
        knowledge.MakeFinding("hardcoded/" + m.rule->id, lines.Span(target.path, m.begin, m.end),
                              MessageFor(m), warn ? Level::kWarning : Level::kError);
    if (!f) continue;
    f->secret_hash = m.secret.hash();
    f->properties["provider"] = m.rule->provider;
    f->properties["exposure"] = "secret";
    f->properties["stage"] = StageName(m.stage);
    out->findings.push_back(std::move(*f));
  }
}

}  // namespace keylint
