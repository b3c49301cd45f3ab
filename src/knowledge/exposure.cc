// [exposure], [[framework]]: how code and values reach the browser (rules/exposure.toml).
// [[sdk]], [sdk_env]: SDKs and secret env-var names (rules/sdks.toml).
// A user's .keylint.toml may use the same keys; what it lists is added to the built-in lists.
#include <algorithm>

#include "knowledge/exposure_match.h"
#include "knowledge/loaders.h"
#include "knowledge/toml_util.h"

namespace keylint {
namespace {

bool ParseSide(std::string_view s, Side* out) {
  if (s == "client") *out = Side::kClient;
  else if (s == "server") *out = Side::kServer;
  else if (s == "shared") *out = Side::kShared;
  else if (s == "unknown") *out = Side::kUnknown;
  else return false;
  return true;
}

Status ReadSide(const toml::table& t, std::string_view key, std::string_view origin, Side* out) {
  std::string s;
  if (Status st = ReadString(t, key, origin, &s); !st.ok()) return st;
  if (s.empty()) return {};
  if (!ParseSide(s, out)) {
    return ErrorAt(origin, *t.get(key), "'" + std::string(key) +
                                            "' must be client, server, shared or unknown");
  }
  return {};
}

// Reads a list of globs and expands their braces.
Status ReadGlobs(const toml::table& t, std::string_view key, std::string_view origin,
                 std::vector<std::string>* out) {
  std::vector<std::string> raw;
  if (Status s = ReadStrings(t, key, origin, &raw); !s.ok()) return s;
  for (const std::string& g : raw) {
    for (std::string& e : ExpandBraces(g)) out->push_back(std::move(e));
  }
  return {};
}

// `paths = [{ glob = "...", side = "server", why = "..." }, ...]`
Status ReadPaths(const toml::table& t, std::string_view key, std::string_view origin,
                 std::vector<PathConvention>* out) {
  const toml::node* node = t.get(key);
  if (!node) return {};
  const toml::array* arr = node->as_array();
  if (!arr) return ErrorAt(origin, *node, "'paths' must be an array of tables");
  for (const toml::node& item : *arr) {
    const toml::table* p = item.as_table();
    if (!p) return ErrorAt(origin, item, "'paths' entries must be tables {glob, side, why}");
    if (Status s = CheckKeys(*p, {"glob", "side", "why", "boundary"}, origin, "paths"); !s.ok()) return s;
    PathConvention c;
    std::string glob;
    if (Status s = ReadString(*p, "glob", origin, &glob, true); !s.ok()) return s;
    if (Status s = ReadSide(*p, "side", origin, &c.side); !s.ok()) return s;
    if (Status s = ReadString(*p, "why", origin, &c.reason, true); !s.ok()) return s;
    if (Status s = ReadBool(*p, "boundary", origin, &c.boundary); !s.ok()) return s;
    for (std::string& e : ExpandBraces(glob)) {
      c.glob = std::move(e);
      out->push_back(c);
    }
  }
  return {};
}

// `build_output = [{ glob = "dist/assets/**", frameworks = ["vite"], side = "client", why = "..." }]`
Status ReadBuildOutput(const toml::table& t, std::string_view origin,
                       std::vector<BuildOutput>* out) {
  const toml::node* node = t.get("build_output");
  if (!node) return {};
  const toml::array* arr = node->as_array();
  if (!arr) return ErrorAt(origin, *node, "'build_output' must be an array of tables");
  for (const toml::node& item : *arr) {
    const toml::table* p = item.as_table();
    if (!p) return ErrorAt(origin, item, "'build_output' entries must be tables {glob, frameworks, side, why}");
    if (Status s = CheckKeys(*p, {"glob", "frameworks", "side", "why"}, origin, "build_output"); !s.ok()) {
      return s;
    }
    BuildOutput b;
    std::string glob;
    if (Status s = ReadString(*p, "glob", origin, &glob, true); !s.ok()) return s;
    if (Status s = ReadStrings(*p, "frameworks", origin, &b.frameworks); !s.ok()) return s;
    if (Status s = ReadSide(*p, "side", origin, &b.side); !s.ok()) return s;
    if (b.side != Side::kClient && b.side != Side::kServer) {
      return ErrorAt(origin, *p, "build_output 'side' must be client or server");
    }
    if (Status s = ReadString(*p, "why", origin, &b.reason, true); !s.ok()) return s;
    for (std::string& e : ExpandBraces(glob)) {
      b.glob = std::move(e);
      out->push_back(b);
    }
  }
  return {};
}

// `{ "use client" = "client", ... }` -> (text, side) pairs.
Status ReadSideMap(const toml::table& t, std::string_view key, std::string_view origin,
                   std::vector<std::pair<std::string, Side>>* out) {
  const toml::node* node = t.get(key);
  if (!node) return {};
  const toml::table* m = node->as_table();
  if (!m) return ErrorAt(origin, *node, "'" + std::string(key) + "' must be a table of sides");
  for (const auto& [k, v] : *m) {
    Side side;
    if (!v.is_string() || !ParseSide(v.as_string()->get(), &side)) {
      return ErrorAt(origin, v, "'" + std::string(k.str()) + "' must map to client or server");
    }
    out->emplace_back(std::string(k.str()), side);
  }
  return {};
}

void AddPrefixes(const std::vector<std::string>& from, std::vector<std::string>* to) {
  for (const std::string& p : from) {
    if (std::find(to->begin(), to->end(), p) == to->end()) to->push_back(p);
  }
}

Status LoadExposureTable(const toml::table& t, std::string_view origin, Knowledge* k) {
  ExposureKnowledge& e = k->exposure;
  if (Status s = CheckKeys(t, {"public_prefixes", "directives", "marker_imports", "paths",
                               "fallback_paths", "build_output", "bundler", "server_modules",
                               "client_modules", "data_wrappers", "server_function_directives", "env_file_bundler",
                               "server_runtime_guards"},
                           origin, "[exposure]");
      !s.ok()) {
    return s;
  }
  std::vector<std::string> prefixes;
  for (Status s : {ReadStrings(t, "public_prefixes", origin, &prefixes),
                   ReadSideMap(t, "directives", origin, &e.directives),
                   ReadSideMap(t, "marker_imports", origin, &e.marker_imports),
                   ReadPaths(t, "paths", origin, &e.paths),
                   ReadPaths(t, "fallback_paths", origin, &e.fallback_paths),
                   ReadBuildOutput(t, origin, &e.build_output),
                   ReadStrings(t, "server_modules", origin, &e.server_modules),
                   ReadStrings(t, "client_modules", origin, &e.client_modules),
                   ReadStrings(t, "data_wrappers", origin, &e.data_wrappers),
                   ReadStrings(t, "server_function_directives", origin, &e.server_function_directives),
                   ReadStrings(t, "server_runtime_guards", origin, &e.server_runtime_guards)}) {
    if (!s.ok()) return s;
  }
  AddPrefixes(prefixes, &e.public_prefixes);
  if (const toml::node* node = t.get("bundler")) {
    const toml::array* arr = node->as_array();
    if (!arr) return ErrorAt(origin, *node, "'bundler' must be an array of tables ([[exposure.bundler]])");
    for (const toml::node& item : *arr) {
      const toml::table* b = item.as_table();
      if (!b) return ErrorAt(origin, item, "[[exposure.bundler]] entries must be tables");
      if (Status s = CheckKeys(*b, {"name", "files", "inline_properties", "inline_constructors"},
                               origin, "[[exposure.bundler]]");
          !s.ok()) {
        return s;
      }
      BundlerConfig c;
      for (Status s : {ReadString(*b, "name", origin, &c.name, true), ReadGlobs(*b, "files", origin, &c.files),
                       ReadStrings(*b, "inline_properties", origin, &c.inline_properties),
                       ReadStrings(*b, "inline_constructors", origin, &c.inline_constructors)}) {
        if (!s.ok()) return s;
      }
      e.bundlers.push_back(std::move(c));
    }
  }
  if (const toml::node* node = t.get("env_file_bundler")) {
    const toml::array* arr = node->as_array();
    if (!arr) return ErrorAt(origin, *node, "'env_file_bundler' must be an array of tables ([[exposure.env_file_bundler]])");
    for (const toml::node& item : *arr) {
      const toml::table* b = item.as_table();
      if (!b) return ErrorAt(origin, item, "[[exposure.env_file_bundler]] entries must be tables");
      if (Status s = CheckKeys(*b, {"name", "package", "files"}, origin, "[[exposure.env_file_bundler]]"); !s.ok()) {
        return s;
      }
      EnvFileBundler c;
      for (Status s : {ReadString(*b, "name", origin, &c.name, true), ReadString(*b, "package", origin, &c.package, true),
                       ReadGlobs(*b, "files", origin, &c.files)}) {
        if (!s.ok()) return s;
      }
      e.env_file_bundlers.push_back(std::move(c));
    }
  }
  return {};
}

Status LoadFramework(const toml::table& t, std::string_view origin, Knowledge* k) {
  if (Status s = CheckKeys(t, {"id", "name", "packages", "public_prefixes", "paths",
                               "server_exports", "default_side", "app_files", "aliases", "page_data",
                               "island_directives", "render_directives", "env_public_only"},
                           origin, "[[framework]]");
      !s.ok()) {
    return s;
  }
  Framework f;
  for (Status s : {ReadString(t, "id", origin, &f.id, true), ReadString(t, "name", origin, &f.name, true),
                   ReadStrings(t, "packages", origin, &f.packages),
                   ReadStrings(t, "public_prefixes", origin, &f.public_prefixes),
                   ReadPaths(t, "paths", origin, &f.paths),
                   ReadStrings(t, "server_exports", origin, &f.server_exports),
                   ReadSide(t, "default_side", origin, &f.default_side),
                   ReadStrings(t, "app_files", origin, &f.app_files),
                   ReadStrings(t, "island_directives", origin, &f.island_directives),
                   ReadStrings(t, "render_directives", origin, &f.render_directives),
                   ReadBool(t, "env_public_only", origin, &f.env_public_only)}) {
    if (!s.ok()) return s;
  }
  if (const toml::node* node = t.get("aliases")) {
    const toml::table* m = node->as_table();
    if (!m) return ErrorAt(origin, *node, "'aliases' must be a table of folders");
    for (const auto& [from, to] : *m) {
      if (!to.is_string()) return ErrorAt(origin, to, "'aliases' values must be folders");
      f.aliases.emplace_back(std::string(from.str()), to.as_string()->get());
    }
  }
  if (const toml::node* node = t.get("page_data")) {
    constexpr char kForm[] = "{export, property, files}, {call, argument, files} or {assign, files}";
    const toml::array* arr = node->as_array();
    if (!arr) return ErrorAt(origin, *node, std::string("'page_data' must be an array of tables ") + kForm);
    for (const toml::node& item : *arr) {
      const toml::table* p = item.as_table();
      if (!p) return ErrorAt(origin, item, std::string("'page_data' entries must be tables ") + kForm);
      if (Status s = CheckKeys(*p, {"export", "property", "call", "argument", "assign", "what", "files"}, origin,
                               "page_data");
          !s.ok()) {
        return s;
      }
      PageDataSink e;
      int64_t argument = 0;
      std::string exported, call, assign;
      for (Status s : {ReadString(*p, "export", origin, &exported), ReadString(*p, "call", origin, &call),
                       ReadString(*p, "assign", origin, &assign), ReadString(*p, "property", origin, &e.property),
                       ReadInt(*p, "argument", origin, &argument), ReadString(*p, "what", origin, &e.what),
                       ReadGlobs(*p, "files", origin, &e.files)}) {
        if (!s.ok()) return s;
      }
      if (exported.empty() + call.empty() + assign.empty() != 2) {
        return ErrorAt(origin, *p, "'page_data' entries name exactly one of 'export', 'call' and 'assign'");
      }
      if (!call.empty() && argument < 1) return ErrorAt(origin, *p, "'page_data' 'call' needs 'argument' (from 1)");
      e.kind = !exported.empty() ? PageDataSink::kExport : !call.empty() ? PageDataSink::kCall : PageDataSink::kAssign;
      e.name = !exported.empty() ? exported : !call.empty() ? call : assign;
      e.argument = static_cast<int>(argument);
      f.page_data.push_back(std::move(e));
    }
  }
  AddPrefixes(f.public_prefixes, &k->exposure.public_prefixes);
  k->exposure.frameworks.push_back(std::move(f));
  return {};
}

// [module_graph]: how specifiers resolve. `built_dirs = { dist = "src" }`.
Status LoadModuleGraph(const toml::table& t, std::string_view origin, Knowledge* k) {
  ModuleResolution& r = k->exposure.resolution;
  if (Status s = CheckKeys(t, {"extensions", "conditions", "entry_fields", "built_dirs",
                               "extension_manifest_keys"},
                           origin, "[module_graph]");
      !s.ok()) {
    return s;
  }
  for (Status s : {ReadStrings(t, "extensions", origin, &r.extensions),
                   ReadStrings(t, "conditions", origin, &r.conditions),
                   ReadStrings(t, "entry_fields", origin, &r.entry_fields),
                   ReadStrings(t, "extension_manifest_keys", origin, &r.extension_manifest_keys)}) {
    if (!s.ok()) return s;
  }
  if (const toml::node* node = t.get("built_dirs")) {
    const toml::table* m = node->as_table();
    if (!m) return ErrorAt(origin, *node, "'built_dirs' must be a table of folder names");
    for (const auto& [from, to] : *m) {
      if (!to.is_string()) return ErrorAt(origin, to, "'built_dirs' values must be folder names");
      r.built_dirs.emplace_back(std::string(from.str()), to.as_string()->get());
    }
  }
  return {};
}

Status LoadSdk(const toml::table& t, std::string_view origin, Knowledge* k) {
  if (Status s = CheckKeys(t, {"provider", "packages", "side", "classes", "secret_options",
                               "secret_positional", "server_methods", "deprecated_options",
                               "deprecated_message"},
                           origin, "[[sdk]]");
      !s.ok()) {
    return s;
  }
  Sdk sdk;
  for (Status s : {ReadString(t, "provider", origin, &sdk.provider, true),
                   ReadStrings(t, "packages", origin, &sdk.packages),
                   ReadSide(t, "side", origin, &sdk.side),
                   ReadStrings(t, "classes", origin, &sdk.classes),
                   ReadStrings(t, "secret_options", origin, &sdk.secret_options),
                   ReadBool(t, "secret_positional", origin, &sdk.secret_positional),
                   ReadStrings(t, "server_methods", origin, &sdk.server_methods),
                   ReadStrings(t, "deprecated_options", origin, &sdk.deprecated_options),
                   ReadString(t, "deprecated_message", origin, &sdk.deprecated_message)}) {
    if (!s.ok()) return s;
  }
  if (sdk.packages.empty()) return ErrorAt(origin, t, "[[sdk]] needs at least one package");
  k->sdks.sdks.push_back(std::move(sdk));
  return {};
}

// Calls `load` on each table of the array of tables root[key].
template <typename F>
Status ForEachTable(const toml::table& root, std::string_view key, std::string_view origin, F load) {
  const toml::node* node = root.get(key);
  if (!node) return {};
  const toml::array* arr = node->as_array();
  if (!arr) return ErrorAt(origin, *node, "'" + std::string(key) + "' must be an array of tables ([[" +
                                              std::string(key) + "]])");
  for (const toml::node& item : *arr) {
    if (!item.is_table()) return ErrorAt(origin, item, "[[" + std::string(key) + "]] entries must be tables");
    if (Status s = load(*item.as_table()); !s.ok()) return s;
  }
  return {};
}

}  // namespace

Status LoadExposure(const toml::table& root, std::string_view origin, bool /*user*/, Knowledge* k) {
  if (const toml::node* node = root.get("exposure")) {
    const toml::table* t = node->as_table();
    if (!t) return ErrorAt(origin, *node, "[exposure] must be a table");
    if (Status s = LoadExposureTable(*t, origin, k); !s.ok()) return s;
  }
  if (const toml::node* node = root.get("module_graph")) {
    const toml::table* t = node->as_table();
    if (!t) return ErrorAt(origin, *node, "[module_graph] must be a table");
    if (Status s = LoadModuleGraph(*t, origin, k); !s.ok()) return s;
  }
  if (Status s = ForEachTable(root, "framework", origin,
                              [&](const toml::table& t) { return LoadFramework(t, origin, k); });
      !s.ok()) {
    return s;
  }
  if (Status s = ForEachTable(root, "sdk", origin,
                              [&](const toml::table& t) { return LoadSdk(t, origin, k); });
      !s.ok()) {
    return s;
  }
  if (const toml::node* node = root.get("sdk_env")) {
    const toml::table* t = node->as_table();
    if (!t) return ErrorAt(origin, *node, "[sdk_env] must be a table");
    if (Status s = CheckKeys(*t, {"secret", "public"}, origin, "[sdk_env]"); !s.ok()) return s;
    if (Status s = ReadGlobs(*t, "secret", origin, &k->sdks.secret_env_patterns); !s.ok()) return s;
    if (Status s = ReadGlobs(*t, "public", origin, &k->sdks.public_env_patterns); !s.ok()) return s;
  }
  return {};
}

}  // namespace keylint
