#include "analyze/credentials/decode.h"

#include "analyze/credentials/jwt.h"

namespace keylint {

std::optional<BasicCredential> DecodeBasicAuth(std::string_view b64) {
  std::optional<std::string> decoded = DecodeBase64Url(b64);
  if (!decoded) return std::nullopt;
  for (char c : *decoded) {
    if (c < 0x20 || c > 0x7e) return std::nullopt;
  }
  size_t colon = decoded->find(':');
  if (colon == std::string::npos) return std::nullopt;
  return BasicCredential{decoded->substr(0, colon), decoded->substr(colon + 1)};
}

std::string UnescapeJsonStringsInPlace(std::string_view text) {
  std::string out(text);
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    if (out[i] != '\\') continue;
    switch (out[i + 1]) {
      case '"': out[i] = ' '; break;  // keeps the quote, after a space
      case 'n': case 'r': case 't': out[i] = ' '; out[i + 1] = ' '; break;
      default: break;                 // \\, \/, \uXXXX: left as written
    }
    ++i;  // the escaped character is never the start of another escape
  }
  return out;
}

}  // namespace keylint
