#include "analyze/javascript/extract.h"

#include <tree_sitter/api.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <set>

extern "C" {
const TSLanguage* tree_sitter_javascript(void);
const TSLanguage* tree_sitter_typescript(void);
const TSLanguage* tree_sitter_tsx(void);
}

namespace keylint {
namespace {

// A parse longer than this is abandoned (a pathological or generated file); the model stays empty.
constexpr uint64_t kParseTimeoutMicros = 5'000'000;

bool Is(TSNode n, const char* type) { return !ts_node_is_null(n) && std::strcmp(ts_node_type(n), type) == 0; }

bool IsIdentChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
}

// One file's walk: holds the bytes and what was learned so far.
class Walker {
 public:
  Walker(std::string_view bytes, const JsExtractOptions& options, JsFileModel* out)
      : bytes_(bytes), options_(options), out_(out) {}

  void Run(TSNode root) {
    out_->parse_errors = ts_node_has_error(root);
    for (const std::string& d : options_.server_function_directives) {
      inline_server_functions_ = inline_server_functions_ || bytes_.find(d) != std::string_view::npos;
    }
    server_module_ = inline_server_functions_ && StartsWithServerDirective(root);
    TopLevel(root);
    for (size_t i = 0; i < out_->imports.size(); ++i) {
      JsImport& imp = out_->imports[i];
      if (imp.type_only || imp.locals.empty() || imp.reexport) continue;
      imp.used_as_value = false;
      for (const std::string& l : imp.locals) es_locals_.push_back({l, i});
    }
    for (std::string_view local : exported_locals_) {
      for (const Helper& h : helpers_) {
        if (h.name == local) out_->server_exports.push_back(h.span);
      }
    }
    // Where there are exports the framework keeps on the server, which imports only they use:
    // the bundler drops those (and the top-level helpers only they call) from the client bundle.
    track_uses_ = !out_->server_exports.empty();
    if (track_uses_) {
      for (JsImport& imp : out_->imports) {
        if (imp.locals.empty() || imp.reexport) continue;
        for (size_t j = 0; j < imp.locals.size(); ++j) {
          uses_.emplace(imp.locals[j], std::vector<uint32_t>());
          binding_sites_.insert(imp.local_spans[j].begin);
        }
      }
      for (const Helper& h : helpers_) uses_.emplace(h.name, std::vector<uint32_t>());
    }
    Walk(root);
    if (track_uses_) MarkServerOnlyImports();
    for (const JsExpressionSink& e : options_.expression_sinks) {
      TSNode n = ts_node_descendant_for_byte_range(root, static_cast<uint32_t>(e.span.begin),
                                                   static_cast<uint32_t>(e.span.end));
      if (!ts_node_is_null(n) && ts_node_start_byte(n) == e.span.begin) pending_sinks_.push_back({n, e.what, "", false});
    }
    for (const PendingSink& p : pending_sinks_) {
      if (p.function) {
        PageData(p.node, p.what, p.property);
      } else {
        Sink(p.what, p.node, p.component_import);
      }
    }
  }

  // A top-level declaration that is not exported: `function handle() {}`, `const handle = ...`.
  struct Helper {
    std::string name;
    JsSpan span;
    uint32_t binding = 0;
  };

  void MarkServerOnlyImports() {
    std::vector<JsSpan> server = out_->server_exports;
    auto inside = [&](uint32_t at) {
      for (const JsSpan& s : server) {
        if (at >= s.begin && at < s.end) return true;
      }
      return false;
    };
    auto only_server = [&](const std::string& name, const JsSpan* self) {
      for (uint32_t at : uses_[name]) {
        if (self && at >= self->begin && at < self->end) continue;  // recursion
        bool shadowed = false;
        for (const JsSpan& scope : shadows_[name]) shadowed = shadowed || (at >= scope.begin && at < scope.end);
        if (shadowed) continue;
        if (!inside(at)) return false;
      }
      return true;
    };
    // Helpers used only by server code are server code too; to a fixed point.
    std::vector<bool> taken(helpers_.size(), false);
    for (bool changed = true; changed;) {
      changed = false;
      for (size_t i = 0; i < helpers_.size(); ++i) {
        if (taken[i] || uses_[helpers_[i].name].empty() || !only_server(helpers_[i].name, &helpers_[i].span)) continue;
        taken[i] = changed = true;
        server.push_back(helpers_[i].span);
      }
    }
    for (JsImport& imp : out_->imports) {
      if (imp.locals.empty() || imp.reexport) continue;
      imp.used_outside_server_exports = false;
      for (const std::string& l : imp.locals) {
        if (!only_server(l, nullptr)) imp.used_outside_server_exports = true;
      }
    }
  }

  std::string_view Text(TSNode n) const {
    uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
    if (b > bytes_.size() || e > bytes_.size() || e < b) return {};
    return bytes_.substr(b, e - b);
  }
  JsSpan SpanOf(TSNode n) const { return {ts_node_start_byte(n), ts_node_end_byte(n)}; }
  TSNode Field(TSNode n, const char* name) const {
    return ts_node_child_by_field_name(n, name, static_cast<uint32_t>(std::strlen(name)));
  }

  // A string literal's content, or a template literal without substitutions.
  bool StringValue(TSNode n, std::string* out) const {
    if (Is(n, "string") || (Is(n, "template_string") && !HasNamedChildOfType(n, "template_substitution"))) {
      std::string_view t = Text(n);
      if (t.size() < 2) return false;
      *out = std::string(t.substr(1, t.size() - 2));
      return true;
    }
    return false;
  }
  bool HasNamedChildOfType(TSNode n, const char* type) const {
    uint32_t count = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < count; ++i) {
      if (Is(ts_node_named_child(n, i), type)) return true;
    }
    return false;
  }
  JsValue ValueOf(TSNode n) const {
    JsValue v;
    v.span = SpanOf(n);
    v.is_string = StringValue(n, &v.text);
    return v;
  }
  // property_identifier / identifier / string / number keys; "" for computed ones.
  std::string KeyName(TSNode key) const {
    std::string s;
    if (StringValue(key, &s)) return s;
    if (Is(key, "computed_property_name")) return "";
    return std::string(Text(key));
  }
  TSNode FirstArgument(TSNode call) const {
    TSNode args = Field(call, "arguments");
    if (ts_node_is_null(args)) return args;
    uint32_t count = ts_node_named_child_count(args);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode a = ts_node_named_child(args, i);
      if (!Is(a, "comment")) return a;
    }
    return TSNode{};
  }
  bool InServerExport(size_t at) const {
    for (const JsSpan& s : out_->server_exports) {
      if (at >= s.begin && at < s.end) return true;
    }
    return false;
  }
  bool IsServerExportName(std::string_view name) const {
    return std::find(options_.server_exports.begin(), options_.server_exports.end(), name) !=
           options_.server_exports.end();
  }

  // Imports and server-only exports: statements directly under the root.
  void TopLevel(TSNode root) {
    TSTreeCursor c = ts_tree_cursor_new(root);
    if (ts_tree_cursor_goto_first_child(&c)) {
      do {
        TSNode n = ts_tree_cursor_current_node(&c);
        if (Is(n, "import_statement")) Import(n);
        if (Is(n, "export_statement")) {
          Reexport(n);
          if (!options_.server_exports.empty()) ServerExport(n);
        }
        if (!options_.server_exports.empty()) {
          MaybeHelper(n);
          if (Is(n, "export_statement")) ExportClause(n);
        }
        if (Is(n, "export_statement") && !options_.page_data.empty()) PageDataExport(n);
        if (Is(n, "export_statement") && server_module_) ServerFunctionExport(n);
      } while (ts_tree_cursor_goto_next_sibling(&c));
    }
    ts_tree_cursor_delete(&c);
  }

  void Import(TSNode n) {
    JsImport imp;
    TSNode source = Field(n, "source");
    if (!StringValue(source, &imp.module)) return;
    imp.span = SpanOf(source);
    uint32_t count = ts_node_child_count(n);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode ch = ts_node_child(n, i);
      if (!ts_node_is_named(ch) && Text(ch) == "type") imp.type_only = true;
      if (!Is(ch, "import_clause")) continue;
      uint32_t cc = ts_node_named_child_count(ch);
      for (uint32_t j = 0; j < cc; ++j) {
        TSNode part = ts_node_named_child(ch, j);
        if (Is(part, "identifier")) {
          AddLocal(&imp, part, "");
        } else if (Is(part, "namespace_import") && ts_node_named_child_count(part) > 0) {
          AddLocal(&imp, ts_node_named_child(part, 0), "");
        } else if (Is(part, "named_imports")) {
          uint32_t sc = ts_node_named_child_count(part);
          for (uint32_t k = 0; k < sc; ++k) {
            TSNode spec = ts_node_named_child(part, k);
            if (!Is(spec, "import_specifier") || InType(ts_node_named_child(spec, 0))) continue;  // { type A }
            TSNode name = Field(spec, "name"), alias = Field(spec, "alias");
            std::string imported = KeyName(name);
            AddLocal(&imp, ts_node_is_null(alias) ? name : alias, imported);
          }
        }
      }
    }
    if (imp.module == "$env/static/private") {
      for (size_t i = 0; i < imp.locals.size(); ++i) {
        env_bindings_.emplace(imp.locals[i], EnvBinding{imp.imported[i].empty() ? imp.locals[i] : imp.imported[i],
                                                        imp.local_spans[i], EnvReadKind::kSvelteKitPrivate});
        out_->env_reads.push_back({imp.imported[i].empty() ? imp.locals[i] : imp.imported[i],
                                   EnvReadKind::kSvelteKitPrivate, imp.local_spans[i], false});
      }
    }
    if (imp.module == "$env/dynamic/private") {
      for (const std::string& l : imp.locals) svelte_dynamic_.insert(l);
    }
    out_->imports.push_back(std::move(imp));
  }
  // export { a } from 'm' / export * from 'm'
  void Reexport(TSNode n) {
    JsImport imp;
    TSNode source = Field(n, "source");
    if (ts_node_is_null(source) || !StringValue(source, &imp.module)) return;
    imp.span = SpanOf(source);
    imp.reexport = true;
    uint32_t count = ts_node_child_count(n);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode ch = ts_node_child(n, i);
      if (!ts_node_is_named(ch) && Text(ch) == "type") imp.type_only = true;
    }
    out_->imports.push_back(std::move(imp));
  }

  void MaybeHelper(TSNode n) {
    if (Is(n, "function_declaration") || Is(n, "generator_function_declaration")) {
      TSNode name = Field(n, "name");
      if (!ts_node_is_null(name)) helpers_.push_back({std::string(Text(name)), SpanOf(n), ts_node_start_byte(name)});
      return;
    }
    if (!Is(n, "lexical_declaration") && !Is(n, "variable_declaration")) return;
    uint32_t count = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode d = ts_node_named_child(n, i);
      if (!Is(d, "variable_declarator")) continue;
      for (TSNode name : BoundNames(Field(d, "name"))) {
        helpers_.push_back({std::string(Text(name)), SpanOf(d), ts_node_start_byte(name)});
      }
    }
  }

  // The identifiers a declarator binds: `x`, `{ a, b: c }` -> a, c.
  std::vector<TSNode> BoundNames(TSNode pattern) const {
    std::vector<TSNode> out;
    if (Is(pattern, "identifier")) out.push_back(pattern);
    if (!Is(pattern, "object_pattern")) return out;
    uint32_t count = ts_node_named_child_count(pattern);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode p = ts_node_named_child(pattern, i);
      if (Is(p, "shorthand_property_identifier_pattern")) out.push_back(p);
      if (Is(p, "pair_pattern") && Is(Field(p, "value"), "identifier")) out.push_back(Field(p, "value"));
    }
    return out;
  }

  // `const { action } = make(); export { action };`: the declaration of an exported local is
  // server code when it is exported under a server export's name.
  void ExportClause(TSNode n) {
    if (!ts_node_is_null(Field(n, "source")) || !ts_node_is_null(Field(n, "declaration"))) return;
    uint32_t count = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode clause = ts_node_named_child(n, i);
      if (!Is(clause, "export_clause")) continue;
      uint32_t sc = ts_node_named_child_count(clause);
      for (uint32_t j = 0; j < sc; ++j) {
        TSNode spec = ts_node_named_child(clause, j);
        TSNode name = Field(spec, "name"), alias = Field(spec, "alias");
        if (!IsServerExportName(Text(ts_node_is_null(alias) ? name : alias))) continue;
        exported_locals_.emplace_back(Text(name));
      }
    }
  }

  // Whether `n` sits in a TypeScript type (`x: typeof f`, `Array<T>`, `type A = ...`), which the
  // compiler erases: such a use keeps nothing in the bundle.
  static bool InType(TSNode n) {
    for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p)) {
      const char* t = ts_node_type(p);
      if (std::strcmp(t, "type_annotation") == 0 || std::strcmp(t, "type_arguments") == 0 ||
          std::strcmp(t, "type_query") == 0 || std::strcmp(t, "type_alias_declaration") == 0 ||
          std::strcmp(t, "interface_declaration") == 0 || std::strcmp(t, "type_parameters") == 0) {
        return true;
      }
      if (std::strcmp(t, "export_statement") == 0 || std::strcmp(t, "import_specifier") == 0 ||
          std::strcmp(t, "export_specifier") == 0) {
        // export type { A } / import { type A }: erased
        uint32_t count = ts_node_child_count(p);
        for (uint32_t i = 0; i < count; ++i) {
          TSNode c = ts_node_child(p, i);
          if (!ts_node_is_named(c) && std::strcmp(ts_node_type(c), "type") == 0) return true;
        }
      }
      if (std::strstr(t, "statement") || std::strstr(t, "declaration")) return false;
    }
    return false;
  }

  // An identifier that may name an import's local or a top-level helper: where it is used.
  // A local declaration or parameter named like an import shadows it in its scope: uses there are
  // the local's (scopes are approximated by the nearest enclosing function or block).
  void RecordUse(TSNode n) {
    auto it = uses_.find(std::string(Text(n)));
    if (it == uses_.end() || InType(n)) return;
    uint32_t at = ts_node_start_byte(n);
    if (binding_sites_.count(at)) return;
    for (const Helper& h : helpers_) {
      if (h.binding == at) return;
    }
    TSNode parent = ts_node_parent(n);
    if (Is(parent, "import_specifier")) return;  // `a as b`: the imported name, not a use
    if (IsLocalBinding(n, parent)) {
      TSNode scope = parent;
      while (!ts_node_is_null(scope) && !Is(scope, "statement_block") && !IsFunction(scope) && !Is(scope, "program")) {
        scope = ts_node_parent(scope);
      }
      if (!ts_node_is_null(scope) && !Is(scope, "program")) shadows_[it->first].push_back(SpanOf(scope));
      return;
    }
    it->second.push_back(at);
  }

  bool IsLocalBinding(TSNode n, TSNode parent) const {
    if (Is(n, "shorthand_property_identifier_pattern")) return true;  // ({ env }) => ...
    if (Is(parent, "variable_declarator")) return ts_node_eq(Field(parent, "name"), n);
    if (Is(parent, "assignment_pattern")) return ts_node_eq(Field(parent, "left"), n);
    if (Is(parent, "pair_pattern")) return ts_node_eq(Field(parent, "value"), n);
    return Is(parent, "required_parameter") || Is(parent, "optional_parameter") || Is(parent, "formal_parameters") ||
           Is(parent, "catch_clause") || Is(parent, "array_pattern") || Is(parent, "rest_pattern");
  }

  void AddLocal(JsImport* imp, TSNode local, std::string imported) {
    imp->locals.emplace_back(Text(local));
    imp->imported.push_back(std::move(imported));
    imp->local_spans.push_back(SpanOf(local));
  }

  void ServerExport(TSNode n) {
    TSNode decl = Field(n, "declaration");
    if (ts_node_is_null(decl)) return;
    if (Is(decl, "function_declaration") || Is(decl, "generator_function_declaration")) {
      if (IsServerExportName(Text(Field(decl, "name")))) out_->server_exports.push_back(SpanOf(decl));
      return;
    }
    uint32_t count = ts_node_named_child_count(decl);  // lexical_declaration / variable_declaration
    for (uint32_t i = 0; i < count; ++i) {
      TSNode d = ts_node_named_child(decl, i);
      if (!Is(d, "variable_declarator")) continue;
      for (TSNode name : BoundNames(Field(d, "name"))) {  // export const { loader, action } = ...
        if (IsServerExportName(Text(name))) {
          out_->server_exports.push_back(SpanOf(d));
          break;
        }
      }
    }
  }

  // Where a node sits, for telling a value use of an imported name from a type use.
  enum Context : uint8_t { kValue = 0, kType = 1, kImportStatement = 2 };

  // Nodes whose identifiers TypeScript erases: type annotations, type arguments, declarations.
  static bool IsTypeNode(const char* type) {
    switch (type[0]) {
      case 't':
        return std::strcmp(type, "type_annotation") == 0 || std::strcmp(type, "type_arguments") == 0 ||
               std::strcmp(type, "type_alias_declaration") == 0 || std::strcmp(type, "type_query") == 0;
      case 'n': return std::strcmp(type, "nested_type_identifier") == 0;
      case 'g': return std::strcmp(type, "generic_type") == 0;
      case 'i':
        return std::strcmp(type, "interface_declaration") == 0 || std::strcmp(type, "implements_clause") == 0;
      case 'e': return std::strcmp(type, "extends_type_clause") == 0;
      default: return false;
    }
  }

  // An identifier used where a value is needed marks the import that bound it.
  void ValueUse(TSNode n) {
    if (es_locals_.empty()) return;
    std::string_view name = Text(n);
    for (const auto& [local, index] : es_locals_) {
      if (local == name) out_->imports[index].used_as_value = true;
    }
  }

  // Preorder walk with one cursor: no recursion, so deeply nested (minified) code is safe.
  void Walk(TSNode root) {
    TSTreeCursor c = ts_tree_cursor_new(root);
    std::vector<uint8_t> context{kValue};  // per depth: the context of the current node
    while (true) {
      TSNode n = ts_tree_cursor_current_node(&c);
      if (ts_node_is_named(n)) {
        const char* type = ts_node_type(n);
        uint8_t ctx = context.back();
        if (IsTypeNode(type)) ctx |= kType;
        if (std::strcmp(type, "import_statement") == 0) ctx |= kImportStatement;
        context.back() = ctx;
        if (ctx == kValue && (std::strcmp(type, "identifier") == 0 ||
                              std::strcmp(type, "shorthand_property_identifier") == 0)) {
          ValueUse(n);
        }
        Visit(n);
      }
      if (ts_tree_cursor_goto_first_child(&c)) {
        context.push_back(context.back());
        continue;
      }
      bool done = false;
      while (!ts_tree_cursor_goto_next_sibling(&c)) {
        if (!ts_tree_cursor_goto_parent(&c)) {
          done = true;
          break;
        }
        context.pop_back();
      }
      if (done) break;
      // A sibling starts from its parent's context, not the previous sibling's.
      context.back() = context.size() > 1 ? context[context.size() - 2] : kValue;
    }
    ts_tree_cursor_delete(&c);
  }

  void Visit(TSNode n) {
    const char* type = ts_node_type(n);
    if (inline_server_functions_ && IsFunction(n)) InlineServerFunction(n);
    if (track_uses_ &&
        (std::strcmp(type, "identifier") == 0 || std::strcmp(type, "shorthand_property_identifier") == 0 ||
         std::strcmp(type, "shorthand_property_identifier_pattern") == 0)) {
      RecordUse(n);
    }
    switch (type[0]) {
      case 'm':
        if (std::strcmp(type, "member_expression") == 0) MemberExpression(n);
        break;
      case 's':
        if (std::strcmp(type, "subscript_expression") == 0) SubscriptExpression(n);
        break;
      case 'c':
        if (std::strcmp(type, "call_expression") == 0) CallExpression(n);
        break;
      case 'n':
        if (std::strcmp(type, "new_expression") == 0) NewExpression(n);
        break;
      case 'v':
        if (std::strcmp(type, "variable_declarator") == 0) VariableDeclarator(n);
        break;
      case 'p':
        if (std::strcmp(type, "pair") == 0) Pair(n);
        break;
      case 'a':
        if (std::strcmp(type, "assignment_expression") == 0) Assignment(n);
        break;
      case 'j':
        if (options_.component_props && (std::strcmp(type, "jsx_self_closing_element") == 0 ||
                                         std::strcmp(type, "jsx_opening_element") == 0)) {
          JsxElement(n);
        }
        break;
      default:
        break;
    }
  }

  static bool IsEnvObject(std::string_view t, EnvReadKind* kind) {
    if (t == "process.env") {
      *kind = EnvReadKind::kProcessEnv;
      return true;
    }
    if (t == "import.meta.env") {
      *kind = EnvReadKind::kImportMetaEnv;
      return true;
    }
    return false;
  }

  void AddRead(std::string name, EnvReadKind kind, JsSpan span) {
    if (name.empty()) return;
    out_->env_reads.push_back({std::move(name), kind, span, InServerExport(span.begin)});
  }

  bool IsRuntimeConfig(TSNode obj) const {
    if (Is(obj, "call_expression")) return Text(Field(obj, "function")) == "useRuntimeConfig";
    return Is(obj, "identifier") && nuxt_config_.count(std::string(Text(obj)));
  }

  void MemberExpression(TSNode n) {
    TSNode obj = Field(n, "object"), prop = Field(n, "property");
    if (ts_node_is_null(obj) || ts_node_is_null(prop)) return;
    std::string_view ot = Text(obj);
    EnvReadKind kind;
    if (IsEnvObject(ot, &kind)) return AddRead(std::string(Text(prop)), kind, SpanOf(n));
    if (!svelte_dynamic_.empty() && Is(obj, "identifier") && svelte_dynamic_.count(std::string(ot))) {
      return AddRead(std::string(Text(prop)), EnvReadKind::kSvelteKitPrivate, SpanOf(n));
    }
    if (IsRuntimeConfig(obj)) {
      std::string_view p = Text(prop);
      if (p != "public" && p != "app") AddRead(std::string(p), EnvReadKind::kNuxtRuntimeConfig, SpanOf(n));
    }
  }

  void SubscriptExpression(TSNode n) {
    EnvReadKind kind;
    std::string name;
    if (IsEnvObject(Text(Field(n, "object")), &kind) && StringValue(Field(n, "index"), &name)) {
      AddRead(std::move(name), kind, SpanOf(n));
    }
  }

  void CallExpression(TSNode n) {
    TSNode fn = Field(n, "function");
    if (ts_node_is_null(fn)) return;
    if (!options_.page_data.empty()) SinkCall(n, Text(fn));
    if (Is(fn, "import") || (Is(fn, "identifier") && Text(fn) == "require")) {
      TSNode arg = FirstArgument(n);
      JsImport imp;
      if (ts_node_is_null(arg) || !StringValue(arg, &imp.module)) return;
      imp.span = SpanOf(arg);
      TSNode parent = ts_node_parent(n);
      if (Is(parent, "await_expression")) parent = ts_node_parent(parent);
      if (Is(parent, "variable_declarator")) BindPattern(Field(parent, "name"), &imp);
      out_->imports.push_back(std::move(imp));
      return;
    }
    if (Is(fn, "member_expression")) {
      TSNode prop = Field(fn, "property");
      if (!ts_node_is_null(prop)) {
        out_->member_calls.push_back({std::string(Text(Field(fn, "object"))), std::string(Text(prop)),
                                      SpanOf(prop), InServerExport(ts_node_start_byte(n))});
      }
    }
  }
  // const X = require('m') / const { A, B: c } = require('m')
  void BindPattern(TSNode name, JsImport* imp) {
    if (Is(name, "identifier")) return AddLocal(imp, name, "");
    if (!Is(name, "object_pattern")) return;
    uint32_t count = ts_node_named_child_count(name);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode p = ts_node_named_child(name, i);
      if (Is(p, "shorthand_property_identifier_pattern")) AddLocal(imp, p, std::string(Text(p)));
      if (Is(p, "pair_pattern")) {
        TSNode v = Field(p, "value");
        if (Is(v, "identifier")) AddLocal(imp, v, KeyName(Field(p, "key")));
      }
    }
  }

  void NewExpression(TSNode n) {
    TSNode ctor = Field(n, "constructor");
    if (ts_node_is_null(ctor)) return;
    std::string_view ct = Text(ctor);
    size_t dot = ct.rfind('.');
    JsNew nw;
    nw.callee = std::string(dot == std::string_view::npos ? ct : ct.substr(dot + 1));
    nw.span = SpanOf(ctor);
    nw.in_server_export = InServerExport(nw.span.begin);
    TSNode parent = ts_node_parent(n);
    if (Is(parent, "variable_declarator") && Is(Field(parent, "name"), "identifier")) {
      nw.bound_to = std::string(Text(Field(parent, "name")));
    } else if (Is(parent, "assignment_expression")) {
      nw.bound_to = std::string(Text(Field(parent, "left")));
    }
    TSNode arg = FirstArgument(n);
    bool inlines = std::find(options_.inline_constructors.begin(), options_.inline_constructors.end(),
                             nw.callee) != options_.inline_constructors.end();
    if (!ts_node_is_null(arg)) {
      if (Is(arg, "object")) {
        uint32_t count = ts_node_named_child_count(arg);
        for (uint32_t i = 0; i < count; ++i) {
          TSNode p = ts_node_named_child(arg, i);
          if (Is(p, "pair")) {
            TSNode key = Field(p, "key");
            nw.options.push_back({KeyName(key), SpanOf(key), ValueOf(Field(p, "value"))});
          } else if (Is(p, "shorthand_property_identifier")) {
            nw.options.push_back({std::string(Text(p)), SpanOf(p), ValueOf(p)});
          }
        }
        if (inlines) InlineObject(nw.callee, arg);
      } else {
        nw.has_positional = true;
        nw.positional = ValueOf(arg);
        if (inlines && Is(arg, "array")) InlineArray(nw.callee, arg);
      }
    }
    out_->news.push_back(std::move(nw));
  }

  void VariableDeclarator(TSNode n) {
    TSNode name = Field(n, "name"), value = Field(n, "value");
    if (ts_node_is_null(name) || ts_node_is_null(value)) return;
    if (Is(name, "identifier")) bindings_.emplace(std::string(Text(name)), value);  // first one wins
    if (Is(name, "identifier")) {
      JsValue v = ValueOf(value);
      if (v.is_string) {
        out_->named_strings.push_back({std::string(Text(name)), v, InServerExport(v.span.begin)});
      } else if (IsRuntimeConfig(value)) {
        nuxt_config_.insert(std::string(Text(name)));
      }
      return;
    }
    if (!Is(name, "object_pattern")) return;
    EnvReadKind kind;
    bool env = IsEnvObject(Text(value), &kind);
    bool nuxt = !env && IsRuntimeConfig(value);
    if (!env && !nuxt) return;
    if (nuxt) kind = EnvReadKind::kNuxtRuntimeConfig;
    uint32_t count = ts_node_named_child_count(name);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode p = ts_node_named_child(name, i);
      TSNode key = p;
      if (Is(p, "pair_pattern")) key = Field(p, "key");
      else if (Is(p, "object_assignment_pattern")) key = Field(p, "left");
      else if (!Is(p, "shorthand_property_identifier_pattern")) continue;
      std::string k = KeyName(key);
      if (nuxt && (k == "public" || k == "app")) continue;
      // The local the read is bound to: `{ KEY }` or `{ KEY: local }`.
      TSNode local = Is(p, "pair_pattern") ? Field(p, "value") : key;
      if (Is(local, "identifier") || Is(local, "shorthand_property_identifier_pattern")) {
        env_bindings_.emplace(std::string(Text(local)), EnvBinding{k, SpanOf(key), kind});
      }
      AddRead(std::move(k), kind, SpanOf(key));
    }
  }

  void Pair(TSNode n) {
    TSNode key = Field(n, "key"), value = Field(n, "value");
    if (ts_node_is_null(key) || ts_node_is_null(value)) return;
    std::string k = KeyName(key);
    if (k.empty()) return;
    JsValue v = ValueOf(value);
    if (v.is_string) out_->named_strings.push_back({k, v, InServerExport(v.span.begin)});
    if (Is(value, "object") &&
        std::find(options_.inline_properties.begin(), options_.inline_properties.end(), k) !=
            options_.inline_properties.end()) {
      InlineObject(k, value);
    }
  }

  void Assignment(TSNode n) {
    TSNode left = Field(n, "left"), right = Field(n, "right");
    if (ts_node_is_null(left) || ts_node_is_null(right)) return;
    if (Is(left, "member_expression")) {
      std::string_view prop = Text(Field(left, "property"));
      TSNode fn = Unwrap(right);
      if (const auto* e = PageDataEntry(prop); e && IsFunction(fn)) AddPending(fn, *e, true);
      PayloadAssignment(left, right);
    }
    std::string name;
    if (Is(left, "member_expression")) name = std::string(Text(Field(left, "property")));
    else if (Is(left, "identifier")) name = std::string(Text(left));
    JsValue v = ValueOf(right);
    if (!name.empty() && v.is_string) out_->named_strings.push_back({name, v, InServerExport(v.span.begin)});
  }


  // --- data sent to the browser -------------------------------------------------------------

  // The export of that name whose result is sent, or nullptr.
  const JsPageData* PageDataEntry(std::string_view name) const {
    for (const JsPageData& e : options_.page_data) {
      if (e.kind == JsPageData::kExport && e.name == name) return &e;
    }
    return nullptr;
  }

  static std::string WhatOf(const JsPageData& e) {
    if (!e.what.empty()) return e.what;
    switch (e.kind) {
      case JsPageData::kExport: return e.property.empty() ? e.name + " data" : e.name + " `" + e.property + "`";
      case JsPageData::kCall: return e.name + "() argument " + std::to_string(e.argument);
      case JsPageData::kAssign: return e.name;
    }
    return e.name;
  }

  // Sinks are followed after the walk, when every binding of the file is known.
  void AddPending(TSNode node, const JsPageData& e, bool function) {
    pending_sinks_.push_back({node, WhatOf(e), e.kind == JsPageData::kExport ? e.property : "", function});
  }

  // useState('k', () => value): the argument the framework sends (what it returns, for a function).
  void SinkCall(TSNode call, std::string_view callee) {
    for (const JsPageData& e : options_.page_data) {
      if (e.kind != JsPageData::kCall || e.name != callee) continue;
      TSNode args = Field(call, "arguments");
      int index = 0;
      uint32_t count = ts_node_is_null(args) ? 0 : ts_node_named_child_count(args);
      for (uint32_t i = 0; i < count; ++i) {
        TSNode a = ts_node_named_child(args, i);
        if (Is(a, "comment") || ++index != e.argument) continue;
        TSNode v = Unwrap(a);
        AddPending(v, e, IsFunction(v));
      }
    }
  }

  // nuxtApp.payload.x = value, nuxtApp.payload = {...}: the object as written, or below it.
  void PayloadAssignment(TSNode left, TSNode right) {
    std::string_view l = Text(left);
    for (const JsPageData& e : options_.page_data) {
      if (e.kind != JsPageData::kAssign || l.compare(0, e.name.size(), e.name) != 0) continue;
      if (l.size() == e.name.size() || l[e.name.size()] == '.' || l[e.name.size()] == '[') AddPending(right, e, false);
    }
  }

  static bool IsFunction(TSNode n) {
    return Is(n, "arrow_function") || Is(n, "function_expression") || Is(n, "function") ||
           Is(n, "function_declaration") || Is(n, "generator_function_declaration") ||
           Is(n, "method_definition");
  }

  // export function getServerSideProps() {} / export const load = async () => {}
  void PageDataExport(TSNode n) {
    TSNode decl = Field(n, "declaration");
    if (ts_node_is_null(decl)) return;
    if (Is(decl, "function_declaration")) {
      if (const auto* e = PageDataEntry(Text(Field(decl, "name")))) AddPending(decl, *e, true);
      return;
    }
    uint32_t count = ts_node_named_child_count(decl);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode d = ts_node_named_child(decl, i);
      if (!Is(d, "variable_declarator")) continue;
      const auto* e = PageDataEntry(Text(Field(d, "name")));
      TSNode value = Unwrap(Field(d, "value"));
      if (e && IsFunction(value)) AddPending(value, *e, true);
    }
  }

  // --- props given to imported components ---------------------------------------------------

  // The ES import (index into out_->imports) that binds `local` as a value; -1 if none.
  int ValueImportOf(std::string_view local) const {
    for (size_t i = 0; i < out_->imports.size(); ++i) {
      const JsImport& imp = out_->imports[i];
      if (imp.type_only || imp.reexport) continue;
      for (const std::string& l : imp.locals) {
        if (l == local) return static_cast<int>(i);
      }
    }
    return -1;
  }

  // <Widget apiKey={v} {...rest}>{child}</Widget> with Widget (or UI of <UI.Widget>) imported:
  // each prop is a sink of that import's component, which the module graph judges later.
  void JsxElement(TSNode n) {
    TSNode name = Field(n, "name");
    TSNode root = name;
    while (Is(root, "member_expression")) root = Field(root, "object");
    std::string_view local = Is(root, "identifier") ? Text(root) : std::string_view();
    // <div>, <p>: host elements are rendered on the server, not handed to a component.
    if (local.empty() || (ts_node_eq(root, name) && !std::isupper(static_cast<unsigned char>(local[0])))) return;
    int import = ValueImportOf(local);
    if (import < 0) return;
    std::string component(Text(name));
    uint32_t count = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode a = ts_node_named_child(n, i);
      if (Is(a, "jsx_expression")) {  // {...props}
        pending_sinks_.push_back({a, "the props of <" + component + ">", "", false, import});
      } else if (Is(a, "jsx_attribute") && ts_node_named_child_count(a) == 2) {
        TSNode value = ts_node_named_child(a, 1);
        if (Is(value, "jsx_expression")) value = ts_node_named_child(value, 0);
        if (ts_node_is_null(value)) continue;
        std::string prop(Text(ts_node_named_child(a, 0)));
        pending_sinks_.push_back({value, "prop `" + prop + "` of <" + component + ">", "", false, import});
      }
    }
    TSNode element = ts_node_parent(n);
    if (!Is(n, "jsx_opening_element") || !Is(element, "jsx_element")) return;
    count = ts_node_named_child_count(element);
    for (uint32_t i = 0; i < count; ++i) {  // {child}: the `children` prop
      TSNode c = ts_node_named_child(element, i);
      if (Is(c, "jsx_expression") && ts_node_named_child_count(c) > 0) {
        pending_sinks_.push_back({ts_node_named_child(c, 0), "the children of <" + component + ">", "", false, import});
      }
    }
  }

  // --- Server Functions ('use server') --------------------------------------------------------

  // Whether the directive prologue of a program or function body holds a server directive.
  bool StartsWithServerDirective(TSNode block) const {
    uint32_t count = ts_node_named_child_count(block);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode st = ts_node_named_child(block, i);
      if (Is(st, "comment") || Is(st, "hash_bang_line")) continue;
      std::string directive;
      if (!Is(st, "expression_statement") || !Is(ts_node_named_child(st, 0), "string") ||
          !StringValue(ts_node_named_child(st, 0), &directive)) {
        return false;
      }
      for (const std::string& d : options_.server_function_directives) {
        if (directive == d) return true;
      }
    }
    return false;
  }

  void AddServerFunction(TSNode fn, std::string_view name) {
    std::string what = name.empty() ? "the result of a Server Action" : "the result of Server Action `" + std::string(name) + "`";
    pending_sinks_.push_back({fn, std::move(what), "", true});
  }

  // In a 'use server' module: `export async function f`, `export const f = async () =>`,
  // `export default async function`.
  void ServerFunctionExport(TSNode n) {
    TSNode decl = Field(n, "declaration");
    if (ts_node_is_null(decl)) {
      TSNode v = Unwrap(Field(n, "value"));
      if (IsFunction(v)) AddServerFunction(v, "default");
      return;
    }
    if (IsFunction(decl)) return AddServerFunction(decl, Text(Field(decl, "name")));
    uint32_t count = ts_node_named_child_count(decl);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode d = ts_node_named_child(decl, i);
      TSNode value = Unwrap(Field(d, "value"));
      if (Is(d, "variable_declarator") && IsFunction(value)) AddServerFunction(value, Text(Field(d, "name")));
    }
  }

  // async function f() { 'use server'; ... } anywhere (an action defined in a Server Component).
  void InlineServerFunction(TSNode fn) {
    TSNode body = Field(fn, "body");
    if (!Is(body, "statement_block") || !StartsWithServerDirective(body)) return;
    TSNode name = Field(fn, "name");
    TSNode parent = ts_node_parent(fn);
    if (ts_node_is_null(name) && Is(parent, "variable_declarator")) name = Field(parent, "name");
    AddServerFunction(fn, ts_node_is_null(name) ? std::string_view() : Text(name));
  }

  // Through parentheses, await, `as`, `satisfies` and `!`.
  static TSNode Unwrap(TSNode n) {
    for (int i = 0; i < 16 && !ts_node_is_null(n); ++i) {
      if (Is(n, "parenthesized_expression") || Is(n, "await_expression") || Is(n, "as_expression") ||
          Is(n, "satisfies_expression") || Is(n, "non_null_expression")) {
        n = ts_node_named_child(n, 0);
      } else {
        break;
      }
    }
    return n;
  }

  // What each return of function `fn` sends: the whole value, or its `property`.
  void PageData(TSNode fn, const std::string& what, const std::string& property) {
    TSNode body = Field(fn, "body");
    if (ts_node_is_null(body)) return;
    std::vector<TSNode> returned;
    if (!Is(body, "statement_block")) {
      returned.push_back(body);
    } else {
      // Returns of this function, not of functions nested in it.
      std::vector<TSNode> stack{body};
      while (!stack.empty() && returned.size() < 64) {
        TSNode n = stack.back();
        stack.pop_back();
        uint32_t count = ts_node_named_child_count(n);
        for (uint32_t i = 0; i < count; ++i) {
          TSNode c = ts_node_named_child(n, i);
          if (IsFunction(c)) continue;
          if (Is(c, "return_statement")) {
            if (ts_node_named_child_count(c) > 0) returned.push_back(ts_node_named_child(c, 0));
          } else {
            stack.push_back(c);
          }
        }
      }
    }
    for (TSNode r : returned) {
      TSNode v = Unwrap(r);
      if (!property.empty()) {
        v = PropertyOf(v, property, 0);
        if (ts_node_is_null(v)) continue;
      }
      Sink(what, v);
    }
  }

  // The value of `property` in an object expression, through bindings and wrappers.
  TSNode PropertyOf(TSNode v, std::string_view property, int depth) {
    v = Unwrap(v);
    if (ts_node_is_null(v) || depth > 4) return TSNode{};
    if (Is(v, "identifier")) {
      auto it = bindings_.find(std::string(Text(v)));
      return it == bindings_.end() ? TSNode{} : PropertyOf(it->second, property, depth + 1);
    }
    if (Is(v, "call_expression") && IsDataWrapper(v)) return PropertyOf(FirstArgument(v), property, depth + 1);
    if (!Is(v, "object")) return TSNode{};
    uint32_t count = ts_node_named_child_count(v);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode p = ts_node_named_child(v, i);
      if (Is(p, "pair") && KeyName(Field(p, "key")) == property) return Field(p, "value");
      if (Is(p, "shorthand_property_identifier") && Text(p) == property) return p;
    }
    return TSNode{};
  }

  bool IsDataWrapper(TSNode call) const {
    std::string_view f = Text(Field(call, "function"));
    for (const std::string& w : options_.data_wrappers) {
      if (f == w) return true;
    }
    return false;
  }

  void Sink(std::string what, TSNode value, int component_import = -1) {
    JsDataSink sink;
    sink.what = std::move(what);
    sink.span = SpanOf(value);
    sink.component_import = component_import;
    visiting_.clear();
    Follow(value, 0, sink.span, &sink);
    if (!sink.sources.empty()) out_->sinks.push_back(std::move(sink));
  }

  // Collects the sources flowing into `n`. `entry` is where the flow entered the sink's own text.
  void Follow(TSNode n, int depth, JsSpan entry, JsDataSink* sink) {
    if (ts_node_is_null(n) || depth > 24 || sink->sources.size() > 64) return;
    JsSpan here = SpanOf(n);
    bool in_sink = here.begin >= sink->span.begin && here.end <= sink->span.end;
    if (in_sink) entry = here;
    const char* type = ts_node_type(n);
    EnvReadKind kind;
    if (std::strcmp(type, "member_expression") == 0) {
      TSNode obj = Field(n, "object");
      if (IsEnvObject(Text(obj), &kind)) {
        sink->sources.push_back({JsFlowSource::kEnv, std::string(Text(Field(n, "property"))), here, entry, kind});
        return;
      }
      if (IsRuntimeConfig(obj)) {  // useRuntimeConfig().x: the private runtime config of Nuxt
        std::string_view p = Text(Field(n, "property"));
        if (p != "public" && p != "app") {
          sink->sources.push_back({JsFlowSource::kEnv, std::string(p), here, entry, EnvReadKind::kNuxtRuntimeConfig});
        }
        return;
      }
      if (Is(obj, "identifier")) {  // config.secret: only that property of a bound object
        TSNode v = PropertyOf(obj, Text(Field(n, "property")), 0);
        if (!ts_node_is_null(v)) Follow(v, depth + 1, entry, sink);
      }
      return;
    }
    if (std::strcmp(type, "subscript_expression") == 0) {
      std::string name;
      if (IsEnvObject(Text(Field(n, "object")), &kind) && StringValue(Field(n, "index"), &name)) {
        sink->sources.push_back({JsFlowSource::kEnv, name, here, entry, kind});
      }
      return;
    }
    if (std::strcmp(type, "identifier") == 0 || std::strcmp(type, "shorthand_property_identifier") == 0) {
      std::string name(Text(n));
      if (auto e = env_bindings_.find(name); e != env_bindings_.end()) {
        sink->sources.push_back({JsFlowSource::kEnv, e->second.name, e->second.span, entry, e->second.kind});
        return;
      }
      auto b = bindings_.find(name);
      if (b == bindings_.end() || !visiting_.insert(name).second) return;
      Follow(b->second, depth + 1, entry, sink);
      visiting_.erase(name);
      return;
    }
    if (std::strcmp(type, "string") == 0) {
      sink->sources.push_back({JsFlowSource::kLiteral, "", here, entry});
      return;
    }
    if (std::strcmp(type, "call_expression") == 0) {
      if (!IsDataWrapper(n)) return;  // a call's result is not its arguments
      Follow(Field(n, "arguments"), depth + 1, entry, sink);
      return;
    }
    if (IsFunction(n)) return;  // functions are not serialised
    if (std::strcmp(type, "new_expression") == 0) return;  // an object made from them, not its arguments
    if (std::strcmp(type, "pair") == 0) return Follow(Field(n, "value"), depth + 1, entry, sink);
    // What an operator yields, not what it reads: `key && x` is x (a secret is never falsy),
    // `a || b`, `a ?? b` and `a + b` may be either side; comparisons, arithmetic, `!`, `typeof`
    // give booleans, numbers and type names; a ternary's condition is not its value.
    if (std::strcmp(type, "binary_expression") == 0) {
      std::string_view op = Text(Field(n, "operator"));
      if (op == "&&") return Follow(Field(n, "right"), depth + 1, entry, sink);
      if (op != "||" && op != "??" && op != "+") return;
      Follow(Field(n, "left"), depth + 1, entry, sink);
      return Follow(Field(n, "right"), depth + 1, entry, sink);
    }
    if (std::strcmp(type, "unary_expression") == 0 || std::strcmp(type, "update_expression") == 0) return;
    if (std::strcmp(type, "ternary_expression") == 0) {
      Follow(Field(n, "consequence"), depth + 1, entry, sink);
      return Follow(Field(n, "alternative"), depth + 1, entry, sink);
    }
    // Objects, arrays, spreads, templates, operators, ternaries, wrappers: their parts.
    uint32_t count = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < count; ++i) Follow(ts_node_named_child(n, i), depth + 1, entry, sink);
  }

  // Bundler inlining containers -------------------------------------------------------------
  static std::string StripEnvPrefix(std::string key) {
    for (std::string_view p : {"process.env.", "import.meta.env."}) {
      if (key.compare(0, p.size(), p) == 0) return key.substr(p.size());
    }
    return key;
  }
  // Env names a value's text reads: `env.X`, `env['X']` (process.env, import.meta.env, the env of
  // Vite's loadEnv); and whether it takes all of process.env.
  static void EnvNamesIn(std::string_view t, JsInlineEntry* e) {
    for (size_t at = t.find("env"); at != std::string_view::npos; at = t.find("env", at + 3)) {
      if (at > 0 && IsIdentChar(t[at - 1])) continue;
      size_t i = at + 3;
      if (i < t.size() && IsIdentChar(t[i])) continue;
      if (i < t.size() && t[i] == '?') ++i;
      if (i < t.size() && t[i] == '.') {
        size_t b = i + 1, end = b;
        while (end < t.size() && IsIdentChar(t[end])) ++end;
        if (end > b) e->env_names.emplace_back(t.substr(b, end - b));
      } else if (i + 1 < t.size() && t[i] == '[' && (t[i + 1] == '\'' || t[i + 1] == '"')) {
        size_t close = t.find(t[i + 1], i + 2);
        if (close != std::string_view::npos) e->env_names.emplace_back(t.substr(i + 2, close - i - 2));
      } else if (at >= 8 && t.substr(at - 8, 8) == "process.") {
        e->whole_env = true;
      }
    }
  }
  void InlineObject(const std::string& container, TSNode obj) {
    uint32_t count = ts_node_named_child_count(obj);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode p = ts_node_named_child(obj, i);
      JsInlineEntry e;
      e.container = container;
      if (Is(p, "pair")) {
        TSNode key = Field(p, "key");
        e.key = StripEnvPrefix(KeyName(key));
        e.span = SpanOf(key);
        EnvNamesIn(Text(Field(p, "value")), &e);
      } else if (Is(p, "shorthand_property_identifier")) {
        e.key = std::string(Text(p));
        e.span = SpanOf(p);
      } else if (Is(p, "spread_element")) {
        e.key = "...";
        e.span = SpanOf(p);
        EnvNamesIn(Text(p), &e);
      } else {
        continue;
      }
      out_->inline_entries.push_back(std::move(e));
    }
  }
  void InlineArray(const std::string& container, TSNode arr) {
    uint32_t count = ts_node_named_child_count(arr);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode s = ts_node_named_child(arr, i);
      std::string name;
      if (!StringValue(s, &name)) continue;
      JsInlineEntry e;
      e.container = container;
      e.key = name;
      e.span = SpanOf(s);
      e.env_names.push_back(name);
      out_->inline_entries.push_back(std::move(e));
    }
  }

  std::string_view bytes_;
  const JsExtractOptions& options_;
  // Locals bound by ES imports that bind names: (name, index in out_->imports).
  std::vector<std::pair<std::string, size_t>> es_locals_;
  JsFileModel* out_;
  std::set<std::string> svelte_dynamic_;  // locals bound to $env/dynamic/private
  std::set<std::string> nuxt_config_;     // locals bound to useRuntimeConfig()
  // Data flow: initializers by name (the first declaration of a name wins; scopes are not
  // modelled), locals bound by destructuring an env object, and the sinks found by the walk.
  std::map<std::string, TSNode> bindings_;
  struct EnvBinding {
    std::string name;  // the variable read
    JsSpan span;       // where it is read
    EnvReadKind kind;
  };
  std::map<std::string, EnvBinding> env_bindings_;
  std::set<std::string> visiting_;
  struct PendingSink {
    TSNode node;           // a function whose returns are sent, or the value sent
    std::string what;
    std::string property;  // of a function's returned object; "" = all of it
    bool function = false;
    int component_import = -1;  // props: the import of the component (JsDataSink::component_import)
  };
  std::vector<PendingSink> pending_sinks_;
  bool track_uses_ = false;
  bool inline_server_functions_ = false;  // the bytes hold a server directive somewhere
  bool server_module_ = false;            // the module's prologue holds one: its exports are Server Functions
  std::map<std::string, std::vector<uint32_t>> uses_;  // import locals and helpers -> where used
  std::map<std::string, std::vector<JsSpan>> shadows_;  // scopes where a local hides the name
  std::set<uint32_t> binding_sites_;                   // where import locals are bound
  std::vector<Helper> helpers_;
  std::vector<std::string_view> exported_locals_;  // exported by `export { x }` as a server export
};

const TSLanguage* LanguageOf(JsDialect d) {
  switch (d) {
    case JsDialect::kTypeScript: return tree_sitter_typescript();
    case JsDialect::kTsx: return tree_sitter_tsx();
    case JsDialect::kJavaScript: break;
  }
  return tree_sitter_javascript();
}

TSPoint PointAt(std::string_view bytes, size_t offset) {
  TSPoint p{0, 0};
  size_t line_start = 0;
  for (size_t i = 0; i < offset && i < bytes.size(); ++i) {
    if (bytes[i] == '\n') {
      ++p.row;
      line_start = i + 1;
    }
  }
  p.column = static_cast<uint32_t>(offset - line_start);
  return p;
}

}  // namespace

struct JsExtractor::Impl {
  TSParser* parsers[3] = {nullptr, nullptr, nullptr};
  bool loaded[3] = {false, false, false};
  ~Impl() {
    for (TSParser* p : parsers) {
      if (p) ts_parser_delete(p);
    }
  }
};

JsExtractor::JsExtractor() : impl_(new Impl) {
  for (int i = 0; i < 3; ++i) {
    impl_->parsers[i] = ts_parser_new();
    impl_->loaded[i] = ts_parser_set_language(impl_->parsers[i], LanguageOf(static_cast<JsDialect>(i)));
    ts_parser_set_timeout_micros(impl_->parsers[i], kParseTimeoutMicros);
  }
}

JsExtractor::~JsExtractor() = default;

bool JsExtractor::Extract(std::string_view bytes, JsDialect dialect, const std::vector<JsSpan>& ranges,
                          const JsExtractOptions& options, JsFileModel* out) {
  int i = static_cast<int>(dialect);
  if (!impl_->loaded[i] || bytes.size() > UINT32_MAX) return false;
  TSParser* parser = impl_->parsers[i];
  std::vector<TSRange> ts_ranges;
  for (const JsSpan& s : ranges) {
    ts_ranges.push_back({PointAt(bytes, s.begin), PointAt(bytes, s.end), static_cast<uint32_t>(s.begin),
                         static_cast<uint32_t>(s.end)});
  }
  // An empty range list means the whole document.
  ts_parser_set_included_ranges(parser, ts_ranges.empty() ? nullptr : ts_ranges.data(),
                                static_cast<uint32_t>(ts_ranges.size()));
  TSTree* tree = ts_parser_parse_string(parser, nullptr, bytes.data(), static_cast<uint32_t>(bytes.size()));
  ts_parser_set_included_ranges(parser, nullptr, 0);
  if (!tree) {
    ts_parser_reset(parser);
    return false;
  }
  Walker(bytes, options, out).Run(ts_tree_root_node(tree));
  ts_tree_delete(tree);
  return true;
}

bool JsExtractor::LanguagesLoad(std::string* error) {
  struct {
    const char* name;
    JsDialect dialect;
  } langs[] = {{"javascript", JsDialect::kJavaScript},
               {"typescript", JsDialect::kTypeScript},
               {"tsx", JsDialect::kTsx}};
  TSParser* parser = ts_parser_new();
  bool ok = true;
  for (const auto& l : langs) {
    const TSLanguage* lang = LanguageOf(l.dialect);
    if (!ts_parser_set_language(parser, lang)) {
      *error = std::string(l.name) + " grammar has ABI " + std::to_string(ts_language_version(lang)) +
               ", which this tree-sitter core does not accept";
      ok = false;
      break;
    }
  }
  ts_parser_delete(parser);
  return ok;
}

std::vector<JsSpan> ScriptBlocks(std::string_view bytes, bool* typescript) {
  std::vector<JsSpan> out;
  *typescript = false;
  for (size_t at = bytes.find("<script"); at != std::string_view::npos;
       at = bytes.find("<script", at + 7)) {
    size_t after = at + 7;
    if (after < bytes.size() && IsIdentChar(bytes[after])) continue;  // <scripts>, <script-x>
    size_t open_end = bytes.find('>', after);
    if (open_end == std::string_view::npos) break;
    std::string_view attrs = bytes.substr(after, open_end - after);
    if (attrs.find("lang=\"ts\"") != std::string_view::npos ||
        attrs.find("lang='ts'") != std::string_view::npos ||
        attrs.find("lang=\"typescript\"") != std::string_view::npos) {
      *typescript = true;
    }
    size_t close = bytes.find("</script>", open_end + 1);
    if (close == std::string_view::npos) break;
    if (close > open_end + 1) out.push_back({open_end + 1, close});
    at = close;
  }
  return out;
}

}  // namespace keylint
