#include "knowledge/exposure_match.h"

#include <cctype>

namespace keylint {
namespace {

// Backtracking wildcard match. Patterns are short (tens of bytes) and have at most a few stars,
// so the worst case stays far below the cost of reading the file the path names.
bool Match(std::string_view g, std::string_view t, bool path) {
  while (!g.empty()) {
    if (g.substr(0, 2) == "**") {
      std::string_view rest = g.substr(2);
      if (!rest.empty() && rest[0] == '/' && Match(rest.substr(1), t, path)) return true;
      for (size_t i = 0; i <= t.size(); ++i) {
        if (Match(rest, t.substr(i), path)) return true;
      }
      return false;
    }
    if (g[0] == '*') {
      std::string_view rest = g.substr(1);
      for (size_t i = 0; i <= t.size(); ++i) {
        if (Match(rest, t.substr(i), path)) return true;
        if (i < t.size() && path && t[i] == '/') break;
      }
      return false;
    }
    if (t.empty() || g[0] != t[0]) return false;
    g.remove_prefix(1);
    t.remove_prefix(1);
  }
  return t.empty();
}

bool AnyMatch(const std::vector<std::string>& globs, std::string_view name) {
  for (const std::string& g : globs) {
    if (Match(g, name, /*path=*/false)) return true;
  }
  return false;
}

}  // namespace

bool MatchGlob(std::string_view glob, std::string_view text, bool path) {
  // The literal bytes before the first star and after the last must open and close the text:
  // a cheap rejection of most (glob, path) pairs before any backtracking.
  size_t first = glob.find('*');
  if (first == std::string_view::npos) return glob == text;
  size_t last = glob.rfind('*');
  size_t tail = glob.size() - last - 1;
  // `**/x` also matches "x": the '/' after a `**` is not required.
  if (tail > 0 && glob[last + 1] == '/' && last > 0 && glob[last - 1] == '*') --tail;
  if (text.size() < first || text.size() < tail || text.compare(0, first, glob, 0, first) != 0 ||
      text.compare(text.size() - tail, tail, glob, glob.size() - tail, tail) != 0) {
    return false;
  }
  // Every literal run between stars must occur in the text ('/' next to a `**` may be absent:
  // `**/` also matches nothing).
  for (size_t begin = first; begin < last;) {
    size_t star = glob.find('*', begin);
    std::string_view run = glob.substr(begin, star - begin);
    while (!run.empty() && run.front() == '/') run.remove_prefix(1);
    while (!run.empty() && run.back() == '/') run.remove_suffix(1);
    if (!run.empty() && text.find(run) == std::string_view::npos) return false;
    begin = star + 1;
  }
  return Match(glob, text, path);
}

std::vector<std::string> ExpandBraces(std::string_view glob) {
  size_t open = glob.find('{');
  if (open == std::string_view::npos) return {std::string(glob)};
  // The matching close brace, and the top-level commas between.
  int depth = 0;
  size_t close = std::string_view::npos;
  std::vector<size_t> commas;
  for (size_t i = open; i < glob.size(); ++i) {
    if (glob[i] == '{') ++depth;
    if (glob[i] == '}' && --depth == 0) {
      close = i;
      break;
    }
    if (glob[i] == ',' && depth == 1) commas.push_back(i);
  }
  if (close == std::string_view::npos) return {std::string(glob)};
  std::vector<std::string> out;
  size_t from = open + 1;
  commas.push_back(close);
  for (size_t c : commas) {
    std::string joined = std::string(glob.substr(0, open)) + std::string(glob.substr(from, c - from)) +
                         std::string(glob.substr(close + 1));
    for (std::string& e : ExpandBraces(joined)) out.push_back(std::move(e));
    from = c + 1;
  }
  return out;
}

std::string UpperSnake(std::string_view id) {
  std::string out;
  out.reserve(id.size() + 4);
  for (size_t i = 0; i < id.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(id[i]);
    if (c == '-' || c == '.' || c == ' ') {
      out += '_';
      continue;
    }
    if (std::isupper(c) && i > 0) {
      unsigned char prev = static_cast<unsigned char>(id[i - 1]);
      bool next_lower = i + 1 < id.size() && std::islower(static_cast<unsigned char>(id[i + 1]));
      if (std::islower(prev) || std::isdigit(prev) || (std::isupper(prev) && next_lower)) {
        out += '_';
      }
    }
    out += static_cast<char>(std::toupper(c));
  }
  return out;
}

std::string_view PublicPrefixOf(const Knowledge& k, std::string_view name) {
  std::string_view best;
  for (const std::string& p : k.exposure.public_prefixes) {
    if (p.size() > best.size() && name.substr(0, p.size()) == p) best = p;
  }
  return best;
}

bool IsSecretName(const Knowledge& k, std::string_view name) {
  std::string upper = UpperSnake(name);
  std::string_view rest = upper;
  rest.remove_prefix(PublicPrefixOf(k, rest).size());
  if (AnyMatch(k.sdks.public_env_patterns, rest)) return false;
  // The secret patterns name a variable's head: NANGO_SECRET_KEY_PROD is NANGO_SECRET_KEY at
  // prod, DISABLE_PASSWORD_SIGNUP a flag.
  rest = WithoutNameQualifiers(k.stages, rest);
  if (rest.empty()) return false;
  return AnyMatch(k.sdks.secret_env_patterns, rest);
}

bool IsPublicName(const Knowledge& k, std::string_view name) {
  std::string upper = UpperSnake(name);
  std::string_view rest = upper;
  rest.remove_prefix(PublicPrefixOf(k, rest).size());
  return !rest.empty() && AnyMatch(k.sdks.public_env_patterns, rest);
}

bool IsPublicPrefixedSecretName(const Knowledge& k, std::string_view name) {
  return !PublicPrefixOf(k, name).empty() && IsSecretName(k, name);
}

const Framework* FrameworkById(const Knowledge& k, std::string_view id) {
  for (const Framework& f : k.exposure.frameworks) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

bool ModuleMatches(std::string_view pattern, std::string_view spec) {
  if (pattern.size() >= 2 && pattern.back() == '*' &&
      (pattern[pattern.size() - 2] == '/' || pattern[pattern.size() - 2] == ':')) {
    return spec.substr(0, pattern.size() - 1) == pattern.substr(0, pattern.size() - 1);
  }
  if (spec.substr(0, pattern.size()) != pattern) return false;
  return spec.size() == pattern.size() || spec[pattern.size()] == '/';
}

const Sdk* SdkForModule(const Knowledge& k, std::string_view spec) {
  for (const Sdk& sdk : k.sdks.sdks) {
    for (const std::string& p : sdk.packages) {
      if (ModuleMatches(p, spec)) return &sdk;
    }
  }
  return nullptr;
}

}  // namespace keylint
