#include "core/line_hash.h"

#include <array>
#include <cstdint>
#include <unordered_map>

namespace keylint {
namespace {

constexpr int kBlock = 100;
constexpr uint64_t kMod = 37;

uint64_t FirstMod() {
  uint64_t m = 1;
  for (int i = 0; i < kBlock; ++i) m *= kMod;  // wraps mod 2^64, as the algorithm wants
  return m;
}

std::string Hex(uint64_t v) {
  static const char* digits = "0123456789abcdef";
  if (v == 0) return "0";
  std::string s;
  while (v) {
    s.insert(s.begin(), digits[v & 0xf]);
    v >>= 4;
  }
  return s;
}

class Hasher {
 public:
  Hasher(const std::set<int>& wanted, std::map<int, std::string>* out)
      : wanted_(wanted), out_(out), first_mod_(FirstMod()) {
    window_.fill(0);
    line_numbers_.fill(-1);
  }

  void Char(uint32_t c) {
    constexpr uint32_t kSpace = 0x20, kTab = 0x09, kCr = 0x0d, kLf = 0x0a;
    if (c == kSpace || c == kTab || (prev_cr_ && c == kLf)) {
      prev_cr_ = false;
      return;
    }
    if (c == kCr) {
      c = kLf;
      prev_cr_ = true;
    } else {
      prev_cr_ = false;
    }
    if (line_numbers_[index_] != -1) Output();
    if (line_start_) {
      line_start_ = false;
      line_numbers_[index_] = ++line_;
    }
    if (c == kLf) line_start_ = true;
    Update(c);
  }

  void Finish() {
    Char(0xffff);
    for (int i = 0; i < kBlock; ++i) {
      if (line_numbers_[index_] != -1) Output();
      Update(0);
    }
  }

 private:
  void Update(uint32_t c) {
    uint64_t leaving = window_[index_];
    window_[index_] = c;
    hash_ = kMod * hash_ + c - first_mod_ * leaving;
    index_ = (index_ + 1) % kBlock;
  }

  void Output() {
    std::string hex = Hex(hash_);
    int count = ++counts_[hex];
    int line = line_numbers_[index_];
    if (wanted_.empty() || wanted_.count(line)) (*out_)[line] = hex + ":" + std::to_string(count);
    line_numbers_[index_] = -1;
  }

  const std::set<int>& wanted_;
  std::map<int, std::string>* out_;
  const uint64_t first_mod_;
  std::array<uint32_t, kBlock> window_;
  std::array<int, kBlock> line_numbers_;
  std::unordered_map<std::string, int> counts_;
  uint64_t hash_ = 0;
  int index_ = 0;
  int line_ = 0;
  bool line_start_ = true;
  bool prev_cr_ = false;
};

}  // namespace

std::map<int, std::string> LineHashes(std::string_view text, const std::set<int>& lines) {
  std::map<int, std::string> out;
  Hasher h(lines, &out);
  // Decode UTF-8 into UTF-16 code units, as JavaScript's charCodeAt sees the file; an invalid
  // byte becomes U+FFFD, as Node's UTF-8 decoder does.
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
    bool valid = len > 0 && i + len <= text.size();
    uint32_t cp = len == 1 ? c : len == 2 ? c & 0x1f : len == 3 ? c & 0x0f : c & 0x07;
    for (size_t k = 1; valid && k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(text[i + k]);
      valid = (cc & 0xc0) == 0x80;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (!valid) {
      h.Char(0xfffd);
      i += 1;
      continue;
    }
    i += len;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      h.Char(0xd800 + (cp >> 10));
      h.Char(0xdc00 + (cp & 0x3ff));
    } else {
      h.Char(cp);
    }
  }
  h.Finish();
  return out;
}

}  // namespace keylint
