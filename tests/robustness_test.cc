// Bad input never crashes the analyzers: every fixture file, cut short and corrupted in
// deterministic ways, goes through the full per-file analysis as each kind of file.
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <gtest/gtest.h>

#include "analyze/analyze_file.h"
#include "classify/classify.h"
#include "core/text.h"
#include "test_support.h"

namespace keylint::testing {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> FixtureTexts() {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(SourceDir()) / "fixtures")) {
    if (!e.is_regular_file() || e.file_size() > 64 * 1024) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    out.push_back(s.str());
  }
  return out;
}

// Corruptions a truncated download, a bad merge or a binary blob would make.
std::vector<std::string> Mutants(const std::string& text, std::mt19937& rng) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  std::uniform_int_distribution<size_t> at(0, text.size() - 1);
  out.push_back(text.substr(0, at(rng)));                       // cut short
  std::string flipped = text;
  for (int i = 0; i < 8; ++i) flipped[at(rng)] = static_cast<char>(rng());  // random bytes
  out.push_back(flipped);
  std::string quotes = text;
  for (int i = 0; i < 4; ++i) quotes.insert(at(rng), i % 2 ? "\"" : "'`${");   // unbalanced
  out.push_back(quotes);
  out.push_back(std::string(2000, '{') + text + std::string(3, '\xff'));     // deep + invalid UTF-8
  return out;
}

TEST(Robustness, CorruptedInputsNeverCrashAnyAnalyzer) {
  Result<Knowledge> k = LoadKnowledge("", "");
  ASSERT_TRUE(k.ok());
  CredentialScanner credentials(k.value());
  FileAnalyzer analyzer(k.value(), credentials);
  ProjectLayout layout;
  // One path per kind of analysis: client JS, TSX, a dotenv file, a workflow, GitLab CI.
  const std::vector<std::string> paths = {"app/page.js", "src/App.tsx", ".env.local",
                                          ".github/workflows/ci.yml", ".gitlab-ci.yml"};
  std::mt19937 rng(20261128);
  size_t runs = 0;
  for (const std::string& text : FixtureTexts()) {
    for (const std::string& mutant : Mutants(text, rng)) {
      for (const std::string& path : paths) {
        Target t;
        t.path = path;
        t.bytes = "'use client'\n" + mutant;
        t.tracked = true;
        FileFacts facts = Classify(t, k.value(), layout);
        FileAnalysis a = analyzer.Analyze(t, facts);
        LineIndex lines(t.bytes);
        for (const Finding& f : a.findings) {
          EXPECT_GE(f.location.line, 1) << f.rule_id;
          EXPECT_LE(f.location.line, lines.line_count()) << f.rule_id;
        }
        ++runs;
      }
    }
  }
  EXPECT_GT(runs, 1000u);
}

}  // namespace
}  // namespace keylint::testing
