#include "core/finding.h"

#include <tuple>

namespace keylint {

const char* LevelName(Level level) {
  switch (level) {
    case Level::kError: return "error";
    case Level::kWarning: return "warning";
    case Level::kNote: return "note";
    case Level::kNone: return "none";
  }
  return "none";
}

bool ParseLevel(const std::string& s, Level* out) {
  if (s == "error") *out = Level::kError;
  else if (s == "warning") *out = Level::kWarning;
  else if (s == "note") *out = Level::kNote;
  else if (s == "none") *out = Level::kNone;
  else return false;
  return true;
}

bool FindingLess(const Finding& a, const Finding& b) {
  return std::tie(a.location.path, a.location.line, a.location.column, a.rule_id) <
         std::tie(b.location.path, b.location.line, b.location.column, b.rule_id);
}

}  // namespace keylint
