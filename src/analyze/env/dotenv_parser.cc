#include "analyze/env/dotenv_parser.h"

#include <cctype>

namespace keylint {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsEol(char c) { return c == '\n' || c == '\r'; }
// dotenv's key charset: [\w.-].
bool IsKeyChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
}
bool IsNameStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

class Parser {
 public:
  explicit Parser(std::string_view text) : t_(text), n_(text.size()) {}

  DotenvFile Run() {
    size_t i = 0;
    if (t_.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    while (i < n_) i = ParseLine(i);
    return std::move(out_);
  }

 private:
  size_t SkipBlanks(size_t i) const {
    while (i < n_ && IsBlank(t_[i])) ++i;
    return i;
  }
  size_t LineEnd(size_t i) const {
    while (i < n_ && t_[i] != '\n') ++i;
    return i;
  }
  // Offset after the line terminator at or after i.
  size_t NextLine(size_t i) const {
    i = LineEnd(i);
    return i < n_ ? i + 1 : n_;
  }
  // End of the line's content: before "\r\n" or "\n".
  size_t ContentEnd(size_t i) const {
    size_t e = LineEnd(i);
    if (e > i && t_[e - 1] == '\r') --e;
    return e;
  }

  void Problem(DotenvProblem::Kind kind, size_t begin, size_t end, std::string message) {
    out_.problems.push_back({kind, begin, end, std::move(message)});
  }

  // Parses the line (or the multi-line entry) starting at `start`; returns where the next starts.
  size_t ParseLine(size_t start) {
    size_t i = SkipBlanks(start);
    if (i >= n_ || IsEol(t_[i]) || t_[i] == '#') return NextLine(i);
    DotenvEntry e;
    if (t_.compare(i, 6, "export") == 0 && i + 6 < n_ && IsBlank(t_[i + 6])) {
      e.exported = true;
      i = SkipBlanks(i + 6);
    }
    const size_t content_end = ContentEnd(i);
    size_t k = i;
    while (k < content_end && !IsBlank(t_[k]) && t_[k] != '=' && t_[k] != ':') ++k;
    e.key_begin = i;
    e.key_end = k;
    e.key = std::string(t_.substr(i, k - i));
    size_t j = SkipBlanks(k);
    const bool has_equals_later = t_.substr(i, content_end - i).find('=') != std::string_view::npos;
    if (j < content_end && t_[j] == '=') {
      e.space_before_equals = j > k;
      ++j;
    } else if (j < content_end && t_[j] == ':' && (j + 1 >= content_end || IsBlank(t_[j + 1]))) {
      e.colon_separator = true;
      ++j;
    } else if (e.exported && j >= content_end) {
      return NextLine(i);  // `export KEY`: shell syntax exporting an existing variable; no entry
    } else if (has_equals_later && !e.key.empty()) {
      Problem(DotenvProblem::Kind::kInvalidKey, i, content_end - i > 0 ? content_end : i,
              "invalid key: whitespace or ':' inside the key");
      return NextLine(i);
    } else {
      Problem(DotenvProblem::Kind::kMissingEquals, i, content_end,
              "missing '=': dotenv ignores this line");
      return NextLine(i);
    }
    if (e.key.empty()) {
      Problem(DotenvProblem::Kind::kInvalidKey, i, j, "empty key before '='");
      return NextLine(i);
    }
    for (char c : e.key) {
      if (!IsKeyChar(c)) {
        Problem(DotenvProblem::Kind::kInvalidKey, e.key_begin, e.key_end,
                "invalid key: dotenv accepts only letters, digits, '_', '.' and '-'");
        return NextLine(i);
      }
    }
    size_t v = SkipBlanks(j);
    e.space_after_equals = !e.colon_separator && v > j && v < content_end && t_[v] != '#';
    size_t next = ParseValue(v, content_end, &e);
    FindReferences(&e);
    out_.entries.push_back(std::move(e));
    return next;
  }

  // Parses the value starting at v (after blanks); returns the start of the next line.
  size_t ParseValue(size_t v, size_t content_end, DotenvEntry* e) {
    if (v < content_end && (t_[v] == '\'' || t_[v] == '"' || t_[v] == '`')) {
      const char q = t_[v];
      size_t c = v + 1;
      while (c < n_ && t_[c] != q) c += (t_[c] == '\\' && c + 1 < n_) ? 2 : 1;
      if (c < n_ && SwallowsEntries(v + 1, c)) {
        Problem(DotenvProblem::Kind::kUnterminatedQuote, v, v + 1,
                std::string("unterminated ") + QuoteName(q) + " quote in the value of '" +
                    KeyPreview(e->key) + "': the value runs on over KEY=value lines");
        c = n_;  // recover below: the rest of this line is the value
      } else if (c < n_) {
        e->quote = q;
        e->value_begin = v + 1;
        e->value_end = c;
        e->value = Decode(t_.substr(v + 1, c - v - 1), q);
        size_t after = SkipBlanks(c + 1);
        size_t end = ContentEnd(c + 1);
        if (after < end && t_[after] != '#') {
          Problem(DotenvProblem::Kind::kTextAfterQuote, after, end,
                  "text after the closing quote of '" + KeyPreview(e->key) +
                      "': dotenv drops the whole line");
        }
        return NextLine(c + 1);
      }
      if (c >= n_ && (out_.problems.empty() || out_.problems.back().begin != v)) {
        Problem(DotenvProblem::Kind::kUnterminatedQuote, v, v + 1,
                std::string("unterminated ") + QuoteName(q) + " quote in the value of '" +
                    KeyPreview(e->key) + "'");
      }
      // Recover as dotenv does: the rest of the line, quote included, is the value.
    }
    size_t end = v;
    while (end < content_end && t_[end] != '#') ++end;
    while (end > v && IsBlank(t_[end - 1])) --end;
    e->value_begin = v;
    e->value_end = end;
    e->value = std::string(t_.substr(v, end - v));
    return NextLine(v);
  }

  // Whether a multi-line quoted value [begin, end) holds a later line that reads as an entry of
  // its own (UPPER_SNAKE=...): dotenv would swallow it, so the opening quote is most likely
  // unterminated. Base64 padding ("QUJD==") does not count.
  bool SwallowsEntries(size_t begin, size_t end) const {
    for (size_t p = t_.find('\n', begin); p != std::string_view::npos && p < end;
         p = t_.find('\n', p + 1)) {
      size_t i = SkipBlanks(p + 1);
      if (t_.compare(i, 7, "export ") == 0) i = SkipBlanks(i + 7);
      size_t k = i;
      while (k < end && ((t_[k] >= 'A' && t_[k] <= 'Z') || (t_[k] >= '0' && t_[k] <= '9') ||
                         t_[k] == '_')) {
        ++k;
      }
      if (k > i && !(t_[i] >= '0' && t_[i] <= '9') && k + 1 < end && t_[k] == '=' &&
          t_[k + 1] != '=') {
        return true;
      }
    }
    return false;
  }

  // dotenv: CRLF normalised; in double quotes, \n and \r become line breaks. Nothing else.
  static std::string Decode(std::string_view raw, char q) {
    std::string out;
    out.reserve(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) {
      char c = raw[i];
      if (c == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') continue;
      if (q == '"' && c == '\\' && i + 1 < raw.size() && (raw[i + 1] == 'n' || raw[i + 1] == 'r')) {
        out += raw[i + 1] == 'n' ? '\n' : '\r';
        ++i;
        continue;
      }
      out += c;
    }
    return out;
  }

  // dotenv-expand references in the value's file bytes; single-quoted values are literal.
  void FindReferences(DotenvEntry* e) {
    if (e->quote == '\'') return;
    std::string_view raw = t_.substr(e->value_begin, e->value_end - e->value_begin);
    size_t literal = 0;  // non-blank bytes outside references
    for (size_t i = 0; i < raw.size(); ++i) {
      char c = raw[i];
      if (c == '\\' && i + 1 < raw.size()) {
        ++i;
        literal += 2;
        continue;
      }
      if (c != '$' || i + 1 >= raw.size()) {
        if (!IsBlank(c)) ++literal;
        continue;
      }
      if (raw[i + 1] == '{') {
        size_t close = raw.find('}', i + 2);
        if (close == std::string_view::npos) {
          Problem(DotenvProblem::Kind::kUnterminatedExpansion, e->value_begin + i,
                  e->value_begin + i + 2, "unterminated '${' in the value of '" +
                                              KeyPreview(e->key) + "'");
          return;
        }
        size_t name_end = i + 2;
        while (name_end < close && IsNameChar(raw[name_end])) ++name_end;
        if (name_end > i + 2) e->references.emplace_back(raw.substr(i + 2, name_end - i - 2));
        i = close;
      } else if (IsNameStart(raw[i + 1])) {
        size_t name_end = i + 1;
        while (name_end < raw.size() && IsNameChar(raw[name_end])) ++name_end;
        e->references.emplace_back(raw.substr(i + 1, name_end - i - 1));
        i = name_end - 1;
      } else {
        ++literal;
      }
    }
    e->reference_only = !e->references.empty() && literal == 0;
  }

  static const char* QuoteName(char q) {
    return q == '"' ? "double" : q == '\'' ? "single" : "backtick";
  }
  // Keys are names, not values, but cap them: a "key" may be a pasted secret.
  static std::string KeyPreview(std::string_view key) {
    if (key.size() <= 40) return std::string(key);
    return std::string(key.substr(0, 12)) + "…";
  }

  std::string_view t_;
  size_t n_;
  DotenvFile out_;
};

}  // namespace

DotenvFile ParseDotenv(std::string_view text) { return Parser(text).Run(); }

}  // namespace keylint
