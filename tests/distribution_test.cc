// How keylint reaches users, checked with the real tools that run here: cmake --install, cpack
// and dpkg-deb, bash/zsh/fish loading the completions, the composite GitHub Action's scan step
// and the GitLab CI template's job run as their runners would run them. The Dockerfile cannot be
// built here (no Docker engine): a real Dockerfile parser lints it, and its test pins that it
// builds with the project's own scripts and ships the .deb, so it is correct by construction.
#include <filesystem>
#include <regex>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace keylint::testing {
namespace {

namespace fs = std::filesystem;

const std::string kStripeLive = std::string("sk_") + "live_" + "4fQ9zR2mX7vK1pL8sT3wY6bN";

std::string Keylint(const std::string& args) { return ShellQuote(KeylintBinary()) + " " + args; }

// Every long option `keylint scan --help` lists.
std::set<std::string> ScanFlags() {
  std::string help = RunCommand(Keylint("scan --help"), ".").out;
  std::set<std::string> flags;
  std::regex flag(R"(--[a-z][a-z-]+)");
  for (auto it = std::sregex_iterator(help.begin(), help.end(), flag); it != std::sregex_iterator(); ++it) {
    flags.insert(it->str());
  }
  return flags;
}

// A value from a YAML file, through python3's yaml (pre-commit's dependency): `expr` is Python
// over `d`, the parsed document.
std::string Yaml(const std::string& file, const std::string& expr) {
  CommandResult r = RunCommand("python3 -c " + ShellQuote("import sys, yaml; d = yaml.safe_load(open(sys.argv[1])); "
                                                           "v = " + expr + "; print(v if isinstance(v, str) else repr(v), end='')") +
                                   " " + ShellQuote(file),
                               ".");
  return r.exit_code == 0 ? r.out : "<yaml error: " + r.err + ">";
}

TEST(Install, BinaryManPageAndCompletions) {
  TempDir prefix;
  CommandResult r = RunCommand("cmake --install " + ShellQuote(KEYLINT_BUILD_DIR) + " --prefix " +
                                   ShellQuote(prefix.path()),
                               ".");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const std::string p = prefix.path();
  for (const char* f : {"/bin/keylint", "/share/man/man1/keylint.1", "/share/bash-completion/completions/keylint",
                        "/share/zsh/vendor-completions/_keylint", "/share/fish/vendor_completions.d/keylint.fish"}) {
    EXPECT_TRUE(fs::exists(p + f)) << f;
  }
  EXPECT_EQ(RunCommand(ShellQuote(p + "/bin/keylint") + " --version", ".").out.rfind("keylint ", 0), 0u);
  CommandResult man = RunCommand("MANWIDTH=80 man --warnings -l " + ShellQuote(p + "/share/man/man1/keylint.1"), ".");
  EXPECT_EQ(man.exit_code, 0) << man.err;
  EXPECT_EQ(man.err, "") << "man page warnings";
}

TEST(Install, ManPageAndCompletionsKnowEveryScanFlag) {
  std::set<std::string> flags = ScanFlags();
  ASSERT_GT(flags.size(), 15u);
  const std::string man = ReadFile(SourceDir() + "/docs/man/keylint.1");
  const std::string bash = ReadFile(SourceDir() + "/completions/keylint.bash");
  const std::string zsh = ReadFile(SourceDir() + "/completions/_keylint");
  const std::string fish = ReadFile(SourceDir() + "/completions/keylint.fish");
  for (const std::string& f : flags) {
    if (f == "--help") continue;
    std::string roff = std::regex_replace(f, std::regex("-"), "\\-");
    EXPECT_NE(man.find(roff), std::string::npos) << f << " is missing from docs/man/keylint.1";
    EXPECT_NE(bash.find(f), std::string::npos) << f << " is missing from completions/keylint.bash";
    EXPECT_NE(zsh.find(f), std::string::npos) << f << " is missing from completions/_keylint";
    EXPECT_NE(fish.find("-l " + f.substr(2) + " "), std::string::npos) << f << " is missing from completions/keylint.fish";
  }
}

TEST(Install, CompletionsLoadAndCompleteInTheirShells) {
  const std::string dir = SourceDir() + "/completions/";
  CommandResult bash = RunCommand(
      "bash -c " + ShellQuote("source " + dir + "keylint.bash && COMP_WORDS=(keylint scan --format gitlab-) && "
                              "COMP_CWORD=3 && _keylint && echo \"${COMPREPLY[*]}\""),
      ".");
  EXPECT_EQ(bash.out, "gitlab-secret-detection gitlab-codequality\n") << bash.err;
  EXPECT_EQ(RunCommand("zsh -n " + ShellQuote(dir + "_keylint"), ".").exit_code, 0);
  CommandResult fish = RunCommand(
      "fish -c " + ShellQuote("source " + dir + "keylint.fish; complete -C 'keylint scan --fail-level '"), ".");
  EXPECT_EQ(fish.exit_code, 0) << fish.err;
  EXPECT_NE(fish.out.find("warning"), std::string::npos) << fish.out;
}

TEST(Package, DebDeclaresTheDebianPackagesOfEveryLibraryItLinks) {
  TempDir out;
  CommandResult r = RunCommand("cpack -G DEB --config " + ShellQuote(std::string(KEYLINT_BUILD_DIR) + "/CPackConfig.cmake") +
                                   " -B " + ShellQuote(out.path()),
                               out.path());
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  std::string deb;
  for (const fs::directory_entry& e : fs::directory_iterator(out.path())) {
    if (e.path().extension() == ".deb") deb = e.path().string();
  }
  ASSERT_FALSE(deb.empty()) << r.out;
  std::string depends = RunCommand("dpkg-deb -f " + ShellQuote(deb) + " Depends", ".").out;
  // Each shared library the binary needs comes from a package the .deb depends on.
  CommandResult needed = RunCommand("objdump -p " + ShellQuote(KeylintBinary()) + " | awk '/NEEDED/ {print $2}'", ".");
  ASSERT_EQ(needed.exit_code, 0);
  std::istringstream libs(needed.out);
  std::string lib;
  size_t checked = 0;
  while (std::getline(libs, lib)) {
    // The package that owns the file the dynamic loader picks (dpkg knows it by one of its
    // paths: as ldd prints it, or with symlinks resolved on a merged-/usr system).
    std::string where = "ldd " + ShellQuote(KeylintBinary()) + " | awk -v l=" + ShellQuote(lib) + " '$1 == l {print $3}'";
    std::string owner = RunCommand("p=$(" + where + "); { dpkg -S \"$p\" || dpkg -S \"$(readlink -f \"$p\")\"; } "
                                   "2>/dev/null | head -1 | cut -d: -f1",
                                   ".").out;
    while (!owner.empty() && owner.back() == '\n') owner.pop_back();
    ASSERT_FALSE(owner.empty()) << lib;
    EXPECT_NE(depends.find(owner), std::string::npos) << lib << " comes from " << owner << "; Depends: " << depends;
    ++checked;
  }
  EXPECT_GE(checked, 5u);
  std::string contents = RunCommand("dpkg-deb -c " + ShellQuote(deb), ".").out;
  for (const char* f : {"./usr/bin/keylint", "./usr/share/man/man1/keylint.1",
                        "./usr/share/bash-completion/completions/keylint"}) {
    EXPECT_NE(contents.find(f), std::string::npos) << f << "\n" << contents;
  }
}

TEST(Dockerfile, BuildsWithTheProjectScriptsAndShipsTheDeb) {
  const std::string docker = ReadFile(SourceDir() + "/Dockerfile");
  // Multi-stage: a build stage, then a slim final image.
  std::regex from(R"(^FROM (\S+)( AS (\S+))?$)", std::regex::multiline);
  std::vector<std::smatch> stages;
  for (auto it = std::sregex_iterator(docker.begin(), docker.end(), from); it != std::sregex_iterator(); ++it) {
    stages.push_back(*it);
  }
  ASSERT_EQ(stages.size(), 2u);
  EXPECT_EQ(stages[0][3], "build");
  EXPECT_EQ(stages[1][1], "debian:bookworm-slim");
  // The build steps are the developer's: install-deps and build.sh (tests off), then cpack.
  EXPECT_NE(docker.find("ENV KEYLINT_TESTS=OFF"), std::string::npos);
  EXPECT_NE(docker.find("RUN scripts/install-deps.sh && scripts/build.sh\n"), std::string::npos);
  EXPECT_NE(docker.find("cpack -G DEB"), std::string::npos);
  EXPECT_EQ(docker.find("cmake --build"), std::string::npos) << "build through scripts/build.sh, not around it";
  // The final image installs the .deb (its Depends bring the runtime libraries) and runs a scan
  // of /src, where pre-commit's docker hook mounts the repository.
  EXPECT_NE(docker.find("apt-get install -y --no-install-recommends /tmp/keylint.deb"), std::string::npos);
  EXPECT_NE(docker.find("rm -rf /var/lib/apt/lists/*"), std::string::npos);
  EXPECT_NE(docker.find("WORKDIR /src\n"), std::string::npos);
  EXPECT_NE(docker.find("ENTRYPOINT [\"keylint\"]\n"), std::string::npos);
  EXPECT_NE(docker.find("CMD [\"scan\", \"/src\"]\n"), std::string::npos);
  // The syntax, checked by a real Dockerfile parser (dockerfile-utils, as VS Code's Docker
  // extension uses it): it must pass, and it must be able to fail.
  CommandResult lint = RunCommand(ShellQuote(KEYLINT_DOCKERFILE_LINT) + " " + ShellQuote(SourceDir() + "/Dockerfile"), ".");
  EXPECT_EQ(lint.exit_code, 0) << lint.out << lint.err;
  TempDir bad;
  bad.Write("Dockerfile", "FROM debian:bookworm-slim\nRUNN echo\n");
  EXPECT_EQ(RunCommand(ShellQuote(KEYLINT_DOCKERFILE_LINT) + " " + ShellQuote(bad.path() + "/Dockerfile"), ".").exit_code, 1);
  const std::string ignore = ReadFile(SourceDir() + "/.dockerignore");
  for (const char* p : {"build*/", "**/node_modules", ".git"}) EXPECT_NE(ignore.find(p), std::string::npos) << p;
  // The scripts the image runs honour KEYLINT_TESTS.
  EXPECT_NE(ReadFile(SourceDir() + "/scripts/build.sh").find("KEYLINT_TESTS"), std::string::npos);
  EXPECT_NE(ReadFile(SourceDir() + "/scripts/install-deps.sh").find("KEYLINT_TESTS"), std::string::npos);
}

TEST(PreCommitHooks, SystemAndDockerHooksRunKeylintScan) {
  const std::string hooks = SourceDir() + "/.pre-commit-hooks.yaml";
  EXPECT_EQ(Yaml(hooks, "[h['id'] for h in d]"), "['keylint', 'keylint-docker']");
  EXPECT_EQ(Yaml(hooks, "[h['language'] for h in d]"), "['system', 'docker']");
  EXPECT_EQ(Yaml(hooks, "sorted(set(h['entry'] for h in d))"), "['keylint scan']");
}

// A repository with a remote and one live key, for the CI templates.
std::string MakeCiRepo(const TempDir& dir) {
  dir.Write("README.md", "# app\n");
  std::string err = MakeGitRepo(dir.path());
  if (!err.empty()) return err;
  dir.Write("server/pay.py", "stripe.api_key = \"" + kStripeLive + "\"\n");
  CommandResult r = RunCommand("git add -A && git commit -q -m key && git remote add origin https://github.com/acme/app.git",
                               dir.path());
  return r.exit_code == 0 ? "" : r.err;
}

TEST(GithubAction, ScanStepAnnotatesWritesSarifAndReportsTheExitCode) {
  const std::string action = SourceDir() + "/action.yml";
  EXPECT_EQ(Yaml(action, "d['runs']['using']"), "composite");
  EXPECT_EQ(Yaml(action, "[s.get('uses', '') for s in d['runs']['steps'] if 'upload-sarif' in s.get('uses', '')][0]"),
            "github/codeql-action/upload-sarif@v3");
  EXPECT_EQ(Yaml(action, "[s['with']['category'] for s in d['runs']['steps'] if 'uses' in s][0]"),
            "${{ inputs.category }}");
  EXPECT_NE(Yaml(action, "d['runs']['steps'][0]['run']").find("$GITHUB_ACTION_PATH/scripts/build.sh"), std::string::npos);

  TempDir repo;
  ASSERT_EQ(MakeCiRepo(repo), "");
  TempDir runner;
  const std::string script = runner.path() + "/scan.sh";
  runner.Write("scan.sh", Yaml(action, "[s for s in d['runs']['steps'] if s.get('id') == 'scan'][0]['run']"));
  // The step as the runner runs it: bash -e, its env: from the inputs, keylint on PATH.
  const std::string env = "PATH=" + ShellQuote(fs::path(KeylintBinary()).parent_path().string()) + ":$PATH " +
                          "GITHUB_OUTPUT=" + ShellQuote(runner.path() + "/output") +
                          " KEYLINT_PATH=. KEYLINT_ARGS='--diff HEAD~1' KEYLINT_FAIL_LEVEL=error"
                          " KEYLINT_CATEGORY=keylint-web KEYLINT_SARIF=keylint.sarif ";
  CommandResult r = RunCommand(env + "bash -e " + ShellQuote(script), repo.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;  // findings are the gate step's job, not a crash
  EXPECT_NE(r.out.find("::error file=server/pay.py,line=1"), std::string::npos) << r.out;
  EXPECT_EQ(ReadFile(runner.path() + "/output"), "exit-code=1\n");
  CommandResult v = ValidateSarif(repo.path() + "/keylint.sarif");
  EXPECT_EQ(v.exit_code, 0) << v.out;
  nlohmann::json sarif = nlohmann::json::parse(ReadFile(repo.path() + "/keylint.sarif"));
  EXPECT_EQ(sarif["runs"][0]["automationDetails"]["id"], "keylint-web/");
  // A scan that cannot run fails the step itself.
  CommandResult bad = RunCommand(env + "KEYLINT_ARGS='--diff nosuchref' bash -e " + ShellQuote(script), repo.path());
  EXPECT_NE(bad.exit_code, 0);
}

TEST(GitlabTemplate, JobWritesReportsGitlabAcceptsAndTheGateFails) {
  const std::string tpl = SourceDir() + "/docs/gitlab-ci.yml";
  EXPECT_EQ(Yaml(tpl, "d['keylint']['artifacts']['reports']"),
            "{'secret_detection': 'gl-secret-detection-report.json', 'codequality': 'gl-code-quality-report.json'}");
  EXPECT_EQ(Yaml(tpl, "d['keylint']['variables']['GIT_DEPTH']"), "0");
  TempDir repo;
  ASSERT_EQ(MakeCiRepo(repo), "");
  const std::string base = RunCommand("git rev-parse HEAD~1", repo.path()).out.substr(0, 40);
  TempDir runner;
  runner.Write("job.sh", Yaml(tpl, "'\\n'.join(d['keylint']['script'])"));
  runner.Write("gate.sh", Yaml(tpl, "'\\n'.join(d['keylint-gate']['script'])"));
  const std::string env = "PATH=" + ShellQuote(fs::path(KeylintBinary()).parent_path().string()) + ":$PATH " +
                          "KEYLINT_FAIL_LEVEL=error CI_MERGE_REQUEST_DIFF_BASE_SHA=" + base + " ";
  CommandResult r = RunCommand(env + "sh -e " + ShellQuote(runner.path() + "/job.sh"), repo.path());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(ReadFile(repo.path() + "/keylint.rc"), "1\n");
  CommandResult sd = ValidateGitlab("secret-detection", repo.path() + "/gl-secret-detection-report.json");
  EXPECT_EQ(sd.exit_code, 0) << sd.out;
  EXPECT_NE(ReadFile(repo.path() + "/gl-secret-detection-report.json").find("server/pay.py"), std::string::npos);
  EXPECT_EQ(ValidateGitlab("codequality", repo.path() + "/gl-code-quality-report.json").exit_code, 0);
  EXPECT_EQ(ValidateSarif(repo.path() + "/gl-keylint.sarif").exit_code, 0);
  EXPECT_NE(RunCommand("sh -e " + ShellQuote(runner.path() + "/gate.sh"), repo.path()).exit_code, 0);
}

}  // namespace
}  // namespace keylint::testing
