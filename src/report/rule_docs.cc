// One documentation page per rule (docs/rules/<family>/<name>.md), the index of them, and the
// markdown help SARIF carries. The pages are generated from the rules (tools/rule-docs) and
// committed; docs_test checks that they are up to date, so SARIF's helpUri never dangles.
#include <string>

#include "report/formats.h"

namespace keylint {
namespace {

constexpr char kGeneratedNote[] =
    "<!-- Generated from rules/*.toml by tools/rule-docs (scripts/rule-docs.sh); do not edit. -->\n";

std::string CweLink(const std::string& cwe) {
  return "[CWE-" + cwe + "](https://cwe.mitre.org/data/definitions/" + cwe + ".html)";
}

std::string LevelText(const RuleInfo& r) {
  std::string level = LevelName(r.level);
  return r.default_off ? level + " (off by default)" : level;
}

// `s` ending in a period.
std::string Sentence(std::string s) {
  if (!s.empty() && s.back() != '.') s += '.';
  return s;
}

// `s` safe inside a markdown table cell.
std::string Cell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

}  // namespace

std::string RuleDocPath(const std::string& rule_id) { return "docs/rules/" + rule_id + ".md"; }

std::string RuleDocUri(const std::string& rule_id) {
  return std::string(kInformationUri) + "/blob/main/" + RuleDocPath(rule_id);
}

std::string RuleHelpMarkdown(const RuleInfo& r) {
  std::string md = "**" + r.short_description + "**\n\n";
  if (!r.full_description.empty()) md += r.full_description + "\n\n";
  if (!r.help.empty()) md += "### How to fix\n\n" + r.help + "\n\n";
  md += "Suppress one finding with a `keylint:ignore " + r.id + " -- reason` comment on its line.";
  if (r.builtin) md += "\n\n[Rule documentation](" + RuleDocUri(r.id) + ")";
  return md;
}

std::string RenderRulePage(const RuleInfo& r) {
  std::string md = "# " + r.id + "\n\n" + Sentence(r.short_description) + "\n\n";
  md += "| | |\n|---|---|\n";
  md += "| Family | `" + r.family + "` |\n";
  md += "| Default level | " + LevelText(r) + " |\n";
  md += "| Security severity | " + r.security_severity + " |\n";
  md += "| Precision | " + r.precision + " |\n";
  if (!r.cwe.empty()) md += "| CWE | " + CweLink(r.cwe) + " |\n";
  if (!r.tags.empty()) {
    md += "| Tags |";
    for (size_t i = 0; i < r.tags.size(); ++i) md += (i ? ", `" : " `") + r.tags[i] + "`";
    md += " |\n";
  }
  md += "\n## What it catches\n\n" + r.full_description + "\n";
  md += "\n## How to fix\n\n" + r.help + "\n";
  md += "\n## Suppress or re-level it\n\n";
  md += "- One finding: `keylint:ignore " + r.id + " -- reason` in a comment on its line or the line above.\n";
  md += "- Everywhere, in `.keylint.toml`:\n\n  ```toml\n  [rules.\"" + r.id +
        "\"]\n  level = \"warning\"   # or \"off\"\n  ```\n";
  md += "\n`keylint explain " + r.id + "` prints this page's content in a terminal.\n\n";
  md += kGeneratedNote;
  return md;
}

std::string RenderRuleIndex(const Knowledge& knowledge) {
  std::string md = "# keylint rules\n\n";
  md += "Every built-in rule, one page each. `keylint rules` lists them in a terminal.\n\n";
  md += "| rule | level | description |\n|---|---|---|\n";
  for (const RuleInfo& r : knowledge.rules) {
    if (!r.builtin) continue;
    md += "| [" + r.id + "](" + r.id + ".md) | " + LevelText(r) + " | " + Cell(r.short_description) + " |\n";
  }
  md += "\n";
  md += kGeneratedNote;
  return md;
}

}  // namespace keylint
