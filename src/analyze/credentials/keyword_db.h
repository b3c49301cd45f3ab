// The built-in rules' keywords as a Vectorscan literal database, compiled at build time by
// tools/keyword-db (generated/keyword_db.cc) and loaded by KeywordLocator (prefilter.h).
#ifndef KEYLINT_ANALYZE_CREDENTIALS_KEYWORD_DB_H_
#define KEYLINT_ANALYZE_CREDENTIALS_KEYWORD_DB_H_

#include <cstddef>

namespace keylint {

struct EmbeddedKeywordDb {
  const unsigned char* bytes = nullptr;  // hs_serialize_database's output
  size_t size = 0;
  const char* const* keywords = nullptr;  // pattern i of the database, lower case
  size_t count = 0;
};

EmbeddedKeywordDb BuiltinKeywordDb();

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_CREDENTIALS_KEYWORD_DB_H_
