// keylint's command line: argv -> ScanRequest -> report -> exit code. The only file that knows
// CLI11 (its one translation unit is the slowest to compile, so it stays alone here).
#include <fcntl.h>
#include <malloc.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "build_info.h"
#include "cli/terminal.h"
#include "knowledge/embedded_rules.h"
#include "policy/policy.h"
#include "report/report.h"
#include "scan/scan.h"

namespace keylint {
namespace {

constexpr int kExitUsage = 2;

int Fail(const Error& e) {
  std::cerr << "keylint: error: " << e.ToString() << "\n";
  return kExitUsage;
}

// Writes all of `text` to `fd`; "" or why not ("no space left on device").
std::string WriteAll(int fd, const std::string& text) {
  for (size_t done = 0; done < text.size();) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return std::strerror(errno);
    done += static_cast<size_t>(n);
  }
  return "";
}

// Writes `text` to `path` ("" or "-": stdout). false with the reason when it cannot (a full
// disk, a closed stdout, a folder that does not exist): a report that was not written must not
// exit 0 or 1 as if it had been.
bool Emit(const std::string& text, const std::string& path) {
  const bool to_stdout = path.empty() || path == "-";
  std::string error;
  if (to_stdout) {
    std::fflush(stdout);
    error = WriteAll(STDOUT_FILENO, text);
  } else {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
      error = std::strerror(errno);
    } else {
      error = WriteAll(fd, text);
      if (::close(fd) != 0 && error.empty()) error = std::strerror(errno);
    }
  }
  if (!error.empty()) {
    std::cerr << "keylint: error: cannot write the report to " << (to_stdout ? "stdout" : path)
              << ": " << error << "\n";
    return false;
  }
  return true;
}

// Whether `path` holds a report or baseline keylint wrote (or nothing): rewriting it is what -o
// is for, even when the scan read it. Reads at most the first 64 KiB.
bool HoldsKeylintOutput(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);  // a FIFO must not block
  if (fd < 0) return false;
  struct stat st;
  std::string head(64 << 10, '\0');
  ssize_t got = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? ::read(fd, head.data(), head.size()) : -1;
  ::close(fd);
  if (got < 0) return false;
  head.resize(static_cast<size_t>(got));
  if (head.empty() || head.rfind("# keylint baseline", 0) == 0) return true;
  if (head[0] == '{') {
    return head.find("\"files_scanned\"") != std::string::npos ||
           (head.find("sarif") != std::string::npos && head.find("\"keylint\"") != std::string::npos);
  }
  // A text report: "path:line:col: level rule-id message" lines.
  std::istringstream first(head.substr(0, head.find('\n')));
  std::string place, level;
  first >> place >> level;
  return place.size() > 1 && place.back() == ':' && (level == "error" || level == "warning" || level == "note");
}

// -o must not overwrite a file the scan read (a typo, or `baseline -o .env`): refused, unless it
// holds an earlier report.
bool RefuseScannedOutput(const std::string& output, const ScanRun& run) {
  if (output.empty() || output == "-") return false;
  std::error_code ec;
  const std::string canonical = std::filesystem::weakly_canonical(output, ec).string();
  if (ec) return false;
  // As strings: both sides are absolute and normalized, and a path comparison parses both
  // sides into components, which cost 5 ms over a 3,000-file scan.
  for (const std::string& scanned : run.scanned_files) {
    if (canonical != scanned || HoldsKeylintOutput(scanned)) continue;
    std::cerr << "keylint: error: -o " << output << ": is a file this scan reads; refusing to "
                 "overwrite it (name another file)\n";
    return true;
  }
  return false;
}

struct Args {
  std::vector<std::string> paths;
  std::string format = "text";
  bool format_given = false;  // --format was on the command line (else -o's extension decides)
  std::string output;
  std::string sarif_output;   // --sarif FILE: a SARIF report too, whatever --format is
  std::string category = "keylint";
  bool staged = false;
  bool diff_given = false;  // --diff was on the command line, even as ""
  std::string diff;
  std::string history;
  std::string stdin_filename;
  bool quiet = false;
  bool no_color = false;
  std::string config;
  std::string baseline;
  std::string fail_level = "error";
  bool no_ignore = false;
  bool include_suppressed = false;
  int jobs = 0;
  bool verbose = false;
};

void AddScanOptions(CLI::App* cmd, Args* a, bool for_baseline) {
  cmd->add_option("PATH", a->paths, "files or folders to scan (default: .)");
  if (!for_baseline) {
    cmd->add_option("--format", a->format, "output format (default text, or what -o's extension says)")
        ->check(CLI::IsMember(FormatNames()));
    cmd->add_option("--sarif", a->sarif_output, "also write a SARIF report to this file");
    cmd->add_option("--category", a->category,
                    "SARIF code scanning category (default keylint; one per scan of a repository)")
        ->check([](const std::string& c) {
          return c.empty() || c.find('/') != std::string::npos ? "a category is a non-empty name without '/'"
                                                               : "";
        });
    cmd->add_option("--fail-level", a->fail_level, "error, warning, note or none (default error)")
        ->check(CLI::IsMember({"error", "warning", "note", "none"}));
    cmd->add_option("--baseline", a->baseline, "hide findings recorded in this baseline");
    cmd->add_flag("--include-suppressed", a->include_suppressed,
                  "keep suppressed findings in the report, marked as suppressed");
    cmd->add_flag("--staged", a->staged, "scan what is staged in the git index (pre-commit)");
    cmd->add_option("--diff", a->diff,
                    "report only findings on lines changed since the merge base of REF and HEAD "
                    "(or A...B)");
    cmd->add_option("--history", a->history,
                    "scan what every commit of RANGE added (A..B, A...B, or one commit)");
    cmd->add_option("--stdin-filename", a->stdin_filename,
                    "with PATH -: the name standard input is classified and reported as");
    cmd->add_flag("-q,--quiet", a->quiet, "no summary line and no progress line on stderr");
    cmd->add_flag("--no-color", a->no_color, "no colour in the text report (also: NO_COLOR=1)");
  }
  cmd->add_option("-o,--output", a->output, for_baseline ? "baseline file to write" : "write the report there")
      ->required(for_baseline);
  cmd->add_option("--config", a->config, "config file (default: .keylint.toml at the root)");
  cmd->add_flag("--no-ignore", a->no_ignore, "also scan files git ignores");
  cmd->add_option("-j,--jobs", a->jobs, "worker threads (default: all cores, at most one per 32 files)")->check(CLI::Range(0, 1024));
  cmd->add_flag("-v,--verbose", a->verbose, "say why each file was skipped and how it was classified");
}

// "-" and the names of standard input as a file: they mean "read stdin", never a path to skip.
bool IsStdinPath(const std::string& p) {
  return p == "-" || p == "/dev/stdin" || p == "/dev/fd/0" || p == "/proc/self/fd/0";
}

bool ReadsStdin(const Args& a) {
  return std::any_of(a.paths.begin(), a.paths.end(), IsStdinPath);
}

ScanRequest ToRequest(const Args& a) {
  ScanRequest r;
  r.source.paths = a.paths;
  r.source.no_ignore = a.no_ignore;
  if (a.staged) r.source.mode = SourceRequest::Mode::kStaged;
  if (a.diff_given) {
    r.source.mode = SourceRequest::Mode::kDiff;
    r.source.diff_ref = a.diff;
  }
  if (!a.history.empty()) {
    r.source.mode = SourceRequest::Mode::kHistory;
    r.source.history_range = a.history;
  }
  if (ReadsStdin(a)) {
    r.source.mode = SourceRequest::Mode::kStdin;
    r.source.paths.clear();
    r.source.stdin_filename = a.stdin_filename;
  }
  r.config_path = a.config;
  r.baseline_path = a.baseline;
  ParseLevel(a.fail_level, &r.fail_level);
  r.include_suppressed = a.include_suppressed;
  r.jobs = a.jobs;
  r.verbose = a.verbose;
  r.tool_version = KEYLINT_VERSION;
  return r;
}

// The modes that pick what to read exclude each other; stdin is one file, alone.
Status CheckModes(const Args& a) {
  std::vector<std::string> modes;
  if (a.staged) modes.push_back("--staged");
  if (a.diff_given) modes.push_back("--diff");
  if (!a.history.empty()) modes.push_back("--history");
  if (ReadsStdin(a)) modes.push_back("PATH -");
  if (modes.size() > 1) return Error{modes[0], 0, "cannot be combined with " + modes[1]};
  if (ReadsStdin(a) && a.paths.size() > 1) {
    return Error{"-", 0, "standard input is scanned alone: give no other PATH"};
  }
  if (!a.stdin_filename.empty() && !ReadsStdin(a)) {
    return Error{"--stdin-filename", 0, "names standard input: use it with PATH - (keylint scan - --stdin-filename app/.env)"};
  }
  return Status();
}

// The report's format: --format, else what -o's extension says, else text. A file whose
// extension says another format than --format is refused rather than written in a shape its
// name hides (out.sarif holding text would fail an upload much later, far from the cause).
Result<Format> ResolveFormat(const Args& a) {
  Format format = Format::kText;
  if (a.format_given) {
    ParseFormat(a.format, &format);
    if (!a.output.empty() && CheckExtension(a.output, format) == ExtensionFit::kContradicts) {
      return Error{a.output, 0,
                   std::string("the extension does not fit --format ") + FormatName(format) +
                       ": name the file for its format, or drop --format to let the extension decide"};
    }
  } else if (!a.output.empty()) {
    FormatFromExtension(a.output, &format);
  }
  if (!a.sarif_output.empty()) {
    if (CheckExtension(a.sarif_output, Format::kSarif) == ExtensionFit::kContradicts) {
      return Error{a.sarif_output, 0, "--sarif writes SARIF: name the file *.sarif or *.json"};
    }
    if (a.sarif_output == a.output) {
      return Error{a.sarif_output, 0, "--sarif and -o name the same file"};
    }
  }
  return format;
}

int RunScanCommand(const Args& a) {
  if (Status st = CheckModes(a); !st.ok()) return Fail(st.error());
  Result<Format> format = ResolveFormat(a);
  if (!format.ok()) return Fail(format.error());

  ScanProgress progress;
  ScanRequest request = ToRequest(a);
  request.progress = &progress;
  // Never freed: the process ends after this command, and what the scan built (thousands of
  // files' results, compiled rules: ScanRun::scratch) goes back to the kernel whole rather than
  // object by object. Held by a static, so a leak checker sees it reachable, not lost.
  static Result<ScanRun>* kept = nullptr;
  kept = new Result<ScanRun>([&] {
    std::unique_ptr<ProgressLine> line;
    if (!a.quiet) line = std::make_unique<ProgressLine>(&progress);
    return RunScan(request);
  }());
  Result<ScanRun>& run = *kept;
  if (!run.ok()) return Fail(run.error());
  if (RefuseScannedOutput(a.output, run.value())) return kExitUsage;
  for (const std::string& line : run.value().verbose_lines) std::cerr << "keylint: " << line << "\n";
  ScanReport& report = run.value().report;
  report.sarif_category = a.category;
  if (format.value() == Format::kGitlabSecretDetection && report.vcs.revision_id.empty()) {
    // The schema requires each finding's commit; GitLab CI names it when the checkout cannot.
    const char* sha = std::getenv("CI_COMMIT_SHA");
    if (sha == nullptr || *sha == '\0') {
      return Fail({"--format gitlab-secret-detection", 0,
                   "needs the commit the files come from: scan a git checkout with a commit, or "
                   "set CI_COMMIT_SHA (use gitlab-codequality outside git)"});
    }
    report.vcs.revision_id = sha;
  }
  bool color = format.value() == Format::kText && (a.output.empty() || a.output == "-") &&
               WantColor(a.no_color);
  if (!Emit(Render(report, run.value().knowledge, format.value(), color), a.output)) return kExitUsage;
  if (!a.sarif_output.empty() &&
      !Emit(Render(report, run.value().knowledge, Format::kSarif), a.sarif_output)) {
    return kExitUsage;
  }
  // The summary goes to stderr, so stdout stays parseable in every format.
  if (!a.quiet) std::cerr << RenderTextSummary(report);
  return report.exit_code;
}

int RunBaselineCommand(const Args& a) {
  Result<ScanRun> run = RunScan(ToRequest(a));
  if (!run.ok()) return Fail(run.error());
  if (RefuseScannedOutput(a.output, run.value())) return kExitUsage;
  const std::vector<Finding>& all = run.value().all_findings;
  if (!Emit(RenderBaseline(all), a.output)) return kExitUsage;
  std::cerr << "keylint: recorded " << all.size() << " findings in " << a.output << "\n";
  return 0;
}

}  // namespace
}  // namespace keylint

int main(int argc, char** argv) {
  using namespace keylint;
  // Memory a scan frees stays with the process for the next file: no block is handed back to the
  // kernel (trim) and no large one gets a mapping of its own. Each page the kernel gives a
  // process costs a fault on first touch, and on a VM such a fault costs 10-15 us: a corpus scan
  // took 6,500 of them with glibc's defaults, 4,800 without trimming. Peak memory grows by what
  // glibc would have trimmed (the benchmark's peak went down: fewer pages touched twice).
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // the most glibc takes
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  // A closed pipe on stdout is an error Emit reports (exit 2), not a silent death by SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  CLI::App app{"keylint: finds secrets in the wrong place: in client code, hardcoded, or in the "
               "wrong stage; validates .env and CI configs"};
  app.require_subcommand(0, 1);
  bool version = false;
  app.add_flag("--version", version, "print the version");

  Args scan_args, baseline_args;
  CLI::App* scan = app.add_subcommand("scan", "scan the working tree under PATH (default: .)");
  AddScanOptions(scan, &scan_args, /*for_baseline=*/false);
  CLI::App* baseline = app.add_subcommand("baseline", "record today's findings so that only new ones fail");
  AddScanOptions(baseline, &baseline_args, /*for_baseline=*/true);

  std::string rules_format = "text", rules_config;
  CLI::App* rules = app.add_subcommand("rules", "list every rule with its family, level and description");
  rules->add_option("--format", rules_format, "text or json")->check(CLI::IsMember({"text", "json"}));
  rules->add_option("--config", rules_config, "config file that adds or re-levels rules");
  std::string explain_id, explain_config;
  CLI::App* explain = app.add_subcommand("explain", "what a rule catches, why it matters, how to fix it");
  explain->add_option("RULE-ID", explain_id, "e.g. hardcoded/stripe-secret-key")->required();
  explain->add_option("--config", explain_config, "config file that adds rules");

  try {
    app.parse(argc, argv);
    scan_args.format_given = scan->get_option("--format")->count() > 0;
  } catch (const CLI::ParseError& e) {
    // Help and version are successes; everything else is a usage error (exit 2).
    int rc = app.exit(e);
    return rc == 0 ? 0 : kExitUsage;
  }
  if (version) {
    std::cout << "keylint " << KEYLINT_VERSION << " (commit " << KEYLINT_COMMIT << ", rules "
              << EmbeddedRulesVersion() << ")\n";
    return 0;
  }
  scan_args.diff_given = scan->count("--diff") > 0;
  if (*scan) return RunScanCommand(scan_args);
  if (*baseline) return RunBaselineCommand(baseline_args);
  if (*rules || *explain) {
    Result<Knowledge> k = LoadKnowledgeFrom(*rules ? rules_config : explain_config);
    if (!k.ok()) return Fail(k.error());
    if (*rules) {
      Format f;
      ParseFormat(rules_format, &f);
      std::cout << RenderRules(k.value(), f);
      return 0;
    }
    const RuleInfo* rule = k.value().FindRule(explain_id);
    if (!rule) return Fail({explain_id, 0, "no such rule; `keylint rules` lists them"});
    std::cout << RenderExplain(*rule);
    return 0;
  }
  std::cerr << app.help();
  return kExitUsage;
}
