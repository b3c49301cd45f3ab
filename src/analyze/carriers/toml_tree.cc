// Enough TOML for deploy configs (netlify.toml), turned into the YAML tree the path readers walk.
#include <string>
#include <vector>

#include "analyze/carriers/raw_values.h"
#include "core/text.h"

namespace keylint {
namespace {

// Dotted key parts with their offsets; quoted parts lose their quotes. Empty on bad syntax.
struct KeyPart {
  std::string name;
  size_t begin = 0, end = 0;
};

std::vector<KeyPart> ParseKey(std::string_view text, size_t begin, size_t end) {
  std::vector<KeyPart> parts;
  size_t i = begin;
  while (i < end) {
    while (i < end && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= end) break;
    KeyPart p;
    p.begin = i;
    if (text[i] == '"' || text[i] == '\'') {
      size_t close = text.find(text[i], i + 1);
      if (close == std::string_view::npos || close >= end) return {};
      p.name = std::string(text.substr(i + 1, close - i - 1));
      i = close + 1;
    } else {
      size_t s = i;
      while (i < end && text[i] != '.' && text[i] != ' ' && text[i] != '\t') ++i;
      p.name = std::string(text.substr(s, i - s));
    }
    p.end = i;
    parts.push_back(std::move(p));
    while (i < end && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i < end && text[i] != '.') return {};
    ++i;
  }
  return parts;
}

YamlNode* Child(YamlNode* map, const KeyPart& part) {
  map->kind = YamlNode::Kind::kMap;
  for (YamlEntry& e : map->map) {
    if (e.key == part.name) {
      if (e.value.kind != YamlNode::Kind::kMap) e.value.kind = YamlNode::Kind::kMap;
      return &e.value;
    }
  }
  YamlEntry e;
  e.key = part.name;
  e.key_begin = part.begin;
  e.key_end = part.end;
  e.value.kind = YamlNode::Kind::kMap;
  e.value.begin = part.begin;
  map->map.push_back(std::move(e));
  return &map->map.back().value;
}

// The end of a value starting at i (a quoted string, or up to a comment, ',' or '}' inside an
// inline table). *scalar gets the text without quotes.
size_t ValueEnd(std::string_view text, size_t i, size_t end, bool inline_table, std::string* scalar) {
  if (i < end && (text[i] == '"' || text[i] == '\'')) {
    const char q = text[i];
    size_t j = i + 1;
    while (j < end && text[j] != q) j += (q == '"' && text[j] == '\\') ? 2 : 1;
    if (j >= end) return std::string_view::npos;
    *scalar = std::string(text.substr(i + 1, j - i - 1));
    return j + 1;
  }
  size_t j = i;
  while (j < end && text[j] != '#' && !(inline_table && (text[j] == ',' || text[j] == '}'))) ++j;
  *scalar = std::string(TrimSpace(text.substr(i, j - i)));
  return i + scalar->size();
}

// `{ A = "x", B = "y" }` on one line.
void AddInlineTable(YamlNode* table, std::string_view text, size_t i, size_t end) {
  ++i;  // '{'
  while (i < end) {
    while (i < end && (text[i] == ' ' || text[i] == '\t' || text[i] == ',')) ++i;
    if (i >= end || text[i] == '}') return;
    size_t eq = text.find('=', i);
    if (eq == std::string_view::npos || eq >= end) return;
    std::vector<KeyPart> key = ParseKey(text, i, eq);
    if (key.empty()) return;
    size_t vb = eq + 1;
    while (vb < end && (text[vb] == ' ' || text[vb] == '\t')) ++vb;
    YamlNode* parent = table;
    for (size_t k = 0; k + 1 < key.size(); ++k) parent = Child(parent, key[k]);
    std::string scalar;
    size_t ve = ValueEnd(text, vb, end, true, &scalar);
    if (ve == std::string_view::npos) return;
    YamlEntry e;
    e.key = key.back().name;
    e.key_begin = key.back().begin;
    e.key_end = key.back().end;
    e.value.kind = YamlNode::Kind::kScalar;
    e.value.begin = vb;
    e.value.end = ve;
    e.value.scalar = std::move(scalar);
    parent->kind = YamlNode::Kind::kMap;
    parent->map.push_back(std::move(e));
    i = ve;
  }
}

void AddPair(YamlNode* table, std::string_view text, const std::vector<KeyPart>& key, size_t vb,
             size_t line_end) {
  YamlNode* parent = table;
  for (size_t k = 0; k + 1 < key.size(); ++k) parent = Child(parent, key[k]);
  if (vb < line_end && text[vb] == '{') {
    AddInlineTable(Child(parent, key.back()), text, vb, line_end);
    return;
  }
  if (text.substr(vb, 3) == "\"\"\"" || text.substr(vb, 3) == "'''") return;  // multi-line
  std::string scalar;
  size_t ve = ValueEnd(text, vb, line_end, false, &scalar);
  if (ve == std::string_view::npos) return;
  YamlEntry e;
  e.key = key.back().name;
  e.key_begin = key.back().begin;
  e.key_end = key.back().end;
  e.value.kind = YamlNode::Kind::kScalar;
  e.value.begin = vb;
  e.value.end = ve;
  e.value.scalar = std::move(scalar);
  parent->kind = YamlNode::Kind::kMap;
  parent->map.push_back(std::move(e));
}

}  // namespace

YamlNode ParseTomlTree(std::string_view text) {
  YamlNode root;
  root.kind = YamlNode::Kind::kMap;
  YamlNode* table = &root;  // nullptr inside [[array]] tables, which are skipped
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    size_t b = pos, e = eol;
    pos = eol + 1;
    while (b < e && (text[b] == ' ' || text[b] == '\t')) ++b;
    while (e > b && (text[e - 1] == '\r' || text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
    if (b >= e || text[b] == '#') continue;
    if (text[b] == '[') {
      if (b + 1 < e && text[b + 1] == '[') {
        table = nullptr;
        continue;
      }
      size_t close = text.find(']', b);
      if (close == std::string_view::npos || close > e) {
        table = nullptr;
        continue;
      }
      std::vector<KeyPart> key = ParseKey(text, b + 1, close);
      table = &root;
      for (const KeyPart& p : key) table = Child(table, p);
      if (key.empty()) table = nullptr;
      continue;
    }
    if (!table) continue;
    size_t eq = text.find('=', b);
    if (eq == std::string_view::npos || eq >= e) continue;
    std::vector<KeyPart> key = ParseKey(text, b, eq);
    if (key.empty()) continue;
    size_t vb = eq + 1;
    while (vb < e && (text[vb] == ' ' || text[vb] == '\t')) ++vb;
    AddPair(table, text, key, vb, e);
  }
  return root;
}

}  // namespace keylint
