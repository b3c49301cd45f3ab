// Which side of the wire a JS/TS file runs on: client (shipped to browsers or apps), server, shared
// (both: server-rendered then hydrated) or unknown. Reads the path, the package's framework and
// the file's bytes (directives, import strings), never parses: one pass over the bytes at most.
//
// Order, first decision wins (each with a reason for --verbose):
//   0. test code is never browser code
//   1. directives ('use client' / 'use server' as first statements)
//   2. marker imports (import 'server-only' / 'client-only')
//   3. framework-independent path conventions (*.server.*, .client/, build configs)
//   4. the package's framework conventions (Next.js app/ vs pages/, SvelteKit +page.server.ts, ...)
//   5. imports of one-sided modules and SDKs (@nangohq/frontend -> client, @nangohq/node -> server)
//   6. fallback paths (*.vue, *.svelte), then the framework's default side (Express: server)
// A framework's conventions (4, 6) apply only to a package that is an app of it (its app_files:
// a Vite app has an index.html); a library merely built with Vite is left to the module graph.
// Server sides that bundlers enforce ('use server', 'server-only', boundary paths) are marked
// side_boundary. What is left unknown, or server by a mere convention (a Next.js app/ module), is
// decided after analysis by what client entries import (project/client_reach.h).
// All the knowledge is in rules/exposure.toml and rules/sdks.toml.
#include <optional>
#include <string_view>
#include <vector>

#include "classify/classify.h"
#include "classify/module_scan.h"
#include "classify/side_signals.h"
#include "core/text.h"
#include "knowledge/exposure_match.h"

namespace keylint {
namespace {

const PathConvention* FirstMatch(const std::vector<PathConvention>& paths, std::string_view rel) {
  for (const PathConvention& p : paths) {
    if (MatchGlob(p.glob, rel)) return &p;
  }
  return nullptr;
}

bool ModuleIn(const std::vector<std::string>& patterns, std::string_view spec) {
  for (const std::string& p : patterns) {
    if (ModuleMatches(p, spec)) return true;
  }
  return false;
}

void Decide(FileFacts* facts, Side side, std::string reason, bool boundary = false) {
  facts->side = side;
  facts->side_reason = std::move(reason);
  facts->side_boundary = boundary && side == Side::kServer;
}

// Whether the package is an app of `fw` (one of its app_files exists), so that the framework's
// path conventions describe it.
bool IsAppOf(const Framework& fw, const PackageInfo& pkg, const ProjectLayout& layout) {
  if (fw.app_files.empty()) return true;
  for (const std::string& f : fw.app_files) {
    if (layout.HasFile(pkg.dir.empty() ? f : pkg.dir + "/" + f)) return true;
  }
  return false;
}

}  // namespace

void ClassifySide(const Target& target, const Knowledge& knowledge, const ProjectLayout& layout,
                  FileFacts* facts, std::optional<ModuleScan>* module) {
  facts->side = Side::kUnknown;
  if (facts->kind != FileKind::kSource) {
    facts->side_reason = "not JavaScript or TypeScript source";
    return;
  }
  const PackageInfo* pkg = layout.PackageOf(target.path);
  const Framework* fw = pkg ? FrameworkFor(knowledge, pkg->dependencies) : nullptr;
  if (fw) facts->framework = fw->id;
  if (fw && !IsAppOf(*fw, *pkg, layout)) fw = nullptr;  // a library built with it
  std::string_view rel = target.path;
  if (pkg && !pkg->dir.empty()) rel.remove_prefix(pkg->dir.size() + 1);
  std::string_view bytes = target.bytes;
  bool component = IsSingleFileComponent(rel);
  // Comments and strings are skipped: `// import 'server-only'` in a comment marks nothing. A
  // minified file's imports are its bundled libraries': they say nothing about the file, and
  // finding them would cost a pass over a multi-megabyte bundle. The scan is the one the module
  // graph needs (with TypeScript's value uses), so a module's bytes are scanned once; a
  // component's is of its whole text here, of its script blocks there.
  std::optional<ModuleScan> local;
  std::optional<ModuleScan>& scan = module != nullptr && !component ? *module : local;
  if (!target.minified) {
    bool typescript = facts->language == Language::kTypeScript || facts->language == Language::kTsx;
    scan = ScanModule(bytes, {}, typescript && !component);
  }
  if (facts->is_test) return Decide(facts, Side::kServer, "test code (never shipped to browsers)");

  if (!component) {
    for (std::string_view directive : DirectivePrologue(bytes)) {
      for (const auto& [text, side] : knowledge.exposure.directives) {
        if (directive == text) return Decide(facts, side, "'" + text + "' directive", true);
      }
    }
  }
  std::vector<std::string_view> imports;
  if (scan) {
    for (const ScannedImport& imp : scan->imports) {
      if (!imp.type_only) imports.push_back(imp.module);
    }
  }
  for (std::string_view spec : imports) {
    for (const auto& [module, side] : knowledge.exposure.marker_imports) {
      if (spec == module) return Decide(facts, side, "imports '" + module + "'", true);
    }
  }
  if (const PathConvention* p = FirstMatch(knowledge.exposure.paths, rel)) {
    return Decide(facts, p->side, p->reason, p->boundary);
  }
  if (fw) {
    if (const PathConvention* p = FirstMatch(fw->paths, rel)) {
      return Decide(facts, p->side, p->reason, p->boundary);
    }
  }
  std::string_view client_signal, server_signal;
  for (std::string_view spec : imports) {
    const Sdk* sdk = SdkForModule(knowledge, spec);
    Side side = sdk ? sdk->side : Side::kUnknown;
    if (side == Side::kUnknown) {
      if (ModuleIn(knowledge.exposure.client_modules, spec)) side = Side::kClient;
      if (ModuleIn(knowledge.exposure.server_modules, spec)) side = Side::kServer;
    }
    if (side == Side::kClient && client_signal.empty()) client_signal = spec;
    if (side == Side::kServer && server_signal.empty()) server_signal = spec;
  }
  if (!client_signal.empty() && server_signal.empty()) {
    Decide(facts, Side::kClient, "imports browser module '" + std::string(client_signal) + "'");
    facts->side_from_imports = true;
    return;
  }
  if (!server_signal.empty() && client_signal.empty()) {
    Decide(facts, Side::kServer, "imports server module '" + std::string(server_signal) + "'");
    facts->side_from_imports = true;
    return;
  }
  if (const PathConvention* p = FirstMatch(knowledge.exposure.fallback_paths, rel)) {
    return Decide(facts, p->side, p->reason);
  }
  if (fw && fw->default_side != Side::kUnknown) {
    return Decide(facts, fw->default_side, fw->name + " package");
  }
  std::string why = "no rule decided";
  if (!client_signal.empty()) why += " (imports both browser and server modules)";
  else if (fw) why += " (" + fw->name + " module outside its conventions)";
  facts->side_reason = why;
}

}  // namespace keylint
