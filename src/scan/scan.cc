#include "scan/scan.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "analyze/analyze_file.h"
#include "analyze/merge.h"
#include "classify/classify.h"
#include "core/fingerprint.h"
#include "core/glob.h"
#include "policy/policy.h"
#include "project/client_reach.h"
#include "project/cross_file.h"
#include "project/module_graph.h"

namespace keylint {
namespace {

namespace fs = std::filesystem;

// Reads a whole small file (config, ignore file, baseline). false when it cannot be read.
bool ReadSmallFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return static_cast<bool>(in) || in.eof();
}

// What one worker learned about one target; workers fill disjoint slots, no locks.
struct Slot {
  FileFacts facts;
  FileAnalysis analysis;
  std::string skip_reason;
  std::string read_error;
  size_t bytes = 0;
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
  for (const Target& t : targets) by_path[t.path] = &t;
  findings->erase(std::remove_if(findings->begin(), findings->end(),
                                 [&](const Finding& f) {
                                   auto it = by_path.find(f.location.path);
                                   if (it == by_path.end()) return true;
                                   const Target& t = *it->second;
                                   return t.has_changed_lines && !t.changed_lines.count(f.location.line);
                                 }),
                  findings->end());
}

// Adds the cross-file findings to the per-file ones: each file holding one is read again (there
// are few) for line hashes and fingerprints, then merged with that file's findings so that one
// place still gives one finding. REQUIRES: `findings` sorted by path.
void AddCrossFileFindings(std::vector<Finding> cross, std::vector<Target>* targets, size_t max_bytes,
                          std::vector<Finding>* findings) {
  if (cross.empty()) return;
  std::map<std::string, std::vector<Finding>> by_path;
  for (Finding& f : cross) by_path[f.location.path].push_back(std::move(f));
  for (Target& t : *targets) {
    auto it = by_path.find(t.path);
    if (it == by_path.end()) continue;
    std::vector<Finding>& fs = it->second;
    std::string skip, error;
    if (t.abs_path.empty() || ReadTargetBytes(&t, max_bytes, &skip, &error)) {
      FinishFindings(t.bytes, &fs);
    }
    t.bytes.clear();
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

}  // namespace

Result<Knowledge> LoadKnowledgeFrom(const std::string& config_path) {
  if (config_path.empty()) return LoadKnowledge("", "");
  std::string text;
  if (!ReadSmallFile(config_path, &text)) {
    return Error{config_path, 0, "cannot read the config file"};
  }
  return LoadKnowledge(text, config_path);
}

Result<ScanRun> RunScan(const ScanRequest& request) {
  // Built-in knowledge first: its skip paths and size limit shape the listing.
  Result<Knowledge> builtin = LoadKnowledge("", "");
  if (!builtin.ok()) return builtin.error();
  SourceRequest source = request.source;
  source.skip_paths = builtin.value().settings.skip_paths;
  const size_t builtin_skips = source.skip_paths.size();
  source.max_file_bytes = builtin.value().settings.max_file_bytes;
  Result<SourceListing> listed = ListTargets(source);
  if (!listed.ok()) return listed.error();
  SourceListing listing = std::move(listed).value();

  ScanRun run;
  run.root = listing.root;
  // The user's config lives at the scanned root unless --config names one.
  std::string config_path = request.config_path;
  std::string config_origin = config_path;
  if (config_path.empty() && fs::exists(fs::path(listing.root) / ".keylint.toml")) {
    config_path = (fs::path(listing.root) / ".keylint.toml").string();
    config_origin = ".keylint.toml";
  }
  if (config_path.empty()) {
    run.knowledge = std::move(builtin).value();
  } else {
    std::string text;
    if (!ReadSmallFile(config_path, &text)) return Error{config_path, 0, "cannot read the config file"};
    Result<Knowledge> k = LoadKnowledge(text, config_origin);
    if (!k.ok()) return k.error();
    run.knowledge = std::move(k).value();
  }
  const Knowledge& knowledge = run.knowledge;
  ScanReport& report = run.report;
  report.tool_version = request.tool_version;
  report.skips = std::move(listing.skips);
  report.notifications = std::move(listing.notifications);

  // The user's own skip paths (appended after the built-in ones, which the listing already
  // applied) apply now.
  const std::vector<std::string> user_skips(knowledge.settings.skip_paths.begin() + builtin_skips,
                                            knowledge.settings.skip_paths.end());
  std::vector<Target> targets;
  for (Target& t : listing.targets) {
    auto hit = std::find_if(user_skips.begin(), user_skips.end(),
                            [&](const std::string& p) { return GlobMatch(p, t.path); });
    if (hit != user_skips.end()) {
      report.skips.push_back({t.path, "skip_paths: " + *hit});
    } else {
      targets.push_back(std::move(t));
    }
  }

  if (request.verbose) {
    for (const Skip& s : report.skips) run.verbose_lines.push_back(s.path + ": skipped: " + s.reason);
  }

  // package.json files first: the layout classifies every other file.
  std::vector<Slot> slots(targets.size());
  ProjectLayout layout;
  const size_t max_bytes = knowledge.settings.max_file_bytes;
  for (size_t i = 0; i < targets.size(); ++i) {
    layout.AddFile(targets[i].path);
    if (fs::path(targets[i].path).filename() != "package.json") continue;
    if (ReadTargetBytes(&targets[i], max_bytes, &slots[i].skip_reason, &slots[i].read_error)) {
      layout.AddPackageJson(targets[i].path, targets[i].bytes);
    }
  }

  CredentialScanner credentials(knowledge);
  std::atomic<size_t> next{0};
  auto worker = [&] {
    FileAnalyzer analyzer(knowledge, credentials);
    for (size_t i = next++; i < targets.size(); i = next++) {
      Target& t = targets[i];
      Slot& s = slots[i];
      // ReadTargetBytes also vets bytes already filled (--staged): binary, size, minified.
      bool readable = s.skip_reason.empty() && s.read_error.empty() &&
                      ReadTargetBytes(&t, max_bytes, &s.skip_reason, &s.read_error);
      if (!readable) continue;
      s.facts = Classify(t, knowledge, layout);
      s.analysis = analyzer.Analyze(t, s.facts);
      s.bytes = t.bytes.size();
      t.bytes.clear();
      t.bytes.shrink_to_fit();
    }
  };
  int jobs = request.jobs > 0 ? request.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  jobs = static_cast<int>(std::min<size_t>(jobs, std::max<size_t>(1, targets.size())));
  std::vector<std::thread> threads;
  for (int j = 1; j < jobs; ++j) threads.emplace_back(worker);
  worker();
  for (std::thread& t : threads) t.join();

  // Merge in target order (sorted by path), so the output does not depend on -j.
  Facts all_facts;
  std::vector<Finding> findings;
  for (size_t i = 0; i < targets.size(); ++i) {
    Slot& s = slots[i];
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
    for (Finding& f : s.analysis.findings) findings.push_back(std::move(f));
    for (Notification& n : s.analysis.notifications) report.notifications.push_back(std::move(n));
    all_facts.Append(std::move(s.analysis.facts));
  }
  // The module graph decides what else is client code: modules client entries import.
  std::vector<Finding> cross = CrossFileFindings(all_facts, knowledge);
  {
    ModuleGraph graph(all_facts.graph, knowledge);
    ClientReach reach = ComputeClientReach(graph, knowledge);
    cross.insert(cross.end(), std::make_move_iterator(reach.findings.begin()),
                 std::make_move_iterator(reach.findings.end()));
    if (request.verbose) {
      run.verbose_lines.insert(run.verbose_lines.end(), reach.verbose_lines.begin(), reach.verbose_lines.end());
    }
  }
  AddCrossFileFindings(std::move(cross), &targets, max_bytes, &findings);
  if (request.source.mode == SourceRequest::Mode::kDiff) KeepChangedLines(targets, &findings);
  std::sort(findings.begin(), findings.end(), FindingLess);

  // Policy: suppressions, baseline, fail level.
  IgnoreFile ignore_file;
  std::string text;
  if (ReadSmallFile((fs::path(listing.root) / ".keylintignore").string(), &text)) {
    ignore_file = ParseIgnoreFile(text);
  }
  Baseline baseline;
  if (!request.baseline_path.empty()) {
    if (!ReadSmallFile(request.baseline_path, &text)) {
      return Error{request.baseline_path, 0, "cannot read the baseline file"};
    }
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
  std::sort(report.skips.begin(), report.skips.end(),
            [](const Skip& a, const Skip& b) { return a.path < b.path; });
  report.exit_code = ExitCodeFor(report.findings, request.fail_level);
  return run;
}

}  // namespace keylint
