// An .astro component, read for the JavaScript extractor. Its frontmatter (between the `---`
// fences) runs on the server; its template is HTML with `{expressions}` rendered into the page,
// and `<script>` blocks bundled for the browser. What the template sends to the browser:
//   - every `{expression}` of the text and of an HTML element's attributes (rendered into the HTML);
//   - attributes the framework renders whatever the element (`define:vars`, `set:html`);
//   - the props of a component hydrated in the browser (an island: `client:load`, ...), which
//     Astro serialises into the page;
// never the props of a component without such a directive (rendered on the server only), nor what
// the frontmatter keeps to itself (a fetch header).
// A hand-written scanner, not a grammar: no maintained tree-sitter grammar for Astro is vendored,
// and only the tags, attributes and braces matter here. Thread-safe; one pass over the bytes.
#ifndef KEYLINT_ANALYZE_JAVASCRIPT_ASTRO_H_
#define KEYLINT_ANALYZE_JAVASCRIPT_ASTRO_H_

#include <string>
#include <string_view>
#include <vector>

#include "analyze/javascript/extract.h"

namespace keylint {

// What the framework's rules say about templates (rules/exposure.toml [[framework]] astro).
struct AstroTemplateRules {
  std::vector<std::string> island_directives;  // "client:load": the component is hydrated
  std::vector<std::string> render_directives;  // "define:vars": the value is rendered into the page
};

struct AstroSource {
  // The file's bytes with everything but the frontmatter, the <script> blocks and the template's
  // expressions blanked to spaces (newlines kept), and each expression turned into a statement of
  // its own (`{x}` -> `;(x)`, `{...x}` -> `;[...x]`): one TSX program at the file's own offsets, so
  // that tree-sitter sees the frontmatter's bindings and the expressions using them.
  std::string code;
  // The expressions whose value is sent to the browser: `span` covers the braces, which `code`
  // holds as parentheses or brackets.
  std::vector<JsExpressionSink> sinks;
};

// Empty `code` when the file has no frontmatter and no expressions.
AstroSource ReadAstro(std::string_view bytes, const AstroTemplateRules& rules);

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_JAVASCRIPT_ASTRO_H_
