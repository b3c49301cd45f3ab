#include "analyze/javascript/rules.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "analyze/javascript/flow_secret.h"
#include "core/secret.h"
#include "core/text.h"
#include "knowledge/exposure_match.h"

namespace keylint {
namespace {

constexpr char kSecretEnv[] = "client/secret-env-in-client";
constexpr char kPublicPrefixed[] = "client/public-prefixed-secret";
constexpr char kServerSdk[] = "client/server-sdk-in-client";
constexpr char kSecretOption[] = "client/secret-option-in-client";
constexpr char kBundler[] = "client/bundler-inlines-secret";
constexpr char kHardcoded[] = "client/hardcoded-secret-in-client";
constexpr char kDeprecated[] = "client/deprecated-public-key";
constexpr char kPageData[] = "client/secret-in-page-data";

bool Has(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::string Describe(const JsEnvRead& r) {
  switch (r.kind) {
    case EnvReadKind::kProcessEnv: return "process.env." + r.name;
    case EnvReadKind::kImportMetaEnv: return "import.meta.env." + r.name;
    case EnvReadKind::kSvelteKitPrivate: return r.name + " from $env/*/private";
    case EnvReadKind::kNuxtRuntimeConfig: return "useRuntimeConfig()." + r.name;
  }
  return r.name;
}

class Rules {
 public:
  Rules(const Target& target, const FileFacts& facts, const Knowledge& knowledge,
        const CredentialScanner& scanner, const std::vector<CredentialMatch>& credentials,
        FileAnalysis* out)
      : target_(target), facts_(facts), k_(knowledge), scanner_(scanner), credentials_(credentials),
        lines_(target.bytes), out_(out), first_finding_(out->findings.size()),
        exposed_(facts.side == Side::kClient || facts.side == Side::kShared) {
    where_ = facts.side == Side::kShared ? "code that also runs in the browser" : "client code";
    if (!facts.side_reason.empty()) where_ += " (" + facts.side_reason + ")";
  }

  void Credentials(const JsFileModel* model) {
    if (!exposed_) return;
    for (const CredentialMatch& m : credentials_) {
      if (m.exposure != Exposure::kSecret || !m.rule) continue;
      if (model && InServerExport(*model, m.begin)) continue;
      Report(kHardcoded, m.begin, m.end,
             m.rule->description + " " + m.secret.masked() + " in " + where_ +
                 ": every visitor can read it",
             m.rule->provider, m.secret.hash());
    }
  }

  void EnvReads(const JsFileModel& model) {
    for (const JsEnvRead& r : model.env_reads) {
      if (r.kind != EnvReadKind::kNuxtRuntimeConfig) {
        EnvRead fact;
        fact.location = lines_.Span(target_.path, r.span.begin, r.span.end);
        fact.name = r.name;
        fact.side = r.in_server_export ? Side::kServer : facts_.side;
        out_->facts.env_reads.push_back(std::move(fact));
      }
      std::string_view prefix = r.kind == EnvReadKind::kNuxtRuntimeConfig ? "" : PublicPrefixOf(k_, r.name);
      if (!prefix.empty() && IsSecretName(k_, r.name)) {
        Report(kPublicPrefixed, r.span.begin, r.span.end,
               r.name + " looks like a secret, but its " + std::string(prefix) +
                   " prefix makes the framework inline it into client bundles");
        continue;
      }
      if (exposed_ && !r.in_server_export && IsSecretName(k_, r.name)) {
        if (Report(kSecretEnv, r.span.begin, r.span.end,
                   "secret " + Describe(r) + " is read in " + where_ + "; keep it on the server")) {
          client_reads_[r.span.begin] = out_->findings.size() - 1;
        }
      }
    }
  }

  void Imports(const JsFileModel& model) {
    // Imports used only by server exports are tree-shaken from the client bundle.
    if (!exposed_ || !model.server_exports.empty()) return;
    for (const JsImport& imp : model.imports) {
      // Type-only imports, and imports whose names serve only as types, are erased by the build.
      if (imp.type_only || !imp.used_as_value) continue;
      const Sdk* sdk = SdkForModule(k_, imp.module);
      if (!sdk || sdk->side != Side::kServer) continue;
      Report(kServerSdk, imp.span.begin, imp.span.end,
             "server SDK '" + imp.module + "' (authenticates with a " + sdk->provider +
                 " secret key) is imported in " + where_,
             sdk->provider);
    }
  }

  void Constructors(const JsFileModel& model) {
    for (const JsNew& nw : model.news) {
      std::vector<const Sdk*> sdks = ResolveClass(model, nw.callee);
      for (const Sdk* sdk : sdks) {
        for (const JsOption& o : nw.options) {
          if (Has(sdk->deprecated_options, o.key)) {
            Report(kDeprecated, o.key_span.begin, o.key_span.end,
                   o.key + " on new " + nw.callee + "(...) is deprecated: " + sdk->deprecated_message,
                   sdk->provider);
          }
        }
        if (!exposed_ || nw.in_server_export) continue;
        for (const JsOption& o : nw.options) {
          if (Has(sdk->secret_options, o.key)) SecretArgument(nw, o.key, o.key_span, o.value, *sdk);
        }
        if (sdk->secret_positional && nw.has_positional) {
          SecretArgument(nw, "the secret key", nw.positional.span, nw.positional, *sdk);
        }
      }
    }
  }

  void MemberCalls(const JsFileModel& model) {
    if (!exposed_) return;
    for (const JsMemberCall& c : model.member_calls) {
      if (c.in_server_export) continue;
      for (const Sdk& sdk : k_.sdks.sdks) {
        if (!Has(sdk.server_methods, c.method) || !IsSdkInstance(model, c.receiver, sdk.provider)) continue;
        Report(kSecretOption, c.span.begin, c.span.end,
               c.method + "() needs the " + sdk.provider + " secret key but is called in " + where_ +
                   "; call it from your backend",
               sdk.provider);
        break;
      }
    }
  }

  void NamedStrings(const JsFileModel& model) {
    if (!exposed_) return;
    for (const JsNamedString& s : model.named_strings) {
      if (s.in_server_export || !IsSecretName(k_, s.name)) continue;
      HardcodedLiteral(s.name, s.value);
    }
  }

  void Bundler(const JsFileModel& model, const BundlerConfig& bundler) {
    for (const JsInlineEntry& e : model.inline_entries) {
      std::string what;
      if (e.whole_env) what = "all of process.env";
      for (const std::string& n : e.env_names) {
        if (what.empty() && IsSecretName(k_, n)) what = "the secret env var " + n;
      }
      if (what.empty() && IsSecretName(k_, e.key)) what = "the secret '" + e.key + "'";
      if (what.empty()) continue;
      Report(kBundler, e.span.begin, e.span.end,
             bundler.name + " `" + e.container + "` ships " + what + " to the browser, whatever its name");
    }
  }

  // One problem, one finding: a server SDK imported here and a secret passed to it are reported
  // once, at the secret, with the import related.
  void FoldSdkImports() {
    std::vector<Finding>& fs = out_->findings;
    for (size_t i = first_finding_; i < fs.size();) {
      const Finding& imp = fs[i];
      auto provider = imp.properties.find("provider");
      bool folded = false;
      if (imp.rule_id == kServerSdk && provider != imp.properties.end()) {
        for (size_t j = first_finding_; j < fs.size(); ++j) {
          auto p = fs[j].properties.find("provider");
          if ((fs[j].rule_id == kSecretOption || fs[j].rule_id == kHardcoded) && p != fs[j].properties.end() &&
              p->second == provider->second) {
            fs[j].related.push_back({imp.location, "the server SDK is imported here"});
            folded = true;
          }
        }
      }
      if (folded) {
        fs.erase(fs.begin() + static_cast<std::ptrdiff_t>(i));
      } else {
        ++i;
      }
    }
  }

  // Secrets flowing into data the framework sends to the browser. Props of imported components
  // are the module graph's to judge (project/component_props.h).
  void Sinks(const JsFileModel& model) {
    std::set<size_t> replaced;  // client/secret-env-in-client findings a sink finding replaces
    for (const JsDataSink& sink : model.sinks) {
      if (sink.component_import >= 0) continue;
      for (const JsFlowSource& src : sink.sources) {
        std::optional<FlowSecret> secret = SecretOfSource(src, k_, credentials_);
        if (!secret) continue;
        std::string through = ThroughText(src, target_.bytes);
        // A read written right in the sink, in code that also runs in the browser, was reported
        // as client/secret-env-in-client: one place, one finding, and the sink says where the
        // value goes, so it takes the read's place.
        auto read = !through.empty() || src.kind != JsFlowSource::kEnv ? client_reads_.end()
                                                                       : client_reads_.find(src.span.begin);
        bool replaces = read != client_reads_.end();
        Finding* f = Report(kPageData, src.entry.begin, src.entry.end,
                            secret->what + " is sent to the browser in " + sink.what + through +
                                (replaces ? "; read in " + where_ : ""),
                            secret->provider, secret->hash);
        if (f && !through.empty()) {
          f->related.push_back({lines_.Span(target_.path, src.span.begin, src.span.end), "the secret comes from here"});
        }
        if (f && replaces) replaced.insert(read->second);
      }
    }
    for (auto it = replaced.rbegin(); it != replaced.rend(); ++it) {
      out_->findings.erase(out_->findings.begin() + static_cast<std::ptrdiff_t>(*it));
    }
    client_reads_.clear();  // indices past an erased finding are stale
  }

 private:
  static bool InServerExport(const JsFileModel& model, size_t at) {
    for (const JsSpan& s : model.server_exports) {
      if (at >= s.begin && at < s.end) return true;
    }
    return false;
  }

  // Whether `receiver` is an object of `provider`'s SDK: bound to `new C(...)` of one of its
  // classes (const nango = new Nango(...); this.nango = new Nango(...)) or imported from it.
  bool IsSdkInstance(const JsFileModel& model, const std::string& receiver,
                     const std::string& provider) const {
    for (const JsNew& nw : model.news) {
      if (nw.bound_to.empty() || nw.bound_to != receiver) continue;
      for (const Sdk* sdk : ResolveClass(model, nw.callee)) {
        if (sdk->provider == provider) return true;
      }
    }
    for (const JsImport& imp : model.imports) {
      const Sdk* sdk = SdkForModule(k_, imp.module);
      if (sdk && sdk->provider == provider && Has(imp.locals, receiver)) return true;
    }
    return false;
  }

  // The SDKs a constructor may belong to: the one its name was imported from, or (unresolved:
  // a global or a re-export) every SDK listing that class.
  std::vector<const Sdk*> ResolveClass(const JsFileModel& model, const std::string& callee) const {
    for (const JsImport& imp : model.imports) {
      for (const std::string& local : imp.locals) {
        if (local != callee) continue;
        const Sdk* sdk = SdkForModule(k_, imp.module);
        if (sdk && (!sdk->classes.empty() || sdk->secret_positional)) return {sdk};
        return {};
      }
    }
    std::vector<const Sdk*> out;
    for (const Sdk& sdk : k_.sdks.sdks) {
      if (Has(sdk.classes, callee)) out.push_back(&sdk);
    }
    return out;
  }

  void SecretArgument(const JsNew& nw, const std::string& what, JsSpan span, const JsValue& value,
                      const Sdk& sdk) {
    if (value.is_string) {
      HardcodedLiteral(what, value, sdk.provider);  // a literal: the more specific finding
      return;
    }
    Report(kSecretOption, span.begin, span.end,
           what + " is passed to new " + nw.callee + "(...) in " + where_ +
               ": the secret is shipped to the browser",
           sdk.provider);
  }

  void HardcodedLiteral(const std::string& name, const JsValue& v, const std::string& provider = "") {
    if (!v.is_string || !LooksLikeSecretValue(v.text) || scanner_.CannotBeSecret(name, v.text)) return;
    // Inside the quotes; a credential match there was reported already.
    size_t b = v.span.begin + 1, e = v.span.end > b ? v.span.end - 1 : b;
    for (const CredentialMatch& m : credentials_) {
      if (m.begin < e && b < m.end) return;
    }
    Secret secret(v.text);
    Report(kHardcoded, b, e,
           "'" + name + "' is given a secret-looking literal in " + where_ + ": " + secret.masked(), provider,
           secret.hash());
  }

  Finding* Report(const char* rule, size_t begin, size_t end, std::string message,
                  const std::string& provider = "", uint64_t secret_hash = 0) {
    if (k_.LevelOf(rule) == Level::kNone || !reported_.emplace(rule, begin).second) return nullptr;
    std::optional<Finding> f = k_.MakeFinding(rule, lines_.Span(target_.path, begin, end), std::move(message));
    f->secret_hash = secret_hash;
    f->properties["side"] = SideName(facts_.side);
    if (!facts_.framework.empty()) f->properties["framework"] = facts_.framework;
    if (!provider.empty()) f->properties["provider"] = provider;
    out_->findings.push_back(std::move(*f));
    return &out_->findings.back();
  }

  const Target& target_;
  const FileFacts& facts_;
  const Knowledge& k_;
  const CredentialScanner& scanner_;
  const std::vector<CredentialMatch>& credentials_;
  LineIndex lines_;
  FileAnalysis* out_;
  size_t first_finding_;  // this file's findings start here in out_->findings
  bool exposed_;
  std::string where_;
  std::set<std::pair<std::string, size_t>> reported_;
  // client/secret-env-in-client findings by the read's offset -> index in out_->findings.
  std::map<size_t, size_t> client_reads_;
};

}  // namespace

bool LooksLikeSecretValue(std::string_view v) {
  if (v.size() < 16 || v.size() > 4096) return false;
  bool letter = false, digit = false;
  for (char c : v) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isspace(u) || c == '<' || c == '>' || c == '{' || c == '}') return false;
    letter = letter || std::isalpha(u);
    digit = digit || std::isdigit(u);
  }
  if (!letter || !digit) return false;
  if (v.find("://") != std::string_view::npos || v[0] == '/' || v[0] == '.' || v[0] == '#') {
    return false;
  }
  return ShannonEntropy(v) >= 3.0;
}

void ApplyClientRules(const Target& target, const FileFacts& facts, const Knowledge& knowledge,
                      const CredentialScanner& scanner, const std::vector<CredentialMatch>& credentials,
                      const JsFileModel* model, const BundlerConfig* bundler, FileAnalysis* out) {
  Rules rules(target, facts, knowledge, scanner, credentials, out);
  rules.Credentials(model);
  if (!model) return;
  rules.EnvReads(*model);
  rules.Imports(*model);
  rules.Constructors(*model);
  rules.MemberCalls(*model);
  rules.NamedStrings(*model);
  rules.Sinks(*model);
  rules.FoldSdkImports();
  if (bundler) rules.Bundler(*model, *bundler);
}

}  // namespace keylint
