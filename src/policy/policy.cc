#include "policy/policy.h"

#include <algorithm>
#include <map>
#include <sstream>

#include "core/glob.h"
#include "core/text.h"

namespace keylint {
namespace {

bool IsFingerprint(std::string_view s) {
  return s.size() == 16 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

template <typename F>
void ForEachLine(std::string_view text, F f) {
  int number = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    f(TrimSpace(text.substr(0, nl)), ++number);
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
}

bool MatchesAny(const std::vector<std::string>& patterns, const std::string& path) {
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const std::string& p) { return GlobMatch(p, path); });
}

}  // namespace

IgnoreFile ParseIgnoreFile(std::string_view text) {
  IgnoreFile out;
  ForEachLine(text, [&](std::string_view line, int) {
    if (line.empty() || line[0] == '#') return;
    std::string_view first = line.substr(0, line.find_first_of(" \t"));
    if (IsFingerprint(first)) {
      out.fingerprints.emplace(first);
    } else {
      out.path_patterns.emplace_back(line);
    }
  });
  return out;
}

Result<Baseline> ParseBaseline(std::string_view text, std::string_view origin) {
  Baseline out;
  Status status;
  auto fail = [&](int number, std::string message) {
    status = Error{std::string(origin), number, std::move(message) + "; write baselines with `keylint baseline -o FILE`"};
  };
  ForEachLine(text, [&](std::string_view line, int number) {
    if (!status.ok()) return;
    if (number == 1) {
      if (StartsWith(line, kBaselineHeaderV1)) {
        fail(1, "a v1 baseline, whose fingerprints could give short secrets away; keylint now "
                "fingerprints findings without them (v2): record the baseline again");
      } else if (!StartsWith(line, kBaselineHeader)) {
        fail(1, std::string("not a keylint baseline (the first line must start with '") +
                    kBaselineHeader + "')");
      }
      return;
    }
    if (line.empty() || line[0] == '#') return;
    // fingerprint, rule id, path (the rest of the line: a path may hold spaces)
    size_t sp1 = line.find(' ');
    size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
    if (!IsFingerprint(line.substr(0, sp1)) || sp2 == std::string_view::npos || sp2 == sp1 + 1 ||
        sp2 + 1 >= line.size()) {
      fail(number, "not a baseline line (expected 'fingerprint rule-id path')");
      return;
    }
    out.fingerprints.emplace(line.substr(0, sp1));
  });
  if (status.ok() && text.empty()) fail(1, "empty, not a keylint baseline");
  if (!status.ok()) return status.error();
  return out;
}

std::string RenderBaseline(const std::vector<Finding>& findings) {
  std::ostringstream out;
  out << kBaselineHeader << ": findings accepted on the day it was written; holds no secrets.\n"
         "# fingerprint rule-id path\n";
  std::set<std::string> seen;
  for (const Finding& f : findings) {
    std::string line = f.fingerprint + " " + f.rule_id + " " + f.location.path;
    if (seen.insert(line).second) out << line << "\n";
  }
  return out.str();
}

size_t ApplySuppressions(const PolicyInput& in, std::vector<Finding>* findings) {
  // Inline ignores by path, so each finding looks only at its own file's comments.
  std::multimap<std::string, const InlineIgnore*> inline_by_path;
  if (in.inline_ignores) {
    for (const InlineIgnore& ig : *in.inline_ignores) inline_by_path.emplace(ig.path, &ig);
  }
  size_t count = 0;
  for (Finding& f : *findings) {
    auto range = inline_by_path.equal_range(f.location.path);
    for (auto it = range.first; it != range.second && !f.suppressed; ++it) {
      const InlineIgnore& ig = *it->second;
      bool on_line = f.location.line == ig.line || f.location.line == ig.line + 1;
      if (on_line && (ig.rule_id.empty() || ig.rule_id == f.rule_id)) {
        f.suppressed = true;
        f.suppressed_in_source = true;
        f.suppression_reason = ig.reason.empty() ? "keylint:ignore comment" : ig.reason;
      }
    }
    if (!f.suppressed && in.knowledge && MatchesAny(in.knowledge->settings.allow_paths, f.location.path)) {
      f.suppressed = true;
      f.suppression_reason = "path allowlisted in the config";
    }
    if (!f.suppressed && in.ignore_file) {
      if (in.ignore_file->fingerprints.count(f.fingerprint)) {
        f.suppressed = true;
        f.suppression_reason = "fingerprint listed in .keylintignore";
      } else if (MatchesAny(in.ignore_file->path_patterns, f.location.path)) {
        f.suppressed = true;
        f.suppression_reason = "path listed in .keylintignore";
      }
    }
    if (!f.suppressed && in.baseline && in.baseline->fingerprints.count(f.fingerprint)) {
      f.suppressed = true;
      f.suppression_reason = "in the baseline";
    }
    if (f.suppressed) ++count;
  }
  return count;
}

int ExitCodeFor(const std::vector<Finding>& findings, Level fail_level) {
  if (fail_level == Level::kNone) return 0;
  for (const Finding& f : findings) {
    if (!f.suppressed && f.level >= fail_level) return 1;
  }
  return 0;
}

}  // namespace keylint
