#include "analyze/javascript/analyzer.h"

#include "analyze/javascript/astro.h"
#include "analyze/javascript/extract.h"
#include "analyze/javascript/gate.h"
#include "analyze/javascript/graph_facts.h"
#include "analyze/javascript/rules.h"
#include "classify/classify.h"
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

  // The gate, the parse and the client/ rules; true when *model holds a parse.
  bool ParseAndApply(const Target& target, const FileFacts& facts,
                     const std::vector<CredentialMatch>& credentials, JsDialect dialect, bool component,
                     const std::vector<JsSpan>& ranges, JsFileModel* model, FileAnalysis* out);
};

JsAnalyzer::JsAnalyzer(const Knowledge& knowledge, const CredentialScanner& credentials)
    : impl_(new Impl{knowledge, credentials, {}, {}}) {}
JsAnalyzer::~JsAnalyzer() = default;

const std::string& JsAnalyzer::last_parse_reason() const { return impl_->last_reason; }

void JsAnalyzer::Analyze(const Target& target, const FileFacts& facts,
                         const std::vector<CredentialMatch>& credentials, FileAnalysis* out,
                         const ModuleScan* module) {
  const Knowledge& k = impl_->knowledge;
  impl_->last_reason.clear();
  if (facts.language != Language::kJavaScript && facts.language != Language::kTypeScript &&
      facts.language != Language::kTsx) {
    return;
  }
  JsDialect dialect = facts.language == Language::kTsx          ? JsDialect::kTsx
                      : facts.language == Language::kTypeScript ? JsDialect::kTypeScript
                                                                : JsDialect::kJavaScript;
  std::vector<JsSpan> ranges;
  bool component = IsSingleFileComponent(target.path);
  if (component) {
    bool typescript = false;
    ranges = ScriptBlocks(target.bytes, &typescript);
    if (typescript) dialect = JsDialect::kTypeScript;
  }
  JsFileModel model;
  bool parsed = impl_->ParseAndApply(target, facts, credentials, dialect, component, ranges, &model, out);
  // Every module is a node of the module graph, parsed or not.
  out->facts.graph.modules.push_back(
      CollectModuleFacts(target, facts, k, credentials, ranges, parsed ? &model : nullptr,
                         component ? nullptr : module));
}

bool JsAnalyzer::Impl::ParseAndApply(const Target& target, const FileFacts& facts,
                                     const std::vector<CredentialMatch>& credentials, JsDialect dialect,
                                     bool component, const std::vector<JsSpan>& ranges, JsFileModel* model,
                                     FileAnalysis* out) {
  const Knowledge& k = knowledge;
  const BundlerConfig* bundler = BundlerConfigFor(k, target.path);
  std::string_view reason = ShouldParse(target, facts, k, credentials);
  if (reason.empty()) {
    last_reason = "not parsed: no reason to";
    ApplyClientRules(target, facts, k, scanner, credentials, nullptr, bundler, out);
    return false;
  }
  if (LooksMinified(target.bytes)) {
    last_reason = "not parsed: minified";
    ApplyClientRules(target, facts, k, scanner, credentials, nullptr, bundler, out);
    return false;
  }
  last_reason = "parsed: " + std::string(reason);
  const Framework* fw = FrameworkById(k, facts.framework);
  // An .astro component is parsed as its frontmatter, <script> blocks and template expressions
  // together (astro.h), at the file's own offsets; other components as their <script> blocks.
  std::string_view code = target.bytes;
  std::vector<JsSpan> parse_ranges = ranges;
  AstroSource astro;
  if (EndsWith(ToLower(target.path), ".astro")) {
    AstroTemplateRules rules;
    if (fw) rules = {fw->island_directives, fw->render_directives};
    astro = ReadAstro(target.bytes, rules);
    code = astro.code;
    parse_ranges.clear();
    dialect = JsDialect::kTsx;
  } else if (component && ranges.empty()) {
    code = {};
  }
  if (code.empty()) {
    ApplyClientRules(target, facts, k, scanner, credentials, nullptr, bundler, out);
    return false;
  }

  JsExtractOptions options;
  options.expression_sinks = std::move(astro.sinks);
  if (fw) {
    options.server_exports = fw->server_exports;
    for (const PageDataSink* e : PageDataSinksFor(k, target.path, facts)) {
      JsPageData d;
      d.name = e->name;
      d.property = e->property;
      d.kind = e->kind == PageDataSink::kExport ? JsPageData::kExport
               : e->kind == PageDataSink::kCall ? JsPageData::kCall
                                                : JsPageData::kAssign;
      d.argument = e->argument;
      d.what = e->what;
      options.page_data.push_back(std::move(d));
    }
  }
  options.data_wrappers = k.exposure.data_wrappers;
  options.server_function_directives = k.exposure.server_function_directives;
  options.component_props = !component && facts.side != Side::kClient && facts.side != Side::kShared && !facts.is_test;
  if (bundler) {
    options.inline_properties = bundler->inline_properties;
    options.inline_constructors = bundler->inline_constructors;
  }
  if (!extractor.Extract(code, dialect, parse_ranges, options, model)) {
    out->notifications.push_back(
        {Level::kWarning, target.path, 0, "JavaScript parse did not finish; client/ checks skipped"});
    ApplyClientRules(target, facts, k, scanner, credentials, nullptr, bundler, out);
    return false;
  }
  ApplyClientRules(target, facts, k, scanner, credentials, model, bundler, out);
  return true;
}

bool JsAnalyzer::LanguagesLoad(std::string* error) { return JsExtractor::LanguagesLoad(error); }

}  // namespace keylint
