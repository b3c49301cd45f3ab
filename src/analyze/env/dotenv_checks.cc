// The per-file checks on a .env* file. Cross-file checks (the same value in two stages, keys
// missing from a stage) read the EnvDefinitions recorded here; see project/cross_file.h.
#include "analyze/env/dotenv_checks.h"

#include <algorithm>
#include <map>
#include <string>

#include "analyze/env/dotenv_parser.h"
#include "analyze/env/value.h"
#include "analyze/exposure_names.h"
#include "core/secret.h"
#include "core/text.h"

namespace keylint {
namespace {

bool IsStageFile(Stage s) {
  return s == Stage::kDev || s == Stage::kTest || s == Stage::kStaging || s == Stage::kProd;
}

bool HasLower(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

class DotenvChecker {
 public:
  DotenvChecker(const Target& target, const FileFacts& facts, const Knowledge& knowledge,
                const CredentialScanner& scanner, const std::vector<CredentialMatch>& credentials,
                FileAnalysis* out)
      : target_(target), facts_(facts), k_(knowledge), scanner_(scanner),
        credentials_(credentials), out_(out), lines_(target.bytes) {}

  void Run() {
    DotenvFile file = ParseDotenv(target_.bytes);
    for (const DotenvProblem& p : file.problems) {
      Add("config/env-syntax-error", Span(p.begin, p.end), p.message);
    }
    std::map<std::string, size_t> first;  // key -> index of its first definition
    std::vector<size_t> secrets;          // indexes of entries holding secrets
    for (size_t i = 0; i < file.entries.size(); ++i) {
      const DotenvEntry& e = file.entries[i];
      EnvValueFacts v = ClassifyEnvValue(e.key, e.value, e.reference_only, e.value_begin,
                                         e.value_end, credentials_, scanner_, k_);
      Record(e, v);
      if (v.is_secret) secrets.push_back(i);
      auto [it, inserted] = first.emplace(e.key, i);
      if (!inserted) {
        Finding* f = Add("config/env-duplicate-key", KeySpan(e),
                         "'" + e.key + "' is defined again; dotenv keeps this later value, a "
                         "reader sees the first");
        if (f) f->related.push_back({KeySpan(file.entries[it->second]), "first definition"});
      }
      if (e.space_before_equals || e.space_after_equals) {
        Add("config/env-space-around-equals", KeySpan(e),
            "whitespace around '=' after '" + e.key +
                "': dotenv trims it, a shell sourcing this file runs a command instead");
      }
      if (HasLower(e.key)) Add("config/env-lowercase-key", KeySpan(e), "'" + e.key + "' is not upper case");
      CheckPublicPrefix(e, v);
      CheckStage(e, v);
    }
    if (target_.tracked && IsStageFile(facts_.stage) && !secrets.empty()) {
      Location top = Span(0, 0);
      Finding* f = Add("config/env-file-committed", top,
                       std::string(StageName(facts_.stage)) + " env file " + target_.path +
                           " is tracked by git and holds " + std::to_string(secrets.size()) +
                           (secrets.size() == 1 ? " secret" : " secrets"));
      for (size_t n = 0; f && n < secrets.size() && n < 3; ++n) {
        f->related.push_back({ValueSpan(file.entries[secrets[n]]),
                              "secret value of '" + file.entries[secrets[n]].key + "'"});
      }
    }
  }

 private:
  Location Span(size_t b, size_t e) const { return lines_.Span(target_.path, b, e); }
  Location KeySpan(const DotenvEntry& e) const { return Span(e.key_begin, e.key_end); }
  Location ValueSpan(const DotenvEntry& e) const { return Span(e.value_begin, e.value_end); }

  // Adds a finding unless the rule is off; returns it for related locations, or nullptr.
  Finding* Add(const char* rule, const Location& loc, std::string message,
               Level cap = Level::kError) {
    std::optional<Finding> f = k_.MakeFinding(rule, loc, std::move(message), cap);
    if (!f) return nullptr;
    f->properties["stage"] = StageName(facts_.stage);
    out_->findings.push_back(std::move(*f));
    return &out_->findings.back();
  }

  Finding* AddValue(const char* rule, const DotenvEntry& e, const EnvValueFacts& v,
                    std::string message, Level cap = Level::kError) {
    Finding* f = Add(rule, ValueSpan(e), std::move(message), cap);
    if (f) {
      f->secret_hash = v.hash;
      if (!v.provider.empty()) f->properties["provider"] = v.provider;
    }
    return f;
  }

  // NEXT_PUBLIC_STRIPE_SECRET_KEY=...: the framework inlines it into the client bundle. Reported
  // for the name (and, with a public prefix, for a value that is a secret) whatever the value,
  // since `${SECRET}` expands into the bundle too. Spans key and value, so it is the one finding
  // on the line (client/ is the most specific family).
  void CheckPublicPrefix(const DotenvEntry& e, const EnvValueFacts& v) {
    if (v.placeholder) return;
    bool by_name = IsPublicPrefixedSecretName(k_, e.key);
    bool by_value = !by_name && v.is_secret && !PublicPrefixOf(k_, e.key).empty();
    if (!by_name && !by_value) return;
    if (v.empty && facts_.stage != Stage::kTemplate) return;
    Finding* f = Add("client/public-prefixed-secret", Span(e.key_begin, std::max(e.key_end, e.value_end)),
                     "'" + e.key + "' " + (by_name ? "names a secret" : "holds a secret (" + v.masked + ")") +
                         " under the public prefix " + std::string(PublicPrefixOf(k_, e.key)) +
                         ", which the framework ships to the browser");
    if (f) {
      f->secret_hash = v.hash;
      f->properties["side"] = "client";
    }
  }

  void CheckStage(const DotenvEntry& e, const EnvValueFacts& v) {
    const Stage stage = facts_.stage;
    if (stage == Stage::kTemplate && v.is_secret) {
      AddValue("config/env-secret-in-template", e, v,
               "'" + e.key + "' in template " + target_.path + " holds a real-looking secret (" +
                   v.masked + "); templates must hold placeholders");
      return;
    }
    if (stage == Stage::kDev || stage == Stage::kTest) {
      if (v.is_secret && v.value_stage == Stage::kProd) {
        AddValue("stage/prod-key-in-dev-env", e, v,
                 "'" + e.key + "' holds a production key (" + v.masked + ") in " +
                     StageName(stage) + " env file " + target_.path);
        return;
      }
      bool assigned = !v.empty && !v.placeholder && !e.reference_only;
      if (assigned && StageOfName(k_.stages, e.key) == Stage::kProd &&
          (v.is_secret || IsSecretLikeName(k_.stages, e.key))) {
        const auto& doc = k_.stages.documented_local_prod_names;
        bool documented = stage == Stage::kDev &&
                          std::find(doc.begin(), doc.end(), ToUpperAscii(e.key)) != doc.end();
        AddValue("stage/prod-key-in-dev-env", e, v,
                 "'" + e.key + "' is named for production and assigned (" + v.masked + ") in " +
                     StageName(stage) + " env file " + target_.path +
                     (documented ? "; the tool's docs suggest this, but a dev key is safer here"
                                 : ""),
                 documented ? Level::kWarning : Level::kError);
      }
      return;
    }
    if (stage == Stage::kProd && (v.value_stage == Stage::kTest || v.value_stage == Stage::kDev)) {
      AddValue("stage/test-key-in-prod-env", e, v,
               "'" + e.key + "' holds a " + StageName(v.value_stage) + " key (" + v.masked +
                   ") in production env file " + target_.path);
    }
  }

  void Record(const DotenvEntry& e, const EnvValueFacts& v) {
    EnvDefinition d;
    d.location = KeySpan(e);
    d.value_location = ValueSpan(e);
    d.key = e.key;
    d.stage = facts_.stage;
    d.tracked = target_.tracked;
    d.is_template = facts_.stage == Stage::kTemplate;
    d.value_empty = v.empty;
    d.value_is_placeholder = v.placeholder;
    d.value_is_reference = e.reference_only;
    d.value_is_secret = v.is_secret;
    d.value_stage = v.value_stage;
    d.value_hash = v.hash;
    d.value_masked = v.masked;
    out_->facts.env_definitions.push_back(std::move(d));
  }

  static std::string ToUpperAscii(const std::string& s) {
    std::string out = s;
    for (char& c : out) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
  }

  const Target& target_;
  const FileFacts& facts_;
  const Knowledge& k_;
  const CredentialScanner& scanner_;
  const std::vector<CredentialMatch>& credentials_;
  FileAnalysis* out_;
  LineIndex lines_;
};

}  // namespace

void AnalyzeDotenv(const Target& target, const FileFacts& facts, const Knowledge& knowledge,
                   const CredentialScanner& scanner, const std::vector<CredentialMatch>& credentials,
                   FileAnalysis* out) {
  DotenvChecker(target, facts, knowledge, scanner, credentials, out).Run();
}

}  // namespace keylint
