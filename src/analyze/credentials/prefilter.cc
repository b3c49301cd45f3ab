#include "analyze/credentials/prefilter.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <limits>
#include <map>
#include <mutex>

#include <hs/hs.h>
#include <re2/re2.h>
#include <re2/set.h>

#include "analyze/credentials/keyword_db.h"

namespace keylint {

struct KeywordPrefilter::Automaton {
  std::unique_ptr<RE2::Set> set;          // null: not built, every rule is a candidate
  std::vector<std::vector<int>> rules_of;  // keyword index in the set -> rules listing it
};

KeywordPrefilter::KeywordPrefilter(std::vector<std::vector<std::string>> keywords)
    : keywords_(std::move(keywords)) {}

KeywordPrefilter::~KeywordPrefilter() = default;

const KeywordPrefilter::Automaton& KeywordPrefilter::Built() const {
  std::call_once(once_, [this] {
    auto a = std::make_unique<Automaton>();
    RE2::Options opts;
    opts.set_literal(true);
    opts.set_case_sensitive(false);
    opts.set_log_errors(false);
    opts.set_max_mem(64 << 20);
    auto set = std::make_unique<RE2::Set>(opts, RE2::UNANCHORED);
    std::map<std::string, int> index;  // distinct keywords
    bool ok = true;
    for (size_t rule = 0; rule < keywords_.size() && ok; ++rule) {
      for (const std::string& kw : keywords_[rule]) {
        auto [it, fresh] = index.emplace(kw, static_cast<int>(a->rules_of.size()));
        if (fresh) {
          if (set->Add(kw, nullptr) != it->second) {
            ok = false;
            break;
          }
          a->rules_of.emplace_back();
        }
        a->rules_of[it->second].push_back(static_cast<int>(rule));
      }
    }
    if (ok && set->Compile()) a->set = std::move(set);
    automaton_ = std::move(a);
  });
  return *automaton_;
}

std::vector<bool> KeywordPrefilter::Candidates(std::string_view text) const {
  const Automaton& a = Built();
  std::vector<bool> out(keywords_.size(), false);
  std::vector<int> hits;
  RE2::Set::ErrorInfo error;
  if (!a.set) {
    out.assign(keywords_.size(), true);
    return out;
  }
  if (!a.set->Match(text, &hits, &error)) {
    // No keyword, or the DFA ran out of memory: only the former may skip rules.
    if (error.kind != RE2::Set::kNoError) out.assign(keywords_.size(), true);
    return out;
  }
  for (int k : hits) {
    for (int rule : a.rules_of[k]) out[rule] = true;
  }
  return out;
}

}  // namespace keylint

namespace keylint {
namespace {

constexpr size_t kInf = MatchExtent::kUnbounded;

size_t AddLen(size_t a, size_t b) { return (a == kInf || b == kInf || a + b < a) ? kInf : a + b; }

size_t MulLen(size_t a, size_t n) {
  if (a == 0 || n == 0) return 0;
  if (a == kInf || n == kInf || a > kInf / n) return kInf;
  return a * n;
}

// A reader for the RE2 syntax the rules use. Each Parse* returns the extent of what it read; any
// construct it does not know sets failed_, and the caller then assumes nothing.
class ExtentReader {
 public:
  explicit ExtentReader(std::string_view re) : re_(re) {}

  MatchExtent Read() {
    MatchExtent out;
    Piece p = Alternation();
    if (failed_ || pos_ != re_.size()) return out;
    out.known = true;
    out.max_len = p.len;
    out.newline = p.newline;
    out.newline_only_last = p.newline && !p.inner_newline;
    out.folds_case = folds_case_;
    return out;
  }

 private:
  struct Piece {
    size_t len = 0;
    bool newline = false;
    bool inner_newline = false;  // a newline may be other than the piece's last byte
  };

  bool AtEnd() const { return pos_ >= re_.size(); }
  char Peek() const { return re_[pos_]; }
  void Fail() {
    failed_ = true;
    pos_ = re_.size();
  }

  Piece Alternation() {
    Piece out = Concatenation();
    while (!failed_ && !AtEnd() && Peek() == '|') {
      ++pos_;
      Piece p = Concatenation();
      out.len = std::max(out.len, p.len);
      out.newline |= p.newline;
      out.inner_newline |= p.inner_newline;
    }
    return out;
  }

  Piece Concatenation() {
    Piece out;
    while (!failed_ && !AtEnd() && Peek() != '|' && Peek() != ')') {
      Piece p = Repetition();
      // A newline that ended what came before is inner once anything may follow it.
      out.inner_newline |= p.inner_newline || (out.newline && p.len > 0);
      out.len = AddLen(out.len, p.len);
      out.newline |= p.newline;
    }
    return out;
  }

  // {n}, {n,}, {n,m}: the upper bound (kInf for none); false when the braces are not a repeat
  // (RE2 then reads '{' as a literal).
  bool Braces(size_t* max) {
    size_t i = pos_ + 1;
    auto number = [&](size_t* v) {
      size_t start = i, n = 0;
      while (i < re_.size() && re_[i] >= '0' && re_[i] <= '9') {
        n = n * 10 + static_cast<size_t>(re_[i] - '0');
        if (n > 100000) return false;
        ++i;
      }
      *v = n;
      return i > start;
    };
    size_t lo = 0, hi = 0;
    if (!number(&lo)) return false;
    hi = lo;
    if (i < re_.size() && re_[i] == ',') {
      ++i;
      if (i < re_.size() && re_[i] == '}') {
        hi = kInf;
      } else if (!number(&hi)) {
        return false;
      }
    }
    if (i >= re_.size() || re_[i] != '}') return false;
    pos_ = i + 1;
    *max = hi;
    return true;
  }

  Piece Repetition() {
    Piece p = Atom();
    while (!failed_ && !AtEnd()) {
      char c = Peek();
      size_t max = 0;
      if (c == '*' || c == '+') {
        ++pos_;
        max = kInf;
      } else if (c == '?') {
        ++pos_;
        max = 1;
      } else if (c == '{' && Braces(&max)) {
      } else {
        break;
      }
      if (!AtEnd() && Peek() == '?') ++pos_;  // non-greedy: same extent
      p.len = MulLen(p.len, max);
      if (max >= 2) p.inner_newline |= p.newline;
      if (max == 0) p.newline = p.inner_newline = false;
    }
    return p;
  }

  // Flags in "(?flags)" or "(?flags:": only i and s change what a match can hold.
  bool Flags(bool* group) {
    while (!AtEnd()) {
      char c = re_[pos_++];
      if (c == 'i') {
        folds_case_ = true;
      } else if (c == 's') {
        dot_newline_ = true;  // conservatively for the rest of the pattern
      } else if (c == 'm' || c == 'U' || c == '-') {
      } else if (c == ':' || c == ')') {
        *group = c == ':';
        return true;
      } else {
        return false;
      }
    }
    return false;
  }

  Piece Atom() {
    char c = re_[pos_++];
    switch (c) {
      case '(': {
        if (!AtEnd() && Peek() == '?') {
          ++pos_;
          if (!AtEnd() && (Peek() == 'P' || Peek() == '<')) {
            if (Peek() == 'P') ++pos_;
            if (AtEnd() || Peek() != '<') return Fail(), Piece{};
            size_t close = re_.find('>', pos_);
            if (close == std::string_view::npos) return Fail(), Piece{};
            pos_ = close + 1;
          } else {
            bool group = false;
            if (!Flags(&group)) return Fail(), Piece{};
            if (!group) return Piece{};  // "(?s)": flags only
          }
        }
        Piece p = Alternation();
        if (AtEnd() || Peek() != ')') return Fail(), Piece{};
        ++pos_;
        return p;
      }
      case ')':
      case '*':
      case '+':
      case '?':
        return Fail(), Piece{};
      case '[':
        return Class();
      case '.':
        return Piece{4, dot_newline_};
      case '^':
      case '$':
        return Piece{0, false};
      case '\\':
        return Escape();
      case '\n':
        return Piece{1, true};
      default:
        return Literal(c);
    }
  }

  // A literal character starting with byte c (already consumed).
  Piece Literal(char c) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x80) return Piece{1, false};
    while (!AtEnd() && (static_cast<unsigned char>(Peek()) & 0xC0) == 0x80) ++pos_;
    return Piece{4, false};
  }

  Piece Escape() {
    if (AtEnd()) return Fail(), Piece{};
    char c = re_[pos_++];
    switch (c) {
      case 'b': case 'B': case 'A': case 'z':
        return Piece{0, false};
      case 'd': case 'w':
        return Piece{1, false};
      case 's': case 'n':
        return Piece{1, true};
      case 'r': case 't': case 'f': case 'v': case 'a':
        return Piece{1, false};
      case 'S':
        return Piece{4, false};
      case 'D': case 'W':
        return Piece{4, true};
      default:
        if (static_cast<unsigned char>(c) < 0x80 && !std::isalnum(static_cast<unsigned char>(c))) {
          return Piece{1, c == '\n'};
        }
        return Fail(), Piece{};  // \x, \p, \Q, \C, octal, ...: not read
    }
  }

  // A bracket class; '[' consumed.
  Piece Class() {
    bool negated = false, wide = false, newline = false;
    if (!AtEnd() && Peek() == '^') {
      negated = true;
      ++pos_;
    }
    bool first = true;
    // Single characters, for ranges: the previous one, or -1 when it was a class escape.
    while (true) {
      if (AtEnd()) return Fail(), Piece{};
      char c = re_[pos_];
      if (c == ']' && !first) {
        ++pos_;
        break;
      }
      first = false;
      if (c == '[' && pos_ + 1 < re_.size() && re_[pos_ + 1] == ':') return Fail(), Piece{};
      int lo = -1;
      if (!ClassChar(&lo, &wide, &newline)) return Fail(), Piece{};
      if (lo >= 0 && pos_ + 1 < re_.size() && Peek() == '-' && re_[pos_ + 1] != ']') {
        ++pos_;
        int hi = -1;
        if (!ClassChar(&hi, &wide, &newline) || hi < 0) return Fail(), Piece{};
        if (lo <= '\n' && '\n' <= hi) newline = true;
      }
    }
    if (negated) return Piece{4, !newline};
    return Piece{wide ? size_t{4} : size_t{1}, newline};
  }

  // One class item: a character (*ch = its value, or 0x100 for non-ASCII) or a class escape
  // (*ch = -1).
  bool ClassChar(int* ch, bool* wide, bool* newline) {
    auto u = static_cast<unsigned char>(re_[pos_++]);
    if (u >= 0x80) {
      while (!AtEnd() && (static_cast<unsigned char>(Peek()) & 0xC0) == 0x80) ++pos_;
      *wide = true;
      *ch = 0x100;
      return true;
    }
    if (u != '\\') {
      *ch = u;
      if (u == '\n') *newline = true;
      return true;
    }
    if (AtEnd()) return false;
    char e = re_[pos_++];
    switch (e) {
      case 'd': case 'w':
        *ch = -1;
        return true;
      case 's':
        *ch = -1;
        *newline = true;
        return true;
      case 'S':
        *ch = -1;
        *wide = true;
        return true;
      case 'D': case 'W':
        *ch = -1;
        *wide = true;
        *newline = true;
        return true;
      case 'n': *ch = '\n'; *newline = true; return true;
      case 'r': *ch = '\r'; return true;
      case 't': *ch = '\t'; return true;
      case 'f': *ch = '\f'; return true;
      case 'v': *ch = '\v'; return true;
      case 'a': *ch = '\a'; return true;
      default:
        if (static_cast<unsigned char>(e) < 0x80 && !std::isalnum(static_cast<unsigned char>(e))) {
          *ch = static_cast<unsigned char>(e);
          if (e == '\n') *newline = true;
          return true;
        }
        return false;
    }
  }

  std::string_view re_;
  size_t pos_ = 0;
  bool failed_ = false;
  bool folds_case_ = false;
  bool dot_newline_ = false;
};

}  // namespace

MatchExtent AnalyzeExtent(std::string_view regex) {
  return ExtentReader(regex).Read();
}


bool Windowable(const MatchExtent& extent) {
  return extent.known && (extent.max_len != MatchExtent::kUnbounded || !extent.newline ||
                          extent.newline_only_last);
}

bool HasAsciiFoldingChars(std::string_view text) {
  // U+017F is C5 BF, U+212A is E2 84 AA in UTF-8; C5 and E2 lead bytes are rare in source.
  for (const char lead : {'\xC5', '\xE2'}) {
    const char* p = text.data();
    const char* const end = p + text.size();
    while ((p = static_cast<const char*>(std::memchr(p, lead, static_cast<size_t>(end - p)))) != nullptr) {
      std::string_view rest(p, static_cast<size_t>(end - p));
      if (rest.substr(0, 2) == "\xC5\xBF" || rest.substr(0, 3) == "\xE2\x84\xAA") return true;
      ++p;
    }
  }
  return false;
}

std::vector<ByteRange> KeywordWindows(std::string_view text, std::vector<ByteRange> hits,
                                      const MatchExtent& extent, size_t merge_gap) {
  const size_t n = text.size();
  const char* data = text.data();
  // After the last '\n' in [lo, k), else lo.
  auto line_start = [&](size_t lo, size_t k) -> size_t {
    // A plain loop (memrchr is a GNU extension): at most max_len bytes back, or once per line.
    while (k > lo && data[k - 1] != '\n') --k;
    return k;
  };
  // The first '\n' in [from, hi), else hi.
  auto line_end = [&](size_t from, size_t hi) -> size_t {
    if (from >= hi) return hi;
    const void* p = std::memchr(data + from, '\n', hi - from);
    return p ? static_cast<size_t>(static_cast<const char*>(p) - data) : hi;
  };
  std::sort(hits.begin(), hits.end(),
            [](const ByteRange& a, const ByteRange& b) { return a.begin < b.begin; });
  const bool bounded = extent.max_len != MatchExtent::kUnbounded;
  // Matches stay on their line; one may end with the newline that ends it (a value's guard).
  const bool one_line = !extent.newline || extent.newline_only_last;
  auto through_newline = [&](size_t end, size_t hi) {
    return extent.newline_only_last && end < hi ? end + 1 : end;
  };
  std::vector<ByteRange> merged;
  size_t covered = 0;  // unbounded: the end of the last line taken
  for (const ByteRange& hit : hits) {
    const size_t k = std::min(hit.begin, n), e = std::min(std::max(hit.end, k), n);
    ByteRange r;
    if (bounded) {
      // A match holding [k, e) starts at or after e - max_len and ends by k + max_len.
      size_t lo = e > extent.max_len ? e - extent.max_len : 0;
      size_t hi = n - k > extent.max_len ? k + extent.max_len : n;
      r.begin = one_line ? line_start(lo, k) : lo;
      r.end = one_line ? through_newline(line_end(e, hi), hi) : hi;
    } else {
      // Unbounded but single-line: the occurrence's line.
      if (k < covered) continue;
      r.begin = line_start(0, k);
      r.end = through_newline(line_end(e, n), n);
      covered = r.end;
    }
    // Ranges arrive by begin only roughly (a bounded range's begin depends on its line).
    if (!merged.empty() && r.begin <= AddLen(merged.back().end, merge_gap)) {
      merged.back().begin = std::min(merged.back().begin, r.begin);
      merged.back().end = std::max(merged.back().end, r.end);
      while (merged.size() > 1 &&
             merged.back().begin <= AddLen(merged[merged.size() - 2].end, merge_gap)) {
        ByteRange last = merged.back();
        merged.pop_back();
        merged.back().begin = std::min(merged.back().begin, last.begin);
        merged.back().end = std::max(merged.back().end, last.end);
      }
    } else {
      merged.push_back(r);
    }
  }
  return merged;
}

bool IsNameByte(char ch) {
  auto c = static_cast<unsigned char>(ch);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '-';
}

namespace {

// Whether an assignment operator follows a name that ends at text[end]: an optional closing
// quote, blanks (the fragment allows 32; 64 are looked past), then ':' or '='.
bool OperatorFollows(std::string_view text, size_t end) {
  const size_t n = text.size();
  if (end < n && (text[end] == '"' || text[end] == '\'')) ++end;
  for (size_t blanks = 0; end < n && blanks < 64 && (text[end] == ' ' || text[end] == '\t'); ++blanks) ++end;
  return end < n && (text[end] == ':' || text[end] == '=');
}

}  // namespace

std::vector<ByteRange> NameWindows(std::string_view text, std::vector<ByteRange> hits,
                                   size_t after_name_max, size_t merge_gap) {
  const size_t n = text.size();
  std::sort(hits.begin(), hits.end(),
            [](const ByteRange& a, const ByteRange& b) { return a.begin < b.begin; });
  std::vector<ByteRange> out;
  ByteRange run;  // the last name run looked at: each is walked once, so the cost is linear
  for (const ByteRange& hit : hits) {
    const size_t k = std::min(hit.begin, n);
    if (k < run.end) continue;  // inside the last run: its window, if any, is taken
    run.begin = run.end = k;
    while (run.begin > 0 && IsNameByte(text[run.begin - 1])) --run.begin;
    while (run.end < n && IsNameByte(text[run.end])) ++run.end;
    if (!OperatorFollows(text, run.end)) continue;
    ByteRange w{run.begin, n - run.end > after_name_max ? run.end + after_name_max : n};
    if (!out.empty() && w.begin <= AddLen(out.back().end, merge_gap)) {
      out.back().end = std::max(out.back().end, w.end);
    } else {
      out.push_back(w);
    }
  }
  return out;
}

namespace {

const std::array<unsigned char, 256> kLower = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return t;
}();

const std::array<unsigned char, 256> kUpper = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = static_cast<unsigned char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  return t;
}();

uint32_t Pair(unsigned a, unsigned b) { return kLower[a & 0xff] | (uint32_t{kLower[b & 0xff]} << 8); }

// 16 bits from a lower-cased pair and the (lower-cased) byte after it: a second filter after the
// pair table, since pairs such as "se", "to" or "re" start far more words than keywords.
uint32_t TripleHash(uint32_t pair, unsigned c) {
  return (pair * 0x9E3779B1u + kLower[c & 0xff] * 0x85EBCA77u) >> 16;
}

bool TestBit(const std::vector<uint64_t>& bits, uint32_t i) { return (bits[i >> 6] >> (i & 63)) & 1; }
void SetBit(std::vector<uint64_t>* bits, uint32_t i) { (*bits)[i >> 6] |= uint64_t{1} << (i & 63); }

}  // namespace

// The byte loop's tables for keywords [first, n) of the locator.
struct KeywordLocator::Tables {
  // 65536 bits each: by raw pair (b0 | b1 << 8), may start a keyword; by lower-cased pair, is a
  // keyword of two bytes; by TripleHash, may start a longer keyword.
  std::vector<uint64_t> pair_bits = std::vector<uint64_t>(1024, 0);
  std::vector<uint64_t> short_bits = std::vector<uint64_t>(1024, 0);
  std::vector<uint64_t> triple_bits = std::vector<uint64_t>(1024, 0);
  std::vector<uint32_t> pair_start = std::vector<uint32_t>(65537, 0);  // into pair_keywords, by pair
  std::vector<int> pair_keywords;  // keywords of two bytes or more, grouped by first pair
  std::vector<int> single;         // keywords of one byte

  Tables(const std::vector<std::string>& keywords, size_t first) {
    // Keywords of two bytes or more grouped by their lower-cased first pair: counted, then placed.
    for (size_t i = first; i < keywords.size(); ++i) {
      const std::string& kw = keywords[i];
      if (kw.size() == 1) single.push_back(static_cast<int>(i));
      if (kw.size() < 2) continue;
      uint32_t pair = Pair(kw[0], kw[1]);
      ++pair_start[pair + 1];
      if (kw.size() == 2) {
        SetBit(&short_bits, pair);
      } else {
        SetBit(&triple_bits, TripleHash(pair, static_cast<unsigned char>(kw[2])));
      }
      // Every raw spelling of the pair.
      const auto c0 = static_cast<unsigned char>(kw[0]), c1 = static_cast<unsigned char>(kw[1]);
      for (unsigned a : {unsigned{kLower[c0]}, unsigned{kUpper[c0]}}) {
        for (unsigned b : {unsigned{kLower[c1]}, unsigned{kUpper[c1]}}) SetBit(&pair_bits, a | (b << 8));
      }
    }
    for (uint32_t p = 0; p < 65536; ++p) pair_start[p + 1] += pair_start[p];
    pair_keywords.resize(pair_start[65536]);
    std::vector<uint32_t> next(pair_start.begin(), pair_start.end() - 1);
    for (size_t i = first; i < keywords.size(); ++i) {
      if (keywords[i].size() < 2) continue;
      pair_keywords[next[Pair(keywords[i][0], keywords[i][1])]++] = static_cast<int>(i);
    }
  }
};

// A loaded database and the scratch space its scans need: one per concurrent scan, kept for reuse.
struct KeywordLocator::Automaton {
  hs_database_t* db = nullptr;
  std::vector<size_t> lengths;  // of each keyword it finds
  std::mutex mu;
  std::vector<hs_scratch_t*> idle;  // guarded by mu
  hs_scratch_t* prototype = nullptr;

  ~Automaton() {
    for (hs_scratch_t* s : idle) hs_free_scratch(s);
    hs_free_scratch(prototype);
    hs_free_database(db);
  }
  hs_scratch_t* Acquire() {
    {
      std::lock_guard<std::mutex> lock(mu);
      if (!idle.empty()) {
        hs_scratch_t* s = idle.back();
        idle.pop_back();
        return s;
      }
    }
    hs_scratch_t* s = nullptr;
    return hs_clone_scratch(prototype, &s) == HS_SUCCESS ? s : nullptr;
  }
  void Release(hs_scratch_t* s) {
    std::lock_guard<std::mutex> lock(mu);
    idle.push_back(s);
  }
};

KeywordLocator::KeywordLocator(std::vector<std::string> keywords, const EmbeddedKeywordDb* db)
    : keywords_(std::move(keywords)) {
  bool prefix = db != nullptr && db->count > 0 && db->count <= keywords_.size();
  for (size_t i = 0; prefix && i < db->count; ++i) prefix = keywords_[i] == db->keywords[i];
  if (prefix) {
    auto a = std::make_unique<Automaton>();
    // Fails on a machine the database was not compiled for; the byte loop then does it all.
    if (hs_deserialize_database(reinterpret_cast<const char*>(db->bytes), db->size, &a->db) == HS_SUCCESS &&
        hs_alloc_scratch(a->db, &a->prototype) == HS_SUCCESS) {
      for (size_t i = 0; i < db->count; ++i) a->lengths.push_back(keywords_[i].size());
      automaton_ = std::move(a);
      first_looped_ = db->count;
    }
  }
  if (!automaton_) all_ = std::make_unique<Tables>(keywords_, 0);
  if (automaton_ && first_looped_ < keywords_.size()) rest_ = std::make_unique<Tables>(keywords_, first_looped_);
}

const KeywordLocator::Tables& KeywordLocator::AllTables() const {
  // Built only if a scan of the automaton fails (a text over 4 GiB, no memory for scratch).
  std::call_once(all_once_, [this] {
    if (!all_) all_ = std::make_unique<Tables>(keywords_, 0);
  });
  return *all_;
}

KeywordLocator::~KeywordLocator() = default;

size_t KeywordLocator::automaton_keywords() const { return automaton_ ? first_looped_ : 0; }

// The slow path of the byte loop, out of line so that the loop keeps its few registers: a keyword
// may start at t[i] (its raw pair, and its third byte, passed the tables).
__attribute__((noinline)) void KeywordLocator::CheckAt(const Tables& tables,
                                                       const std::vector<std::string>& keywords,
                                                       const unsigned char* t, size_t n, size_t i,
                                                       std::vector<std::vector<size_t>>* hits) {
  uint32_t p = Pair(t[i], t[i + 1]);
  for (uint32_t j = tables.pair_start[p]; j < tables.pair_start[p + 1]; ++j) {
    const std::string& kw = keywords[tables.pair_keywords[j]];
    if (n - i < kw.size()) continue;
    size_t k = 2;
    while (k < kw.size() && kLower[t[i + k]] == static_cast<unsigned char>(kw[k])) ++k;
    if (k == kw.size()) (*hits)[tables.pair_keywords[j]].push_back(i);
  }
}

void KeywordLocator::Loop(const Tables& tables, std::string_view text,
                          std::vector<std::vector<size_t>>* hits) const {
  const auto* t = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  const uint64_t* bits = tables.pair_bits.data();
  // About one position in seven passes the pair test in source code, one in fifty the third
  // byte's: the loop is the cost.
  for (size_t i = 0; i + 1 < n; ++i) {
    const uint32_t raw = t[i] | (uint32_t{t[i + 1]} << 8);
    if (!((bits[raw >> 6] >> (raw & 63)) & 1)) continue;
    const uint32_t p = Pair(t[i], t[i + 1]);
    if (TestBit(tables.short_bits, p) || (i + 2 < n && TestBit(tables.triple_bits, TripleHash(p, t[i + 2])))) {
      CheckAt(tables, keywords_, t, n, i, hits);
    }
  }
  for (int kw : tables.single) {
    for (size_t i = 0; i < n; ++i) {
      if (kLower[t[i]] == static_cast<unsigned char>(keywords_[kw][0])) (*hits)[kw].push_back(i);
    }
  }
}

bool KeywordLocator::LocateWithAutomaton(std::string_view text, std::vector<std::vector<size_t>>* hits) const {
  if (text.size() > std::numeric_limits<unsigned int>::max()) return false;  // hs_scan's length
  hs_scratch_t* scratch = automaton_->Acquire();
  if (scratch == nullptr) return false;
  struct Context {
    const Automaton* automaton;
    std::vector<std::vector<size_t>>* hits;
  } context{automaton_.get(), hits};
  // Literal matches come by end offset, so each keyword's begins ascend.
  auto on_match = [](unsigned id, unsigned long long, unsigned long long to, unsigned, void* c) -> int {
    auto* ctx = static_cast<Context*>(c);
    (*ctx->hits)[id].push_back(static_cast<size_t>(to) - ctx->automaton->lengths[id]);
    return 0;
  };
  hs_error_t rc = hs_scan(automaton_->db, text.data(), static_cast<unsigned int>(text.size()), 0, scratch,
                          on_match, &context);
  automaton_->Release(scratch);
  return rc == HS_SUCCESS;
}

void KeywordLocator::Locate(std::string_view text, std::vector<std::vector<size_t>>* hits) const {
  hits->assign(keywords_.size(), {});
  if (automaton_ && LocateWithAutomaton(text, hits)) {
    if (rest_) Loop(*rest_, text, hits);
    return;
  }
  hits->assign(keywords_.size(), {});
  Loop(AllTables(), text, hits);
}

}  // namespace keylint
