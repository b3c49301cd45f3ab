// Writes docs/rules/: one markdown page per built-in rule and the index, from the rules compiled
// into keylint (rules/*.toml). Run through scripts/rule-docs.sh after changing a rule; the test
// RuleDocs.CommittedPagesAreUpToDate fails until the committed pages match.
//   keylint-rule-docs REPO_ROOT
#include <filesystem>
#include <fstream>
#include <iostream>

#include "knowledge/knowledge.h"
#include "report/report.h"

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  if (argc != 2) {
    std::cerr << "usage: keylint-rule-docs REPO_ROOT\n";
    return 2;
  }
  keylint::Result<keylint::Knowledge> k = keylint::LoadKnowledge("", "");
  if (!k.ok()) {
    std::cerr << "keylint-rule-docs: " << k.error().ToString() << "\n";
    return 2;
  }
  const fs::path root = argv[1];
  const fs::path docs = root / "docs" / "rules";
  // Pages of rules that no longer exist must go: the folder is rewritten whole.
  std::error_code ec;
  fs::remove_all(docs, ec);
  size_t pages = 0;
  auto write = [](const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << text;
    return static_cast<bool>(out);
  };
  for (const keylint::RuleInfo& r : k.value().rules) {
    if (!r.builtin) continue;
    if (!write(root / keylint::RuleDocPath(r.id), keylint::RenderRulePage(r))) return 1;
    ++pages;
  }
  if (!write(docs / "README.md", keylint::RenderRuleIndex(k.value()))) return 1;
  std::cout << "keylint-rule-docs: wrote " << pages << " rule pages and the index in " << docs.string() << "\n";
  return 0;
}
