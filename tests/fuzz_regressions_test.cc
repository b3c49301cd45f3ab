// Every input that once crashed a fuzz target (fuzz/regressions/<target>/), replayed through the
// same target body (fuzz/targets.h) in every build: under the sanitizers in CI, plain elsewhere.
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include <gtest/gtest.h>

#include "fuzz/targets.h"
#include "test_support.h"

namespace keylint::testing {
namespace {

namespace fs = std::filesystem;

TEST(FuzzRegressions, EveryInputThatOnceCrashedRunsClean) {
  const std::map<std::string, std::function<void(std::string_view)>> targets = {
      {"dotenv", fuzz::Dotenv},           {"ci", fuzz::Ci},         {"js", fuzz::Js},
      {"credentials", fuzz::Credentials}, {"config", fuzz::Config}, {"baseline", fuzz::Baseline}};
  const fs::path root = fs::path(SourceDir()) / "fuzz" / "regressions";
  size_t replayed = 0;
  for (const auto& dir : fs::directory_iterator(root)) {
    auto target = targets.find(dir.path().filename().string());
    ASSERT_NE(target, targets.end()) << "no fuzz target named " << dir.path().filename();
    for (const auto& input : fs::directory_iterator(dir.path())) {
      std::ifstream in(input.path(), std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      SCOPED_TRACE(input.path().string());
      target->second(bytes.str());  // a crash aborts the test binary: that is the failure
      ++replayed;
    }
  }
  EXPECT_GT(replayed, 0u);
}

}  // namespace
}  // namespace keylint::testing
