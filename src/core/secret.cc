#include "core/secret.h"

#include <cmath>
#include <cstring>

namespace keylint {
namespace {

inline uint64_t Rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

inline void SipRound(uint64_t& v0, uint64_t& v1, uint64_t& v2, uint64_t& v3) {
  v0 += v1; v1 = Rotl(v1, 13); v1 ^= v0; v0 = Rotl(v0, 32);
  v2 += v3; v3 = Rotl(v3, 16); v3 ^= v2;
  v0 += v3; v3 = Rotl(v3, 21); v3 ^= v0;
  v2 += v1; v1 = Rotl(v1, 17); v1 ^= v2; v2 = Rotl(v2, 32);
}

// Fixed so that fingerprints and baselines are stable across runs and machines.
constexpr uint64_t kKey0 = 0x6b65796c696e7431ULL;  // "keylint1"
constexpr uint64_t kKey1 = 0x66696e6765727072ULL;  // "fingerpr"

// Whether a prefix segment reads like a marker word (sk, live, xoxb, SG, api03) rather than part
// of a random value (3f2d4c1a, aZ3kQ9xL): one case of letters and at most two digits.
bool MarkerWord(std::string_view word) {
  int lower = 0, upper = 0, digits = 0;
  for (char c : word) {
    if (c >= 'a' && c <= 'z') ++lower;
    else if (c >= 'A' && c <= 'Z') ++upper;
    else if (c >= '0' && c <= '9') ++digits;
    else return false;
  }
  return (lower == 0) != (upper == 0) && digits <= 2;
}

// Provider markers worth keeping visible in a preview: the value up to and including the last
// '_', '-' or '.' within the first 16 characters (sk_live_, xoxb-, dp.st.prd.), never more than a
// third of the value, and only while every segment reads as a marker word: a bare UUID shows
// none of its leading hex.
size_t VisiblePrefix(std::string_view raw) {
  size_t limit = std::min<size_t>(16, raw.size() / 3);
  size_t end = 0, word = 0;
  for (size_t i = 0; i < limit; ++i) {
    char c = raw[i];
    if (c != '_' && c != '-' && c != '.') continue;
    if (!MarkerWord(raw.substr(word, i - word))) break;
    end = word = i + 1;
  }
  return end;
}

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.' || c == '/' || c == '+' || c == '=';
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Letters then digits ("node18", "STRIPE"), or digits then letters ("2fa", "64bit").
bool ReadsAsWord(std::string_view part) {
  size_t i = 0;
  if (!part.empty() && IsDigit(part[0])) {
    while (i < part.size() && IsDigit(part[i])) ++i;
    while (i < part.size() && IsAlpha(part[i])) ++i;
  } else {
    while (i < part.size() && IsAlpha(part[i])) ++i;
    while (i < part.size() && IsDigit(part[i])) ++i;
  }
  return i == part.size();
}

double EntropyBits(std::string_view s) {
  int counts[256] = {};
  for (unsigned char c : s) ++counts[c];
  double bits = 0;
  for (int n : counts) {
    if (n == 0) continue;
    double p = static_cast<double>(n) / s.size();
    bits -= p * std::log2(p);
  }
  return bits;
}

}  // namespace

bool LooksLikeCredential(std::string_view word) {
  bool digit = false;
  for (char c : word) digit = digit || IsDigit(c);
  if (!digit) return word.size() >= 32 && EntropyBits(word) >= 4.0;
  if (word.size() < 10) return false;
  size_t start = 0;
  for (size_t i = 0; i <= word.size(); ++i) {
    if (i < word.size() && (IsAlpha(word[i]) || IsDigit(word[i]))) continue;
    std::string_view part = word.substr(start, i - start);
    bool part_digit = false;
    for (char c : part) part_digit = part_digit || IsDigit(c);
    if (!ReadsAsWord(part) || (part.size() >= 16 && part_digit)) return true;
    start = i + 1;
  }
  return false;
}

std::string MaskCredentialsIn(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (!IsWordChar(text[i])) {
      out += text[i++];
      continue;
    }
    size_t end = i;
    while (end < text.size() && IsWordChar(text[end])) ++end;
    std::string_view word = text.substr(i, end - i);
    out += LooksLikeCredential(word) ? MaskValue(word) : std::string(word);
    i = end;
  }
  return out;
}

uint64_t SipHash24(uint64_t k0, uint64_t k1, std::string_view data) {
  uint64_t v0 = 0x736f6d6570736575ULL ^ k0, v1 = 0x646f72616e646f6dULL ^ k1;
  uint64_t v2 = 0x6c7967656e657261ULL ^ k0, v3 = 0x7465646279746573ULL ^ k1;
  const size_t n = data.size();
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t m = 0;
    for (int b = 0; b < 8; ++b) m |= uint64_t{p[i + b]} << (8 * b);
    v3 ^= m;
    SipRound(v0, v1, v2, v3);
    SipRound(v0, v1, v2, v3);
    v0 ^= m;
  }
  uint64_t last = uint64_t{n & 0xff} << 56;
  for (int b = 0; i + b < n; ++b) last |= uint64_t{p[i + b]} << (8 * b);
  v3 ^= last;
  SipRound(v0, v1, v2, v3);
  SipRound(v0, v1, v2, v3);
  v0 ^= last;
  v2 ^= 0xff;
  for (int r = 0; r < 4; ++r) SipRound(v0, v1, v2, v3);
  return v0 ^ v1 ^ v2 ^ v3;
}

uint64_t KeyedHash(std::string_view data) { return SipHash24(kKey0, kKey1, data); }

std::string MaskValue(std::string_view raw) {
  const size_t prefix = VisiblePrefix(raw);
  std::string out(raw.substr(0, prefix));
  out += "…";
  // The last 4 characters only where 16 or more stay hidden, so a preview never gives away a
  // large share of a short value (a 12-character password shows none of its characters).
  if (raw.size() >= prefix + 4 + 16) {
    out += raw.substr(raw.size() - 4);
  } else {
    out += "(" + std::to_string(raw.size()) + " chars)";
  }
  return out;
}

Secret::Secret(std::string_view raw)
    : masked_(MaskValue(raw)), hash_(KeyedHash(raw)), length_(raw.size()) {}

}  // namespace keylint
