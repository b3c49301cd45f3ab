#include "analyze/javascript/gate.h"

#include <cctype>
#include <cstring>
#include <vector>

#include "classify/classify.h"
#include "core/text.h"
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

// Whether the bytes name a secret under a public prefix (NEXT_PUBLIC_STRIPE_SECRET_KEY): that name
// ships its value to the browser whichever side reads it, so it is worth a parse on any side.
bool MentionsPublicPrefixedSecret(const Knowledge& knowledge, std::string_view b) {
  auto name_char = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; };
  // Whether the prefix occurring at `at` starts a public-prefixed secret name.
  auto secret_at = [&](size_t at, size_t prefix_size) {
    if (at > 0 && name_char(b[at - 1])) return false;  // inside a longer name
    size_t end = at + prefix_size;
    while (end < b.size() && name_char(b[end])) ++end;
    return IsPublicPrefixedSecretName(knowledge, b.substr(at, end - at));
  };
  // Prefixes end with '_' (NEXT_PUBLIC_, VITE_): one pass over the underscores finds them all,
  // where a search per prefix would read the file twenty times. Others are searched for.
  std::vector<std::string_view> underscored;
  for (const std::string& prefix : knowledge.exposure.public_prefixes) {
    if (!prefix.empty() && prefix.back() == '_') {
      underscored.push_back(prefix);
      continue;
    }
    for (size_t at = b.find(prefix); at != std::string_view::npos; at = b.find(prefix, at + 1)) {
      if (secret_at(at, prefix.size())) return true;
    }
  }
  for (size_t u = b.find('_'); u != std::string_view::npos; u = b.find('_', u + 1)) {
    for (std::string_view prefix : underscored) {
      if (u + 1 < prefix.size()) continue;
      if (prefix.size() >= 2 && b[u - 1] != prefix[prefix.size() - 2]) continue;  // cheap first
      size_t at = u + 1 - prefix.size();
      if (b.compare(at, prefix.size(), prefix) == 0 && secret_at(at, prefix.size())) return true;
    }
  }
  return false;
}

// Whether the name that continues at `at` is given a string literal: `NAME = '`, `name: "`,
// `'name': \``, or with a type, `name: string = '`. A cheap look at the bytes that may say yes
// where the tree says no (a comparison, a type-only member), never the other way round for
// the literals the extractor records (declarations, assignments, object pairs).
bool NameGivenAString(std::string_view b, size_t at) {
  auto name_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; };
  auto quote = [](char c) { return c == '\'' || c == '"' || c == '`'; };
  auto skip_space = [&](size_t i) {
    while (i < b.size() && std::isspace(static_cast<unsigned char>(b[i]))) ++i;
    return i;
  };
  size_t i = at;
  while (i < b.size() && name_char(b[i])) ++i;
  if (i < b.size() && quote(b[i])) ++i;  // a quoted key: 'secretKey': ...
  i = skip_space(i);
  if (i >= b.size()) return false;
  if (b[i] == ':') {
    i = skip_space(i + 1);
    if (i < b.size() && quote(b[i])) return true;
    // A type annotation before the initializer: `apiKey: string | undefined = '...'`.
    while (i < b.size() && (name_char(b[i]) || (b[i] != '\0' && std::strchr("<>[]|. \t", b[i])))) ++i;
  }
  if (i >= b.size() || b[i] != '=' || (i + 1 < b.size() && (b[i + 1] == '=' || b[i + 1] == '>'))) {
    return false;
  }
  i = skip_space(i + 1);
  return i < b.size() && quote(b[i]);
}

// Where a secret may come from in the data-flow rules: an env read or a secret the credential
// engine found.
bool MayHoldSecret(std::string_view b, const std::vector<CredentialMatch>& credentials) {
  for (std::string_view k : {"process.env", "import.meta.env", "$env/", "useRuntimeConfig"}) {
    if (Contains(b, k)) return true;
  }
  for (const CredentialMatch& m : credentials) {
    if (m.exposure == Exposure::kSecret) return true;
  }
  return false;
}

// An ES import statement at the start of a line (`import X from`, `import {`): the word alone is
// everywhere in comments and CommonJS bundles, which import components no way the graph follows.
bool HasImportStatement(std::string_view b) {
  for (size_t at = b.find("import"); at != std::string_view::npos; at = b.find("import", at + 6)) {
    size_t line = at;
    while (line > 0 && (b[line - 1] == ' ' || b[line - 1] == '\t')) --line;
    if (line > 0 && b[line - 1] != '\n') continue;
    if (at + 6 < b.size() && (b[at + 6] == ' ' || b[at + 6] == '{')) return true;
  }
  return false;
}

// `<Widget`: a JSX element of a component (an upper-case name not right after a name, which
// `Array<Foo>` is). May say yes for comparisons; costs one pass over the '<' bytes.
bool MentionsJsxComponent(std::string_view b) {
  for (size_t at = b.find('<'); at != std::string_view::npos && at + 1 < b.size(); at = b.find('<', at + 1)) {
    if (b[at + 1] < 'A' || b[at + 1] > 'Z') continue;
    if (at > 0 && (std::isalnum(static_cast<unsigned char>(b[at - 1])) || b[at - 1] == '_' || b[at - 1] == '$')) continue;
    return true;
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

std::vector<const PageDataSink*> PageDataSinksFor(const Knowledge& knowledge, std::string_view path,
                                                  const FileFacts& facts) {
  std::vector<const PageDataSink*> out;
  const Framework* fw = FrameworkById(knowledge, facts.framework);
  if (!fw || facts.is_test) return out;
  for (const PageDataSink& e : fw->page_data) {
    bool applies = e.files.empty();
    for (const std::string& g : e.files) {
      // Globs are relative to the package; the package's folder may be any prefix of the path.
      applies = applies || MatchGlob(g, path) || MatchGlob("**/" + g, path);
    }
    if (applies) out.push_back(&e);
  }
  return out;
}

std::string_view ShouldParse(const Target& target, const FileFacts& facts, const Knowledge& knowledge,
                             const std::vector<CredentialMatch>& credentials) {
  std::string_view b = target.bytes;
  if (BundlerConfigFor(knowledge, target.path)) return "bundler config";
  if (MentionsPublicPrefixedSecret(knowledge, b)) return "public-prefixed secret name";
  for (const Sdk& sdk : knowledge.sdks.sdks) {
    if (sdk.deprecated_options.empty()) continue;
    for (const std::string& p : sdk.packages) {
      if (MentionsModule(b, p)) return "SDK with deprecated options imported";
    }
  }
  for (const PageDataSink* e : PageDataSinksFor(knowledge, target.path, facts)) {
    if (Contains(b, e->name)) return "data sent to the browser (page_data)";
  }
  // Server Functions ('use server') send what they return to the browser, whatever their side.
  for (const std::string& d : knowledge.exposure.server_function_directives) {
    if (Contains(b, d) && MayHoldSecret(b, credentials)) return "Server Function";
  }
  // An .astro template renders its frontmatter's values and gives them to islands (astro.h).
  if (EndsWith(ToLower(target.path), ".astro") && MayHoldSecret(b, credentials)) return "Astro component";
  // Server code giving a secret to an imported component: a Client Component's props go to the
  // browser, which the module graph tells after the parse (project/component_props.h). A
  // single-file component's markup is not JSX.
  if (facts.side != Side::kClient && facts.side != Side::kShared && !facts.is_test &&
      facts.language != Language::kTypeScript && !IsSingleFileComponent(target.path) && HasImportStatement(b) &&
      MentionsJsxComponent(b) && MayHoldSecret(b, credentials)) {
    return "props given to components in server code";
  }
  // Past this point every rule needs client code. Server and unknown-side files are not parsed
  // for their env reads: only client reads lead to findings, and parsing is the slow step (a
  // 9 MB bundle that mentions process.env once costs seconds).
  if (facts.side != Side::kClient && facts.side != Side::kShared) return "";
  // Exports the framework keeps on the server: the parse tells which imports only they use, which
  // the bundler drops (the module graph must not follow them into client code).
  if (const Framework* fw = FrameworkById(knowledge, facts.framework)) {
    for (const std::string& name : fw->server_exports) {
      if (Contains(b, name) && Contains(b, "export")) return "server export in client code";
    }
  }
  for (std::string_view k : {"process.env", "import.meta.env", "$env/", "useRuntimeConfig"}) {
    if (Contains(b, k)) return "env read in client code";
  }
  for (const CredentialMatch& m : credentials) {
    if (m.exposure == Exposure::kSecret) return "credential in client code";
  }
  for (const Sdk& sdk : knowledge.sdks.sdks) {
    if (sdk.side != Side::kServer && sdk.classes.empty() && sdk.server_methods.empty()) continue;
    for (const std::string& p : sdk.packages) {
      if (MentionsModule(b, p)) return "SDK import in client code";
    }
  }
  // Secret-named identifiers and options (secretKey, NANGO_SECRET_KEY, privateKey, authToken...),
  // in the spellings [sdk_env] patterns are built from, given a string literal.
  for (std::string_view k : {"secret", "Secret", "SECRET", "private", "Private", "PRIVATE", "oken",
                             "OKEN", "assword", "ASSWORD", "_KEY", "Key", "atabase", "ATABASE", "ONGODB",
                             "ongodb", "OSTGRES", "ostgres"}) {
    for (size_t at = b.find(k); at != std::string_view::npos; at = b.find(k, at + 1)) {
      if (NameGivenAString(b, at + k.size())) return "string given a secret-named identifier in client code";
    }
  }
  return "";
}

}  // namespace keylint
