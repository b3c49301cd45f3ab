// Test helpers for src/report (header-only: the test glob compiles only *_test.cc files).
// A hand-built Knowledge and ScanReport that exercise every corner the reporters care about,
// and RunSarifValidator(), which other tests may reuse to check SARIF they produce.
#ifndef KEYLINT_REPORT_REPORT_TESTING_H_
#define KEYLINT_REPORT_REPORT_TESTING_H_

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/secret.h"
#include "core/text.h"
#include "report/report.h"

namespace keylint::report_testing {

// A made-up live-looking key. Only MaskValue() of it may appear in any output.
// Built from pieces so that this header holds no secret-shaped literal (keylint scans itself).
inline const std::string kRawSecret = std::string("sk_") + "live_" + "51HxQzT9mKpL2vWn8RbYc3f9a";

// Line 2 holds a CJK character (3 bytes, 1 UTF-16 unit) and an emoji (4 bytes, 2 UTF-16 units)
// before the secret, so its byte column is 23 and its UTF-16 column 19.
inline const std::string kPageText =
    "'use client';\nconst \xE5\x90\x8D = \"\xF0\x9F\x98\x80\" + \"" + kRawSecret + "\";\n";

inline RuleInfo MakeRule(const std::string& id, Level level, const std::string& severity,
                         bool default_off = false) {
  RuleInfo r;
  r.id = id;
  r.family = id.substr(0, id.find('/'));
  r.name = PascalCaseName(id);
  r.level = level;
  r.security_severity = severity;
  r.precision = "high";
  r.short_description = "Short description of " + id + ".";
  r.full_description = "Full description of " + id + ": what it catches and why it matters.";
  r.help = "Move the value to a **server-side** secret store and rotate it (`" + id + "`).";
  r.tags = {"nango"};
  r.default_off = default_off;
  r.enabled = !default_off;
  return r;
}

// Four rules, sorted by id; config/style-check is off by default, so SARIF lists three and
// hardcoded/stripe-secret-key has ruleIndex 2 there.
inline Knowledge TestKnowledge() {
  Knowledge k;
  k.rules = {MakeRule("client/secret-env-in-client", Level::kError, "9.1"),
             MakeRule("config/env-duplicate-key", Level::kWarning, "3.5"),
             MakeRule("config/style-check", Level::kNote, "1.0", /*default_off=*/true),
             MakeRule("hardcoded/stripe-secret-key", Level::kError, "8.8")};
  return k;
}

// Three findings (sorted): a warning in a path that needs percent-encoding, an error with a
// related location after multibyte characters, and a suppressed error; two notifications (one
// with a path, one for the whole scan) and one skip.
inline ScanReport TestReport() {
  ScanReport r;
  r.tool_version = "0.1.0";
  r.files_scanned = 12;
  r.bytes_scanned = 3456;
  r.suppressed_count = 1;

  Finding client;
  client.rule_id = "client/secret-env-in-client";
  client.level = Level::kError;
  client.message = "Stripe secret key '" + MaskValue(kRawSecret) + "' reaches client code";
  size_t begin = kPageText.find(kRawSecret);
  client.location = LineIndex(kPageText).Span("src/app/page.tsx", begin, begin + kRawSecret.size());
  RelatedLocation env;
  env.location.path = ".env.production";
  env.location.line = 3;
  env.location.column = 17;
  env.location.end_line = 3;
  env.location.end_column = 49;
  env.location.column_utf16 = 17;
  env.location.end_column_utf16 = 49;
  env.message = "the same value in .env.production";
  client.related.push_back(env);
  client.fingerprint = "0123456789abcdef";
  client.line_hash = "a7f2ff13bc495cf2:1";
  client.properties = {{"side", "client"}, {"provider", "stripe"}};

  Finding dup;
  dup.rule_id = "config/env-duplicate-key";
  dup.level = Level::kWarning;
  dup.message = "API_URL is defined twice";
  dup.location = {"config/d\xC3\xA9v settings#1%.env", 4, 1, 4, 8, 1, 8};
  dup.fingerprint = "fedcba9876543210";
  dup.line_hash = "54703d4cd895b18:1";

  Finding hidden;
  hidden.rule_id = "hardcoded/stripe-secret-key";
  hidden.level = Level::kError;
  hidden.message = "Stripe secret key '" + MaskValue(kRawSecret) + "' in source";
  hidden.location = {"src/z.js", 7, 11, 7, 43, 11, 43};
  hidden.fingerprint = "00112233445566ff";
  hidden.line_hash = "180aee12dab6264:1";
  hidden.suppressed = true;
  hidden.suppressed_in_source = true;
  hidden.suppression_reason = "test fixture";

  r.findings = {client, dup, hidden};
  std::sort(r.findings.begin(), r.findings.end(), FindingLess);

  r.notifications = {{Level::kWarning, "secrets/locked.env", 0, "cannot read: permission denied"},
                     {Level::kNote, "", 0, "not a git repository: scanning every file"}};
  r.skips = {{"dist/app.min.js", "minified"}};
  return r;
}

// Runs tools/sarif-validate (run.sh, path from KEYLINT_SARIF_VALIDATOR) on `sarif`, written to a
// temp file, with extra `flags` (e.g. "--strict": warnings fail too). Returns the validator's
// exit code (0 valid, 1 invalid, 2 usage/IO error; -1 if it could not be started) and its report
// in *output. Its npm packages are installed when CMake configures the tests.
inline int RunSarifValidator(const std::string& sarif, const std::vector<std::string>& flags,
                             std::string* output) {
  const char* tmp = std::getenv("TMPDIR");
  std::string sarif_path = std::string(tmp && *tmp ? tmp : "/tmp") + "/keylint-XXXXXX.sarif";
  int fd = mkstemps(sarif_path.data(), 6);
  if (fd < 0) return -1;
  close(fd);
  std::string out_path = sarif_path + ".out";
  std::ofstream(sarif_path, std::ios::binary) << sarif;
  std::string command = std::string("'") + KEYLINT_SARIF_VALIDATOR + "' '" + sarif_path + "'";
  for (const std::string& f : flags) command += " " + f;
  command += " >'" + out_path + "' 2>&1";
  int status = std::system(command.c_str());
  std::stringstream captured;
  captured << std::ifstream(out_path).rdbuf();
  if (output) *output = captured.str();
  std::remove(sarif_path.c_str());
  std::remove(out_path.c_str());
  if (status == -1 || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status);
}

}  // namespace keylint::report_testing

#endif  // KEYLINT_REPORT_REPORT_TESTING_H_
