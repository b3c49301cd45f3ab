// Helpers for the loaders in this folder: reading typed values from toml++ tables with errors
// that name the file and line. Internal to src/knowledge/ (the only stage that sees toml++).
#ifndef KEYLINT_KNOWLEDGE_TOML_UTIL_H_
#define KEYLINT_KNOWLEDGE_TOML_UTIL_H_

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "core/result.h"
#include "core/target.h"

namespace keylint {

int LineOf(const toml::node& node);

// An Error at `node` in `origin`.
Error ErrorAt(std::string_view origin, const toml::node& node, std::string message);

// Fails on the first key of `table` not in `known`: "origin:12: unknown key 'severty' in [rule]".
Status CheckKeys(const toml::table& table, std::initializer_list<std::string_view> known,
                 std::string_view origin, std::string_view where);

// Reads table[key] into *out when present; fails if present with another type. A missing key
// leaves *out unchanged and fails only when `required`.
Status ReadString(const toml::table& table, std::string_view key, std::string_view origin,
                  std::string* out, bool required = false);
Status ReadStrings(const toml::table& table, std::string_view key, std::string_view origin,
                   std::vector<std::string>* out);
Status ReadDouble(const toml::table& table, std::string_view key, std::string_view origin,
                  double* out);
Status ReadBool(const toml::table& table, std::string_view key, std::string_view origin,
                bool* out);
Status ReadInt(const toml::table& table, std::string_view key, std::string_view origin,
               int64_t* out);

// "dev" -> Stage::kDev; accepts dev, local (= dev), test, staging, prod, production, ci,
// template, unknown.
bool ParseStageName(std::string_view s, Stage* out);

// Checks that `pattern` compiles as RE2; the error names the node's line.
Status CheckRegex(const std::string& pattern, std::string_view origin, const toml::node& node);

}  // namespace keylint

#endif  // KEYLINT_KNOWLEDGE_TOML_UTIL_H_
