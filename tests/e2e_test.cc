// End-to-end: the real binary over every fixture repository under fixtures/ (each folder with an
// expected.txt), made into a real git repository in a temp dir. See fixtures/README.md.
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "knowledge/knowledge.h"
#include "test_support.h"

namespace keylint::testing {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kHarnessFiles = {"expected.txt", "untracked.txt", "scan-args.txt"};

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty() && line[0] != '#') out.push_back(line);
  }
  return out;
}

// Fixture folders relative to fixtures/, sorted.
std::vector<std::string> FixtureDirs() {
  std::vector<std::string> out;
  fs::path root = fs::path(SourceDir()) / "fixtures";
  if (!fs::exists(root)) return out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file() && e.path().filename() == "expected.txt") {
      out.push_back(fs::relative(e.path().parent_path(), root).generic_string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// A fixture copied into a temp dir and committed as a git repository.
struct FixtureRepo {
  explicit FixtureRepo(const std::string& name) : source(fs::path(SourceDir()) / "fixtures" / name) {
    repo = tmp.path() + "/repo";
    CopyTree(source.string(), repo, kHarnessFiles);
    std::vector<std::string> untracked;
    if (fs::exists(source / "untracked.txt")) untracked = Lines(ReadFile(source / "untracked.txt"));
    setup_error = MakeGitRepo(repo, untracked);
    if (fs::exists(source / "scan-args.txt")) {
      auto lines = Lines(ReadFile(source / "scan-args.txt"));
      if (!lines.empty()) extra_args = " " + lines[0];
    }
  }
  CommandResult Scan(const std::string& format) const {
    return RunCommand(ShellQuote(KeylintBinary()) + " scan --format " + format + extra_args + " .", repo);
  }

  fs::path source;
  TempDir tmp;
  std::string repo;
  std::string setup_error;
  std::string extra_args;
};

// Tokens on the flagged lines that look like secrets: 16+ characters of a credential alphabet,
// with a digit. None may appear verbatim in any output.
std::set<std::string> PlantedSecrets(const FixtureRepo& fx, const std::set<std::string>& expected) {
  std::set<std::string> out;
  static const std::regex token("[A-Za-z0-9_\\-\\.+/=$]{16,}");
  for (const std::string& e : expected) {
    std::string path = e.substr(0, e.find(':'));
    int line = std::stoi(e.substr(path.size() + 1));
    std::istringstream in(ReadFile(fs::path(fx.repo) / path));
    std::string text;
    for (int i = 0; i < line && std::getline(in, text); ++i) {
    }
    for (std::sregex_iterator it(text.begin(), text.end(), token), end; it != end; ++it) {
      std::string t = it->str();
      if (std::any_of(t.begin(), t.end(), ::isdigit) && t.find('/') == std::string::npos) out.insert(t);
    }
  }
  return out;
}

class Fixture : public ::testing::TestWithParam<std::string> {};

TEST_P(Fixture, FindsExactlyWhatIsExpected) {
  FixtureRepo fx(GetParam());
  ASSERT_EQ(fx.setup_error, "");
  CommandResult r = fx.Scan("json");
  ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << "exit " << r.exit_code << "\n" << r.err;
  nlohmann::json report = nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  ASSERT_FALSE(report.is_discarded()) << r.out;

  std::set<std::string> found, expected;
  bool any_error = false;
  for (const auto& f : report["findings"]) {
    found.insert(f["path"].get<std::string>() + ":" + std::to_string(f["line"].get<int>()) + ": " +
                 f["level"].get<std::string>() + " " + f["rule_id"].get<std::string>());
    any_error = any_error || f["level"] == "error";
  }
  for (const std::string& line : Lines(ReadFile(fx.source / "expected.txt"))) {
    // A fixture file hidden from the project's own git (a fixture .gitignore) would vanish from
    // a clean checkout: fail on that, not on a confusing diff.
    std::string path = line.substr(0, line.find(':'));
    EXPECT_TRUE(fs::exists(fx.source / path)) << path << " listed but missing from the fixture";
    expected.insert(line);
  }
  EXPECT_EQ(found, expected) << "stderr:\n" << r.err;
  if (fx.extra_args.find("--fail-level") == std::string::npos) {
    EXPECT_EQ(r.exit_code, any_error ? 1 : 0);
  }

  // No output format may contain a planted secret.
  std::set<std::string> secrets = PlantedSecrets(fx, expected);
  for (const char* format : {"text", "sarif"}) {
    CommandResult other = fx.Scan(format);
    for (const std::string& s : secrets) {
      EXPECT_EQ(other.out.find(s), std::string::npos) << format << " output contains " << s;
      EXPECT_EQ(other.err.find(s), std::string::npos) << format << " stderr contains " << s;
    }
  }
  for (const std::string& s : secrets) EXPECT_EQ(r.out.find(s), std::string::npos) << "json contains " << s;
}

std::string TestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name;
  for (char c : info.param) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, Fixture, ::testing::ValuesIn(FixtureDirs()), TestName);

// Every rule has a positive and a negative fixture.
TEST(FixtureCoverage, EveryRuleHasPositiveAndNegativeFixtures) {
  Result<Knowledge> k = LoadKnowledge("", "");
  ASSERT_TRUE(k.ok()) << k.error().ToString();
  fs::path root = fs::path(SourceDir()) / "fixtures";
  for (const RuleInfo& rule : k.value().rules) {
    fs::path pos = root / rule.id / "positive" / "expected.txt";
    fs::path neg = root / rule.id / "negative" / "expected.txt";
    ASSERT_TRUE(fs::exists(pos)) << "missing " << pos;
    ASSERT_TRUE(fs::exists(neg)) << "missing " << neg;
    std::string needle = " " + rule.id;
    bool listed = false;
    for (const std::string& line : Lines(ReadFile(pos))) {
      listed = listed || (line.size() >= needle.size() && line.substr(line.size() - needle.size()) == needle);
    }
    EXPECT_TRUE(listed) << pos << " does not list " << rule.id;
    for (const std::string& line : Lines(ReadFile(neg))) {
      EXPECT_FALSE(line.size() >= needle.size() && line.substr(line.size() - needle.size()) == needle)
          << neg << " lists " << rule.id;
    }
  }
}

// The SARIF of every fixture passes the validator kept in tools/sarif-validate (schema + GitHub +
// GitLab rules). Sharded so that each part stays well inside the per-test timeout as fixtures grow;
// each shard validates its logs in one validator run.
constexpr int kSarifShards = 8;

class FixtureSarif : public ::testing::TestWithParam<int> {};

TEST_P(FixtureSarif, EveryFixtureSarifValidates) {
  TempDir out;
  std::string files;
  std::vector<std::string> dirs = FixtureDirs();
  for (size_t i = GetParam(); i < dirs.size(); i += kSarifShards) {
    FixtureRepo fx(dirs[i]);
    ASSERT_EQ(fx.setup_error, "");
    CommandResult r = fx.Scan("sarif");
    ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << dirs[i] << ": " << r.err;
    std::string file = out.path() + "/" + std::to_string(i) + ".sarif";
    std::ofstream(file) << r.out;
    files += " " + ShellQuote(file);
  }
  if (files.empty()) GTEST_SKIP() << "no fixtures in this shard";
  CommandResult v = RunCommand("bash " + ShellQuote(KEYLINT_SARIF_VALIDATOR) + files, out.path());
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
}

INSTANTIATE_TEST_SUITE_P(Shards, FixtureSarif, ::testing::Range(0, kSarifShards));

}  // namespace
}  // namespace keylint::testing
