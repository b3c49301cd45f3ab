#include "knowledge/snapshot.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace keylint {
namespace {

// The snapshot the build embeds is exactly the rules as parsed now, and reading it gives
// knowledge that writes the same bytes back: no part of it is lost on the way.
TEST(KnowledgeSnapshot, IsTheParsedRulesAndRoundTrips) {
  Result<Knowledge> parsed = LoadRulesFromToml();
  ASSERT_TRUE(parsed.ok()) << parsed.error().ToString();
  const std::string written = WriteKnowledgeSnapshot(parsed.value());
  EXPECT_EQ(written, std::string(KnowledgeSnapshot()));
  Knowledge read;
  ASSERT_TRUE(ReadKnowledgeSnapshot(KnowledgeSnapshot(), &read));
  EXPECT_EQ(WriteKnowledgeSnapshot(read), written);
  EXPECT_EQ(read.rules.size(), parsed.value().rules.size());
  EXPECT_EQ(read.credentials.rules.size(), parsed.value().credentials.rules.size());
  EXPECT_EQ(read.credentials.fragments, parsed.value().credentials.fragments);
  EXPECT_EQ(read.settings.skip_paths, parsed.value().settings.skip_paths);
}

// LoadKnowledge reads the snapshot and puts a user's config on top, as over parsed rules.
TEST(KnowledgeSnapshot, UserConfigAppliesOnTop) {
  const std::string config =
      "format = 1\n[settings]\nskip_paths = [\"legacy/\"]\n"
      "[[credential]]\nid = \"acme-key\"\nprovider = \"acme\"\ndescription = \"Acme key\"\n"
      "regex = '''acme_key{{assign}}(?P<secret>[a-z0-9]{32})'''\nkeywords = [\"acme_key\"]\n";
  Result<Knowledge> k = LoadKnowledge(config, ".keylint.toml");
  ASSERT_TRUE(k.ok()) << k.error().ToString();
  EXPECT_NE(k.value().FindRule("hardcoded/acme-key"), nullptr);
  EXPECT_NE(k.value().FindRule("hardcoded/stripe-secret-key"), nullptr);
  const std::vector<std::string>& skips = k.value().settings.skip_paths;
  EXPECT_EQ(skips.back(), "legacy/");
  EXPECT_NE(std::find(skips.begin(), skips.end(), "node_modules/"), skips.end());
}

// Bytes it did not write are refused, whole or cut anywhere, without reading past their end.
TEST(KnowledgeSnapshot, RefusesOtherBytes) {
  const std::string bytes(KnowledgeSnapshot());
  Knowledge k;
  EXPECT_FALSE(ReadKnowledgeSnapshot("", &k));
  EXPECT_FALSE(ReadKnowledgeSnapshot("not a snapshot at all", &k));
  EXPECT_FALSE(ReadKnowledgeSnapshot(bytes + "x", &k));
  for (size_t cut = 0; cut < bytes.size(); cut += 1 + bytes.size() / 97) {
    Knowledge partial;
    EXPECT_FALSE(ReadKnowledgeSnapshot(std::string_view(bytes).substr(0, cut), &partial)) << cut;
  }
}

}  // namespace
}  // namespace keylint
