// The contract's first rule: no output format contains the raw secret, even though the
// findings were built from it (MaskValue) and every field reporters print is filled in.
#include <gtest/gtest.h>

#include "report/report.h"
#include "report/report_testing.h"

namespace keylint {
namespace {

using report_testing::kRawSecret;

TEST(ReportSecrets, NoFormatContainsTheRawSecret) {
  ScanReport report = report_testing::TestReport();
  Knowledge knowledge = report_testing::TestKnowledge();
  ASSERT_NE(report.findings[1].message.find(MaskValue(kRawSecret)), std::string::npos);
  const std::string tail = kRawSecret.substr(8);  // after the "sk_live_" prefix
  for (const std::string& name : FormatNames()) {
    Format format = Format::kText;
    ParseFormat(name, &format);
    std::string out = Render(report, knowledge, format) + RenderTextSummary(report);
    EXPECT_EQ(out.find(kRawSecret), std::string::npos) << static_cast<int>(format);
    EXPECT_EQ(out.find(tail), std::string::npos) << static_cast<int>(format);
    EXPECT_NE(out.find(MaskValue(kRawSecret)), std::string::npos) << static_cast<int>(format);
  }
}

}  // namespace
}  // namespace keylint
