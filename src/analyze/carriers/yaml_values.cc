// Reading names and values out of YAML-shaped configuration (compose, Helm, Kustomize,
// serverless, eas.json, vercel.json, and netlify.toml turned into the same tree).
#include <cctype>

#include "analyze/carriers/raw_values.h"
#include "core/text.h"

namespace keylint {
namespace {

std::vector<std::string> Split(std::string_view path) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= path.size()) {
    size_t dot = path.find('.', start);
    if (dot == std::string_view::npos) dot = path.size();
    out.emplace_back(path.substr(start, dot - start));
    start = dot + 1;
  }
  return out;
}

bool IsEnvName(std::string_view s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.' && c != '-') return false;
  }
  return true;
}

// The scalar's text starts after its opening quote, if it has one.
size_t ContentBegin(const YamlNode& n, std::string_view text) {
  if (n.begin < text.size() && (text[n.begin] == '"' || text[n.begin] == '\'')) return n.begin + 1;
  return n.begin;
}

class Reader {
 public:
  Reader(std::string_view text, RawValues* out) : text_(text), out_(out) {}

  void Leaf(const std::string& key, size_t key_begin, size_t key_end, const YamlNode& value,
            const std::string& profile) {
    if (!value.is_scalar() || key.empty()) return;
    RawAssignment a;
    a.key = key;
    a.key_begin = key_begin;
    a.key_end = key_end;
    a.value_begin = ContentBegin(value, text_);
    a.value_end = a.value_begin + value.scalar.size();
    if (a.value_end > value.end) a.value_end = value.end;  // block scalars: as written
    a.value = value.scalar;
    a.profile = profile;
    a.reference_only = IsReferenceValue(value.scalar);
    out_->assignments.push_back(std::move(a));
  }

  // "KEY=value" as a sequence item (compose environment lists, kustomize literals).
  void KeyEqualsValue(const YamlNode& item, const std::string& profile) {
    if (!item.is_scalar()) return;
    size_t eq = item.scalar.find('=');
    if (eq == std::string::npos || !IsEnvName(item.scalar.substr(0, eq))) return;
    const size_t b = ContentBegin(item, text_);
    RawAssignment a;
    a.key = item.scalar.substr(0, eq);
    a.key_begin = b;
    a.key_end = b + eq;
    a.value_begin = b + eq + 1;
    a.value_end = b + item.scalar.size();
    a.value = item.scalar.substr(eq + 1);
    a.profile = profile;
    a.reference_only = IsReferenceValue(a.value);
    out_->assignments.push_back(std::move(a));
  }

  // A Kubernetes env list item: {name: X, value: Y}.
  bool NameValue(const YamlNode& item, const std::string& profile) {
    const YamlEntry* name = item.Entry("name");
    const YamlEntry* value = item.Entry("value");
    if (!name || !value || !name->value.is_scalar()) return false;
    Leaf(name->value.scalar, name->value.begin, name->value.end, value->value, profile);
    return true;
  }

  // Pattern segments from i on, under `node` reached by key `key`.
  void Walk(const YamlNode& node, const std::vector<std::string>& segs, size_t i,
            const std::string& key, size_t key_begin, size_t key_end, const std::string& profile) {
    if (i == segs.size()) {
      Leaf(key, key_begin, key_end, node, profile);
      return;
    }
    const std::string& seg = segs[i];
    if (node.kind == YamlNode::Kind::kMap) {
      for (const YamlEntry& e : node.map) {
        if (seg != "*" && seg != "{stage}" && seg != e.key) continue;
        Walk(e.value, segs, i + 1, e.key, e.key_begin, e.key_end, seg == "{stage}" ? e.key : profile);
      }
    } else if (node.kind == YamlNode::Kind::kSeq && seg == "*") {
      for (const YamlNode& item : node.seq) {
        if (i + 1 == segs.size()) {
          if (!NameValue(item, profile)) KeyEqualsValue(item, profile);
        } else {
          Walk(item, segs, i + 1, key, key_begin, key_end, profile);
        }
      }
    }
  }

  // Every scalar leaf with its key (Helm values): maps by key, env lists by name, and "K=V" items.
  void WalkAll(const YamlNode& node, const std::string& key, size_t key_begin, size_t key_end,
               int depth) {
    if (depth > 64) return;
    switch (node.kind) {
      case YamlNode::Kind::kScalar:
        Leaf(key, key_begin, key_end, node, "");
        return;
      case YamlNode::Kind::kMap:
        for (const YamlEntry& e : node.map) WalkAll(e.value, e.key, e.key_begin, e.key_end, depth + 1);
        return;
      case YamlNode::Kind::kSeq:
        for (const YamlNode& item : node.seq) {
          if (item.is_scalar()) {
            KeyEqualsValue(item, "");
          } else {
            if (item.kind == YamlNode::Kind::kMap) NameValue(item, "");
            WalkAll(item, key, key_begin, key_end, depth + 1);
          }
        }
        return;
      case YamlNode::Kind::kNull:
        return;
    }
  }

  void Loads(const YamlNode& node, const std::vector<std::string>& segs, size_t i) {
    if (i < segs.size()) {
      if (node.kind == YamlNode::Kind::kMap) {
        for (const YamlEntry& e : node.map) {
          if (segs[i] == "*" || segs[i] == e.key) Loads(e.value, segs, i + 1);
        }
      } else if (node.kind == YamlNode::Kind::kSeq && segs[i] == "*") {
        for (const YamlNode& item : node.seq) Loads(item, segs, i + 1);
      }
      return;
    }
    auto one = [&](const YamlNode& n) {
      if (n.is_scalar() && !n.scalar.empty()) out_->loads.push_back({n.scalar, n.begin, n.end});
    };
    one(node);
    for (const YamlNode& item : node.seq) {
      one(item);
      if (const YamlNode* p = item.Get("path")) one(*p);
    }
  }

 private:
  std::string_view text_;
  RawValues* out_;
};

}  // namespace

bool IsReferenceValue(std::string_view value) {
  value = TrimSpace(value);
  if (value.empty()) return false;
  return value.find("${") != std::string_view::npos || value.find("$(") != std::string_view::npos ||
         value.find("{{") != std::string_view::npos ||
         (value[0] == '$' && value.size() > 1 &&
          (std::isalpha(static_cast<unsigned char>(value[1])) || value[1] == '_'));
}

void ReadYamlValues(const YamlNode& root, std::string_view text, const CarrierRule& rule,
                    RawValues* out) {
  Reader r(text, out);
  if (rule.values.empty()) {
    r.WalkAll(root, "", 0, 0, 0);
  } else {
    for (const std::string& path : rule.values) r.Walk(root, Split(path), 0, "", 0, 0, "");
  }
  for (const std::string& path : rule.loads) r.Loads(root, Split(path), 0);
  if (!rule.stage_from.empty()) {
    const YamlNode* n = &root;
    for (const std::string& seg : Split(rule.stage_from)) {
      n = n ? n->Get(seg) : nullptr;
    }
    if (n && n->is_scalar() && !IsReferenceValue(n->scalar)) out->stage_name = n->scalar;
  }
}

}  // namespace keylint
