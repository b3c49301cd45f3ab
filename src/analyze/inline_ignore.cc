#include "analyze/inline_ignore.h"

#include <cctype>

namespace keylint {
namespace {

constexpr std::string_view kMarker = "keylint:ignore";

bool IsRuleChar(char c) {
  return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) ||
         c == '-' || c == '/';
}

}  // namespace

std::vector<InlineIgnore> FindInlineIgnores(const std::string& path, std::string_view text,
                                            const LineIndex& lines) {
  std::vector<InlineIgnore> out;
  for (size_t at = text.find(kMarker); at != std::string_view::npos;
       at = text.find(kMarker, at + kMarker.size())) {
    InlineIgnore ig;
    ig.path = path;
    ig.line = lines.LineOf(at);
    std::string_view rest = lines.LineText(ig.line);
    rest = rest.substr(std::min(rest.size(), rest.find(kMarker) + kMarker.size()));
    size_t i = 0;
    while (i < rest.size() && rest[i] == ' ') ++i;
    size_t start = i;
    // A rule id starts with its family's letter; "--" right after the marker opens the reason.
    if (i < rest.size() && std::islower(static_cast<unsigned char>(rest[i]))) {
      while (i < rest.size() && IsRuleChar(rest[i])) ++i;
    }
    std::string_view word = rest.substr(start, i - start);
    if (word.find('/') != std::string_view::npos) ig.rule_id = std::string(word);
    size_t dashes = rest.find("--", i);
    if (dashes != std::string_view::npos) {
      std::string_view reason = rest.substr(dashes + 2);
      while (!reason.empty() && reason.front() == ' ') reason.remove_prefix(1);
      // Drop a closing comment marker: "-- reason */" or "-- reason -->".
      for (std::string_view close : {"*/", "-->", "}}"}) {
        size_t c = reason.rfind(close);
        if (c != std::string_view::npos && c + close.size() >= reason.size() - 1) reason = reason.substr(0, c);
      }
      while (!reason.empty() && reason.back() == ' ') reason.remove_suffix(1);
      ig.reason = std::string(reason);
    }
    out.push_back(std::move(ig));
  }
  return out;
}

}  // namespace keylint
