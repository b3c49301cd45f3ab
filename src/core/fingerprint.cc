#include "core/fingerprint.h"

#include "core/secret.h"

namespace keylint {

std::string Hex64(uint64_t v) {
  static const char* digits = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) s[i] = digits[v & 0xf];
  return s;
}

std::string QuotedNames(std::string_view message) {
  std::string out;
  for (size_t open = message.find('\''); open != std::string_view::npos;) {
    size_t close = message.find('\'', open + 1);
    if (close == std::string_view::npos) break;
    if (!out.empty()) out += '\n';
    out += message.substr(open + 1, close - open - 1);
    open = message.find('\'', close + 1);
  }
  return out;
}

void AssignFingerprint(Finding* f) {
  std::string key = "v2\n" + f->rule_id + '\n' + f->location.path + '\n';
  if (f->secret_hash != 0) {
    key += "value:" + std::to_string(f->secret_hash >> 48);  // 16 bits, see the header
  } else {
    key += "names:" + QuotedNames(MaskCredentialsIn(f->message));
  }
  f->fingerprint = Hex64(KeyedHash(key));
}

}  // namespace keylint
