// A small YAML document model built from tree-sitter-yaml: maps, sequences and scalars with byte
// spans, enough for reading CI configuration. tree-sitter is used because it is already a
// dependency, recovers from malformed input (ERROR nodes instead of exceptions, unlike yaml-cpp)
// and gives every node its position. Aliases are resolved to a copy of their anchor's node (with
// the anchor's positions: a finding points at the text that holds the value), merge keys
// (`<<: *defaults`) are applied, tags are dropped.
#ifndef KEYLINT_ANALYZE_CI_YAML_TREE_H_
#define KEYLINT_ANALYZE_CI_YAML_TREE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace keylint {

struct YamlEntry;

struct YamlNode {
  enum class Kind { kNull, kScalar, kMap, kSeq };
  Kind kind = Kind::kNull;
  size_t begin = 0;  // byte span in the document text; end exclusive
  size_t end = 0;
  std::string scalar;           // kScalar: the text without quotes (block scalars: as written)
  std::vector<YamlEntry> map;   // kMap, in document order
  std::vector<YamlNode> seq;    // kSeq

  // The value of the first entry whose key is `key`; nullptr if none or not a map.
  const YamlNode* Get(std::string_view key) const;
  const YamlEntry* Entry(std::string_view key) const;
  bool is_scalar() const { return kind == Kind::kScalar; }
};

struct YamlEntry {
  std::string key;  // scalar key text, unquoted ("on" stays "on": no YAML 1.1 booleans)
  size_t key_begin = 0;
  size_t key_end = 0;
  YamlNode value;
};

struct YamlDocument {
  YamlNode root;  // the first document; kNull when empty
  // Where the first syntax error is (tree-sitter ERROR or MISSING node); has_error false if none.
  bool has_error = false;
  size_t error_begin = 0;
  size_t error_end = 0;
  // Why the text was not parsed at all ("" when it was): flow collections nested deeper than
  // kMaxYamlFlowDepth, or a parse that ran out of time. root is then kNull.
  std::string not_parsed;
};

// tree-sitter-yaml's error recovery costs time quadratic in the depth of unclosed flow
// collections ("[[[[..." 8,000 deep takes 9 s, and Parse reparses to find the error line), so
// text whose '[' and '{' (quoted or not: a cheap, conservative count) nest deeper than this is
// not parsed. Real CI files nest a handful of levels.
constexpr int kMaxYamlFlowDepth = 128;

// Owns a tree-sitter parser with the YAML grammar: one per thread; not thread-safe.
// Parse cost: tree-sitter's (~14 MB/s) plus one walk of the tree. Nesting deeper than 256 levels
// is cut off (reported as an error) rather than recursed into. Each parse is capped in time.
class YamlParser {
 public:
  YamlParser();
  ~YamlParser();
  YamlParser(const YamlParser&) = delete;
  YamlParser& operator=(const YamlParser&) = delete;

  // False if the grammar did not load into this tree-sitter core (an ABI mismatch).
  bool ok() const;
  YamlDocument Parse(std::string_view text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_CI_YAML_TREE_H_
