#include <gtest/gtest.h>

#include "report/report.h"
#include "report/report_testing.h"

namespace keylint {
namespace {

using report_testing::TestKnowledge;
using report_testing::TestReport;

TEST(TextReport, FindingsRelatedLocationsAndNotifications) {
  std::string text = Render(TestReport(), TestKnowledge(), Format::kText);
  EXPECT_EQ(text,
            "config/d\xC3\xA9v settings#1%.env:4:1: warning config/env-duplicate-key "
            "API_URL is defined twice\n"
            "src/app/page.tsx:2:23: error client/secret-env-in-client Stripe secret key "
            "'sk_live_\xE2\x80\xA6" "3f9a' reaches client code\n"
            "  related: .env.production:3:17: the same value in .env.production\n"
            "src/z.js:7:11: error hardcoded/stripe-secret-key Stripe secret key "
            "'sk_live_\xE2\x80\xA6" "3f9a' in source [suppressed: test fixture]\n"
            "secrets/locked.env: warning: cannot read: permission denied\n"
            "keylint: note: not a git repository: scanning every file\n");
}

TEST(TextReport, ColumnIsBytesNotUtf16) {
  ScanReport r = TestReport();
  const Finding& f = r.findings[1];
  ASSERT_EQ(f.location.path, "src/app/page.tsx");
  EXPECT_EQ(f.location.column, 23);
  EXPECT_EQ(f.location.column_utf16, 19);
  EXPECT_NE(Render(r, TestKnowledge(), Format::kText).find("page.tsx:2:23: "), std::string::npos);
}

TEST(TextReport, NotificationWithLine) {
  ScanReport r;
  r.notifications = {{Level::kError, ".env", 12, "line is not KEY=VALUE"}};
  EXPECT_EQ(Render(r, TestKnowledge(), Format::kText), ".env:12: error: line is not KEY=VALUE\n");
}

TEST(TextReport, SummaryCountsUnsuppressedFindings) {
  EXPECT_EQ(RenderTextSummary(TestReport()),
            "keylint: 2 findings (1 error, 1 warning) in 12 files; 1 skipped; 1 suppressed; "
            "2 notifications\n");
}

TEST(TextReport, SummaryOfCleanScan) {
  ScanReport r;
  r.files_scanned = 1;
  EXPECT_EQ(RenderTextSummary(r), "keylint: 0 findings in 1 file\n");
  EXPECT_EQ(Render(r, TestKnowledge(), Format::kText), "");
}

TEST(ParseFormat, KnownAndUnknown) {
  Format f = Format::kText;
  EXPECT_TRUE(ParseFormat("sarif", &f));
  EXPECT_EQ(f, Format::kSarif);
  EXPECT_TRUE(ParseFormat("json", &f));
  EXPECT_EQ(f, Format::kJson);
  EXPECT_FALSE(ParseFormat("xml", &f));
  EXPECT_EQ(f, Format::kJson);
}

}  // namespace
}  // namespace keylint
