// A credential value found in a file, as reports may see it: a masked preview and a keyed hash.
// It does not keep the raw bytes at all, so nothing downstream of an analyzer can print them.
#ifndef KEYLINT_CORE_SECRET_H_
#define KEYLINT_CORE_SECRET_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace keylint {

class Secret {
 public:
  Secret() = default;
  explicit Secret(std::string_view raw);

  bool empty() const { return length_ == 0; }
  size_t length() const { return length_; }

  // A recognisable prefix (up to the provider marker, e.g. "sk_live_") and the last 4 characters
  // at most, joined by "…": "sk_live_…3f9a". Short or prefix-less values show less: a value of
  // fewer than 12 characters shows only "…" and its length, so nothing guessable leaks.
  const std::string& masked() const { return masked_; }

  // Keyed 64-bit hash (SipHash-2-4 under a key fixed in the binary, see secret.cc), used to
  // compare values across files and in fingerprints. Only high-entropy values are ever hashed
  // into output (the analyzers' entropy gates), so the hash does not open a guessing attack.
  uint64_t hash() const { return hash_; }

 private:
  std::string masked_;
  uint64_t hash_ = 0;
  size_t length_ = 0;
};

// SipHash-2-4 (Aumasson & Bernstein). Written here because none of the chosen dependencies offers
// a keyed hash; 40 lines, checked against the reference test vector in secret_test.cc.
uint64_t SipHash24(uint64_t k0, uint64_t k1, std::string_view data);

// The keyed hash of `data` used by Secret and by fingerprints.
uint64_t KeyedHash(std::string_view data);

// Masks a value as Secret::masked() does, for callers that only have a view.
std::string MaskValue(std::string_view raw);

}  // namespace keylint

#endif  // KEYLINT_CORE_SECRET_H_
