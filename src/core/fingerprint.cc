#include "core/fingerprint.h"

#include "core/secret.h"
#include "core/text.h"

namespace keylint {
namespace {

}  // namespace

std::string Hex64(uint64_t v) {
  static const char* digits = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) s[i] = digits[v & 0xf];
  return s;
}

void AssignFingerprint(Finding* f, std::string_view line_text) {
  std::string key = f->rule_id + '\n' + f->location.path + '\n';
  if (f->secret_hash != 0) {
    key += "secret:" + Hex64(f->secret_hash);
  } else {
    key += "line:";
    key += TrimSpace(line_text);
  }
  f->fingerprint = Hex64(KeyedHash(key));
}

}  // namespace keylint
