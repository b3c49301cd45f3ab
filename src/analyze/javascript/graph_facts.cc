#include "analyze/javascript/graph_facts.h"

#include <string>
#include <string_view>
#include <vector>

#include "analyze/javascript/flow_secret.h"
#include "classify/module_scan.h"
#include "classify/side_signals.h"
#include "core/text.h"
#include "knowledge/exposure_match.h"

namespace keylint {
namespace {

std::string Describe(const ScannedEnvRead& r) {
  std::string name(r.name);
  switch (r.kind) {
    case ScannedEnvRead::kProcessEnv: return "process.env." + name;
    case ScannedEnvRead::kImportMetaEnv: return "import.meta.env." + name;
    case ScannedEnvRead::kSvelteKitPrivate: return name + " from $env/*/private";
  }
  return name;
}

// A condition as knowledge lists it: without spaces, one kind of quote, `==` for `===`.
std::string NormalizedCondition(std::string_view c) {
  std::string out;
  for (char ch : c) {
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') continue;
    out += ch == '"' || ch == '`' ? '\'' : ch;
  }
  for (size_t at = out.find("==="); at != std::string::npos; at = out.find("===", at + 2)) {
    out.erase(at, 1);
  }
  return out;
}

// The operands of a normalized condition's top-level `&&`s, each without enclosing parentheses;
// none when it has a top-level `||` (then no operand decides alone).
std::vector<std::string_view> Conjuncts(std::string_view c) {
  std::vector<std::string_view> out;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i <= c.size(); ++i) {
    if (i < c.size() && (c[i] == '(' || c[i] == '[')) ++depth;
    if (i < c.size() && (c[i] == ')' || c[i] == ']')) --depth;
    if (i + 1 < c.size() && depth == 0 && c[i] == '|' && c[i + 1] == '|') return {};
    if (i == c.size() || (i + 1 < c.size() && depth == 0 && c[i] == '&' && c[i + 1] == '&')) {
      std::string_view part = c.substr(start, i - start);
      while (part.size() >= 2 && part.front() == '(' && part.back() == ')') part = part.substr(1, part.size() - 2);
      out.push_back(part);
      start = i + 2;
      ++i;
    }
  }
  return out;
}

// Whether an import() or require() sits in a block that only runs on a server: one of the
// conditions around it is, or has as an operand of `&&`, one of
// ExposureKnowledge::server_runtime_guards. The bundler drops such a block from the browser build.
bool ServerGuarded(const ScannedImport& imp, std::string_view bytes, const Knowledge& knowledge) {
  for (const ScanSpan& c : imp.conditions) {
    const std::string condition = NormalizedCondition(bytes.substr(c.begin, c.end - c.begin));
    for (std::string_view conjunct : Conjuncts(condition)) {
      for (const std::string& guard : knowledge.exposure.server_runtime_guards) {
        if (conjunct == NormalizedCondition(guard)) return true;
      }
    }
  }
  return false;
}

bool InServerExport(const JsFileModel* model, size_t at) {
  if (!model) return false;
  for (const JsSpan& s : model->server_exports) {
    if (at >= s.begin && at < s.end) return true;
  }
  return false;
}

// The secrets the parse saw flowing into props of imported components (JsDataSink with a
// component_import), tied to the module graph's import of the component.
void SecretProps(const Target& target, const Knowledge& knowledge, const std::vector<CredentialMatch>& credentials,
                 const JsFileModel& model, const ModuleScan& scan, const LineIndex& lines, ModuleFacts* m) {
  for (const JsDataSink& sink : model.sinks) {
    if (sink.component_import < 0 || static_cast<size_t>(sink.component_import) >= model.imports.size()) continue;
    size_t at = model.imports[static_cast<size_t>(sink.component_import)].span.begin;
    size_t import = scan.imports.size();
    for (size_t i = 0; i < scan.imports.size(); ++i) {
      if (scan.imports[i].span.begin == at) import = i;
    }
    if (import == scan.imports.size()) continue;
    for (const JsFlowSource& src : sink.sources) {
      std::optional<FlowSecret> secret = SecretOfSource(src, knowledge, credentials);
      if (!secret) continue;
      SecretProp p;
      p.import = import;
      p.location = lines.Span(target.path, src.entry.begin, src.entry.end);
      p.what = std::move(secret->what);
      p.sink = sink.what;
      p.through = ThroughText(src, target.bytes);
      if (!p.through.empty()) {
        p.related.push_back({lines.Span(target.path, src.span.begin, src.span.end), "the secret comes from here"});
      }
      p.provider = std::move(secret->provider);
      p.secret_hash = secret->hash;
      m->secret_props.push_back(std::move(p));
    }
  }
}

}  // namespace

ModuleFacts CollectModuleFacts(const Target& target, const FileFacts& facts, const Knowledge& knowledge,
                               const std::vector<CredentialMatch>& credentials,
                               const std::vector<JsSpan>& ranges, const JsFileModel* model,
                               const ModuleScan* module) {
  ModuleFacts m;
  m.path = target.path;
  m.side = facts.side;
  m.side_reason = facts.side_reason;
  m.boundary = facts.side_boundary;
  m.is_test = facts.is_test;
  m.framework = facts.framework;
  m.entry = (facts.side == Side::kClient || facts.side == Side::kShared) && !facts.side_from_imports;
  if (facts.side_boundary || facts.side == Side::kClient) {
    for (std::string_view d : DirectivePrologue(target.bytes)) {
      for (const auto& [text, side] : knowledge.exposure.directives) {
        if (d == text && side == Side::kServer && facts.side_boundary) m.server_functions = true;
        if (d == text && side == Side::kClient && facts.side == Side::kClient) m.client_components = true;
      }
    }
  }
  ModuleScan own;
  if (module == nullptr || !ranges.empty()) {
    std::vector<ScanSpan> scan_ranges;
    for (const JsSpan& r : ranges) scan_ranges.push_back({r.begin, r.end});
    // TypeScript drops imports used only as types: those are no edges.
    bool typescript = facts.language == Language::kTypeScript || facts.language == Language::kTsx;
    own = ScanModule(target.bytes, scan_ranges, typescript);
    module = &own;
  }
  const ModuleScan& scan = *module;
  // Exposed files get the per-file client/ rules; boundaries and tests are never client code.
  bool may_become_client = facts.side != Side::kClient && facts.side != Side::kShared &&
                           !facts.side_boundary && !facts.is_test && !facts.is_docs;
  bool holds = may_become_client && (!scan.env_reads.empty() || !credentials.empty());
  if (scan.imports.empty() && !holds) return m;

  const LineIndex lines(target.bytes);
  for (const ScannedImport& imp : scan.imports) {
    ModuleImport mi;
    mi.specifier = std::string(imp.module);
    mi.location = lines.Span(target.path, imp.span.begin, imp.span.end);
    mi.type_only = imp.type_only || !imp.value_used;
    if (model) {
      for (const JsImport& parsed : model->imports) {
        if (parsed.span.begin == imp.span.begin) {
          mi.server_use_only = !parsed.used_outside_server_exports;
          mi.type_only = mi.type_only || parsed.type_only;
        }
      }
    }
    mi.server_use_only = mi.server_use_only || ServerGuarded(imp, target.bytes, knowledge);
    if (may_become_client && !mi.type_only && !mi.server_use_only) {
      const Sdk* sdk = SdkForModule(knowledge, mi.specifier);
      if (sdk && sdk->side == Side::kServer) m.server_sdks.push_back({mi.location, mi.specifier, sdk->provider});
    }
    m.imports.push_back(std::move(mi));
  }
  if (model) SecretProps(target, knowledge, credentials, *model, scan, lines, &m);
  if (!holds) return m;
  for (const ScannedEnvRead& r : scan.env_reads) {
    std::string name(r.name);
    if (!PublicPrefixOf(knowledge, name).empty() || !IsSecretName(knowledge, name)) continue;
    if (InServerExport(model, r.span.begin)) continue;
    m.secrets.push_back({lines.Span(target.path, r.span.begin, r.span.end), Describe(r), "", 0, false});
  }
  for (const CredentialMatch& c : credentials) {
    if (c.exposure != Exposure::kSecret || !c.rule || InServerExport(model, c.begin)) continue;
    m.secrets.push_back({lines.Span(target.path, c.begin, c.end), c.rule->description + " " + c.secret.masked(),
                         c.rule->provider, c.secret.hash(), true});
  }
  return m;
}

}  // namespace keylint
