// The tree-sitter runtime keylint builds on (grammars/runtime, not Debian's 0.20.7): a node with
// 65,536 children or more must neither crash nor corrupt memory. Debian's runtime kept the child
// count in 16 bits and freed memory it did not own. Parsed here without a time limit, so the
// test does not depend on the machine's speed.
#include <string>

#include <gtest/gtest.h>
#include <tree_sitter/api.h>

extern "C" const TSLanguage* tree_sitter_javascript(void);

namespace keylint {
namespace {

uint32_t RootChildren(const std::string& text) {
  TSParser* parser = ts_parser_new();
  EXPECT_TRUE(ts_parser_set_language(parser, tree_sitter_javascript()));
  TSTree* tree = ts_parser_parse_string(parser, nullptr, text.data(), static_cast<uint32_t>(text.size()));
  uint32_t children = tree ? ts_node_child_count(ts_tree_root_node(tree)) : 0;
  ts_tree_delete(tree);
  ts_parser_delete(parser);
  return children;
}

TEST(TreeSitterRuntime, NodesWithOver65536ChildrenAreFine) {
  std::string unclosed = "x = ";
  for (int i = 0; i < 70000; ++i) unclosed += "[\n";
  EXPECT_GT(RootChildren(unclosed), 65536u);  // what the error recovery makes of it
  std::string comments = "x = 1;\n";
  for (int i = 0; i < 70000; ++i) comments += "//c\n";
  comments += "y = 2;\n";
  EXPECT_GT(RootChildren(comments), 65536u);  // valid code: comments are the statements' siblings
}

}  // namespace
}  // namespace keylint
