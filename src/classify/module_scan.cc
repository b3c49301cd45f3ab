#include "classify/module_scan.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace keylint {
namespace {

// By byte: 1 may start an identifier, 2 may continue one (a table: the lexer asks for every byte).
const std::array<unsigned char, 256> kIdent = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 0; c < 256; ++c) {
    bool start = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || c >= 0x80;
    t[c] = start ? 3 : (c >= '0' && c <= '9') ? 2 : 0;
  }
  return t;
}();
bool IdentStart(unsigned char c) { return kIdent[c] & 1; }
bool IdentChar(unsigned char c) { return kIdent[c] & 2; }
bool Space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Words after which a `/` starts a regular expression rather than a division.
bool RegexAfterWord(std::string_view w) {
  static const char* const kWords[] = {"return", "typeof", "case",  "do",    "else", "in",
                                       "of",     "new",    "delete", "void", "throw", "yield",
                                       "await",  "instanceof"};
  for (const char* k : kWords) {
    if (w == k) return true;
  }
  return false;
}

// The lexer. Tokens it keeps track of are only those the patterns below need: the previous
// token (for regular expressions and `from '...'`), the identifier before a `(` (require/import
// calls) and the head of the current import/export statement.
class Lexer {
 public:
  Lexer(std::string_view s, ModuleScan* out, bool track_uses = false)
      : s_(s), out_(out), track_uses_(track_uses) {}

  void Scan(size_t begin, size_t end) {
    end_ = end;
    prev_ = kNone;
    head_ = kNoHead;
    templates_.clear();
    paren_depth_ = brace_depth_ = 0;
    in_if_condition_ = has_block_condition_ = false;
    if_blocks_.clear();
    size_t i = begin;
    while (i < end_) i = Step(i);
  }

 private:
  enum Prev { kNone, kIdent, kPunct, kValue };  // kValue: a string, number, `)` or `]`
  enum Head { kNoHead, kImportHead, kExportHead };

  size_t Step(size_t i) {
    unsigned char c = static_cast<unsigned char>(s_[i]);
    if (Space(c)) return i + 1;
    if (IdentStart(c)) return Identifier(i);
    if (c >= '0' && c <= '9') {
      while (i < end_ && IdentChar(static_cast<unsigned char>(s_[i]))) ++i;
      prev_ = kValue;
      return i;
    }
    switch (c) {
      case '\'':
      case '"':
        return String(i);
      case '`':
        return Template(i + 1);
      case '/':
        if (i + 1 < end_ && s_[i + 1] == '/') return LineEnd(i);
        if (i + 1 < end_ && s_[i + 1] == '*') {
          const char* close = Find(i + 2, "*/");
          return close ? static_cast<size_t>(close - s_.data()) + 2 : end_;
        }
        if (RegexHere()) return Regex(i + 1);
        return Punct(i, c);
      case '{':
        if (!templates_.empty()) ++templates_.back();
        ++brace_depth_;
        // Past kMaxIfBlocks (hostile nesting) a block's condition is not kept: its imports then
        // count as unconditional, which can only add client edges, never hide one.
        if (has_block_condition_ && if_blocks_.size() < kMaxIfBlocks) {
          if_blocks_.push_back({brace_depth_, block_condition_});
        }
        has_block_condition_ = false;
        return Punct(i, c);
      case '}':
        if (!templates_.empty()) {
          if (templates_.back() == 0) {
            templates_.pop_back();
            return Template(i + 1);
          }
          --templates_.back();
        }
        if (!if_blocks_.empty() && if_blocks_.back().depth == brace_depth_) if_blocks_.pop_back();
        if (brace_depth_ > 0) --brace_depth_;
        return Punct(i, c);
      case ')':
        if (paren_depth_ > 0) --paren_depth_;
        if (in_if_condition_ && paren_depth_ == if_paren_depth_) {
          in_if_condition_ = false;
          size_t n = SkipSpace(i + 1);
          has_block_condition_ = n < end_ && s_[n] == '{';
          block_condition_ = {if_condition_begin_, i};
        }
        prev_ = kValue;
        return i + 1;
      case ']':
        prev_ = kValue;
        return i + 1;
      case ';':
        head_ = kNoHead;
        return Punct(i, c);
      default:
        return Punct(i, c);
    }
  }

  size_t Punct(size_t i, unsigned char c) {
    if (c == '(') {
      call_ident_ = prev_ == kIdent && !after_dot_ ? prev_ident_ : std::string_view();
      if (call_ident_ == "if") {
        in_if_condition_ = true;
        if_paren_depth_ = paren_depth_;
        if_condition_begin_ = i + 1;
      }
      ++paren_depth_;
    }
    after_dot_ = c == '.';
    prev_ = kPunct;
    prev_punct_ = static_cast<char>(c);
    return i + 1;
  }

  bool RegexHere() const {
    if (prev_ == kNone) return true;
    if (prev_ == kIdent) return RegexAfterWord(prev_ident_);
    if (prev_ == kValue) return false;
    return std::strchr("(,=:[!&|?{};+-*%<>~^}", prev_punct_) != nullptr;
  }

  size_t Identifier(size_t i) {
    size_t b = i;
    while (i < end_ && IdentChar(static_cast<unsigned char>(s_[i]))) ++i;
    std::string_view w = s_.substr(b, i - b);
    bool member = after_dot_;
    after_dot_ = false;
    if (!member && !locals_.empty() && head_ != kImportHead) Use(w, b, i);
    if (!member) {
      if (w == "import") {
        size_t n = SkipSpace(i);
        if (n < end_ && s_[n] == '.') {
          if (Match(n, ".meta.env")) return EnvAccess(b, n + 9, ScannedEnvRead::kImportMetaEnv);
        } else if (n < end_ && s_[n] != '(') {
          StartHead(kImportHead, b);
        }
      } else if (w == "export") {
        StartHead(kExportHead, b);
      } else if (w == "type" && prev_ == kIdent && head_ != kNoHead && head_start_ == prev_start_) {
        head_type_ = true;
      } else if (w == "process") {
        size_t n = SkipSpace(i);
        if (Match(n, ".env")) return EnvAccess(b, n + 4, ScannedEnvRead::kProcessEnv);
      } else if (!dynamic_env_.empty()) {
        for (std::string_view local : dynamic_env_) {
          if (w == local && i < end_ && s_[i] == '.') {
            size_t e = i + 1;
            while (e < end_ && IdentChar(static_cast<unsigned char>(s_[e]))) ++e;
            if (e > i + 1) {
              out_->env_reads.push_back({s_.substr(i + 1, e - i - 1), {b, e}, ScannedEnvRead::kSvelteKitPrivate});
            }
          }
        }
      }
    }
    prev_ = kIdent;
    prev_ident_ = member ? std::string_view() : w;
    prev_start_ = b;
    return i;
  }

  void StartHead(Head h, size_t at) {
    head_ = h;
    head_start_ = at;
    head_type_ = false;
  }

  // After `process.env` / `import.meta.env` (ending at `i`): `.NAME`, `?.NAME`, `['NAME']`, or
  // the object of a destructuring `const { A, B: b } = process.env`.
  size_t EnvAccess(size_t begin, size_t i, ScannedEnvRead::Kind kind) {
    if (i < end_ && IdentChar(static_cast<unsigned char>(s_[i]))) {  // process.environment
      prev_ = kIdent;
      prev_ident_ = {};
      return i;
    }
    size_t n = i;
    if (Match(n, "?.")) ++n;
    if (n < end_ && s_[n] == '.') {
      size_t b = n + 1, e = b;
      while (e < end_ && IdentChar(static_cast<unsigned char>(s_[e]))) ++e;
      if (e > b) out_->env_reads.push_back({s_.substr(b, e - b), {begin, e}, kind});
      prev_ = kIdent;
      prev_ident_ = {};
      return e;
    }
    if (Match(n, "?.")) n += 2;
    if (n + 1 < end_ && s_[n] == '[' && (s_[n + 1] == '\'' || s_[n + 1] == '"')) {
      char q = s_[n + 1];
      size_t close = n + 2;
      while (close < end_ && s_[close] != q && s_[close] != '\n' && IdentChar(static_cast<unsigned char>(s_[close]))) ++close;
      if (close < end_ && s_[close] == q && close + 1 < end_ && s_[close + 1] == ']') {
        out_->env_reads.push_back({s_.substr(n + 2, close - n - 2), {begin, close + 2}, kind});
        prev_ = kValue;
        return close + 2;
      }
    }
    if (prev_ == kPunct && prev_punct_ == '=') Destructured(begin, kind);
    prev_ = kIdent;
    prev_ident_ = {};
    return i;
  }

  // `{ A, B: b, C = 'x', ...rest } = <env>`: the keys, found backwards from `env_begin`.
  void Destructured(size_t env_begin, ScannedEnvRead::Kind kind) {
    size_t j = env_begin;
    while (j > 0 && Space(s_[j - 1])) --j;
    if (j == 0 || s_[j - 1] != '=') return;
    --j;
    while (j > 0 && Space(s_[j - 1])) --j;
    if (j == 0 || s_[j - 1] != '}') return;
    size_t close = j - 1;
    int depth = 0;
    size_t open = close;
    for (size_t k = close + 1; k-- > 0 && close - k < 4096;) {
      if (s_[k] == '}') ++depth;
      if (s_[k] == '{' && --depth == 0) {
        open = k;
        break;
      }
    }
    if (open == close) return;
    NamesInBraces(open, close, kind);
  }

  // Object-pattern or import-clause keys between s_[open] == '{' and s_[close] == '}': the first
  // identifier of each comma-separated part at depth 1 (`A`, `A: b`, `A as b`, `A = 1`).
  void NamesInBraces(size_t open, size_t close, ScannedEnvRead::Kind kind) {
    int depth = 0;
    bool expect = true;
    for (size_t k = open + 1; k < close; ++k) {
      char c = s_[k];
      if (c == '{' || c == '[' || c == '(') ++depth;
      else if (c == '}' || c == ']' || c == ')') --depth;
      else if (c == ',' && depth == 0) expect = true;
      else if (expect && depth == 0 && IdentStart(static_cast<unsigned char>(c))) {
        size_t e = k;
        while (e < close && IdentChar(static_cast<unsigned char>(s_[e]))) ++e;
        if (k < 3 || s_.compare(k - 3, 3, "...") != 0) {
          std::string_view name = s_.substr(k, e - k);
          if (name != "type") out_->env_reads.push_back({name, {k, e}, kind});
          else continue;  // `type X` in an import clause: the name follows
        }
        expect = false;
        k = e - 1;
      }
    }
  }

  size_t String(size_t i) {
    char q = s_[i];
    size_t j = i + 1;
    while (j < end_) {
      char c = s_[j];
      if (c == q) break;
      if (c == '\n') {  // unterminated: not a string after all (JSX text, a stray quote)
        prev_ = kValue;
        return j;
      }
      j += c == '\\' ? 2 : 1;
    }
    if (j >= end_) return end_;
    OnString(i, j + 1);
    prev_ = kValue;
    return j + 1;
  }

  // A complete string literal [b, e): an import specifier if the tokens before say so.
  void OnString(size_t b, size_t e) {
    std::string_view module = s_.substr(b + 1, e - b - 2);
    if (module.empty() || module.size() > 512) return;
    if (prev_ == kIdent && prev_ident_ == "from" && head_ != kNoHead) {
      ImportKind kind = head_ == kExportHead ? ImportKind::kReexport : ImportKind::kStatic;
      out_->imports.push_back({module, {b, e}, kind, head_type_, true, {}});
      if (head_ == kImportHead && StartsWithDollarEnv(module)) PrivateEnvImport(module);
      if (track_uses_ && head_ == kImportHead && !head_type_) Locals(b);
      head_ = kNoHead;
      return;
    }
    if (prev_ == kIdent && prev_ident_ == "import" && head_ == kImportHead && prev_start_ == head_start_) {
      out_->imports.push_back({module, {b, e}, ImportKind::kSideEffect, false, true, {}});
      head_ = kNoHead;
      return;
    }
    if (prev_ == kPunct && prev_punct_ == '(' && (call_ident_ == "require" || call_ident_ == "import")) {
      size_t n = SkipSpace(e);
      if (n < end_ && s_[n] == ')') {
        out_->imports.push_back({module, {b, e},
                                 call_ident_ == "require" ? ImportKind::kRequire : ImportKind::kDynamic,
                                 false, true, {}});
        for (const IfBlock& block : if_blocks_) out_->imports.back().conditions.push_back(block.condition);
      }
    }
  }

  // The local names an import statement binds (its clause runs from the head to `from`), except
  // `type X` ones. An import that binds names starts as unused until a value use is seen.
  void Locals(size_t from_string) {
    size_t idx = out_->imports.size() - 1;
    std::string_view clause = s_.substr(head_start_ + 6, from_string - head_start_ - 6);
    size_t from_kw = clause.rfind("from");
    if (from_kw != std::string_view::npos) clause = clause.substr(0, from_kw);
    size_t before = locals_.size();
    bool in_braces = false, skip_part = false;
    int type_parts = 0;
    std::string_view last;
    auto flush = [&] {
      if (!last.empty() && !skip_part) locals_.emplace_back(last, idx);
      if (skip_part) ++type_parts;
      last = {};
      skip_part = false;
    };
    for (size_t k = 0; k < clause.size();) {
      unsigned char c = static_cast<unsigned char>(clause[k]);
      if (IdentStart(c)) {
        size_t e = k;
        while (e < clause.size() && IdentChar(static_cast<unsigned char>(clause[e]))) ++e;
        std::string_view w = clause.substr(k, e - k);
        if (w == "type" && in_braces && last.empty()) skip_part = true;
        else if (w != "as") last = w;  // `a as b`: the last name is the local
        k = e;
        continue;
      }
      if (c == '{') in_braces = true;
      if (c == '}' || c == ',') flush();
      if (c == '}') in_braces = false;
      ++k;
    }
    flush();
    // `import { type A, type B } from`: nothing but types, erased like `import type`.
    if (locals_.size() > before || type_parts > 0) out_->imports[idx].value_used = false;
  }

  // An identifier that names an import's local: a value use unless the tokens around it say type.
  void Use(std::string_view w, size_t b, size_t e) {
    for (size_t k = 0; k < locals_.size(); ++k) {
      if (locals_[k].first != w || TypePosition(b, e)) continue;
      // Decided: the import's names need no more looking at.
      size_t idx = locals_[k].second;
      out_->imports[idx].value_used = true;
      locals_.erase(std::remove_if(locals_.begin(), locals_.end(),
                                   [idx](const auto& l) { return l.second == idx; }),
                    locals_.end());
      return;
    }
  }

  bool TypePosition(size_t b, size_t e) const {
    if (prev_ == kIdent) {
      return prev_ident_ == "as" || prev_ident_ == "satisfies" || prev_ident_ == "implements" ||
             prev_ident_ == "keyof" || prev_ident_ == "infer" || prev_ident_ == "is";
    }
    if (prev_ != kPunct) return false;
    if (prev_punct_ == ':') return true;
    if (prev_punct_ == '<' || prev_punct_ == ',') {
      // Generic<Name> / Generic<A, Name>, not JSX <Name>: an identifier right before the `<`.
      size_t k = b;
      while (k > 0 && s_[k - 1] != '<' && b - k < 256) --k;
      if (k == 0 || s_[k - 1] != '<') return false;
      size_t before = k - 1;
      size_t n = e;
      while (n < end_ && Space(s_[n])) ++n;
      bool closes = n < end_ && (s_[n] == '>' || s_[n] == ',' || s_[n] == '[' || s_[n] == '|');
      return before > 0 && IdentChar(static_cast<unsigned char>(s_[before - 1])) && closes;
    }
    return false;
  }

  static bool StartsWithDollarEnv(std::string_view m) {
    return m == "$env/static/private" || m == "$env/dynamic/private";
  }

  // import { A, B as b } from '$env/static/private' -> reads A, B; from '$env/dynamic/private',
  // the local names whose members are reads (env.X).
  void PrivateEnvImport(std::string_view module) {
    size_t open = s_.find('{', head_start_);
    size_t close = open == std::string_view::npos ? open : s_.find('}', open);
    if (close == std::string_view::npos || close > static_cast<size_t>(module.data() - s_.data())) return;
    if (module == "$env/static/private") return NamesInBraces(open, close, ScannedEnvRead::kSvelteKitPrivate);
    ModuleScan locals;
    Lexer sub(s_, &locals);
    sub.NamesInBraces(open, close, ScannedEnvRead::kSvelteKitPrivate);
    for (const ScannedEnvRead& r : locals.env_reads) {
      // `env as privateEnv`: the local is the last identifier of the part.
      std::string_view local = r.name;
      size_t as = s_.find(" as ", r.span.end);
      if (as != std::string_view::npos && as == r.span.end) {
        size_t b = SkipSpace(as + 4), e = b;
        while (e < close && IdentChar(static_cast<unsigned char>(s_[e]))) ++e;
        local = s_.substr(b, e - b);
      }
      dynamic_env_.push_back(local);
    }
  }

  // Inside a template literal from `i`: to its end, or into a `${` substitution.
  size_t Template(size_t i) {
    while (i < end_) {
      char c = s_[i];
      if (c == '\\') {
        i += 2;
      } else if (c == '`') {
        prev_ = kValue;
        return i + 1;
      } else if (c == '$' && i + 1 < end_ && s_[i + 1] == '{') {
        if (templates_.size() > 64) return end_;  // absurd nesting: give up on the rest
        templates_.push_back(0);
        prev_ = kPunct;
        prev_punct_ = '{';
        return i + 2;
      } else {
        ++i;
      }
    }
    return end_;
  }

  // A regular expression body from `i` (after the opening slash). It cannot span lines: at a
  // newline the guess was wrong and the scan resumes as code.
  size_t Regex(size_t i) {
    bool klass = false;
    size_t start = i;
    while (i < end_) {
      char c = s_[i];
      if (c == '\n') return start;
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '[') klass = true;
      else if (c == ']') klass = false;
      else if (c == '/' && !klass) break;
      ++i;
    }
    ++i;
    while (i < end_ && IdentChar(static_cast<unsigned char>(s_[i]))) ++i;  // flags
    prev_ = kValue;
    return i;
  }

  size_t LineEnd(size_t i) {
    const void* nl = std::memchr(s_.data() + i, '\n', end_ - i);
    return nl ? static_cast<size_t>(static_cast<const char*>(nl) - s_.data()) + 1 : end_;
  }
  const char* Find(size_t from, std::string_view needle) const {
    size_t at = s_.substr(0, end_).find(needle, from);
    return at == std::string_view::npos ? nullptr : s_.data() + at;
  }
  size_t SkipSpace(size_t i) const {
    while (i < end_ && Space(s_[i])) ++i;
    return i;
  }
  bool Match(size_t i, std::string_view word) const {
    return i + word.size() <= end_ && s_.compare(i, word.size(), word) == 0;
  }

  std::string_view s_;
  ModuleScan* out_;
  size_t end_ = 0;
  Prev prev_ = kNone;
  char prev_punct_ = 0;
  std::string_view prev_ident_;
  size_t prev_start_ = 0;
  bool after_dot_ = false;
  std::string_view call_ident_;
  Head head_ = kNoHead;
  size_t head_start_ = 0;
  bool head_type_ = false;
  std::vector<int> templates_;  // brace depth inside each open `${`
  // `if (condition) {` blocks open around the current byte (ScannedImport::conditions).
  struct IfBlock {
    size_t depth = 0;  // brace_depth_ inside the block
    ScanSpan condition;
  };
  static constexpr size_t kMaxIfBlocks = 256;
  size_t paren_depth_ = 0;
  size_t brace_depth_ = 0;              // code braces, not a template's `${`
  bool in_if_condition_ = false;        // inside the parentheses of an `if`
  size_t if_paren_depth_ = 0;           // paren_depth_ outside them
  size_t if_condition_begin_ = 0;
  bool has_block_condition_ = false;    // the `if (...)` just closed is followed by `{`
  ScanSpan block_condition_;
  std::vector<IfBlock> if_blocks_;
  std::vector<std::string_view> dynamic_env_;
  bool track_uses_ = false;
  std::vector<std::pair<std::string_view, size_t>> locals_;  // import local -> index in imports
};

}  // namespace

ModuleScan ScanModule(std::string_view bytes, const std::vector<ScanSpan>& ranges, bool track_value_uses) {
  ModuleScan out;
  Lexer lexer(bytes, &out, track_value_uses);
  if (ranges.empty()) {
    lexer.Scan(0, bytes.size());
  } else {
    for (const ScanSpan& r : ranges) {
      if (r.begin < r.end && r.end <= bytes.size()) lexer.Scan(r.begin, r.end);
    }
  }
  return out;
}

}  // namespace keylint
