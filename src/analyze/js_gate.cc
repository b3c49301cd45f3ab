#include "analyze/js_gate.h"

#include "knowledge/exposure_match.h"

namespace keylint {
namespace {

bool Contains(std::string_view bytes, std::string_view needle) {
  return bytes.find(needle) != std::string_view::npos;
}

// A quoted module name: 'stripe' or "stripe/..." (the quote before and a quote or / after).
bool MentionsModule(std::string_view bytes, std::string_view module) {
  for (size_t at = bytes.find(module); at != std::string_view::npos; at = bytes.find(module, at + 1)) {
    if (at == 0 || (bytes[at - 1] != '\'' && bytes[at - 1] != '"' && bytes[at - 1] != '`')) continue;
    size_t end = at + module.size();
    if (end < bytes.size() && (bytes[end] == '\'' || bytes[end] == '"' || bytes[end] == '`' || bytes[end] == '/')) {
      return true;
    }
  }
  return false;
}

}  // namespace

const BundlerConfig* BundlerConfigFor(const Knowledge& knowledge, std::string_view path) {
  size_t slash = path.rfind('/');
  std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  for (const BundlerConfig& b : knowledge.exposure.bundlers) {
    for (const std::string& g : b.files) {
      if (MatchGlob(g, base)) return &b;
    }
  }
  return nullptr;
}

std::string_view ShouldParse(const Target& target, const FileFacts& facts, const Knowledge& knowledge,
                             const std::vector<CredentialMatch>& credentials) {
  std::string_view b = target.bytes;
  if (BundlerConfigFor(knowledge, target.path)) return "bundler config";
  // Env reads are recorded on every side (the project stage compares them with .env files).
  for (std::string_view k : {"process.env", "import.meta.env", "$env/", "useRuntimeConfig"}) {
    if (Contains(b, k)) return "env read";
  }
  for (const Sdk& sdk : knowledge.sdks.sdks) {
    if (sdk.deprecated_options.empty()) continue;
    for (const std::string& p : sdk.packages) {
      if (MentionsModule(b, p)) return "SDK with deprecated options imported";
    }
  }
  if (facts.side != Side::kClient && facts.side != Side::kShared) return "";
  for (const CredentialMatch& m : credentials) {
    if (m.exposure == Exposure::kSecret) return "credential in client code";
  }
  for (const Sdk& sdk : knowledge.sdks.sdks) {
    if (sdk.side != Side::kServer && sdk.classes.empty() && sdk.server_methods.empty()) continue;
    for (const std::string& p : sdk.packages) {
      if (MentionsModule(b, p)) return "SDK import in client code";
    }
  }
  // Secret-named identifiers and options (secretKey, NANGO_SECRET_KEY, privateKey, authToken...):
  // the spellings [sdk_env] patterns are built from.
  for (std::string_view k : {"secret", "Secret", "SECRET", "private", "Private", "PRIVATE", "oken",
                             "OKEN", "assword", "ASSWORD", "_KEY", "Key", "atabase", "ATABASE", "ONGODB",
                             "ongodb", "OSTGRES", "ostgres"}) {
    if (Contains(b, k)) return "secret-named identifier in client code";
  }
  return "";
}

}  // namespace keylint
