#include "analyze/javascript/astro.h"

#include <algorithm>
#include <cctype>

namespace keylint {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Tag and attribute names: <my-el>, <UI.Button>, client:load, @click, x-data.
bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':' || c == '.' || c == '@' ||
         c == '$';
}

bool StartsWithNoCase(std::string_view s, size_t at, std::string_view prefix) {
  if (at + prefix.size() > s.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[at + i])) != prefix[i]) return false;
  }
  return true;
}

bool Has(const std::vector<std::string>& v, std::string_view s) { return std::find(v.begin(), v.end(), s) != v.end(); }

class Scanner {
 public:
  Scanner(std::string_view bytes, const AstroTemplateRules& rules) : b_(bytes), rules_(rules) {
    out_.code.assign(b_.size(), ' ');
    for (size_t i = 0; i < b_.size(); ++i) {
      if (b_[i] == '\n') out_.code[i] = '\n';
    }
  }

  AstroSource Run() {
    size_t start = Frontmatter();
    Template(start);
    if (!kept_) out_.code.clear();
    return std::move(out_);
  }

 private:
  void Keep(size_t begin, size_t end) {
    for (size_t i = begin; i < end && i < b_.size(); ++i) out_.code[i] = b_[i];
    kept_ = kept_ || end > begin;
  }

  // `---` on the first line (after blank lines) opens the frontmatter, the next `---` line
  // closes it. Returns where the template starts.
  size_t Frontmatter() {
    size_t i = 0;
    while (i < b_.size() && IsSpace(b_[i])) ++i;
    if (b_.compare(i, 3, "---") != 0) return 0;
    size_t body = b_.find('\n', i);
    if (body == std::string_view::npos) return b_.size();
    for (size_t at = b_.find("\n---", body); at != std::string_view::npos; at = b_.find("\n---", at + 1)) {
      size_t end = at + 4;
      while (end < b_.size() && (b_[end] == ' ' || b_[end] == '\t' || b_[end] == '\r')) ++end;
      if (end < b_.size() && b_[end] != '\n') continue;  // `---x`: not the fence
      Keep(body + 1, at);
      return end;
    }
    return b_.size();  // unclosed: nothing of it is template
  }

  // The `}` closing the `{` at `open`, skipping nested brackets, strings, template literals and
  // comments; npos when unbalanced. A quote starts a string only where an expression may start
  // (after an operator or bracket), so that the apostrophe of markup text inside an expression
  // (`{ok && <p>Don't</p>}`) is text.
  size_t MatchBrace(size_t open) const {
    int depth = 0;
    char prev = '{';
    for (size_t i = open; i < b_.size(); ++i) {
      char c = b_[i];
      if (c == '/' && i + 1 < b_.size() && b_[i + 1] == '*') {
        size_t end = b_.find("*/", i + 2);
        if (end == std::string_view::npos) return std::string_view::npos;
        i = end + 1;
        continue;
      }
      if (c == '`' || ((c == '\'' || c == '"') && std::string_view("({[,=:?!&|+-;").find(prev) != std::string_view::npos)) {
        for (++i; i < b_.size() && b_[i] != c; ++i) {
          if (b_[i] == '\\') ++i;
          if (c != '`' && b_[i] == '\n') break;  // a one-line string never crosses a line
        }
        prev = c;
        continue;
      }
      if (c == '{' || c == '(' || c == '[') ++depth;
      if (c == '}' || c == ')' || c == ']') {
        if (--depth == 0) return c == '}' ? i : std::string_view::npos;
      }
      if (!IsSpace(c)) prev = c;
    }
    return std::string_view::npos;
  }

  // `{...}` at [open, close] becomes `;(...)` (or `;[...]` for a spread) in the code.
  void AddSink(size_t open, size_t close, std::string what) {
    std::string_view inner = b_.substr(open + 1, close - open - 1);
    size_t first = inner.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || inner.compare(first, 2, "//") == 0 || inner.compare(first, 2, "/*") == 0) {
      return;  // {/* a comment */}
    }
    // The separator goes before the brace; `{a}{b}` leaves no room for it (rare: dropped).
    if (open == 0 || (out_.code[open - 1] != ' ' && out_.code[open - 1] != '\n')) return;
    bool spread = inner.compare(first, 3, "...") == 0;
    out_.code[open - 1] = ';';
    out_.code[open] = spread ? '[' : '(';
    out_.code[close] = spread ? ']' : ')';
    Keep(open + 1, close);
    out_.sinks.push_back({{open, close + 1}, std::move(what)});
  }

  struct Attribute {
    std::string name;  // "" for `{...props}` and `{prop}`
    size_t open = 0, close = 0;  // the value's braces, when it is an expression
    bool expression = false;
  };

  // A tag at `lt`; returns where scanning goes on.
  size_t Tag(size_t lt) {
    size_t i = lt + 1;
    if (i < b_.size() && (b_[i] == '/' || b_[i] == '!')) {  // a closing tag, <!DOCTYPE>
      size_t gt = b_.find('>', i);
      return gt == std::string_view::npos ? b_.size() : gt + 1;
    }
    size_t name_begin = i;
    while (i < b_.size() && IsNameChar(b_[i])) ++i;
    std::string name(b_.substr(name_begin, i - name_begin));
    if (name.empty()) return lt + 1;  // `a < b` in text
    std::vector<Attribute> attrs;
    bool self_closing = false;
    while (i < b_.size()) {
      while (i < b_.size() && IsSpace(b_[i])) ++i;
      if (i >= b_.size()) break;
      if (b_[i] == '>') {
        ++i;
        break;
      }
      if (b_[i] == '/' && i + 1 < b_.size() && b_[i + 1] == '>') {
        self_closing = true;
        i += 2;
        break;
      }
      Attribute a;
      if (b_[i] == '{') {  // {...props}, {prop}
        size_t close = MatchBrace(i);
        if (close == std::string_view::npos) return b_.size();
        a.open = i;
        a.close = close;
        a.expression = true;
        attrs.push_back(a);
        i = close + 1;
        continue;
      }
      size_t attr_begin = i;
      while (i < b_.size() && !IsSpace(b_[i]) && b_[i] != '=' && b_[i] != '>' &&
             !(b_[i] == '/' && i + 1 < b_.size() && b_[i + 1] == '>')) {
        ++i;
      }
      a.name = std::string(b_.substr(attr_begin, i - attr_begin));
      if (i == attr_begin) ++i;  // a stray byte: move on
      size_t eq = i;
      while (eq < b_.size() && IsSpace(b_[eq])) ++eq;
      if (eq < b_.size() && b_[eq] == '=') {
        i = eq + 1;
        while (i < b_.size() && IsSpace(b_[i])) ++i;
        if (i < b_.size() && (b_[i] == '"' || b_[i] == '\'' || b_[i] == '`')) {
          size_t q = b_.find(b_[i], i + 1);
          i = q == std::string_view::npos ? b_.size() : q + 1;
        } else if (i < b_.size() && b_[i] == '{') {
          size_t close = MatchBrace(i);
          if (close == std::string_view::npos) return b_.size();
          a.open = i;
          a.close = close;
          a.expression = true;
          i = close + 1;
        } else {
          while (i < b_.size() && !IsSpace(b_[i]) && b_[i] != '>') ++i;
        }
      }
      attrs.push_back(std::move(a));
    }
    Attributes(name, attrs);
    bool raw = std::any_of(attrs.begin(), attrs.end(), [](const Attribute& a) { return a.name == "is:raw"; });
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (self_closing || (lower != "script" && lower != "style" && !raw)) return i;
    // Raw content: JavaScript or CSS, not template; a <script>'s code joins the program.
    std::string closing = "</" + lower;
    size_t end = i;
    while (end < b_.size() && !StartsWithNoCase(b_, end, closing)) end = b_.find('<', end + 1);
    end = std::min(end, b_.size());
    if (lower == "script" && i > 0) {
      out_.code[i - 1] = ';';
      Keep(i, end);
    }
    return end;
  }

  // The attributes' expressions the browser receives.
  void Attributes(const std::string& tag, const std::vector<Attribute>& attrs) {
    bool component = std::isupper(static_cast<unsigned char>(tag[0])) || tag.find('.') != std::string::npos;
    std::string island;
    for (const Attribute& a : attrs) {
      if (Has(rules_.island_directives, a.name)) island = a.name;
    }
    for (const Attribute& a : attrs) {
      if (!a.expression) continue;
      std::string attr = a.name.empty() ? "" : "`" + a.name + "` ";
      if (!a.name.empty() && Has(rules_.render_directives, a.name)) {
        AddSink(a.open, a.close, attr + "of <" + tag + "> (rendered into the page)");
      } else if (!component) {
        AddSink(a.open, a.close,
                (a.name.empty() ? "the attributes" : "attribute " + attr) + "of <" + tag + "> (rendered into the page)");
      } else if (!island.empty() && a.name != island) {
        AddSink(a.open, a.close,
                (a.name.empty() ? "the props " : "prop " + attr) + "of <" + tag + " " + island +
                    "> (a hydrated island: its props are serialised into the page)");
      }
    }
  }

  void Template(size_t i) {
    while (i < b_.size()) {
      char c = b_[i];
      if (c == '<' && b_.compare(i, 4, "<!--") == 0) {
        size_t end = b_.find("-->", i + 4);
        i = end == std::string_view::npos ? b_.size() : end + 3;
      } else if (c == '<' && i + 1 < b_.size() &&
                 (std::isalpha(static_cast<unsigned char>(b_[i + 1])) || b_[i + 1] == '/' || b_[i + 1] == '!')) {
        i = Tag(i);
      } else if (c == '{') {
        size_t close = MatchBrace(i);
        if (close == std::string_view::npos) return;
        AddSink(i, close, "the page (rendered into its HTML)");
        i = close + 1;
      } else {
        ++i;
      }
    }
  }

  std::string_view b_;
  const AstroTemplateRules& rules_;
  AstroSource out_;
  bool kept_ = false;
};

}  // namespace

AstroSource ReadAstro(std::string_view bytes, const AstroTemplateRules& rules) { return Scanner(bytes, rules).Run(); }

}  // namespace keylint
