// What the pipeline reports: findings (a problem at a place), notifications (something the tool
// could not do, e.g. an unreadable file) and skips (files deliberately not scanned, with why).
// These are plain values; a Finding holds positions and a masked preview, never a view into the
// file and never the raw secret.
#ifndef KEYLINT_CORE_FINDING_H_
#define KEYLINT_CORE_FINDING_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace keylint {

enum class Level { kNone = 0, kNote = 1, kWarning = 2, kError = 3 };
const char* LevelName(Level level);              // "error", "warning", "note", "none"
bool ParseLevel(const std::string& s, Level* out);

// A span in a file. Lines are 1-based; columns are 1-based, counted both in bytes (text output)
// and in UTF-16 code units (SARIF's columnKind). end_* is exclusive.
struct Location {
  std::string path;  // relative to the scanned root, '/'-separated
  int line = 0;
  int column = 0;
  int end_line = 0;
  int end_column = 0;
  int column_utf16 = 0;
  int end_column_utf16 = 0;
};

struct RelatedLocation {
  Location location;
  std::string message;  // e.g. "the same value in .env.production"
};

struct Finding {
  std::string rule_id;  // "<family>/<name>"
  Level level = Level::kError;
  std::string message;  // secret masked
  Location location;
  std::vector<RelatedLocation> related;
  // Stable identity: survives the finding moving to another line (see core/fingerprint.h).
  std::string fingerprint;
  // GitHub's primaryLocationLineHash for location.line ("hex:count"); empty if not computed.
  std::string line_hash;
  // Hash of the secret (Secret::hash()) when the finding is about a value; 0 otherwise.
  uint64_t secret_hash = 0;
  // Free-form facts for reports: provider, side, stage, exposure, also.
  std::map<std::string, std::string> properties;
  // Set by the policy stage when a suppression matched; kept for --include-suppressed.
  bool suppressed = false;
  bool suppressed_in_source = false;  // by a keylint:ignore comment (SARIF kind "inSource")
  std::string suppression_reason;
};

// Something the scan could not do, reported in every format and never aborting the scan.
struct Notification {
  Level level = Level::kWarning;
  std::string path;  // relative path, or "" for the scan as a whole
  int line = 0;
  std::string message;
};

// A file the scan chose not to read, with the reason ("binary", "minified", "over 2 MiB").
struct Skip {
  std::string path;
  std::string reason;
};

// Orders findings for output: path, line, column, rule id. Every report uses this order, so
// -j1 and -jN print identical bytes.
bool FindingLess(const Finding& a, const Finding& b);

}  // namespace keylint

#endif  // KEYLINT_CORE_FINDING_H_
