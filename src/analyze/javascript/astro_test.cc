#include "analyze/javascript/astro.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace keylint {
namespace {

const AstroTemplateRules kRules{{"client:load", "client:visible"}, {"define:vars", "set:html"}};

// Each sink as "what: code it holds".
std::vector<std::string> Sinks(std::string_view file) {
  AstroSource s = ReadAstro(file, kRules);
  EXPECT_EQ(s.code.size(), s.code.empty() ? 0 : file.size());
  std::vector<std::string> out;
  for (const JsExpressionSink& e : s.sinks) {
    out.push_back(e.what + ": " + s.code.substr(e.span.begin, e.span.end - e.span.begin));
  }
  return out;
}

TEST(ReadAstro, FrontmatterAndExpressionsAtTheirOffsets) {
  std::string file = "---\nconst k = import.meta.env.K;\n---\n<p class={k}>{k}</p>\n";
  AstroSource s = ReadAstro(file, kRules);
  ASSERT_EQ(s.code.size(), file.size());
  EXPECT_EQ(s.code.substr(4, 29), "const k = import.meta.env.K;\n");
  EXPECT_EQ(s.code.find("---"), std::string::npos);
  EXPECT_EQ(s.code.substr(file.find("<p")), "        ;(k);(k)    \n");
}

TEST(ReadAstro, WhatTheBrowserReceives) {
  EXPECT_EQ(Sinks("---\nimport W from './W';\n---\n"
                  "<W apiKey={a} />\n"
                  "<W client:load apiKey={b} {...c} client:visible />\n"
                  "<Fragment set:html={d} />\n"
                  "<script define:vars={{ e }}>if (x) { y({ z }); }</script>\n"
                  "<style>p { color: red; }</style>\n"
                  "<!-- {f} -->\n"
                  "<a href={`/x?k=${g}`}>{/* note */}{h && <b>Don't {i}</b>}</a>\n"),
            (std::vector<std::string>{
                "prop `apiKey` of <W client:visible> (a hydrated island: its props are serialised into the page): (b)",
                "the props of <W client:visible> (a hydrated island: its props are serialised into the page): [...c]",
                "`set:html` of <Fragment> (rendered into the page): (d)",
                "`define:vars` of <script> (rendered into the page): ({ e })",
                "attribute `href` of <a> (rendered into the page): (`/x?k=${g}`)",
                "the page (rendered into its HTML): (h && <b>Don't {i}</b>)"}));
}

TEST(ReadAstro, ScriptCodeJoinsTheProgramAndAdjacentExpressionsAreDropped) {
  std::string file = "<script>const k = import.meta.env.PUBLIC_K;</script>{a}{b}\n";
  AstroSource s = ReadAstro(file, kRules);
  EXPECT_NE(s.code.find(";const k = import.meta.env.PUBLIC_K;"), std::string::npos);
  ASSERT_EQ(s.sinks.size(), 1u);  // {b} has no room for its separator
  EXPECT_EQ(s.code.substr(s.sinks[0].span.begin, 3), "(a)");
  EXPECT_TRUE(ReadAstro("<p>plain</p>\n", kRules).code.empty());
}

}  // namespace
}  // namespace keylint
