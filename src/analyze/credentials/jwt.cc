// Written by hand: the analyze stage links no JSON or base64 library, and the need is 60 lines.
#include "analyze/credentials/jwt.h"

#include <cstdint>

namespace keylint {
namespace {

int Base64UrlValue(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-' || c == '+') return 62;
  if (c == '_' || c == '/') return 63;
  return -1;
}

void SkipSpace(std::string_view s, size_t* i) {
  while (*i < s.size() && (s[*i] == ' ' || s[*i] == '\t' || s[*i] == '\n' || s[*i] == '\r')) ++*i;
}

}  // namespace

std::optional<std::string> DecodeBase64Url(std::string_view in) {
  while (!in.empty() && in.back() == '=') in.remove_suffix(1);
  if (in.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(in.size() * 3 / 4);
  uint32_t acc = 0;
  int bits = 0;
  for (char c : in) {
    int v = Base64UrlValue(c);
    if (v < 0) return std::nullopt;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xff));
    }
  }
  return out;
}

namespace {

// The position just after `"name" :` in `json`, where a claim's value starts; npos when absent.
size_t ClaimValue(std::string_view json, std::string_view name) {
  std::string quoted = "\"" + std::string(name) + "\"";
  for (size_t at = json.find(quoted); at != std::string_view::npos;
       at = json.find(quoted, at + 1)) {
    size_t i = at + quoted.size();
    SkipSpace(json, &i);
    if (i >= json.size() || json[i] != ':') continue;  // a value equal to the name, not a key
    ++i;
    SkipSpace(json, &i);
    return i;
  }
  return std::string_view::npos;
}

// The JSON string starting at json[*i] == '"'; advances *i past its closing quote.
std::optional<std::string> ReadJsonString(std::string_view json, size_t* i) {
  if (*i >= json.size() || json[*i] != '"') return std::nullopt;
  std::string value;
  for (++*i; *i < json.size() && json[*i] != '"'; ++*i) {
    if (json[*i] == '\\' && *i + 1 < json.size()) ++*i;
    value.push_back(json[*i]);
  }
  if (*i >= json.size()) return std::nullopt;
  ++*i;
  return value;
}

}  // namespace

std::optional<std::string> JwtPayload(std::string_view token) {
  size_t dot1 = token.find('.');
  if (dot1 == std::string_view::npos) return std::nullopt;
  size_t dot2 = token.find('.', dot1 + 1);
  if (dot2 == std::string_view::npos || token.find('.', dot2 + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  std::optional<std::string> header = DecodeBase64Url(token.substr(0, dot1));
  if (!header || header->empty() || (*header)[0] != '{') return std::nullopt;
  std::optional<std::string> payload = DecodeBase64Url(token.substr(dot1 + 1, dot2 - dot1 - 1));
  if (!payload || payload->empty() || (*payload)[0] != '{') return std::nullopt;
  return payload;
}

std::optional<std::string> JsonStringClaim(std::string_view json, std::string_view name) {
  size_t i = ClaimValue(json, name);
  if (i == std::string_view::npos) return std::nullopt;
  return ReadJsonString(json, &i);
}

std::vector<std::string> JsonStringsClaim(std::string_view json, std::string_view name) {
  std::vector<std::string> out;
  size_t i = ClaimValue(json, name);
  if (i == std::string_view::npos || i >= json.size()) return out;
  if (json[i] == '"') {
    if (std::optional<std::string> v = ReadJsonString(json, &i)) out.push_back(std::move(*v));
    return out;
  }
  if (json[i] != '[') return out;
  for (++i;;) {
    SkipSpace(json, &i);
    std::optional<std::string> v = ReadJsonString(json, &i);
    if (!v) return out;  // ']' or a non-string element ends the list
    out.push_back(std::move(*v));
    SkipSpace(json, &i);
    if (i >= json.size() || json[i] != ',') return out;
    ++i;
  }
}

std::optional<int64_t> JsonIntClaim(std::string_view json, std::string_view name) {
  size_t i = ClaimValue(json, name);
  if (i == std::string_view::npos) return std::nullopt;
  int64_t value = 0;
  size_t start = i;
  for (; i < json.size() && json[i] >= '0' && json[i] <= '9' && i - start < 18; ++i) {
    value = value * 10 + (json[i] - '0');
  }
  if (i == start) return std::nullopt;
  return value;
}

std::optional<JwtClaims> DecodeJwt(std::string_view token) {
  std::optional<std::string> payload = JwtPayload(token);
  if (!payload) return std::nullopt;
  JwtClaims claims;
  std::optional<std::string> header = DecodeBase64Url(token.substr(0, token.find('.')));
  if (std::optional<std::string> alg = JsonStringClaim(*header, "alg")) claims.alg = *alg;
  if (std::optional<std::string> iss = JsonStringClaim(*payload, "iss")) claims.iss = *iss;
  claims.exp = JsonIntClaim(*payload, "exp");
  for (const char* name : {"sub", "iss", "name", "email"}) {
    if (std::optional<std::string> v = JsonStringClaim(*payload, name)) claims.subject.push_back(*v);
  }
  for (const char* name : {"role", "roles"}) {
    for (std::string& r : JsonStringsClaim(*payload, name)) claims.roles.push_back(std::move(r));
  }
  // OAuth scopes are one space-separated string ("read write admin") or a list.
  for (const char* name : {"scope", "scp"}) {
    for (const std::string& list : JsonStringsClaim(*payload, name)) {
      size_t begin = 0;
      while (begin < list.size()) {
        size_t end = list.find(' ', begin);
        if (end == std::string::npos) end = list.size();
        if (end > begin) claims.roles.push_back(list.substr(begin, end - begin));
        begin = end + 1;
      }
    }
  }
  return claims;
}

}  // namespace keylint
