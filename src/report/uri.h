// Relative paths as SARIF artifact URIs (RFC 3986 path segments).
#ifndef KEYLINT_REPORT_URI_H_
#define KEYLINT_REPORT_URI_H_

#include <string>
#include <string_view>

namespace keylint {

// Percent-encodes every byte of `path` except RFC 3986 unreserved characters (A-Z a-z 0-9 - . _ ~)
// and '/', so "docs/my file#1.txt" becomes "docs/my%20file%231.txt" and "é" becomes "%C3%A9".
// Bytes are encoded as they are, so a non-UTF-8 file name still yields a valid ASCII URI.
// REQUIRES: `path` is relative with '/' separators (the core Location contract); the result is
// then a relative reference that GitHub resolves against the repository root.
std::string PercentEncodePath(std::string_view path);

}  // namespace keylint

#endif  // KEYLINT_REPORT_URI_H_
