#include "classify/module_scan.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace keylint {
namespace {

std::vector<std::string> Modules(std::string_view bytes) {
  std::vector<std::string> out;
  for (const ScannedImport& i : ScanModule(bytes).imports) {
    std::string s(i.module);
    if (i.type_only) s += " (type)";
    if (i.kind == ImportKind::kReexport) s += " (re-export)";
    if (i.kind == ImportKind::kDynamic) s += " (dynamic)";
    if (i.kind == ImportKind::kRequire) s += " (require)";
    out.push_back(s);
  }
  return out;
}

std::vector<std::string> EnvNames(std::string_view bytes) {
  std::vector<std::string> out;
  for (const ScannedEnvRead& r : ScanModule(bytes).env_reads) out.emplace_back(r.name);
  return out;
}

using V = std::vector<std::string>;

// Each import() or require() with the conditions of the `if` blocks around it, innermost last:
// "m [c1 | c2]".
std::vector<std::string> Guarded(std::string_view bytes) {
  std::vector<std::string> out;
  for (const ScannedImport& i : ScanModule(bytes).imports) {
    std::string s(i.module);
    for (size_t k = 0; k < i.conditions.size(); ++k) {
      s += k == 0 ? " [" : " | ";
      s += bytes.substr(i.conditions[k].begin, i.conditions[k].end - i.conditions[k].begin);
    }
    if (!i.conditions.empty()) s += "]";
    out.push_back(s);
  }
  return out;
}

TEST(ModuleScan, EveryFormOfImport) {
  EXPECT_EQ(Modules("import a from 'a';\nimport {b} from \"@b/c\";\nconst d = require( 'd' );\n"
                    "import 'e';\nconst f = await import(\"f/g\");\nconst s = 'from';\nx('not')\n"
                    "export * from './h';\nexport { i } from './i'\nimport type { J } from './j';\n"
                    "export type { K } from './k';\nimport x = require('l');\n"),
            (V{"a", "@b/c", "d (require)", "e", "f/g (dynamic)", "./h (re-export)", "./i (re-export)",
               "./j (type)", "./k (type) (re-export)", "l (require)"}));
}

TEST(ModuleScan, ImportsRecordTheIfBlocksAroundThem) {
  EXPECT_EQ(Guarded("if (process.env.NEXT_RUNTIME === 'nodejs') {\n  await import('./a');\n}\n"
                    "import('./b');\n"
                    "if (typeof window === 'undefined') { if (x(1)) { require('./c') } require('./d') }\n"
                    "if (y) { f({ k: `${z}` }); } else { import('./e'); }\n"
                    "if (w) import('./f');\n"),
            (V{"./a [process.env.NEXT_RUNTIME === 'nodejs']", "./b",
               "./c [typeof window === 'undefined' | x(1)]", "./d [typeof window === 'undefined']",
               "./e", "./f"}));
  // Braces in strings, templates and comments are not blocks; a template's `${` is not one.
  EXPECT_EQ(Guarded("if (a) { const s = '}'; const t = `${b} }`; /* } */ import('./g'); }\n"),
            V{"./g [a]"});
}

// Hostile nesting keeps a bounded list of conditions (the outer ones); the import is still seen.
TEST(ModuleScan, DeeplyNestedIfBlocksStayBounded) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "if (a) {";
  text += "import('./x');";
  text += std::string(5000, '}');
  ModuleScan scan = ScanModule(text);
  ASSERT_EQ(scan.imports.size(), 1u);
  EXPECT_EQ(scan.imports[0].conditions.size(), 256u);
}

TEST(ModuleScan, CommentsStringsAndTemplatesAreNotImports) {
  EXPECT_EQ(Modules("// import a from 'a'\n/* import 'server-only' */\nconst s = \"import b from 'b'\";\n"
                    "const t = `import c from 'c' ${x ? `${y}` : 'z'}`;\nimport d from 'd';\n"),
            V{"d"});
  // A computed require is not an edge; a property named require is not the function.
  EXPECT_EQ(Modules("require('a' + b);\nobj.require('c');\nobj.from 'x'\n"), V{});
}

TEST(ModuleScan, RegularExpressionsAreSkipped) {
  EXPECT_EQ(Modules("const r = /import 'x'/g;\nconst q = a / b / c;\nimport y from 'y';\n"), V{"y"});
  // A slash guessed wrong never swallows more than its line.
  EXPECT_EQ(Modules("const x = (a) / 2; // it's fine\nimport z from 'z';\n"), V{"z"});
}

TEST(ModuleScan, JsxTextWithApostrophesStopsAtTheLine) {
  EXPECT_EQ(Modules("import a from 'a';\nconst C = () => <p>Don't panic</p>;\nimport b from 'b';\n"),
            (V{"a", "b"}));
}

std::vector<std::string> ValueUsed(std::string_view bytes) {
  std::vector<std::string> out;
  for (const ScannedImport& i : ScanModule(bytes, {}, true).imports) {
    if (i.value_used) out.emplace_back(i.module);
  }
  return out;
}

TEST(ModuleScan, ImportsUsedOnlyAsTypesAreNotValueUses) {
  EXPECT_EQ(ValueUsed("import { Survey } from './a';\nimport { getSurvey } from './b';\n"
                      "import C from './c';\nimport { D } from './d';\nimport './e';\n"
                      "import { type F, G } from './f';\nimport { H } from './h';\n"
                      "import * as I from './i';\nimport { type K, type L } from './k';\n"
                      "type P = { s: Survey; list: Array<D> };\n"
                      "export function X(p: P): Promise<D> { return getSurvey(p) as D; }\n"
                      "const el = <C value={1} />;\nconst g: F = G;\nconst u = useState<H>(null);\n"
                      "const i = I.make();\n"),
            (V{"./b", "./c", "./e", "./f", "./i"}));
}

TEST(ModuleScan, EnvReads) {
  EXPECT_EQ(EnvNames("const a = process.env.STRIPE_SECRET_KEY;\nconst b = process.env['DB_URL'];\n"
                     "const c = import.meta.env.VITE_X;\nconst { D, E: e, F = 'x', ...rest } = process.env;\n"
                     "// process.env.IN_COMMENT\nconst s = 'process.env.IN_STRING';\nprocess.environment.X;\n"),
            (V{"STRIPE_SECRET_KEY", "DB_URL", "VITE_X", "D", "E", "F"}));
}

TEST(ModuleScan, SvelteKitPrivateEnv) {
  EXPECT_EQ(EnvNames("import { STRIPE_SECRET, DB as db } from '$env/static/private';\n"), (V{"STRIPE_SECRET", "DB"}));
  EXPECT_EQ(EnvNames("import { env } from '$env/dynamic/private';\nconst k = env.API_SECRET;\n"), V{"API_SECRET"});
}

TEST(ModuleScan, OnlyTheGivenRanges) {
  std::string_view vue = "<template><p>import x from 'x'</p></template>\n<script>\nimport y from 'y';\n</script>\n";
  size_t b = vue.find("<script>") + 8, e = vue.find("</script>");
  std::vector<std::string> got;
  for (const ScannedImport& i : ScanModule(vue, {{b, e}}).imports) got.emplace_back(i.module);
  EXPECT_EQ(got, V{"y"});
}

TEST(ModuleScan, BrokenInputNeverReadsPastTheEnd) {
  for (std::string_view s : {"import", "import '", "`${", "/* ", "process.env", "process.env['", "'\\",
                             "const { A } = process.env", "} = process.env", "import {", "/[", "from '"}) {
    ScanModule(s);
  }
}

}  // namespace
}  // namespace keylint
