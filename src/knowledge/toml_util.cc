#include "knowledge/toml_util.h"

#include <re2/re2.h>

namespace keylint {

int LineOf(const toml::node& node) { return static_cast<int>(node.source().begin.line); }

Error ErrorAt(std::string_view origin, const toml::node& node, std::string message) {
  return Error{std::string(origin), LineOf(node), std::move(message)};
}

Status CheckKeys(const toml::table& table, std::initializer_list<std::string_view> known,
                 std::string_view origin, std::string_view where) {
  for (const auto& [key, node] : table) {
    bool ok = false;
    for (std::string_view k : known) ok = ok || key.str() == k;
    if (!ok) {
      std::string msg = "unknown key '" + std::string(key.str()) + "'";
      if (!where.empty()) msg += " in " + std::string(where);
      return ErrorAt(origin, node, msg);
    }
  }
  return {};
}

Status ReadString(const toml::table& table, std::string_view key, std::string_view origin,
                  std::string* out, bool required) {
  const toml::node* node = table.get(key);
  if (!node) {
    if (!required) return {};
    return Error{std::string(origin), LineOf(table), "missing key '" + std::string(key) + "'"};
  }
  if (!node->is_string()) return ErrorAt(origin, *node, "'" + std::string(key) + "' must be a string");
  *out = node->as_string()->get();
  return {};
}

Status ReadStrings(const toml::table& table, std::string_view key, std::string_view origin,
                   std::vector<std::string>* out) {
  const toml::node* node = table.get(key);
  if (!node) return {};
  const toml::array* arr = node->as_array();
  if (!arr) return ErrorAt(origin, *node, "'" + std::string(key) + "' must be an array of strings");
  for (const toml::node& item : *arr) {
    if (!item.is_string()) {
      return ErrorAt(origin, item, "'" + std::string(key) + "' must hold only strings");
    }
    out->push_back(item.as_string()->get());
  }
  return {};
}

Status ReadDouble(const toml::table& table, std::string_view key, std::string_view origin,
                  double* out) {
  const toml::node* node = table.get(key);
  if (!node) return {};
  if (auto v = node->value<double>()) {
    *out = *v;
    return {};
  }
  return ErrorAt(origin, *node, "'" + std::string(key) + "' must be a number");
}

Status ReadBool(const toml::table& table, std::string_view key, std::string_view origin,
                bool* out) {
  const toml::node* node = table.get(key);
  if (!node) return {};
  if (!node->is_boolean()) return ErrorAt(origin, *node, "'" + std::string(key) + "' must be true or false");
  *out = node->as_boolean()->get();
  return {};
}

Status ReadInt(const toml::table& table, std::string_view key, std::string_view origin,
               int64_t* out) {
  const toml::node* node = table.get(key);
  if (!node) return {};
  if (!node->is_integer()) return ErrorAt(origin, *node, "'" + std::string(key) + "' must be an integer");
  *out = node->as_integer()->get();
  return {};
}

bool ParseStageName(std::string_view s, Stage* out) {
  if (s == "dev" || s == "local" || s == "development") *out = Stage::kDev;
  else if (s == "test") *out = Stage::kTest;
  else if (s == "staging") *out = Stage::kStaging;
  else if (s == "prod" || s == "production") *out = Stage::kProd;
  else if (s == "ci") *out = Stage::kCi;
  else if (s == "template") *out = Stage::kTemplate;
  else if (s == "unknown") *out = Stage::kUnknown;
  else return false;
  return true;
}

Status CheckRegex(const std::string& pattern, std::string_view origin, const toml::node& node) {
  RE2::Options opts;
  opts.set_log_errors(false);
  RE2 re(pattern, opts);
  if (!re.ok()) return ErrorAt(origin, node, "invalid regex: " + re.error());
  return {};
}

}  // namespace keylint
