// `keylint rules` and `keylint explain`: the rule catalog for people and for scripts.
#include <algorithm>
#include <string>
#include <string_view>

#include "report/formats.h"

namespace keylint {
namespace {

// "off" for a disabled rule, its level otherwise.
std::string LevelColumn(const RuleInfo& r) { return r.enabled ? LevelName(r.level) : "off"; }

std::string PadRight(std::string s, size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

// `text` with every line indented by two spaces (blank lines stay blank).
std::string Indent(std::string_view text) {
  while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  std::string out;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    std::string_view line = text.substr(begin, end - begin);
    if (!line.empty()) out += "  " + std::string(line);
    out += "\n";
    begin = end + 1;
  }
  return out;
}

std::string RulesText(const Knowledge& knowledge) {
  size_t id_width = 2;
  size_t family_width = 6;
  for (const RuleInfo& r : knowledge.rules) {
    id_width = std::max(id_width, r.id.size());
    family_width = std::max(family_width, r.family.size());
  }
  const size_t kLevelWidth = 7;  // "warning"
  std::string out = PadRight("ID", id_width) + "  " + PadRight("LEVEL", kLevelWidth) + "  " +
                    PadRight("FAMILY", family_width) + "  DESCRIPTION\n";
  for (const RuleInfo& r : knowledge.rules) {
    std::string line = PadRight(r.id, id_width) + "  " + PadRight(LevelColumn(r), kLevelWidth) +
                       "  " + PadRight(r.family, family_width) + "  " + r.short_description;
    if (r.default_off) line += " (off by default)";
    out += line + "\n";
  }
  return out;
}

std::string RulesJson(const Knowledge& knowledge) {
  OrderedJson rules = OrderedJson::array();
  for (const RuleInfo& r : knowledge.rules) {
    rules.push_back({{"id", r.id},
                     {"name", r.name},
                     {"family", r.family},
                     {"level", LevelName(r.level)},
                     {"enabled", r.enabled},
                     {"default_off", r.default_off},
                     {"security_severity", r.security_severity},
                     {"precision", r.precision},
                     {"cwe", r.cwe},
                     {"tags", r.tags},
                     {"short_description", r.short_description},
                     {"full_description", r.full_description},
                     {"help", r.help}});
  }
  return DumpJson(rules);
}

}  // namespace

std::string RenderRules(const Knowledge& knowledge, Format format) {
  return format == Format::kText ? RulesText(knowledge) : RulesJson(knowledge);
}

std::string RenderExplain(const RuleInfo& rule) {
  std::string out = rule.id + " (" + rule.name + ")\n";
  out += "  family:            " + rule.family + "\n";
  out += "  default level:     " + std::string(LevelName(rule.level));
  if (rule.default_off) out += " (off by default)";
  if (!rule.enabled && !rule.default_off) out += " (disabled by the configuration)";
  out += "\n";
  out += "  security-severity: " + rule.security_severity + "\n";
  out += "  precision:         " + rule.precision + "\n";
  if (!rule.cwe.empty()) out += "  CWE:               CWE-" + rule.cwe + "\n";
  out += "\nWhat it catches\n" + Indent(rule.short_description);
  out += "\nWhy it matters\n" + Indent(rule.full_description);
  out += "\nHow to fix\n" + Indent(rule.help);
  return out;
}

}  // namespace keylint
