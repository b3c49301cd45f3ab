#include "analyze/ci/yaml_tree.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include <tree_sitter/api.h>

extern "C" const TSLanguage* tree_sitter_yaml(void);

namespace keylint {
namespace {

constexpr int kMaxDepth = 256;
// A backstop for slow paths in the grammar that the flow-depth scan does not foresee.
constexpr uint64_t kParseTimeoutMicros = 5'000'000;

// The deepest nesting of '[' and '{' in `text`, closers never taking it below zero.
int FlowDepth(std::string_view text) {
  int depth = 0, deepest = 0;
  for (char c : text) {
    if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

bool Is(TSNode n, const char* type) { return std::strcmp(ts_node_type(n), type) == 0; }

// Nodes copied when aliases are resolved, per document: a "billion laughs" file (aliases of
// aliases of aliases) stops being resolved here; the rest of its aliases stay as their text.
constexpr size_t kMaxAliasNodes = 100000;

size_t CountNodes(const YamlNode& n) {
  size_t count = 1;
  for (const YamlEntry& e : n.map) count += CountNodes(e.value);
  for (const YamlNode& c : n.seq) count += CountNodes(c);
  return count;
}

class Builder {
 public:
  explicit Builder(std::string_view text) : text_(text) {}

  bool too_deep() const { return too_deep_; }
  size_t deep_at() const { return deep_at_; }

  // Builds the node for a block_node, flow_node or any content node.
  YamlNode Build(TSNode n, int depth) {
    YamlNode out;
    out.begin = ts_node_start_byte(n);
    out.end = ts_node_end_byte(n);
    if (depth > kMaxDepth) {
      if (!too_deep_) deep_at_ = out.begin;
      too_deep_ = true;
      return out;
    }
    if (Is(n, "block_node") || Is(n, "flow_node") || Is(n, "document")) {
      // The content is the last named child that is not an anchor, a tag or a comment; an
      // anchor (&name) remembers the content for the aliases (*name) after it.
      uint32_t count = ts_node_named_child_count(n);
      std::string anchor;
      for (uint32_t i = 0; i < count; ++i) {
        TSNode c = ts_node_named_child(n, i);
        if (Is(c, "anchor")) anchor = NodeText(c);
      }
      for (uint32_t i = count; i-- > 0;) {
        TSNode c = ts_node_named_child(n, i);
        if (Is(c, "anchor") || Is(c, "tag") || Is(c, "comment")) continue;
        YamlNode content = Build(c, depth + 1);
        if (anchor.size() > 1) anchors_[anchor.substr(1)] = content;
        return content;
      }
      return out;
    }
    if (Is(n, "alias")) {
      std::string name = NodeText(n).substr(1);
      auto it = anchors_.find(name);
      if (it != anchors_.end()) {
        size_t size = CountNodes(it->second);
        if (copied_ + size <= kMaxAliasNodes) {
          copied_ += size;
          return it->second;  // positions stay the anchor's: findings point where the text is
        }
      }
      // Unknown or over budget: the alias as its text, as before resolution.
    }
    if (Is(n, "block_mapping") || Is(n, "flow_mapping")) {
      out.kind = YamlNode::Kind::kMap;
      uint32_t count = ts_node_named_child_count(n);
      for (uint32_t i = 0; i < count; ++i) {
        TSNode pair = ts_node_named_child(n, i);
        if (!Is(pair, "block_mapping_pair") && !Is(pair, "flow_pair")) continue;
        YamlEntry e;
        TSNode key = ts_node_child_by_field_name(pair, "key", 3);
        TSNode value = ts_node_child_by_field_name(pair, "value", 5);
        if (!ts_node_is_null(key)) {
          YamlNode k = Build(key, depth + 1);
          e.key = k.scalar;
          e.key_begin = k.begin;
          e.key_end = k.end;
        } else {
          e.key_begin = e.key_end = ts_node_start_byte(pair);
        }
        if (!ts_node_is_null(value)) {
          e.value = Build(value, depth + 1);
        } else {
          e.value.begin = e.value.end = ts_node_end_byte(pair);
        }
        out.map.push_back(std::move(e));
      }
      MergeKeys(&out);
      return out;
    }
    if (Is(n, "block_sequence") || Is(n, "flow_sequence")) {
      out.kind = YamlNode::Kind::kSeq;
      uint32_t count = ts_node_named_child_count(n);
      for (uint32_t i = 0; i < count; ++i) {
        TSNode item = ts_node_named_child(n, i);
        if (Is(item, "comment")) continue;
        if (Is(item, "block_sequence_item")) {
          if (ts_node_named_child_count(item) == 0) {
            YamlNode null_item;
            null_item.begin = null_item.end = ts_node_end_byte(item);
            out.seq.push_back(null_item);
            continue;
          }
          item = ts_node_named_child(item, ts_node_named_child_count(item) - 1);
        }
        out.seq.push_back(Build(item, depth + 1));
      }
      return out;
    }
    if (Is(n, "plain_scalar") || Is(n, "double_quote_scalar") || Is(n, "single_quote_scalar") ||
        Is(n, "block_scalar") || Is(n, "alias")) {
      out.kind = YamlNode::Kind::kScalar;
      std::string_view raw = text_.substr(out.begin, out.end - out.begin);
      if ((Is(n, "double_quote_scalar") || Is(n, "single_quote_scalar")) && raw.size() >= 2) {
        raw = raw.substr(1, raw.size() - 2);
      }
      out.scalar = std::string(raw);
      return out;
    }
    return out;  // ERROR and unknown nodes: null
  }

 private:
  std::string NodeText(TSNode n) const {
    return std::string(text_.substr(ts_node_start_byte(n), ts_node_end_byte(n) - ts_node_start_byte(n)));
  }

  // YAML merge keys: `<<: *defaults` or `<<: [*a, *b]` adds the entries of the merged maps that
  // the map does not set itself (earlier maps in the list win), in place of the `<<` entry.
  static void MergeKeys(YamlNode* map) {
    bool any = false;
    for (const YamlEntry& e : map->map) any = any || e.key == "<<";
    if (!any) return;
    std::vector<YamlNode> merged;
    std::vector<YamlEntry> kept;
    for (YamlEntry& e : map->map) {
      if (e.key != "<<") {
        kept.push_back(std::move(e));
      } else if (e.value.kind == YamlNode::Kind::kMap) {
        merged.push_back(std::move(e.value));
      } else if (e.value.kind == YamlNode::Kind::kSeq) {
        for (YamlNode& m : e.value.seq) {
          if (m.kind == YamlNode::Kind::kMap) merged.push_back(std::move(m));
        }
      }
    }
    for (YamlNode& m : merged) {
      for (YamlEntry& e : m.map) {
        bool present = false;
        for (const YamlEntry& k : kept) present = present || k.key == e.key;
        if (!present) kept.push_back(std::move(e));
      }
    }
    map->map = std::move(kept);
  }

  std::string_view text_;
  bool too_deep_ = false;
  size_t deep_at_ = 0;
  std::map<std::string, YamlNode> anchors_;
  size_t copied_ = 0;  // nodes copied for aliases so far
};

// The first ERROR or MISSING node in document order. A loop, not recursion: the tree may be
// thousands of levels deep ("- - - - ..." on one line).
bool FindError(TSNode n, size_t* begin, size_t* end) {
  if (!ts_node_is_missing(n) && !Is(n, "ERROR") && !ts_node_has_error(n)) return false;
  for (bool descended = true; descended;) {
    if (ts_node_is_missing(n) || Is(n, "ERROR")) break;
    descended = false;
    uint32_t count = ts_node_child_count(n);
    for (uint32_t i = 0; i < count && !descended; ++i) {
      TSNode c = ts_node_child(n, i);
      if (ts_node_is_missing(c) || Is(c, "ERROR") || ts_node_has_error(c)) {
        n = c;
        descended = true;
      }
    }
  }
  *begin = ts_node_start_byte(n);
  *end = ts_node_end_byte(n);
  return true;
}

}  // namespace

const YamlEntry* YamlNode::Entry(std::string_view key) const {
  if (kind != Kind::kMap) return nullptr;
  for (const YamlEntry& e : map) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

const YamlNode* YamlNode::Get(std::string_view key) const {
  const YamlEntry* e = Entry(key);
  return e ? &e->value : nullptr;
}

struct YamlParser::Impl {
  TSParser* parser = nullptr;
  bool ok = false;
};

YamlParser::YamlParser() : impl_(new Impl) {
  impl_->parser = ts_parser_new();
  impl_->ok = ts_parser_set_language(impl_->parser, tree_sitter_yaml());
  ts_parser_set_timeout_micros(impl_->parser, kParseTimeoutMicros);
}

YamlParser::~YamlParser() { ts_parser_delete(impl_->parser); }

bool YamlParser::ok() const { return impl_->ok; }

// One parse: the tree's first document and whether it has a syntax error.
static YamlDocument ParseOnce(TSParser* parser, std::string_view text) {
  YamlDocument doc;
  TSTree* tree =
      ts_parser_parse_string(parser, nullptr, text.data(), static_cast<uint32_t>(text.size()));
  if (!tree) {  // out of time
    ts_parser_reset(parser);
    doc.not_parsed = "the YAML parse ran out of time";
    return doc;
  }
  TSNode root = ts_tree_root_node(tree);
  doc.has_error = ts_node_has_error(root) && FindError(root, &doc.error_begin, &doc.error_end);
  // stream -> document -> content: the first document only (CI files hold one).
  uint32_t count = ts_node_named_child_count(root);
  Builder b(text);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode c = ts_node_named_child(root, i);
    if (!Is(c, "document")) continue;
    doc.root = b.Build(c, 0);
    break;
  }
  if (b.too_deep() && !doc.has_error) {
    doc.has_error = true;
    doc.error_begin = doc.error_end = b.deep_at();
  }
  ts_tree_delete(tree);
  ts_parser_reset(parser);
  return doc;
}

YamlDocument YamlParser::Parse(std::string_view text) {
  if (!impl_->ok) return YamlDocument();
  if (text.size() > UINT32_MAX) {
    YamlDocument doc;
    doc.not_parsed = "too large to parse";
    return doc;
  }
  if (int depth = FlowDepth(text); depth > kMaxYamlFlowDepth) {
    YamlDocument doc;
    doc.not_parsed = "'[' and '{' nest " + std::to_string(depth) + " levels deep (over " +
                     std::to_string(kMaxYamlFlowDepth) + ")";
    return doc;
  }
  YamlDocument doc = ParseOnce(impl_->parser, text);
  if (!doc.has_error || !doc.not_parsed.empty()) return doc;
  // tree-sitter-yaml often recovers by wrapping the whole stream in one ERROR node, which names
  // neither the line nor keeps the structure. So find the longest prefix of whole lines that
  // parses cleanly (binary search: O(log lines) more parses): the line after it is the error,
  // and the prefix is what we check.
  std::vector<size_t> ends;  // byte offset after each line
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') ends.push_back(i + 1);
  }
  if (ends.empty() || ends.back() != text.size()) ends.push_back(text.size());
  size_t good = 0, bad = ends.size();  // invariant: prefix of `good` lines parses, `bad` fails
  YamlDocument best;
  while (bad - good > 1) {
    size_t mid = good + (bad - good) / 2;
    YamlDocument d = ParseOnce(impl_->parser, text.substr(0, ends[mid - 1]));
    if (!d.not_parsed.empty()) break;  // out of time: report the error where the search stands
    if (d.has_error) {
      bad = mid;
    } else {
      good = mid;
      best = std::move(d);
    }
  }
  size_t line_begin = good == 0 ? 0 : ends[good - 1];
  size_t line_end = ends[bad - 1];
  while (line_end > line_begin && (text[line_end - 1] == '\n' || text[line_end - 1] == '\r')) {
    --line_end;
  }
  if (good > 0) doc.root = std::move(best.root);
  doc.error_begin = line_begin;
  doc.error_end = line_end;
  return doc;
}

}  // namespace keylint
