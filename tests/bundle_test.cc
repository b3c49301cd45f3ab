// End-to-end: a committed 9 MB one-line production bundle, generated here rather than committed.
// It is read whole (no size limit, no minified skip), with the credential rules only, and a
// secret anywhere in it (its first bytes, deep inside, its very end) is client/secret-in-bundle.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>
#include <string>

#include "test_support.h"

namespace keylint::testing {
namespace {

// Minified-looking filler: the shape of a vendor chunk, no keyword of any rule.
std::string Filler(size_t bytes, int seed) {
  std::string out;
  for (int i = 0; out.size() < bytes; ++i) {
    out += "function n" + std::to_string(seed) + "_" + std::to_string(i) +
           "(e,t){return e&&t?e.map(function(r){return r.id+t.length}):[]}var v" +
           std::to_string(i) + "={id:" + std::to_string(i * 7 % 13) + ",on:!0};";
  }
  out.resize(bytes);
  return out;
}

const char kLiveA[] = "sk_live_51NbQ7rKd2Lw8ZpX4mT6yVc3Hs9Jf1Ga5Re0Ub8Wn2Qk7Po4Li6Mj3Hg1Fd9Sa5Ze8Xc2Vb6Nm4";
const char kLiveB[] = "sk_live_51Ha8Ke3Lw8ZpX4mT6yVc3Hs9Jf1Ga5Re0Ub8Wn2Qk7Po4Li6Mj3Hg1Fd9Sa5Ze8Xc2Vb6Nm4Ql7";
const char kLiveC[] = "sk_live_51Zt4Qp9Lw8ZpX4mT6yVc3Hs9Jf1Ga5Re0Ub8Wn2Qk7Po4Li6Mj3Hg1Fd9Sa5Ze8Xc2Vb6Nm4Ql8";
const char kPublishable[] = "pk_live_51NbQ7rKd2Lw8ZpX4mA1yVc3Hs9Jf1Ga5Re0Ub8Wn2Qk7Po4Li6Mj3Hg1Fd9Sa5Ze8Xc2Vb6";

TEST(LargeBundle, NineMegabyteOneLineBundleIsReadWhole) {
  TempDir dir;
  const std::string package = R"({"name":"shop","private":true,"devDependencies":{"vite":"5.2.0"}})" "\n";
  dir.Write("package.json", package);
  // One line: a key in the first bytes, one 6 MB in, one in the last bytes.
  std::string bundle = "var a=\"" + std::string(kLiveA) + "\";" + Filler(6u << 20, 1) + "var p=\"" +
                       kPublishable + "\",b=\"" + kLiveB + "\";" + Filler(3u << 20, 2) +
                       "var c=\"" + kLiveC + "\"";
  const size_t size = bundle.size();
  const size_t at_b = bundle.find(kLiveB), at_c = bundle.find(kLiveC);
  ASSERT_GT(size, 9u << 20);
  dir.Write("dist/assets/vendor-5e1f.js", bundle);
  ASSERT_EQ(MakeGitRepo(dir.path()), "");

  CommandResult r = RunCommand(ShellQuote(KeylintBinary()) + " scan --format json .", dir.path());
  ASSERT_EQ(r.exit_code, 1) << r.err;
  nlohmann::json report = nlohmann::json::parse(r.out);
  std::set<std::string> found;
  for (const auto& f : report["findings"]) {
    EXPECT_EQ(f["path"], "dist/assets/vendor-5e1f.js");
    EXPECT_EQ(f["line"], 1);
    found.insert(f["rule_id"].get<std::string>() + "@" + std::to_string(f["column"].get<int>()));
  }
  EXPECT_EQ(found, (std::set<std::string>{
                       "client/secret-in-bundle@8",
                       "client/secret-in-bundle@" + std::to_string(at_b + 1),
                       "client/secret-in-bundle@" + std::to_string(at_c + 1)}));
  EXPECT_EQ(report["summary"]["bytes_scanned"].get<size_t>(), size + package.size());
  EXPECT_TRUE(report["skipped"].empty()) << report["skipped"].dump();
  for (const char* key : {kLiveA, kLiveB, kLiveC}) EXPECT_EQ(r.out.find(key), std::string::npos);
}

}  // namespace
}  // namespace keylint::testing
