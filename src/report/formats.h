// Internal to src/report: one renderer per format, and the helpers they share.
#ifndef KEYLINT_REPORT_FORMATS_H_
#define KEYLINT_REPORT_FORMATS_H_

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "report/report.h"

namespace keylint {

// nlohmann's ordered_json keeps keys in insertion order: every object is built in the order
// its documentation shows, which makes output deterministic and diffable.
using OrderedJson = nlohmann::ordered_json;

std::string RenderText(const ScanReport& report, bool color);
std::string RenderJson(const ScanReport& report);
std::string RenderSarif(const ScanReport& report, const Knowledge& knowledge);
std::string RenderGithub(const ScanReport& report);
std::string RenderGitlabSecretDetection(const ScanReport& report, const Knowledge& knowledge);
std::string RenderGitlabCodeQuality(const ScanReport& report, const Knowledge& knowledge);
std::string RenderJunit(const ScanReport& report);

// keylint's home page, and the base of every rule's documentation URL.
inline constexpr char kInformationUri[] = "https://github.com/keylint/keylint";

// Counts of the findings that are not suppressed, by level.
struct Tally {
  size_t findings = 0;
  size_t errors = 0;
  size_t warnings = 0;
  size_t notes = 0;
};
Tally CountFindings(const ScanReport& report);

// Pretty-printed (2 spaces) with a final newline. Bytes that are not valid UTF-8 (a file name
// in another encoding) are replaced by U+FFFD instead of throwing, so output is always UTF-8.
std::string DumpJson(const OrderedJson& json);

// `s` cut at a code point boundary so that it holds at most `max_units` UTF-16 code units (the
// unit JavaScript's String.length counts, which is what GitHub's and GitLab's limits measure);
// a cut string ends in "…". O(n).
std::string TruncateUtf16(std::string_view s, size_t max_units);

}  // namespace keylint

#endif  // KEYLINT_REPORT_FORMATS_H_
