#include "analyze/javascript/analyzer.h"

#include "analyze/javascript/extract.h"
#include "analyze/javascript/gate.h"
#include "analyze/javascript/rules.h"
#include "core/text.h"
#include "knowledge/exposure_match.h"

namespace keylint {
namespace {

// Bundles and minified files: long lines, few of them. Parsing them is slow and finds code nobody
// wrote by hand (the credential engine still sees their bytes).
bool LooksMinified(std::string_view bytes) {
  constexpr size_t kLongLine = 20000;
  size_t start = 0;
  while (start < bytes.size()) {
    size_t nl = bytes.find('\n', start);
    size_t end = nl == std::string_view::npos ? bytes.size() : nl;
    if (end - start > kLongLine) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

struct JsAnalyzer::Impl {
  const Knowledge& knowledge;
  const CredentialScanner& scanner;
  JsExtractor extractor;
  std::string last_reason;
};

JsAnalyzer::JsAnalyzer(const Knowledge& knowledge, const CredentialScanner& credentials)
    : impl_(new Impl{knowledge, credentials, {}, {}}) {}
JsAnalyzer::~JsAnalyzer() = default;

const std::string& JsAnalyzer::last_parse_reason() const { return impl_->last_reason; }

void JsAnalyzer::Analyze(const Target& target, const FileFacts& facts,
                         const std::vector<CredentialMatch>& credentials, FileAnalysis* out) {
  const Knowledge& k = impl_->knowledge;
  impl_->last_reason.clear();
  if (facts.language != Language::kJavaScript && facts.language != Language::kTypeScript &&
      facts.language != Language::kTsx) {
    return;
  }
  const BundlerConfig* bundler = BundlerConfigFor(k, target.path);
  std::string_view reason = ShouldParse(target, facts, k, credentials);
  if (reason.empty()) {
    impl_->last_reason = "not parsed: no reason to";
    ApplyClientRules(target, facts, k, impl_->scanner, credentials, nullptr, bundler, out);
    return;
  }
  if (LooksMinified(target.bytes)) {
    impl_->last_reason = "not parsed: minified";
    ApplyClientRules(target, facts, k, impl_->scanner, credentials, nullptr, bundler, out);
    return;
  }
  impl_->last_reason = "parsed: " + std::string(reason);

  std::string lower = target.path;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  JsDialect dialect = facts.language == Language::kTsx          ? JsDialect::kTsx
                      : facts.language == Language::kTypeScript ? JsDialect::kTypeScript
                                                                : JsDialect::kJavaScript;
  std::vector<JsSpan> ranges;
  if (EndsWith(lower, ".vue") || EndsWith(lower, ".svelte") || EndsWith(lower, ".astro")) {
    bool typescript = false;
    ranges = ScriptBlocks(target.bytes, &typescript);
    if (typescript) dialect = JsDialect::kTypeScript;
    if (ranges.empty()) {
      ApplyClientRules(target, facts, k, impl_->scanner, credentials, nullptr, bundler, out);
      return;
    }
  }

  JsExtractOptions options;
  if (const Framework* fw = FrameworkById(k, facts.framework)) options.server_exports = fw->server_exports;
  if (bundler) {
    options.inline_properties = bundler->inline_properties;
    options.inline_constructors = bundler->inline_constructors;
  }
  JsFileModel model;
  if (!impl_->extractor.Extract(target.bytes, dialect, ranges, options, &model)) {
    out->notifications.push_back(
        {Level::kWarning, target.path, 0, "JavaScript parse did not finish; client/ checks skipped"});
    ApplyClientRules(target, facts, k, impl_->scanner, credentials, nullptr, bundler, out);
    return;
  }
  ApplyClientRules(target, facts, k, impl_->scanner, credentials, &model, bundler, out);
}

bool JsAnalyzer::LanguagesLoad(std::string* error) { return JsExtractor::LanguagesLoad(error); }

}  // namespace keylint
