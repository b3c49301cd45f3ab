// The fuzz targets' bodies, one function per target: each takes any bytes, runs one part of
// keylint over them and aborts when an invariant breaks (libFuzzer keeps the input as a crash).
// Header-only so that tests/fuzz_regressions_test.cc replays the same bodies over the inputs that
// once crashed (fuzz/regressions/<target>/) in every build, sanitized or not.
#ifndef KEYLINT_FUZZ_TARGETS_H_
#define KEYLINT_FUZZ_TARGETS_H_

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/analyze_file.h"
#include "analyze/credentials/engine.h"
#include "analyze/env/dotenv_parser.h"
#include "classify/classify.h"
#include "core/text.h"
#include "knowledge/knowledge.h"
#include "policy/policy.h"

namespace keylint::fuzz {

inline const Knowledge& Builtin() {
  static const Knowledge* k = [] {
    Result<Knowledge> r = LoadKnowledge("", "");
    if (!r.ok()) std::abort();
    return new Knowledge(std::move(r).value());
  }();
  return *k;
}

inline const CredentialScanner& Scanner() {
  static const CredentialScanner* s = new CredentialScanner(Builtin());
  return *s;
}

// Analyses `bytes` as the file at `path`, as a scan would: every finding must point into the
// file and carry a fingerprint.
inline void AnalyzeAs(const std::string& path, std::string_view bytes) {
  static FileAnalyzer* analyzer = new FileAnalyzer(Builtin(), Scanner());
  static const ProjectLayout* layout = new ProjectLayout();
  Target t;
  t.path = path;
  t.bytes = std::string(bytes);
  t.tracked = true;
  FileFacts facts = Classify(t, Builtin(), *layout);
  FileAnalysis a = analyzer->Analyze(t, facts);
  LineIndex lines(t.bytes);
  for (const Finding& f : a.findings) {
    if (f.location.path != path || f.location.line < 1 || f.location.line > lines.line_count() ||
        f.fingerprint.size() != 16) {
      std::abort();
    }
  }
}

// The dotenv parser (every entry and problem inside the text), then an env file's analysis.
inline void Dotenv(std::string_view text) {
  DotenvFile file = ParseDotenv(text);
  for (const DotenvEntry& e : file.entries) {
    if (e.key_begin > e.key_end || e.key_end > text.size() || e.value_begin > e.value_end ||
        e.value_end > text.size()) {
      std::abort();
    }
  }
  for (const DotenvProblem& p : file.problems) {
    if (p.begin > p.end || p.end > text.size()) std::abort();
  }
  AnalyzeAs(".env.production", text);
}

// The YAML tree and the CI checks, as a GitHub workflow or GitLab CI file (the first byte picks).
inline void Ci(std::string_view data) {
  if (data.empty()) return;
  AnalyzeAs(data[0] & 1 ? ".gitlab-ci.yml" : ".github/workflows/ci.yml", data.substr(1));
}

// The JavaScript analyzer through the tree-sitter grammars. The first byte picks the dialect
// and whether the text gets a reason to be parsed (the gate parses only files that give one).
inline void Js(std::string_view data) {
  if (data.empty()) return;
  static const char* const kPaths[] = {"app/page.js", "src/App.tsx", "server/api.ts",
                                       "src/components/Widget.vue"};
  std::string text(data.substr(1));
  if (data[0] & 4) text = "'use client'\nconst k = process.env.STRIPE_SECRET_KEY;\n" + text;
  AnalyzeAs(kPaths[data[0] & 3], text);
}

// The credential engine: the fast path (keyword prefilter, searches in windows around the
// keywords) finds exactly what the slow path (every rule over the whole text) finds.
inline void Credentials(std::string_view text) {
  auto spans = [](const std::vector<CredentialMatch>& ms) {
    std::vector<std::string> out;
    for (const CredentialMatch& m : ms) {
      out.push_back(m.rule->id + "@" + std::to_string(m.begin) + "-" + std::to_string(m.end));
    }
    return out;
  };
  std::vector<CredentialMatch> fast = Scanner().Scan(text);
  for (const CredentialMatch& m : fast) {
    if (m.begin >= m.end || m.end > text.size()) std::abort();
  }
  if (spans(fast) != spans(Scanner().ScanWithoutPrefilter(text))) std::abort();
}

// The user config loader: any text is loaded or rejected with an error that names the file; a
// loaded config compiles into a scanner that runs.
inline void Config(std::string_view text) {
  Result<Knowledge> k = LoadKnowledge(text, ".keylint.toml");
  if (!k.ok()) {
    if (k.error().origin != ".keylint.toml") std::abort();
    return;
  }
  CredentialScanner scanner(k.value());
  scanner.Scan("api_key = \"0123456789abcdefABCDEF\"\nsecret: zzzz\n");
}

// The baseline and .keylintignore loaders: parsed or rejected, nothing else.
inline void Baseline(std::string_view text) {
  Result<keylint::Baseline> b = ParseBaseline(text, "keylint.baseline");
  if (!b.ok() && b.error().origin != "keylint.baseline") std::abort();
  ParseIgnoreFile(text);
}

}  // namespace keylint::fuzz

#endif  // KEYLINT_FUZZ_TARGETS_H_
