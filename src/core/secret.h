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
  // at most, joined by "…": "sk_live_…3f9a". The last 4 only where 16 or more characters stay
  // hidden; otherwise the length: "…(12 chars)", so a short value gives nothing guessable away.
  const std::string& masked() const { return masked_; }

  // Keyed 64-bit hash (SipHash-2-4 under a key fixed in the binary, see secret.cc), used to
  // compare values across files. It never leaves the process whole: a fingerprint takes 16 bits
  // of it (core/fingerprint.h), since a key in the source protects nothing from a brute force.
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

// Whether a word read from a scanned file (a key name, a job id, a regex, a path segment) looks
// like a credential rather than a name: 10 characters or more with a digit and a part that
// reads as no word (a part is what '_', '-', '.', '/', '+', '=' separate; "STRIPE_KEY_2",
// "ubuntu-22", "node18", "utf8" read as words, "4fQ9zR2m", "3f2d4c1a" do not), or any part of
// 16 characters or more with a digit; without digits, 32 characters or more at 4 bits of entropy
// a character. Errs towards masking: a masked name costs readability, a printed key costs a leak.
bool LooksLikeCredential(std::string_view word);

// `text` with every word that LooksLikeCredential() replaced by its MaskValue(). Every message
// that may hold bytes of a scanned file goes through this before it leaves the pipeline:
// finding messages and related-location messages (Knowledge::MakeFinding, FinishFindings),
// notifications and errors (Error::ToString). Idempotent; words are runs of letters, digits and
// _-./+=.
std::string MaskCredentialsIn(std::string_view text);

}  // namespace keylint

#endif  // KEYLINT_CORE_SECRET_H_
