// Reports for CI and editors, through the real binary on real repositories: every --format with
// its sibling SARIF (--sarif) validated, GitLab's reports checked against GitLab's schema, output
// files whose extension contradicts --format, --version, and the terminal niceties (colour,
// progress line, --quiet) under a real pseudo-terminal (script(1)).
#include <filesystem>
#include <regex>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "report/report.h"
#include "test_support.h"

namespace keylint::testing {
namespace {

namespace fs = std::filesystem;

// Built from pieces so that this source file holds no secret-shaped literal.
const std::string kStripeLive = std::string("sk_") + "live_" + "4fQ9zR2mX7vK1pL8sT3wY6bN";

std::string Keylint(const std::string& args) { return ShellQuote(KeylintBinary()) + " " + args; }

// A repository with a remote (its URL carries a token, which must never reach a report) and one
// hardcoded live key.
struct Repo {
  Repo() {
    dir.Write("server/pay.py", "import stripe\nstripe.api_key = \"" + kStripeLive + "\"\n");
    dir.Write("README.md", "# demo\n");
    setup = MakeGitRepo(dir.path());
    if (setup.empty()) {
      RunCommand("git remote add origin https://ci-user:glpat-notarealtoken1234@gitlab.example.com/acme/app.git",
                 dir.path());
    }
  }
  std::string Path(const std::string& rel) const { return dir.path() + "/" + rel; }
  TempDir dir;
  std::string setup;
};

struct FormatCase {
  const char* format;
  const char* file;
};

TEST(CiOutput, EveryFormatWithItsSiblingSarif) {
  Repo repo;
  ASSERT_EQ(repo.setup, "");
  const FormatCase cases[] = {{"text", "out.txt"},
                              {"json", "out.json"},
                              {"sarif", "out.sarif"},
                              {"github", "out.log"},
                              {"gitlab-secret-detection", "gl-secret-detection-report.json"},
                              {"gitlab-codequality", "gl-code-quality-report.json"},
                              {"junit", "junit.xml"}};
  for (const FormatCase& c : cases) {
    SCOPED_TRACE(c.format);
    const std::string sibling = std::string("sibling-") + c.format + ".sarif";
    CommandResult r = RunCommand(Keylint(std::string("scan --format ") + c.format + " -o " + c.file +
                                         " --sarif " + sibling + " server"),
                                 repo.dir.path());
    EXPECT_EQ(r.exit_code, 1) << r.err;
    const std::string out = ReadFile(repo.Path(c.file));
    ASSERT_FALSE(out.empty());
    EXPECT_EQ(out.find(kStripeLive), std::string::npos);
    EXPECT_EQ(out.find("glpat-"), std::string::npos) << "a remote URL's token reached the report";
    CommandResult v = ValidateSarif(repo.Path(sibling));
    EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
    EXPECT_EQ(ReadFile(repo.Path(sibling)).find(kStripeLive), std::string::npos);
  }
  // Each format's own shape.
  EXPECT_NE(ReadFile(repo.Path("out.log"))
                .find("::error file=server/pay.py,line=2,col=19,endColumn=51,title=keylint hardcoded/stripe-secret-key::"),
            std::string::npos)
      << ReadFile(repo.Path("out.log"));
  CommandResult gl = ValidateGitlab("secret-detection", repo.Path("gl-secret-detection-report.json"));
  EXPECT_EQ(gl.exit_code, 0) << gl.out << gl.err;
  nlohmann::json report = nlohmann::json::parse(ReadFile(repo.Path("gl-secret-detection-report.json")));
  ASSERT_EQ(report["vulnerabilities"].size(), 1u);
  const nlohmann::json& v = report["vulnerabilities"][0];
  EXPECT_EQ(v["identifiers"][0]["value"], "hardcoded/stripe-secret-key");
  EXPECT_EQ(v["location"]["file"], "server/pay.py");
  EXPECT_EQ(v["location"]["commit"]["sha"],
            RunCommand("git rev-parse HEAD", repo.dir.path()).out.substr(0, 40));
  CommandResult cq = ValidateGitlab("codequality", repo.Path("gl-code-quality-report.json"));
  EXPECT_EQ(cq.exit_code, 0) << cq.out << cq.err;
  CommandResult xml = RunCommand("xmllint --noout junit.xml", repo.dir.path());
  EXPECT_EQ(xml.exit_code, 0) << xml.err;
  const std::string junit = ReadFile(repo.Path("junit.xml"));
  EXPECT_NE(junit.find("<testsuites name=\"keylint\" tests=\"1\" failures=\"1\""), std::string::npos) << junit;
  EXPECT_NE(junit.find("<failure type=\"error\""), std::string::npos) << junit;
}

TEST(CiOutput, GitlabValidatorRejectsABrokenReport) {
  // The check that stands behind the format must be able to fail.
  TempDir d;
  d.Write("bad.json", R"({"version": "15.2.4", "scan": {"type": "sast"}, "vulnerabilities": [{"id": ""}]})");
  CommandResult r = ValidateGitlab("secret-detection", d.path() + "/bad.json");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  d.Write("cq.json", R"([{"description": "x", "check_name": "c", "fingerprint": "f", "severity": "fatal",
                          "location": {"path": "a", "lines": {"begin": 0}}}])");
  EXPECT_EQ(ValidateGitlab("codequality", d.path() + "/cq.json").exit_code, 1);
}

TEST(CiOutput, GitlabSecretDetectionNeedsACommit) {
  TempDir d;
  d.Write("pay.py", "stripe.api_key = \"" + kStripeLive + "\"\n");
  CommandResult r = RunCommand("env -u CI_COMMIT_SHA " + Keylint("scan --format gitlab-secret-detection ."), d.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("CI_COMMIT_SHA"), std::string::npos) << r.err;
  // In GitLab CI the job names the commit.
  r = RunCommand("CI_COMMIT_SHA=0123456789abcdef0123456789abcdef01234567 " +
                     Keylint("scan --format gitlab-secret-detection -o gl.json ."),
                 d.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(ValidateGitlab("secret-detection", d.path() + "/gl.json").exit_code, 0);
}

TEST(CiOutput, OutputExtensionDecidesOrContradicts) {
  Repo repo;
  ASSERT_EQ(repo.setup, "");
  // No --format: the extension says what to write.
  EXPECT_EQ(RunCommand(Keylint("scan -o report.sarif"), repo.dir.path()).exit_code, 1);
  EXPECT_EQ(ValidateSarif(repo.Path("report.sarif")).exit_code, 0);
  EXPECT_EQ(RunCommand(Keylint("scan -o report.xml"), repo.dir.path()).exit_code, 1);
  EXPECT_EQ(ReadFile(repo.Path("report.xml")).rfind("<?xml", 0), 0u);
  EXPECT_EQ(RunCommand(Keylint("scan -o report.json"), repo.dir.path()).exit_code, 1);
  EXPECT_TRUE(nlohmann::json::parse(ReadFile(repo.Path("report.json")))["findings"].is_array());
  // A contradiction is refused before anything is written.
  CommandResult r = RunCommand(Keylint("scan --format json -o wrong.sarif"), repo.dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("wrong.sarif"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(repo.Path("wrong.sarif")));
  EXPECT_EQ(RunCommand(Keylint("scan --format text -o out.xml"), repo.dir.path()).exit_code, 2);
  EXPECT_EQ(RunCommand(Keylint("scan --sarif out.xml"), repo.dir.path()).exit_code, 2);
  // JSON-based formats fit .json; any extension keylint does not know is left to --format.
  EXPECT_EQ(RunCommand(Keylint("scan --format gitlab-codequality -o cq.json"), repo.dir.path()).exit_code, 1);
  EXPECT_EQ(RunCommand(Keylint("scan --format sarif -o out.whatever"), repo.dir.path()).exit_code, 1);
  EXPECT_EQ(ValidateSarif(repo.Path("out.whatever")).exit_code, 0);
}

TEST(CiOutput, SarifCarriesProvenanceAndRuleDocs) {
  Repo repo;
  ASSERT_EQ(repo.setup, "");
  ASSERT_EQ(RunCommand(Keylint("scan -o r.sarif"), repo.dir.path()).exit_code, 1);
  nlohmann::json sarif = nlohmann::json::parse(ReadFile(repo.Path("r.sarif")));
  const nlohmann::json& run = sarif["runs"][0];
  ASSERT_TRUE(run.contains("versionControlProvenance"));
  const nlohmann::json& vcp = run["versionControlProvenance"][0];
  EXPECT_EQ(vcp["repositoryUri"], "https://gitlab.example.com/acme/app");
  EXPECT_EQ(vcp["revisionId"], RunCommand("git rev-parse HEAD", repo.dir.path()).out.substr(0, 40));
  EXPECT_EQ(vcp["branch"], "main");
  // Every rule links to its page, and the page is in the repository.
  for (const nlohmann::json& rule : run["tool"]["driver"]["rules"]) {
    const std::string id = rule["id"];
    ASSERT_TRUE(rule.contains("helpUri")) << id;
    EXPECT_EQ(rule["helpUri"], RuleDocUri(id));
    EXPECT_TRUE(fs::exists(SourceDir() + "/" + RuleDocPath(id))) << RuleDocPath(id);
    EXPECT_NE(rule["help"]["markdown"].get<std::string>().find("### How to fix"), std::string::npos) << id;
    EXPECT_TRUE(rule["fullDescription"].contains("markdown")) << id;
  }
}

TEST(CiOutput, VersionNamesCommitAndRules) {
  CommandResult r = RunCommand(Keylint("--version"), ".");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(std::regex_match(
      r.out, std::regex(R"(keylint \d+\.\d+\.\d+ \(commit ([0-9a-f]{12}(-dirty)?|unknown), rules [0-9a-f]{12}\)\n)")))
      << r.out;
}

// Runs `command` under a pseudo-terminal (script(1)), so stdout and stderr are terminals; both
// come back in `out`.
CommandResult RunInTerminal(const std::string& command, const std::string& cwd) {
  return RunCommand("script -qec " + ShellQuote(command) + " /dev/null", cwd);
}

// Whether this machine can open a pseudo-terminal at all (a bare chroot without /dev/pts cannot).
bool TerminalAvailable() {
  CommandResult r = RunInTerminal("echo pty-ok", ".");
  return r.exit_code == 0 && r.out.find("pty-ok") != std::string::npos;
}

TEST(Terminal, ColourOnATerminalOnlyAndNeverWithNoColor) {
  if (!TerminalAvailable()) GTEST_SKIP() << "no pseudo-terminal on this machine (script(1) needs /dev/pts)";
  Repo repo;
  ASSERT_EQ(repo.setup, "");
  const std::string kEsc = "\x1b[";
  CommandResult tty = RunInTerminal("env -u NO_COLOR TERM=xterm " + Keylint("scan"), repo.dir.path());
  EXPECT_NE(tty.out.find(kEsc + "1;31merror"), std::string::npos) << tty.out;
  EXPECT_EQ(RunInTerminal("NO_COLOR=1 TERM=xterm " + Keylint("scan"), repo.dir.path()).out.find(kEsc + "1;31m"),
            std::string::npos);
  EXPECT_EQ(RunInTerminal("env -u NO_COLOR TERM=xterm " + Keylint("scan --no-color"), repo.dir.path()).out.find(kEsc + "1;31m"),
            std::string::npos);
  CommandResult pipe = RunCommand("env -u NO_COLOR TERM=xterm " + Keylint("scan"), repo.dir.path());
  EXPECT_EQ(pipe.out.find(kEsc), std::string::npos);
  EXPECT_NE(pipe.out.find("error hardcoded/stripe-secret-key"), std::string::npos);
}

TEST(Terminal, ProgressLineOnATerminalQuietSilencesIt) {
  if (!TerminalAvailable()) GTEST_SKIP() << "no pseudo-terminal on this machine (script(1) needs /dev/pts)";
  Repo repo;
  ASSERT_EQ(repo.setup, "");
  // The delay is set to 0 so that a small scan shows the line (the default waits a second).
  CommandResult tty = RunInTerminal("KEYLINT_PROGRESS_DELAY_MS=0 " + Keylint("scan --no-color"), repo.dir.path());
  EXPECT_NE(tty.out.find("keylint: scanning"), std::string::npos) << tty.out;
  EXPECT_NE(tty.out.find("keylint: 1 finding"), std::string::npos) << tty.out;
  CommandResult quiet = RunInTerminal("KEYLINT_PROGRESS_DELAY_MS=0 " + Keylint("scan --quiet --no-color"), repo.dir.path());
  EXPECT_EQ(quiet.out.find("keylint: scanning"), std::string::npos) << quiet.out;
  EXPECT_EQ(quiet.out.find("keylint: 1 finding"), std::string::npos) << quiet.out;
  EXPECT_NE(quiet.out.find("error hardcoded/stripe-secret-key"), std::string::npos) << quiet.out;
  // Not a terminal: no progress line, whatever the delay.
  CommandResult pipe = RunCommand("KEYLINT_PROGRESS_DELAY_MS=0 " + Keylint("scan"), repo.dir.path());
  EXPECT_EQ(pipe.err.find("scanning"), std::string::npos) << pipe.err;
  EXPECT_EQ(pipe.exit_code, 1);
}

}  // namespace
}  // namespace keylint::testing
