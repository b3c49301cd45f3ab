#include "scan/scan.h"

#include <algorithm>
#include <ctime>
#include <set>
#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <thread>

#include "analyze/analyze_file.h"
#include "analyze/merge.h"
#include "classify/classify.h"
#include "core/fingerprint.h"
#include "core/glob.h"
#include "core/secret.h"
#include "knowledge/embedded_rules.h"
#include "policy/policy.h"
#include "project/client_reach.h"
#include "project/component_props.h"
#include "project/cross_file.h"
#include "source/file_reader.h"
#include "project/module_graph.h"

namespace keylint {
namespace {

namespace fs = std::filesystem;

// Whether `path` names something, a dangling symlink included (which must be refused, not
// taken for "no config").
bool Exists(const fs::path& path) {
  std::error_code ec;
  return fs::exists(fs::symlink_status(path, ec));
}

// Reads a file the repository itself holds at its root (.keylint.toml, .keylintignore): only a
// regular file inside the repository. Errors name it by its name at the root.
Status ReadRepositoryFile(const std::string& root, const std::string& name, std::string* out) {
  Status st = ReadControlFile((fs::path(root) / name).string(), root, out);
  if (!st.ok()) return Error{name, 0, st.error().message};
  return st;
}

// What one worker learned about one target; workers fill disjoint slots, no locks.
struct Slot {
  FileFacts facts;
  FileAnalysis analysis;
  std::string skip_reason;
  std::string read_error;
  size_t bytes = 0;
};

// RunScan's working data, handed to the caller with the run (ScanRun::scratch).
struct Scratch {
  std::vector<Target> targets;
  std::vector<std::unique_ptr<Slot>> slots;
  ProjectLayout layout;
  std::unique_ptr<CredentialScanner> credentials;
  Facts all_facts;
  std::unique_ptr<ModuleGraph> graph;
  ClientReach reach;
};

std::string VerboseLine(const Target& t, const Slot& s) {
  if (!s.read_error.empty()) return t.path + ": not read: " + s.read_error;
  if (!s.skip_reason.empty()) return t.path + ": skipped: " + s.skip_reason;
  std::string line = t.path + ": " + LanguageName(s.facts.language) + ", side " + SideName(s.facts.side);
  if (!s.facts.side_reason.empty()) line += " (" + s.facts.side_reason + ")";
  line += ", stage ";
  line += StageName(s.facts.stage);
  if (!s.facts.stage_reason.empty()) line += " (" + s.facts.stage_reason + ")";
  if (s.facts.is_test) line += ", test code";
  if (!s.analysis.verbose_note.empty()) line += "; " + s.analysis.verbose_note;
  return line;
}

// Keeps only findings on lines changed since the --diff ref.
void KeepChangedLines(const std::vector<Target>& targets, std::vector<Finding>* findings) {
  std::map<std::string, const Target*> by_path;
  for (const Target& t : targets) {
    if (!t.context_only) by_path[t.path] = &t;
  }
  findings->erase(std::remove_if(findings->begin(), findings->end(),
                                 [&](const Finding& f) {
                                   auto it = by_path.find(f.location.path);
                                   if (it == by_path.end()) return true;
                                   const Target& t = *it->second;
                                   return t.has_changed_lines && !t.changed_lines.count(f.location.line);
                                 }),
                  findings->end());
}

// Adds the cross-file findings to the per-file ones, merged with each file's findings so that
// one place still gives one finding. REQUIRES: `findings` sorted by path.
void AddCrossFileFindings(std::vector<Finding> cross, std::vector<Target>* targets,
                          std::vector<Finding>* findings) {
  if (cross.empty()) return;
  std::map<std::string, std::vector<Finding>> by_path;
  for (Finding& f : cross) by_path[f.location.path].push_back(std::move(f));
  for (Target& t : *targets) {
    if (t.context_only) continue;  // read for its facts; its own findings are not reported
    auto it = by_path.find(t.path);
    if (it == by_path.end()) continue;
    std::vector<Finding>& fs = it->second;
    FinishFindings(&fs);
    // This file's findings from its own analysis join the merge.
    auto first = std::partition_point(findings->begin(), findings->end(),
                                      [&](const Finding& f) { return f.location.path < t.path; });
    auto last = std::partition_point(first, findings->end(),
                                     [&](const Finding& f) { return f.location.path == t.path; });
    fs.insert(fs.end(), std::make_move_iterator(first), std::make_move_iterator(last));
    findings->erase(first, last);
    MergeOverlapping(&fs);
    findings->insert(findings->end(), std::make_move_iterator(fs.begin()), std::make_move_iterator(fs.end()));
    std::inplace_merge(findings->begin(), findings->end() - fs.size(), findings->end(), FindingLess);
  }
}

// --history: a commit's version of a file reports only what that commit added, says which
// commit, and a secret reported for an earlier commit is not reported again.
void KeepAddedInCommit(const Target& t, std::vector<Finding>* findings, std::set<std::string>* seen) {
  std::vector<Finding> kept;
  for (Finding& f : *findings) {
    if (t.has_changed_lines && !t.changed_lines.count(f.location.line)) continue;
    if (!seen->insert(f.rule_id + '\0' + f.fingerprint).second) continue;
    f.properties["commit"] = t.commit;
    f.message += " (added in commit " + t.commit.substr(0, 12) + ")";
    kept.push_back(std::move(f));
  }
  *findings = std::move(kept);
}

constexpr size_t kFilesPerDefaultWorker = 32;

// The order workers take targets in: files of more than kBigFile bytes (as listed) first, the
// largest first, then the rest in path order. A 9 MB bundle taken last keeps one worker busy
// while the others have nothing left; taken first, the small files fill in around it. The
// output does not depend on it: results go to each target's own slot.
constexpr size_t kBigFile = 1u << 20;
std::vector<size_t> WorkOrder(const std::vector<Target>& targets) {
  std::vector<size_t> big, order;
  order.reserve(targets.size());
  for (size_t i = 0; i < targets.size(); ++i) {
    (targets[i].listed_size > kBigFile ? big : order).push_back(i);
  }
  std::stable_sort(big.begin(), big.end(), [&](size_t a, size_t b) {
    return targets[a].listed_size > targets[b].listed_size;
  });
  order.insert(order.begin(), big.begin(), big.end());
  return order;
}

// Now, UTC, as "YYYY-MM-DDTHH:MM:SS".
std::string UtcNow() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S", &tm);
  return buf;
}

}  // namespace

Result<Knowledge> LoadKnowledgeFrom(const std::string& config_path) {
  if (config_path.empty()) return LoadKnowledge("", "");
  std::string text;
  if (Status st = ReadControlFile(config_path, "", &text); !st.ok()) return st.error();
  return LoadKnowledge(text, config_path);
}

Result<ScanRun> RunScan(const ScanRequest& request) {
  const std::string start_time = UtcNow();
  Result<ScanPlace> place = LocateScan(request.source);
  if (!place.ok()) return place.error();

  ScanRun run;
  run.root = place.value().root;
  // The user's config lives at the scanned root unless --config names one; it shapes the listing
  // (skip_paths, unskip_paths), so it is read first. --config is the user's choice, read wherever
  // it is; the repository's own config must be a regular file inside it.
  std::string config_path = request.config_path;
  std::string config_origin = config_path;
  std::string text;
  if (!config_path.empty()) {
    if (Status st = ReadControlFile(config_path, "", &text); !st.ok()) return st.error();
  } else if (Exists(fs::path(run.root) / ".keylint.toml")) {
    config_origin = ".keylint.toml";
    if (Status st = ReadRepositoryFile(run.root, config_origin, &text); !st.ok()) return st.error();
  }
  Result<Knowledge> loaded = LoadKnowledge(text, config_origin);
  if (!loaded.ok()) return loaded.error();
  run.knowledge = std::move(loaded).value();
  const Knowledge& knowledge = run.knowledge;

  SourceRequest source = request.source;
  source.skip_paths = knowledge.settings.skip_paths;
  source.output_paths = knowledge.settings.output_paths;
  source.max_file_bytes = knowledge.settings.max_file_bytes;
  Result<SourceListing> listed = ListTargets(source, place.value());
  if (!listed.ok()) return listed.error();
  SourceListing listing = std::move(listed).value();

  ScanReport& report = run.report;
  report.tool_version = request.tool_version;
  report.rules_version = EmbeddedRulesVersion();
  report.vcs = listing.vcs;
  report.start_time = start_time;
  report.skips = std::move(listing.skips);
  report.notifications = std::move(listing.notifications);
  auto scratch = std::make_shared<Scratch>();
  run.scratch = scratch;
  std::vector<Target>& targets = scratch->targets;
  targets = std::move(listing.targets);
  for (const Target& t : targets) {
    if (!t.abs_path.empty()) run.scanned_files.push_back(t.abs_path);
  }

  if (request.verbose) {
    for (const Skip& s : report.skips) run.verbose_lines.push_back(s.path + ": skipped: " + s.reason);
  }

  // package.json and .gitlab-ci.yml files first: the layout classifies every other file.
  // Made by whoever reads the target (a worker, or this loop for manifests): made here, all 3,000
  // of a large scan would be 2 MB of first touches on one thread before any worker starts.
  std::vector<std::unique_ptr<Slot>>& slots = scratch->slots;
  slots.resize(targets.size());
  ProjectLayout& layout = scratch->layout;
  const size_t max_bytes = knowledge.settings.max_file_bytes;
  for (size_t i = 0; i < targets.size(); ++i) {
    layout.AddFile(targets[i].path);
    const std::string_view path = targets[i].path;
    const std::string_view name = path.substr(path.rfind('/') + 1);
    const bool gitlab = name == ".gitlab-ci.yml" || name == ".gitlab-ci.yaml";
    if (name != "package.json" && !gitlab) continue;
    slots[i] = std::make_unique<Slot>();
    if (ReadTargetBytes(&targets[i], max_bytes, &slots[i]->skip_reason, &slots[i]->read_error)) {
      if (gitlab) {
        layout.AddGitlabCi(targets[i].bytes);
      } else {
        layout.AddPackageJson(targets[i].path, targets[i].bytes);
      }
    }
  }

  scratch->credentials = std::make_unique<CredentialScanner>(knowledge);
  const CredentialScanner& credentials = *scratch->credentials;
  if (request.progress != nullptr) request.progress->files_total = targets.size();
  const std::vector<size_t> order = WorkOrder(targets);
  std::atomic<size_t> next{0};
  auto worker = [&] {
    FileAnalyzer analyzer(knowledge, credentials);
    FileReader reader;
    for (size_t n = next++; n < order.size(); n = next++) {
      const size_t i = order[n];
      Target& t = targets[i];
      if (slots[i] == nullptr) slots[i] = std::make_unique<Slot>();
      Slot& s = *slots[i];
      // The reader also vets bytes already filled (--staged): binary, size, minified.
      bool readable = s.skip_reason.empty() && s.read_error.empty() &&
                      reader.Read(&t, max_bytes, &s.skip_reason, &s.read_error);
      if (request.progress != nullptr) ++request.progress->files_done;
      if (!readable) continue;
      std::optional<ModuleScan> module;  // read by both, made once
      s.facts = Classify(t, knowledge, layout, &module);
      s.analysis = analyzer.Analyze(t, s.facts, module ? &*module : nullptr);
      s.bytes = t.bytes.size();
      t.bytes.clear();
      reader.Release();
    }
  };
  // By default a worker per core, but no more than one per kFilesPerDefaultWorker files: for a
  // pre-commit run of a few files a second thread costs more (its start, its own memory, waiting
  // for the rules the other is compiling) than it saves: 2 ms in 12 on 10 files.
  size_t jobs = request.jobs > 0 ? static_cast<size_t>(request.jobs)
                                 : std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()),
                                                    1 + targets.size() / kFilesPerDefaultWorker);
  jobs = std::min<size_t>(jobs, std::max<size_t>(1, targets.size()));
  std::vector<std::thread> threads;
  for (size_t j = 1; j < jobs; ++j) threads.emplace_back(worker);
  worker();
  for (std::thread& t : threads) t.join();

  // Merge in target order (sorted by path), so the output does not depend on -j.
  Facts& all_facts = scratch->all_facts;
  std::vector<Finding> findings;
  const bool history = request.source.mode == SourceRequest::Mode::kHistory;
  std::set<std::string> seen_in_history;
  for (size_t i = 0; i < targets.size(); ++i) {
    Slot& s = *slots[i];
    if (targets[i].context_only) {
      // Only what it tells the cross-file checks: no findings, counts, skips or notifications.
      all_facts.Append(std::move(s.analysis.facts));
      continue;
    }
    if (request.verbose) run.verbose_lines.push_back(VerboseLine(targets[i], s));
    if (!s.read_error.empty()) {
      report.notifications.push_back({Level::kWarning, targets[i].path, 0, "not scanned: " + s.read_error});
      continue;
    }
    if (!s.skip_reason.empty()) {
      report.skips.push_back({targets[i].path, s.skip_reason});
      continue;
    }
    ++report.files_scanned;
    report.bytes_scanned += s.bytes;
    if (history) KeepAddedInCommit(targets[i], &s.analysis.findings, &seen_in_history);
    for (Finding& f : s.analysis.findings) findings.push_back(std::move(f));
    for (Notification& n : s.analysis.notifications) report.notifications.push_back(std::move(n));
    all_facts.Append(std::move(s.analysis.facts));
  }
  // Versions of files from different commits (--history) are not one project: no cross-file checks.
  if (!history) {
    // The module graph decides what else is client code: modules client entries import.
    std::vector<Finding> cross = CrossFileFindings(all_facts, knowledge);
    scratch->graph = std::make_unique<ModuleGraph>(all_facts.graph, knowledge);
    const ModuleGraph& graph = *scratch->graph;
    ClientReach& reach = scratch->reach;
    reach = ComputeClientReach(graph, knowledge);
    cross.insert(cross.end(), std::make_move_iterator(reach.findings.begin()),
                 std::make_move_iterator(reach.findings.end()));
    for (Finding& f : SecretPropsToClientComponents(graph, reach, knowledge)) cross.push_back(std::move(f));
    if (request.verbose) {
      run.verbose_lines.insert(run.verbose_lines.end(), reach.verbose_lines.begin(), reach.verbose_lines.end());
    }
    AddCrossFileFindings(std::move(cross), &targets, &findings);
  }
  if (request.source.mode == SourceRequest::Mode::kDiff) KeepChangedLines(targets, &findings);
  std::sort(findings.begin(), findings.end(), FindingLess);

  // Policy: suppressions, baseline, fail level.
  IgnoreFile ignore_file;
  if (Exists(fs::path(run.root) / ".keylintignore")) {
    if (Status st = ReadRepositoryFile(run.root, ".keylintignore", &text); !st.ok()) return st.error();
    ignore_file = ParseIgnoreFile(text);
  }
  Baseline baseline;
  if (!request.baseline_path.empty()) {
    if (Status st = ReadControlFile(request.baseline_path, "", &text); !st.ok()) return st.error();
    Result<Baseline> b = ParseBaseline(text, request.baseline_path);
    if (!b.ok()) return b.error();
    baseline = std::move(b).value();
  }
  PolicyInput policy{&knowledge, &all_facts.inline_ignores, &ignore_file,
                     request.baseline_path.empty() ? nullptr : &baseline};
  report.suppressed_count = ApplySuppressions(policy, &findings);
  run.all_findings = findings;
  for (Finding& f : findings) {
    if (!f.suppressed || request.include_suppressed) report.findings.push_back(std::move(f));
  }
  for (Notification& n : report.notifications) n.message = MaskCredentialsIn(n.message);
  std::sort(report.skips.begin(), report.skips.end(),
            [](const Skip& a, const Skip& b) { return a.path < b.path; });
  report.exit_code = ExitCodeFor(report.findings, request.fail_level);
  report.end_time = UtcNow();
  return run;
}

}  // namespace keylint
