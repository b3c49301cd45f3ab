// A line-based reader, not a YAML parser: manifests are machine-written and regular (a top-level
// `kind:` and `data:` map of `key: base64` lines), and anything else is left to the raw scan.
#include "analyze/credentials/kubernetes_secret.h"

#include <algorithm>
#include <string>

#include "analyze/credentials/jwt.h"

namespace keylint {
namespace {

struct DataValue {
  std::string key;
  size_t begin = 0;  // the encoded value's bytes in the text
  size_t end = 0;
};

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool IsBase64Char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/' || c == '=';
}

// Printable text, possibly over several lines (a PEM key, a JSON key file).
bool IsPrintableText(std::string_view s) {
  if (s.empty()) return false;
  for (unsigned char c : s) {
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') return false;
    if (c == 0x7f) return false;
  }
  return true;
}

// `  key: value` inside a data: block, value unquoted or quoted base64.
bool ParseDataLine(std::string_view line, size_t line_begin, DataValue* out) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i == 0) return false;
  size_t key_begin = i;
  while (i < line.size() && line[i] != ':' && line[i] != ' ') ++i;
  if (i >= line.size() || line[i] != ':' || i == key_begin) return false;
  std::string key(line.substr(key_begin, i - key_begin));
  ++i;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  char quote = i < line.size() && (line[i] == '"' || line[i] == '\'') ? line[i] : 0;
  if (quote) ++i;
  size_t value_begin = i;
  while (i < line.size() && IsBase64Char(line[i])) ++i;
  if (i == value_begin) return false;
  size_t value_end = i;
  if (quote) {
    if (i >= line.size() || line[i] != quote) return false;
    ++i;
  }
  if (!TrimRight(line.substr(i)).empty()) return false;
  *out = DataValue{std::move(key), line_begin + value_begin, line_begin + value_end};
  return true;
}

bool IsSecretKind(std::string_view line) {
  if (line.substr(0, 5) != "kind:") return false;
  std::string_view kind = line.substr(5);
  while (!kind.empty() && (kind[0] == ' ' || kind[0] == '\t')) kind.remove_prefix(1);
  kind = TrimRight(kind);
  return kind == "Secret" || kind == "\"Secret\"" || kind == "'Secret'";
}

// Whether a line of `text` reads `kind: Secret`: a search for "\nkind:" (memchr stops at line
// breaks, not at every 'k'), so the line walk below runs only on manifests.
bool HasSecretKind(std::string_view text) {
  auto line_at = [&](size_t at) {
    size_t end = text.find('\n', at);
    return text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
  };
  if (IsSecretKind(line_at(0))) return true;
  for (size_t at = text.find("\nkind:"); at != std::string_view::npos; at = text.find("\nkind:", at + 6)) {
    if (IsSecretKind(line_at(at + 1))) return true;
  }
  return false;
}

void Judge(std::string_view text, const std::vector<DataValue>& values,
           const CredentialScanner& scanner, std::vector<CredentialMatch>* matches) {
  for (const DataValue& v : values) {
    // Whatever the raw scan saw in the encoded bytes is replaced by the decoded judgement.
    matches->erase(std::remove_if(matches->begin(), matches->end(),
                                  [&](const CredentialMatch& m) {
                                    return m.begin < v.end && v.begin < m.end;
                                  }),
                   matches->end());
    std::optional<std::string> decoded = DecodeBase64Url(text.substr(v.begin, v.end - v.begin));
    if (!decoded || !IsPrintableText(*decoded)) continue;
    std::vector<CredentialMatch> found = scanner.Scan(v.key + ": " + *decoded + "\n");
    if (found.empty()) continue;
    CredentialMatch m = std::move(found.front());
    m.begin = v.begin;
    m.end = v.end;
    matches->push_back(std::move(m));
  }
}

}  // namespace

void JudgeKubernetesSecretData(std::string_view text, const CredentialScanner& scanner,
                               std::vector<CredentialMatch>* matches) {
  if (!HasSecretKind(text)) return;
  bool is_secret = false, in_data = false, changed = false;
  std::vector<DataValue> values;
  auto end_document = [&] {
    if (is_secret && !values.empty()) {
      Judge(text, values, scanner, matches);
      changed = true;
    }
    is_secret = in_data = false;
    values.clear();
  };
  size_t begin = 0;
  while (begin < text.size()) {
    size_t nl = text.find('\n', begin);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = TrimRight(text.substr(begin, end - begin));
    if (line == "---" || line.substr(0, 4) == "--- ") {
      end_document();
    } else if (!line.empty() && line[0] != ' ' && line[0] != '\t' && line[0] != '#') {
      // A top-level key: kind, data, or anything that ends a data block.
      in_data = line == "data:";
      if (line.substr(0, 5) == "kind:") is_secret = IsSecretKind(line);
    } else if (in_data) {
      DataValue v;
      if (ParseDataLine(line, begin, &v)) values.push_back(std::move(v));
    }
    begin = end + 1;
  }
  end_document();
  if (changed) {
    std::stable_sort(matches->begin(), matches->end(),
                     [](const CredentialMatch& a, const CredentialMatch& b) { return a.begin < b.begin; });
  }
}

}  // namespace keylint
