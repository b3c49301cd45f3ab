// Hostile repositories: keylint runs on pull requests from strangers, so every byte it reads is
// untrusted. Each case plants one bad thing next to a good file holding a live key, and checks
// what the user sees: the exit code, the message (file and line where there is one), and that
// the good file's finding is still reported. Nothing may crash, hang or vanish without a word.
#include <sys/stat.h>
#include <sys/types.h>
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
    // Whether the parse finished in time depends on the machine; that it does not crash is
    // TreeSitterRuntime.NodesWithOver65536ChildrenAreFine.
  }
}

TEST(Hostile, SeventyThousandCommentsInARowInValidJs) {
  HostileRepo repo;
  repo.dir.Write("app/page.js", kClientStripe + "x = 1;\n" + Lines("//c\n", 70000) + "y = 2;\n");
  ASSERT_EQ(repo.Commit(), "");
  CommandResult r = RunCommand(Keylint("scan"), repo.dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(Has(r.out, kGoodFinding)) << r.out;
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
                 "NEXT_PUBLIC_" + SecretName('3') + "_SECRET=Fq7Lw2Zx9Rk4Tn8Vb3Hs6Jd1\n" +          // public prefix
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

// ---- 4. Files that cannot be read are named, and never cost the rest of the report.

// Runs `command` without root's power to read anything (a user namespace maps us to nobody),
// so that mode 000 means unreadable even when the tests run as root. The repository is made
// world-readable for it.
CommandResult RunUnprivileged(const std::string& command, const HostileRepo& repo) {
  RunCommand("chmod -R o+rX . && chmod o+rx " + ShellQuote(repo.dir.path()), repo.dir.path());
  std::string prefix = ::geteuid() == 0 ? "unshare --user " : "";
  return RunCommand(prefix + command, repo.dir.path());
}

TEST(Hostile, FoldersNestedDeeperThanGitStatusGoesAreWalked) {
  HostileRepo repo;
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += "d" + std::to_string(i) + "/";
  repo.dir.Write(deep + "config.py", "STRIPE = \"" + kStripeLive + "\"\n");
  ASSERT_EQ(repo.Commit({deep + "config.py"}), "");
  CommandResult r = RunCommand(Keylint("scan"), repo.dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(Has(r.out, kGoodFinding)) << r.out;
  EXPECT_TRUE(Has(r.out, deep + "config.py:1:")) << r.out;
  EXPECT_TRUE(Has(r.out, "warning: git status failed (directory nesting too deep")) << r.out;
}

TEST(Hostile, UnreadableFilesFoldersAndFifosAreNotifications) {
  // As root, permissions hold only inside a user namespace; some machines (a chroot, a locked-down
  // container) allow none.
  if (::geteuid() == 0 && RunCommand("unshare --user true", ".").exit_code != 0) {
    GTEST_SKIP() << "root without user namespaces: file permissions cannot be made to apply";
  }
  HostileRepo repo;
  repo.dir.Write("locked.py", "x = 1\n");
  repo.dir.Write("private/notes.txt", "x\n");
  ASSERT_EQ(repo.Commit({"private/notes.txt"}), "");
  ASSERT_EQ(::mkfifo(repo.Path("pipe").c_str(), 0644), 0);
  CommandResult prep = RunCommand("chmod -R o+rX . && chmod 000 locked.py private", repo.dir.path());
  ASSERT_EQ(prep.exit_code, 0);
  CommandResult r = RunUnprivileged(Keylint("scan"), repo);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(Has(r.out, kGoodFinding)) << r.out << r.err;
  EXPECT_TRUE(Has(r.out, "locked.py: warning: not scanned: permission denied")) << r.out;
  EXPECT_TRUE(Has(r.out, "private/: warning: cannot list directory")) << r.out;
  EXPECT_TRUE(Has(r.out, "pipe: warning: not scanned: not a regular file")) << r.out;
  RunCommand("chmod 755 private && chmod 644 locked.py", repo.dir.path());
}

// ---- 5. Files that steer the scan are read only when regular, small and inside the repository.

TEST(Hostile, ControlFilesThatCannotEndAreRefusedNotHungOn) {
  TempDir outside;
  outside.Write("shared.toml", "format = 1\n");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {".keylint.toml", "/dev/zero"},
      {".keylintignore", "/dev/zero"},
      {".keylint.toml", outside.path() + "/shared.toml"},
  };
  for (const auto& [name, target] : cases) {
    HostileRepo repo;
    fs::create_symlink(target, repo.Path(name));
    ASSERT_EQ(repo.Commit(), "");
    CommandResult r = RunCommand("timeout 60 " + Keylint("scan"), repo.dir.path());
    EXPECT_EQ(r.exit_code, 2) << name << " -> " << target << ": " << r.err;
    EXPECT_TRUE(Has(r.err, "keylint: error: " + name + ": is a symlink to ")) << r.err;
    EXPECT_TRUE(Has(r.err, "outside the repository; keylint does not read it")) << r.err;
  }
  HostileRepo repo;
  ASSERT_EQ(::mkfifo(repo.Path(".keylintignore").c_str(), 0644), 0);
  ASSERT_EQ(::mkfifo(repo.Path("fifo").c_str(), 0644), 0);
  ASSERT_EQ(repo.Commit(), "");
  CommandResult r = RunCommand("timeout 60 " + Keylint("scan"), repo.dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(Has(r.err, "keylint: error: .keylintignore: cannot read: not a regular file")) << r.err;
  for (const char* option : {"--config", "--baseline"}) {
    HostileRepo other;
    ASSERT_EQ(::mkfifo(other.Path("fifo").c_str(), 0644), 0);
    CommandResult f = RunCommand("timeout 60 " + Keylint(std::string("scan ") + option + " fifo"), other.dir.path());
    EXPECT_EQ(f.exit_code, 2) << option << ": " << f.err;
    EXPECT_TRUE(Has(f.err, "keylint: error: fifo: cannot read: not a regular file")) << f.err;
  }
}

// ---- 6. A report that was not written never passes for one; -o never overwrites a scanned file.

TEST(Hostile, OutputNamingAScannedFileIsRefused) {
  HostileRepo repo;
  repo.dir.Write(".env.local", "STRIPE_SECRET_KEY=" + kStripeLive + "\n");
  repo.dir.Write(".gitignore", ".env.local\n");
  ASSERT_EQ(repo.Commit(), "");
  for (const std::string& args : {std::string("scan -o server/pay.py"), std::string("baseline -o .env.local"),
                                  std::string("scan -o ./server/../server/pay.py")}) {
    CommandResult r = RunCommand(Keylint(args), repo.dir.path());
    EXPECT_EQ(r.exit_code, 2) << args << ": " << r.err;
    EXPECT_TRUE(Has(r.err, "is a file this scan reads; refusing to overwrite it")) << r.err;
  }
  std::ifstream pay(repo.Path("server/pay.py"));
  std::string first;
  std::getline(pay, first);
  EXPECT_EQ(first, "import stripe");
  EXPECT_TRUE(Has(RunCommand("cat .env.local", repo.dir.path()).out, "STRIPE_SECRET_KEY="));
  // An earlier report in the tree is what -o is for: a second run rewrites it.
  for (const char* format : {"json", "sarif", "text"}) {
    EXPECT_EQ(RunCommand(Keylint(std::string("scan --format ") + format + " -o report.out"), repo.dir.path()).exit_code, 1);
    EXPECT_EQ(RunCommand(Keylint(std::string("scan --format ") + format + " -o report.out"), repo.dir.path()).exit_code, 1)
        << format;
  }
}

TEST(Hostile, UnwrittenReportsExitTwoWithTheReason) {
  HostileRepo repo;
  ASSERT_EQ(repo.Commit(), "");
  struct Case { std::string args, reason; };
  const std::vector<Case> cases = {
      {"scan -o /dev/full", "cannot write the report to /dev/full: No space left on device"},
      {"scan > /dev/full", "cannot write the report to stdout: No space left on device"},
      {"scan >&-", "cannot write the report to stdout: Bad file descriptor"},
      {"scan -o no/such/dir/report.txt", "cannot write the report to no/such/dir/report.txt: No such file or directory"},
      {"baseline -o /dev/full", "cannot write the report to /dev/full: No space left on device"},
  };
  for (const Case& c : cases) {
    CommandResult r = RunCommand(Keylint(c.args), repo.dir.path());
    EXPECT_EQ(r.exit_code, 2) << c.args << ": " << r.err;
    EXPECT_TRUE(Has(r.err, c.reason)) << c.args << ": " << r.err;
  }
}

// ---- 7. Bad input is an error that names the file and line, never silently accepted.

TEST(Hostile, BadInputIsAClearErrorWithFileAndLine) {
  struct Case { std::string file, content, args, message; };
  const std::vector<Case> cases = {
      {".keylint.toml",
       "format = 1\n\n[[credential]]\nid = \"stripe-secret-key\"\nprovider = \"me\"\ndescription = \"d\"\n"
       "regex = 'sk_[a-z]{9}'\nkeywords = [\"sk_\"]\n",
       "scan", ".keylint.toml:4: credential id 'stripe-secret-key' is taken"},
      {".keylint.toml",
       "format = 1\n[[credential]]\nid = \"acme\"\nprovider = \"a\"\ndescription = \"d\"\n"
       "regex = 'acme_(?<x>[a-z]+)'\nkeywords = [\"acme_\"]\n",
       "scan", ".keylint.toml:6: invalid regex"},
      {"base.txt", "0123456789abcdef hardcoded/stripe-secret-key server/pay.py\n", "scan --baseline base.txt",
       "base.txt:1: not a keylint baseline"},
      {"base.txt", "# keylint baseline v2\n0123456789abcdef hardcoded/stripe-secret-key\n",
       "scan --baseline base.txt", "base.txt:2: not a baseline line (expected 'fingerprint rule-id path')"},
      {"base.txt", "# keylint baseline v1\n0123456789abcdef hardcoded/stripe-secret-key server/pay.py\n",
       "scan --baseline base.txt", "base.txt:1: a v1 baseline"},
      {"conf/x", "", "scan --config conf", "conf: cannot read: is a directory"},
      {"conf/x", "", "scan --baseline conf", "conf: cannot read: is a directory"},
      {"README.md", "# x\n", "scan --diff ''", "--diff: '' names no base"},
  };
  for (const Case& c : cases) {
    HostileRepo repo;
    repo.dir.Write(c.file, c.content);
    ASSERT_EQ(repo.Commit(), "");
    CommandResult r = RunCommand(Keylint(c.args), repo.dir.path());
    EXPECT_EQ(r.exit_code, 2) << c.args << ": " << r.err << r.out;
    EXPECT_TRUE(Has(r.err, "keylint: error: " + c.message)) << c.args << ": " << r.err;
  }
}

// ---- 8. UTF-16 files (a BOM, as Windows editors write them) are decoded and scanned.

std::string Utf16(const std::string& ascii, bool little_endian) {
  std::string out = little_endian ? std::string("\xFF\xFE") : std::string("\xFE\xFF");
  for (char c : ascii) {
    out += little_endian ? std::string{c, '\0'} : std::string{'\0', c};
  }
  return out;
}

TEST(Hostile, Utf16EnvFilesAreScannedWithTheirLineNumbers) {
  for (bool le : {true, false}) {
    HostileRepo repo;
    repo.dir.Write(".env.production", Utf16("# written on Windows\r\nAPP=demo\r\nSTRIPE_SECRET_KEY=" +
                                            kStripeLive + "\r\n", le));
    ASSERT_EQ(repo.Commit(), "");
    CommandResult r = RunCommand(Keylint("scan"), repo.dir.path());
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_TRUE(Has(r.out, kGoodFinding)) << r.out;
    EXPECT_TRUE(Has(r.out, ".env.production:3:")) << (le ? "LE: " : "BE: ") << r.out << r.err;
    EXPECT_FALSE(Has(r.out + r.err, "binary")) << r.out << r.err;
  }
}

}  // namespace
}  // namespace keylint::testing
