// The built-in rules, loaded once for the whole test binary.
#ifndef KEYLINT_TESTS_BUILTIN_KNOWLEDGE_H_
#define KEYLINT_TESTS_BUILTIN_KNOWLEDGE_H_

#include "analyze/credentials/engine.h"
#include "knowledge/knowledge.h"

namespace keylint {

// Aborts the test binary with the loader's message if the embedded rules do not load.
const Knowledge& BuiltinKnowledge();
// A CredentialScanner over BuiltinKnowledge(), built once.
const CredentialScanner& BuiltinScanner();

}  // namespace keylint

#endif  // KEYLINT_TESTS_BUILTIN_KNOWLEDGE_H_
