#include "analyze/javascript/extract.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace keylint {
namespace {

JsFileModel Extract(std::string_view code, JsExtractOptions options) {
  JsExtractor x;
  JsFileModel m;
  EXPECT_TRUE(x.Extract(code, JsDialect::kTsx, {}, options, &m));
  return m;
}

// The modules whose imports the bundler keeps in the client bundle.
std::vector<std::string> KeptImports(std::string_view code) {
  JsExtractOptions o;
  o.server_exports = {"loader", "action", "getServerSideProps"};
  std::vector<std::string> out;
  for (const JsImport& i : Extract(code, o).imports) {
    if (i.used_outside_server_exports && !i.type_only) out.push_back(i.module);
  }
  return out;
}

TEST(JsExtractor, ImportsUsedOnlyByServerExportsAreDropped) {
  EXPECT_EQ(KeptImports("import { db } from './db';\n"
                        "import { Button } from './ui';\n"
                        "export async function loader() { return db.find(); }\n"
                        "export default function Page() { return <Button />; }\n"),
            std::vector<std::string>{"./ui"});
}

TEST(JsExtractor, HelpersOnlyServerExportsCallAreServerCode) {
  EXPECT_EQ(KeptImports("import { db } from './db';\n"
                        "const load = async () => db.find();\n"
                        "function twice() { return load(); }\n"
                        "type Data = Awaited<ReturnType<typeof load>>;\n"
                        "export const loader = () => twice();\n"
                        "export default function Page({ d }: { d: Data }) { return null; }\n"),
            std::vector<std::string>{});
}

TEST(JsExtractor, ExportClausesAndDestructuredExports) {
  EXPECT_EQ(KeptImports("import { route } from './api.server';\n"
                        "const { action } = route(async () => 1);\n"
                        "export { action };\n"),
            std::vector<std::string>{});
  EXPECT_EQ(KeptImports("import { route } from './api.server';\n"
                        "export const { loader, action } = route();\n"),
            std::vector<std::string>{});
}

TEST(JsExtractor, ShadowingLocalsAndTypeSpecifiersAreNotUses) {
  EXPECT_EQ(KeptImports("import { env } from './env.server';\n"
                        "import { type Row, Presenter } from './presenter.server';\n"
                        "export type { Row };\n"
                        "export const loader = () => [env.X, new Presenter()];\n"
                        "function Pause({ env }: { env: { paused: boolean } }) { return env.paused; }\n"
                        "export default function Page() { const env = useEnv(); return <Pause env={env} />; }\n"),
            std::vector<std::string>{});
  // A real client use keeps the import.
  EXPECT_EQ(KeptImports("import { env } from './env.server';\n"
                        "export const loader = () => env.X;\n"
                        "export default function Page() { return env.Y; }\n"),
            std::vector<std::string>{"./env.server"});
}

std::vector<std::string> SinkSources(std::string_view code) {
  JsExtractOptions o;
  o.page_data = {{"getServerSideProps", "props"}, {"loader", ""}};
  o.data_wrappers = {"json"};
  std::vector<std::string> out;
  for (const JsDataSink& s : Extract(code, o).sinks) {
    for (const JsFlowSource& src : s.sources) {
      out.push_back(s.what + ": " + (src.kind == JsFlowSource::kEnv ? src.name : "literal"));
    }
  }
  return out;
}

TEST(JsExtractor, PageDataFollowsValuesWithinTheFile) {
  EXPECT_EQ(SinkSources("export async function getServerSideProps() {\n"
                        "  const { A_SECRET } = process.env;\n"
                        "  const cfg = { pub: process.env.PUBLIC_X, secret: A_SECRET };\n"
                        "  const unused = process.env.NOT_SENT;\n"
                        "  return { props: { pub: cfg.pub, tpl: `k ${cfg.secret}`, s: 'lit' }, redirect: process.env.R };\n"
                        "}\n"),
            (std::vector<std::string>{"getServerSideProps `props`: PUBLIC_X", "getServerSideProps `props`: A_SECRET",
                                      "getServerSideProps `props`: literal"}));
  EXPECT_EQ(SinkSources("export const loader = async () => {\n"
                        "  const sign = () => process.env.SIGNING_SECRET;\n"
                        "  const client = makeClient(process.env.API_SECRET);\n"
                        "  return json({ ENV: { ...{ K: process.env.K } }, user: await client.me(), sign });\n"
                        "};\n"),
            (std::vector<std::string>{"loader data: K"}));
}

TEST(JsExtractor, PageDataFollowsWhatOperatorsYield) {
  EXPECT_EQ(SinkSources("export const loader = () => ({\n"
                        "  has: !!process.env.A_SECRET, same: process.env.B_SECRET === 'x', kind: typeof process.env.C_SECRET,\n"
                        "  len: process.env.D_SECRET.length, label: process.env.E_SECRET ? 'on' : 'off',\n"
                        "  shown: process.env.F_SECRET && process.env.G, either: process.env.H ?? process.env.I,\n"
                        "  joined: 'k=' + process.env.J,\n"
                        "});\n"),
            // (string literals are sources too: the rules keep those the credential engine calls secrets)
            (std::vector<std::string>{"loader data: literal", "loader data: literal", "loader data: G", "loader data: H",
                                      "loader data: I", "loader data: literal", "loader data: J"}));
}

TEST(JsExtractor, CallArgumentsAndPayloadAssignmentsAreSinks) {
  JsExtractOptions o;
  o.page_data = {{"useState", "", JsPageData::kCall, 2, "state"}, {"nuxtApp.payload", "", JsPageData::kAssign, 0, "payload"}};
  std::vector<std::string> out;
  for (const JsDataSink& s : Extract("const config = useRuntimeConfig();\n"
                                     "const { tokenSecret } = useRuntimeConfig();\n"
                                     "useState('a', () => config.apiSecret);\n"
                                     "useState('b', () => { return { t: tokenSecret, pub: config.public.x }; });\n"
                                     "useState('c', () => 0, process.env.NOT_AN_INITIAL_VALUE);\n"
                                     "nuxtApp.payload.k = process.env.K_SECRET;\n"
                                     "nuxtApp.payloadish = process.env.OTHER;\n",
                                     o)
                                 .sinks) {
    for (const JsFlowSource& src : s.sources) {
      out.push_back(s.what + ": " + src.name + (src.env_kind == EnvReadKind::kNuxtRuntimeConfig ? " (runtime config)" : ""));
    }
  }
  EXPECT_EQ(out, (std::vector<std::string>{"state: apiSecret (runtime config)", "state: tokenSecret (runtime config)",
                                           "payload: K_SECRET"}));
}

std::vector<std::string> ServerFunctionSinks(std::string_view code) {
  JsExtractOptions o;
  o.server_function_directives = {"use server"};
  std::vector<std::string> out;
  for (const JsDataSink& s : Extract(code, o).sinks) {
    for (const JsFlowSource& src : s.sources) out.push_back(s.what + ": " + src.name);
  }
  return out;
}

TEST(JsExtractor, ServerFunctionsReturnToTheBrowser) {
  EXPECT_EQ(ServerFunctionSinks("'use strict';\n'use server';\n"
                                "export async function a() { return process.env.A; }\n"
                                "export const b = async () => ({ k: process.env.B });\n"
                                "export default async function () { return process.env.C; }\n"
                                "async function helper() { return process.env.NOT_EXPORTED; }\n"
                                "export async function d() { const f = () => process.env.NESTED; return new Pool(process.env.E); }\n"),
            (std::vector<std::string>{"the result of Server Action `a`: A", "the result of Server Action `b`: B",
                                      "the result of Server Action `default`: C"}));
  // Not a module directive after other statements; a body directive marks one function.
  EXPECT_EQ(ServerFunctionSinks("import x from 'x';\n'use server';\n"
                                "export async function a() { return process.env.A; }\n"
                                "export default function Page() {\n"
                                "  const act = async () => { 'use server'; return process.env.B; };\n"
                                "  async function plain() { return process.env.C; }\n"
                                "  return null;\n"
                                "}\n"),
            (std::vector<std::string>{"the result of Server Action `act`: B"}));
}

std::vector<std::string> PropSinks(std::string_view code) {
  JsExtractOptions o;
  o.component_props = true;
  JsFileModel m = Extract(code, o);
  std::vector<std::string> out;
  for (const JsDataSink& s : m.sinks) {
    for (const JsFlowSource& src : s.sources) {
      out.push_back(m.imports[static_cast<size_t>(s.component_import)].module + " " + s.what + ": " +
                    (src.kind == JsFlowSource::kEnv ? src.name : "literal"));
    }
  }
  return out;
}

TEST(JsExtractor, PropsOfImportedComponentsAreSinks) {
  EXPECT_EQ(PropSinks("import Widget from './widget';\n"
                      "import * as UI from './ui';\n"
                      "import type { Props } from './types';\n"
                      "const key = process.env.A;\n"
                      "function Local(p: Props) { return null; }\n"
                      "export default function Page() {\n"
                      "  const options = { key };\n"
                      "  return <main data-k={process.env.HOST}>\n"
                      "    <Widget apiKey={key} {...{ t: process.env.B }} count={Number(process.env.C)} />\n"
                      "    <UI.Panel opts={options}>{process.env.D}</UI.Panel>\n"
                      "    <Local k={process.env.LOCAL} />\n"
                      "  </main>;\n"
                      "}\n"),
            (std::vector<std::string>{"./widget prop `apiKey` of <Widget>: A", "./widget the props of <Widget>: B",
                                      "./ui prop `opts` of <UI.Panel>: A", "./ui the children of <UI.Panel>: D"}));
}

}  // namespace
}  // namespace keylint
