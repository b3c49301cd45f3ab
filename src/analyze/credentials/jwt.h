// A deliberately small JWT reader: enough to tell a Supabase anon key from a service_role key.
// It decodes and never verifies; a JWT's claims are only a hint about what the token is.
#ifndef KEYLINT_ANALYZE_CREDENTIALS_JWT_H_
#define KEYLINT_ANALYZE_CREDENTIALS_JWT_H_

#include <optional>
#include <string>
#include <string_view>

namespace keylint {

// Decodes unpadded or padded base64url (RFC 4648 §5). nullopt on a character outside the
// alphabet or an impossible length. O(n).
std::optional<std::string> DecodeBase64Url(std::string_view in);

// The decoded payload (the JSON between the first and second '.') of a compact JWS, when `token`
// has three parts and its header decodes to a JSON object; nullopt otherwise.
std::optional<std::string> JwtPayload(std::string_view token);

// The string value of the top-level-looking claim `name` in `json` ("role" -> "service_role"),
// found by a plain scan for "name" : "value" (no full JSON parser: payloads are flat and small).
// nullopt when absent or not a string.
std::optional<std::string> JsonStringClaim(std::string_view json, std::string_view name);

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_CREDENTIALS_JWT_H_
