// The pipeline, end to end: knowledge -> source -> classify -> analyze -> project -> policy.
// What comes out is a ScanReport ready for any output format, and its exit code.
#ifndef KEYLINT_SCAN_SCAN_H_
#define KEYLINT_SCAN_SCAN_H_

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "knowledge/knowledge.h"
#include "report/report.h"
#include "source/source.h"

namespace keylint {

// How far a scan is, for a progress line. The scan writes it from its workers; another thread
// may read it at any time.
struct ScanProgress {
  std::atomic<size_t> files_total{0};  // set once the files are listed
  std::atomic<size_t> files_done{0};
};

struct ScanRequest {
  SourceRequest source;
  std::string config_path;    // "" : .keylint.toml at the scanned root, if present
  std::string baseline_path;  // "" : none
  Level fail_level = Level::kError;
  bool include_suppressed = false;
  int jobs = 0;               // 0: all cores, at most one per 32 files
  bool verbose = false;       // fill ScanRun::verbose_lines (why each file was skipped/classified)
  std::string tool_version;
  ScanProgress* progress = nullptr;  // updated while scanning when not null; not owned
};

struct ScanRun {
  Knowledge knowledge;
  ScanReport report;
  // Every finding, suppressed or not, fingerprinted: what `keylint baseline` records.
  std::vector<Finding> all_findings;
  std::vector<std::string> verbose_lines;
  std::string root;
  // Absolute path of every file the scan listed to read (for the CLI's -o check).
  std::vector<std::string> scanned_files;
  // What the scan built on the way (its files, per-file results, compiled rules, the module
  // graph): kept with the run rather than freed piece by piece when RunScan returns, so that a
  // caller about to exit can leave it to the kernel (5 ms of a 270 ms scan).
  std::shared_ptr<void> scratch;
};

// Fails (exit code 2) on bad rules or config, a bad baseline, a missing path, or a git mode used
// outside git. Per-file problems are notifications inside the report; they never fail the scan.
[[nodiscard]] Result<ScanRun> RunScan(const ScanRequest& request);

// The built-in rules plus `config_path`'s (if not empty): for `keylint rules` and `explain`.
[[nodiscard]] Result<Knowledge> LoadKnowledgeFrom(const std::string& config_path);

}  // namespace keylint

#endif  // KEYLINT_SCAN_SCAN_H_
