// A deliberately small JWT reader: enough to tell a Supabase anon key from a service_role key,
// an admin token from a user's, a live token from an expired one. It decodes and never verifies;
// a JWT's claims are only a hint about what the token is.
#ifndef KEYLINT_ANALYZE_CREDENTIALS_JWT_H_
#define KEYLINT_ANALYZE_CREDENTIALS_JWT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// The string values of claim `name` when it is a string or an array of strings; empty otherwise.
std::vector<std::string> JsonStringsClaim(std::string_view json, std::string_view name);

// The integer value of claim `name` ("exp": 1700000000); nullopt when absent or not a number.
std::optional<int64_t> JsonIntClaim(std::string_view json, std::string_view name);

// What a compact JWS says about itself.
struct JwtClaims {
  std::string alg;                  // header "alg" ("HS256", "none")
  std::string iss;                  // payload "iss", "" when absent
  std::optional<int64_t> exp;       // payload "exp", seconds since the epoch
  std::vector<std::string> roles;   // "role", "roles", and the words of "scope" and "scp"
  std::vector<std::string> subject;  // string values of "sub", "iss", "name" and "email"
};

// The claims of `token`, when it is a compact JWS whose header and payload decode to JSON
// objects (JwtPayload); nullopt otherwise.
std::optional<JwtClaims> DecodeJwt(std::string_view token);

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_CREDENTIALS_JWT_H_
