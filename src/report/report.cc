#include "report/report.h"

#include <algorithm>
#include <cctype>

#include "core/text.h"
#include "report/formats.h"

namespace keylint {

namespace {

constexpr Format kAllFormats[] = {Format::kText,
                                  Format::kJson,
                                  Format::kSarif,
                                  Format::kGithub,
                                  Format::kGitlabSecretDetection,
                                  Format::kGitlabCodeQuality,
                                  Format::kJunit};

// The extension of the file name in `path`, lower-cased, with its dot; "" if none.
std::string Extension(const std::string& path) {
  size_t slash = path.find_last_of('/');
  size_t dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string ext = path.substr(dot);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

}  // namespace

const char* FormatName(Format format) {
  switch (format) {
    case Format::kText: return "text";
    case Format::kJson: return "json";
    case Format::kSarif: return "sarif";
    case Format::kGithub: return "github";
    case Format::kGitlabSecretDetection: return "gitlab-secret-detection";
    case Format::kGitlabCodeQuality: return "gitlab-codequality";
    case Format::kJunit: return "junit";
  }
  return "text";
}

const std::vector<std::string>& FormatNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (Format f : kAllFormats) v.push_back(FormatName(f));
    return v;
  }();
  return names;
}

bool ParseFormat(const std::string& s, Format* out) {
  for (Format f : kAllFormats) {
    if (s == FormatName(f)) {
      *out = f;
      return true;
    }
  }
  return false;
}

ExtensionFit CheckExtension(const std::string& path, Format format) {
  const std::string ext = Extension(path);
  std::vector<Format> fits;
  if (ext == ".sarif") {
    fits = {Format::kSarif};
  } else if (ext == ".json") {
    fits = {Format::kJson, Format::kSarif, Format::kGitlabSecretDetection, Format::kGitlabCodeQuality};
  } else if (ext == ".xml") {
    fits = {Format::kJunit};
  } else if (ext == ".txt" || ext == ".log") {
    fits = {Format::kText, Format::kGithub};
  } else {
    return ExtensionFit::kUnknown;
  }
  return std::find(fits.begin(), fits.end(), format) != fits.end() ? ExtensionFit::kFits
                                                                   : ExtensionFit::kContradicts;
}

bool FormatFromExtension(const std::string& path, Format* out) {
  const std::string ext = Extension(path);
  if (ext == ".sarif") *out = Format::kSarif;
  else if (ext == ".json") *out = Format::kJson;
  else if (ext == ".xml") *out = Format::kJunit;
  else if (ext == ".txt" || ext == ".log") *out = Format::kText;
  else return false;
  return true;
}

std::string Render(const ScanReport& report, const Knowledge& knowledge, Format format, bool color) {
  switch (format) {
    case Format::kText: return RenderText(report, color);
    case Format::kJson: return RenderJson(report);
    case Format::kSarif: return RenderSarif(report, knowledge);
    case Format::kGithub: return RenderGithub(report);
    case Format::kGitlabSecretDetection: return RenderGitlabSecretDetection(report, knowledge);
    case Format::kGitlabCodeQuality: return RenderGitlabCodeQuality(report, knowledge);
    case Format::kJunit: return RenderJunit(report);
  }
  return {};
}

Tally CountFindings(const ScanReport& report) {
  Tally t;
  for (const Finding& f : report.findings) {
    if (f.suppressed) continue;
    ++t.findings;
    if (f.level == Level::kError) ++t.errors;
    else if (f.level == Level::kWarning) ++t.warnings;
    else if (f.level == Level::kNote) ++t.notes;
  }
  return t;
}

std::string DumpJson(const OrderedJson& json) {
  return json.dump(2, ' ', /*ensure_ascii=*/false, OrderedJson::error_handler_t::replace) + "\n";
}

std::string TruncateUtf16(std::string_view s, size_t max_units) {
  if (static_cast<size_t>(Utf16Length(s)) <= max_units) return std::string(s);
  const std::string_view kEllipsis = "…";  // one UTF-16 unit
  size_t budget = max_units > 0 ? max_units - 1 : 0;
  size_t units = 0;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 1;
    if (i + len > s.size()) len = 1;
    size_t cost = len == 4 ? 2 : 1;
    if (units + cost > budget) break;
    units += cost;
    i += len;
  }
  std::string out(s.substr(0, i));
  if (max_units > 0) out += kEllipsis;
  return out;
}

}  // namespace keylint
