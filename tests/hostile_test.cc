// Hostile repositories: keylint runs on pull requests from strangers, so every byte it reads is
// untrusted. Each case plants one bad thing next to a good file holding a live key, and checks
// what the user sees: the exit code, the message (file and line where there is one), and that
// the good file's finding is still reported. Nothing may crash, hang or vanish without a word.
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace keylint::testing {
namespace {

namespace fs = std::filesystem;

// Built from pieces so that this source file holds no secret-shaped literal.
const std::string kStripeLive = std::string("sk_") + "live_" + "4fQ9zR2mX7vK1pL8sT3wY6bN";
const std::string kGoodFinding = "server/pay.py:2:";

std::string Keylint(const std::string& args) { return ShellQuote(KeylintBinary()) + " " + args; }

// A repository whose one good file holds a live key: its finding must survive every case.
struct HostileRepo {
  HostileRepo() { dir.Write("server/pay.py", "import stripe\nstripe.api_key = \"" + kStripeLive + "\"\n"); }
  std::string Commit(const std::vector<std::string>& untracked = {}) {
    return MakeGitRepo(dir.path(), untracked);
  }
  std::string Path(const std::string& rel) const { return dir.path() + "/" + rel; }
  TempDir dir;
};

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// ---- 1. Deep nesting must neither crash the parser nor lose the report.

// Lines of 100 characters, so the file is not skipped as minified.
std::string Lines(const std::string& unit, size_t count) {
  std::string line;
  while (line.size() + unit.size() <= 100) line += unit;
  size_t per_line = line.size() / unit.size();
  std::string out;
  for (size_t i = 0; i < count; i += per_line) out += line + "\n";
  return out;
}

const std::string kClientStripe =
    "'use client'\nimport Stripe from 'stripe';\nconst s = new Stripe(process.env.STRIPE_SECRET_KEY);\n";

TEST(Hostile, SeventyThousandUnclosedBracketsInParsedJs) {
  for (const char* unit : {"(", "[", "{a:", "!"}) {
    HostileRepo repo;
    repo.dir.Write("app/page.js", kClientStripe + "x = " + Lines(unit, 70000));
    ASSERT_EQ(repo.Commit(), "");
    CommandResult r = RunCommand(Keylint("scan"), repo.dir.path());
    EXPECT_EQ(r.exit_code, 1) << unit << ": " << r.err;
    EXPECT_TRUE(Has(r.out, kGoodFinding)) << unit << ": " << r.out;
    // The file was parsed: the client rule saw the secret option.
    EXPECT_TRUE(Has(r.out, "app/page.js:3:")) << unit << ": " << r.out;
  }
}

TEST(Hostile, SeventyThousandCommentsInARowInValidJs) {
  HostileRepo repo;
  repo.dir.Write("app/page.js", kClientStripe + "x = 1;\n" + Lines("//c\n", 70000) + "y = 2;\n");
  ASSERT_EQ(repo.Commit(), "");
  CommandResult r = RunCommand(Keylint("scan"), repo.dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(Has(r.out, kGoodFinding)) << r.out;
  EXPECT_TRUE(Has(r.out, "app/page.js:3:")) << r.out;
}

TEST(Hostile, DeepYamlFlowNestingIsNotParsedButSaidSo) {
  HostileRepo repo;
  repo.dir.Write(".github/workflows/ci.yml",
                 "on: push\njobs:\n  a:\n    runs-on: x\n    env:\n      K: " + Lines("[", 70000));
  ASSERT_EQ(repo.Commit(), "");
  CommandResult r = RunCommand(Keylint("scan"), repo.dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(Has(r.out, kGoodFinding)) << r.out;
  EXPECT_TRUE(Has(r.out, ".github/workflows/ci.yml: note: not parsed as YAML")) << r.out;
}

// ---- 2. A secret standing where a name goes is masked in every message of every format.

// Credential-shaped names, one per place they can be quoted, so a leak names its place.
std::string SecretName(char tag) { return std::string("sk_") + "live_" + "4fQ9zR2mX7vK1pL8sT3wY" + tag + "b"; }

TEST(Hostile, SecretsWhereNamesGoAreMaskedInEveryFormat) {
  HostileRepo repo;
  const std::string hex_key = std::string("xf2d4c1a") + "9b8e4d7fa6c51b2e3d4f5a6b";
  repo.dir.Write(".env.production",
                 SecretName('1') + "=one\n" + SecretName('1') + "=two\n" +      // duplicate key
                 SecretName('2') + " = three\n" +                               // space around =
                 "NEXT_PUBLIC_SECRET_" + SecretName('3') + "=four\n" +          // public prefix
                 hex_key + "=five\n");                                          // lower case key
  repo.dir.Write(".keylint.toml", "[rules.\"config/env-lowercase-key\"]\nenabled = true\n");
  repo.dir.Write(".github/workflows/ci.yml",
                 "on: pull_request_target\n"
                 "jobs:\n"
                 "  " + SecretName('4') + ":\n"                                   // job id
                 "    runs-on: ubuntu-latest\n"
                 "    steps:\n"
                 "      - uses: actions/checkout@v4\n"
                 "        with:\n"
                 "          ref: ${{ github.event.pull_request.head.sha }}\n"
                 "      - run: ./deploy.sh\n"
                 "        env:\n"
                 "          KEY: ${{ secrets.PROD_" + SecretName('5') + " }}\n");  // secret name
  ASSERT_EQ(repo.Commit(), "");
  for (const char* format : {"text", "json", "sarif"}) {
    CommandResult r = RunCommand(Keylint(std::string("scan --fail-level none --format ") + format), repo.dir.path());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    for (const char* rule : {"config/env-duplicate-key", "config/env-space-around-equals",
                                    "client/public-prefixed-secret", "config/env-lowercase-key",
                                    "stage/prod-secret-in-ci", "config/ci-untrusted-checkout"}) {
      EXPECT_TRUE(Has(r.out, rule)) << format << ": " << rule << " not reported\n" << r.out;
    }
    for (char tag : std::string("12345")) {
      EXPECT_FALSE(Has(r.out + r.err, SecretName(tag))) << format << ": name " << tag << " leaked\n" << r.out;
      // Not even the part after the provider marker.
      EXPECT_FALSE(Has(r.out + r.err, SecretName(tag).substr(8, 16))) << format << ": " << tag;
    }
    EXPECT_FALSE(Has(r.out + r.err, hex_key)) << format << "\n" << r.out;
    EXPECT_TRUE(Has(r.out, kGoodFinding) || format != std::string("text")) << r.out;
  }
}

TEST(Hostile, ConfigErrorsDoNotEchoSecrets) {
  const std::vector<std::string> configs = {
      // A user rule whose regex is a pasted key with a typo: RE2 quotes the pattern.
      "format = 1\n[[credential]]\nid = \"mine\"\ndescription = \"d\"\nkeywords = [\"sk_\"]\n"
      "regex = \"(" + SecretName('6') + "\"\n",
      // A key pasted where a setting's name goes.
      "format = 1\n[settings]\n" + SecretName('7') + " = 1\n",
  };
  for (const std::string& config : configs) {
    HostileRepo repo;
    repo.dir.Write(".keylint.toml", config);
    ASSERT_EQ(repo.Commit(), "");
    CommandResult r = RunCommand(Keylint("scan"), repo.dir.path());
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_TRUE(Has(r.err, ".keylint.toml:")) << r.err;
    EXPECT_FALSE(Has(r.err + r.out, SecretName('6'))) << r.err;
    EXPECT_FALSE(Has(r.err + r.out, SecretName('7'))) << r.err;
  }
}

}  // namespace
}  // namespace keylint::testing
