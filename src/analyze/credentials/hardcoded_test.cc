#include "analyze/credentials/hardcoded.h"

#include "analyze/credentials/in_file.h"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "classify/classify.h"
#include "builtin_knowledge.h"

namespace keylint {
namespace {

namespace fs = std::filesystem;

std::vector<Finding> Report(const std::string& path, const std::string& text, bool tracked = true,
                            FileFacts facts = {}) {
  Target t;
  t.path = path;
  t.bytes = text;
  t.tracked = tracked;
  if (path.find(".env") != std::string::npos) facts.kind = FileKind::kDotenv;
  LineIndex lines(t.bytes);
  FileAnalysis out;
  ReportHardcoded(t, facts, BuiltinKnowledge(), BuiltinScanner().Scan(t.bytes), lines, &out);
  return out.findings;
}

const std::string kLive = "sk_live_51Hq8Zr2eZvKYlo2C9sd7Kf3mQpLx0aTbW4";
const std::string kTest = "sk_test_51Hq8Zr2eZvKYlo2C9sd7Kf3mQpLx0aTbW4";

TEST(ReportHardcoded, LiveSecretIsAnErrorWithMaskedMessage) {
  auto fs = Report("server/billing.py", "import stripe\nstripe.api_key = \"" + kLive + "\"\n");
  ASSERT_EQ(fs.size(), 1u);
  const Finding& f = fs[0];
  EXPECT_EQ(f.rule_id, "hardcoded/stripe-secret-key");
  EXPECT_EQ(f.level, Level::kError);
  EXPECT_EQ(f.location.line, 2);
  EXPECT_EQ(f.location.column, 19);
  EXPECT_EQ(f.message.find(kLive), std::string::npos);
  EXPECT_NE(f.message.find("sk_live_…TbW4"), std::string::npos) << f.message;
  EXPECT_NE(f.message.find("(prod)"), std::string::npos) << f.message;
  EXPECT_EQ(f.properties.at("provider"), "stripe");
  EXPECT_EQ(f.properties.at("stage"), "prod");
  EXPECT_EQ(f.properties.at("exposure"), "secret");
  EXPECT_EQ(f.secret_hash, Secret(kLive).hash());
}

TEST(ReportHardcoded, TestKeyIsAWarningAndSilentInTestsAndDocs) {
  auto fs = Report("server/billing.py", "KEY = \"" + kTest + "\"\n");
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].level, Level::kWarning);
  FileFacts test_file;
  test_file.is_test = true;
  EXPECT_TRUE(Report("tests/billing_test.py", "KEY = \"" + kTest + "\"\n", true, test_file).empty());
  FileFacts docs;
  docs.is_docs = true;
  EXPECT_TRUE(Report("README.md", "KEY = \"" + kTest + "\"\n", true, docs).empty());
  EXPECT_EQ(Report("README.md", "KEY = \"" + kLive + "\"\n", true, docs).size(), 1u);
}

TEST(ReportHardcoded, PublicKeysAndUntrackedDotenvYieldNothing) {
  EXPECT_TRUE(Report("server/billing.py", "PK = \"pk_live_51Hq8Zr2eZvKYlo2C9sd7Kf3mQpLx0aTbW4\"\n").empty());
  EXPECT_TRUE(Report(".env", "STRIPE_SECRET_KEY=" + kLive + "\n", /*tracked=*/false).empty());
  EXPECT_EQ(Report(".env", "STRIPE_SECRET_KEY=" + kLive + "\n", /*tracked=*/true).size(), 1u);
}

TEST(ReportHardcoded, DisabledRuleIsSilent) {
  Knowledge k = BuiltinKnowledge();
  for (RuleInfo& r : k.rules) {
    if (r.id == "hardcoded/stripe-secret-key") r.enabled = false;
  }
  Target t;
  t.path = "server/billing.py";
  t.bytes = "KEY = \"" + kLive + "\"\n";
  LineIndex lines(t.bytes);
  FileAnalysis out;
  ReportHardcoded(t, FileFacts{}, k, BuiltinScanner().Scan(t.bytes), lines, &out);
  EXPECT_TRUE(out.findings.empty());
}

// The hardcoded/ lines of every fixtures/hardcoded/ expected.txt, checked without the CLI: each
// file is classified, scanned and reported as the pipeline does, minus the cross-family merge
// (so other families' fixtures are left to the e2e test, which runs the real binary).
TEST(HardcodedFixtures, MatchExpected) {
  fs::path root = fs::path(KEYLINT_SOURCE_DIR) / "fixtures" / "hardcoded";
  size_t checked = 0;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file() || e.path().filename() != "expected.txt") continue;
    fs::path dir = e.path().parent_path();
    std::set<std::string> expected, got, untracked;
    std::ifstream in(e.path());
    for (std::string line; std::getline(in, line);) {
      if (line.find(" hardcoded/") != std::string::npos && line[0] != '#') expected.insert(line);
    }
    if (fs::exists(dir / "untracked.txt")) {
      std::ifstream u(dir / "untracked.txt");
      for (std::string line; std::getline(u, line);) untracked.insert(line);
    }
    ProjectLayout layout;
    for (const auto& f : fs::recursive_directory_iterator(dir)) {
      if (!f.is_regular_file()) continue;
      std::string rel = fs::relative(f.path(), dir).generic_string();
      if (rel == "expected.txt" || rel == "untracked.txt" || rel == "scan-args.txt") continue;
      std::ifstream fin(f.path(), std::ios::binary);
      std::ostringstream s;
      s << fin.rdbuf();
      Target t;
      t.path = rel;
      t.bytes = s.str();
      t.tracked = !untracked.count(rel);
      FileFacts facts = Classify(t, BuiltinKnowledge(), layout);
      LineIndex lines(t.bytes);
      FileAnalysis out;
      ReportHardcoded(t, facts, BuiltinKnowledge(), CredentialsInFile(t, facts, BuiltinScanner()), lines,
                      &out);
      for (const Finding& fd : out.findings) {
        got.insert(fd.location.path + ":" + std::to_string(fd.location.line) + ": " +
                   LevelName(fd.level) + " " + fd.rule_id);
      }
    }
    EXPECT_EQ(got, expected) << fs::relative(dir, root);
    ++checked;
  }
  EXPECT_GT(checked, 200u);
}

}  // namespace
}  // namespace keylint
