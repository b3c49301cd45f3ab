#include "report/report.h"

#include "core/text.h"
#include "report/formats.h"

namespace keylint {

bool ParseFormat(const std::string& s, Format* out) {
  if (s == "text") *out = Format::kText;
  else if (s == "json") *out = Format::kJson;
  else if (s == "sarif") *out = Format::kSarif;
  else return false;
  return true;
}

std::string Render(const ScanReport& report, const Knowledge& knowledge, Format format) {
  switch (format) {
    case Format::kText: return RenderText(report);
    case Format::kJson: return RenderJson(report);
    case Format::kSarif: return RenderSarif(report, knowledge);
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
