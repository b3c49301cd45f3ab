#include <gtest/gtest.h>

#include "source/git_modes.h"

namespace keylint::source_internal {
namespace {

TEST(PublicRemoteUri, HttpsWithoutCredentialsOrDotGit) {
  EXPECT_EQ(PublicRemoteUri("https://github.com/acme/app.git"), "https://github.com/acme/app");
  EXPECT_EQ(PublicRemoteUri("https://x-access-token:ghs_abc@github.com/acme/app"), "https://github.com/acme/app");
  EXPECT_EQ(PublicRemoteUri("git@github.com:acme/app.git"), "https://github.com/acme/app");
  EXPECT_EQ(PublicRemoteUri("ssh://git@gitlab.example.com:2222/group/sub/app.git"),
            "https://gitlab.example.com/group/sub/app");
  EXPECT_EQ(PublicRemoteUri("http://gitea.local/a/b/"), "http://gitea.local/a/b");
}

TEST(PublicRemoteUri, LocalPathsNameNothing) {
  EXPECT_EQ(PublicRemoteUri("/home/me/repos/app"), "");
  EXPECT_EQ(PublicRemoteUri("file:///home/me/repos/app"), "");
  EXPECT_EQ(PublicRemoteUri("../app"), "");
  EXPECT_EQ(PublicRemoteUri("C:/repos/app"), "");  // a Windows path, not scp-like host:path
}

}  // namespace
}  // namespace keylint::source_internal
