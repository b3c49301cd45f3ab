// Values written in an encoding the credential rules cannot read directly: HTTP Basic credentials
// (base64 of "user:password") and strings inside JSON documents (a notebook's source lines).
#ifndef KEYLINT_ANALYZE_CREDENTIALS_DECODE_H_
#define KEYLINT_ANALYZE_CREDENTIALS_DECODE_H_

#include <optional>
#include <string>
#include <string_view>

namespace keylint {

struct BasicCredential {
  std::string user;
  std::string password;
};

// The user and password of an HTTP Basic credential: `b64` decodes (base64, padded or not) to
// printable ASCII holding a ':'. nullopt otherwise (binary, no ':', not base64).
std::optional<BasicCredential> DecodeBasicAuth(std::string_view b64);

// `text` with the escapes of JSON strings turned into what they stand for, byte for byte in
// place so that every offset (and line) stays where it was: \" becomes ` "` and \n, \r, \t
// become two spaces; other escapes are kept. For documents whose code lives in JSON strings
// (.ipynb: "API_KEY = \"sk-...\"\n"), so that the rules see `API_KEY =  "sk-..."`. O(n).
std::string UnescapeJsonStringsInPlace(std::string_view text);

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_CREDENTIALS_DECODE_H_
