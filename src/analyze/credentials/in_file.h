// The credential matches of one file, as every analyzer downstream sees them: the engine's scan
// plus what only the file's kind tells (a notebook's escaped strings, a Kubernetes Secret's
// base64 data, JavaScript's string-only generic values, a template's examples).
#ifndef KEYLINT_ANALYZE_CREDENTIALS_IN_FILE_H_
#define KEYLINT_ANALYZE_CREDENTIALS_IN_FILE_H_

#include <vector>

#include "analyze/credentials/engine.h"
#include "core/target.h"

namespace keylint {

std::vector<CredentialMatch> CredentialsInFile(const Target& target, const FileFacts& facts,
                                               const CredentialScanner& scanner);

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_CREDENTIALS_IN_FILE_H_
