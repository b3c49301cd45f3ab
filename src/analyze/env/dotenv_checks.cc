// The per-file checks on a .env* file. Cross-file checks (the same value in two stages, keys
// missing from a stage) read the EnvDefinitions recorded here; see project/cross_file.h.
#include "analyze/env/dotenv_checks.h"

#include <algorithm>
#include <map>
#include <string>

#include "analyze/env/dotenv_parser.h"
#include "analyze/env/public_prefix.h"
#include "analyze/env/stage_checks.h"
#include "analyze/env/value.h"
#include "analyze/exposure_names.h"
#include "core/secret.h"
#include "core/text.h"

namespace keylint {
namespace {

bool IsStageFile(Stage s) {
  return s == Stage::kDev || s == Stage::kTest || s == Stage::kStaging || s == Stage::kProd;
}

std::string_view BaseName(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
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
    for (size_t i = 0; i < file.entries.size(); ++i) {
      const DotenvEntry& e = file.entries[i];
      EnvValueFacts v = ClassifyEnvValue(e.key, e.value, e.reference_only, e.value_begin,
                                         e.value_end, credentials_, scanner_, k_);
      RecordAssignment(Assignment(e), v, out_);
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
      bool public_prefixed = CheckPublicPrefix(e, v);
      if (!public_prefixed) CheckShippedInApp(e, v);
      CheckStage(e, v);
      CheckCommitted(e, v);
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

  // NEXT_PUBLIC_STRIPE_SECRET_KEY=...: the framework inlines it into the client bundle
  // (public_prefix.h). Returns whether it reported.
  bool CheckPublicPrefix(const DotenvEntry& e, const EnvValueFacts& v) {
    return CheckPublicPrefixedSecret(k_, e.key, v, facts_.stage, Span(e.key_begin, std::max(e.key_end, e.value_end)),
                                     out_);
  }

  // react-native-config ships every key of the file in the app, whatever its name: a committed
  // secret there is in every installed copy. Spans key and value, like the public-prefix check,
  // so it is the line's one finding; a test-mode key is a warning (the merge keeps the committed
  // file's error level).
  void CheckShippedInApp(const DotenvEntry& e, const EnvValueFacts& v) {
    if (facts_.env_shipped_by.empty() || !target_.tracked || !IsStageFile(facts_.stage)) return;
    if (!v.is_secret || v.placeholder || v.empty) return;
    Finding* f = Add("client/secret-in-app-env", Span(e.key_begin, std::max(e.key_end, e.value_end)),
                     "'" + e.key + "' holds a secret (" + v.masked + ") in " + target_.path + ", which " +
                         facts_.env_shipped_by + " ships in the app with every other key of the file",
                     v.value_stage == Stage::kTest ? Level::kWarning : Level::kError);
    if (f) {
      f->secret_hash = v.hash;
      f->properties["side"] = "client";
      if (!v.provider.empty()) f->properties["provider"] = v.provider;
    }
  }

  // Templates: a real-looking secret. Stage files: the checks every stage carrier shares.
  void CheckStage(const DotenvEntry& e, const EnvValueFacts& v) {
    if (facts_.stage == Stage::kTemplate) {
      if (v.is_secret && !scanner_.TemplateExample(target_.bytes, e.value_begin, e.value_end)) {
        AddValue("config/env-secret-in-template", e, v,
                 "'" + e.key + "' in template " + target_.path + " holds a real-looking secret (" +
                     v.masked + "); templates must hold placeholders");
      }
      return;
    }
    CheckAssignmentStage(Assignment(e), v, k_, out_);
  }

  StageAssignment Assignment(const DotenvEntry& e) const {
    StageAssignment a;
    a.key = e.key;
    a.key_location = KeySpan(e);
    a.value_location = ValueSpan(e);
    a.stage = facts_.stage;
    a.where = std::string(StageName(facts_.stage)) + " env file " + target_.path;
    a.reference_only = e.reference_only;
    a.tracked = target_.tracked;
    a.from_env_file = true;
    a.shared_by_modes = facts_.stage == Stage::kDev && BaseName(target_.path) == ".env";
    return a;
  }

  // A committed stage env file: one finding per line holding a real secret (the line that must
  // go), none for the file as a whole. Values the framework ships to the browser anyway
  // (VITE_*, NEXT_PUBLIC_* that do not name a secret) are not what this rule is about.
  void CheckCommitted(const DotenvEntry& e, const EnvValueFacts& v) {
    if (!target_.tracked || !IsStageFile(facts_.stage) || !v.is_secret) return;
    if (!PublicPrefixOf(k_, e.key).empty()) return;
    AddValue("config/env-file-committed", e, v,
             "'" + e.key + "' holds a secret (" + v.masked + ") in " + StageName(facts_.stage) +
                 " env file " + target_.path + ", which is tracked by git");
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
