// A dotenv parser with positions. Follows motdotla/dotenv's rules (the loader most tools use or
// copy): `KEY=value` per line, optional `export `, `#` comments (inline ones only outside
// quotes), '...', "..." and `...` quotes that may span lines, \n and \r escapes in double quotes,
// unquoted values trimmed. It also notes dotenv-expand references ($VAR, ${VAR}, ${VAR:-default})
// without expanding them. Malformed lines are data: they come back as problems, and parsing goes
// on with the next line. Written by hand: no maintained C++ dotenv parser keeps positions.
#ifndef KEYLINT_ANALYZE_ENV_DOTENV_PARSER_H_
#define KEYLINT_ANALYZE_ENV_DOTENV_PARSER_H_

#include <string>
#include <string_view>
#include <vector>

namespace keylint {

struct DotenvEntry {
  std::string key;
  size_t key_begin = 0;  // byte offsets into the parsed text; end exclusive
  size_t key_end = 0;
  // The value's bytes in the file: inside the quotes for a quoted value. Empty values have
  // value_begin == value_end, just after the '='.
  size_t value_begin = 0;
  size_t value_end = 0;
  // The value as dotenv hands it to the application (quotes removed, escapes applied).
  // REQUIRES: never copied into a finding; mask it or hash it.
  std::string value;
  char quote = 0;  // 0, '\'', '"' or '`'
  bool exported = false;          // `export KEY=...`
  bool space_before_equals = false;  // `KEY =value`
  bool space_after_equals = false;   // `KEY= value` (a value follows the whitespace)
  bool colon_separator = false;      // `KEY: value`, which dotenv also accepts
  // Names referenced with $VAR / ${VAR...} (not in single quotes, not escaped as \$).
  std::vector<std::string> references;
  // The value is nothing but references: `${OTHER}` or `$A$B`.
  bool reference_only = false;
};

struct DotenvProblem {
  enum class Kind { kUnterminatedQuote, kInvalidKey, kMissingEquals, kTextAfterQuote,
                    kUnterminatedExpansion };
  Kind kind;
  size_t begin = 0;  // the offending bytes
  size_t end = 0;
  std::string message;  // never holds the value
};

struct DotenvFile {
  std::vector<DotenvEntry> entries;  // in file order, duplicates kept
  std::vector<DotenvProblem> problems;
};

// O(n) in the text. Handles \n and \r\n line ends and a leading UTF-8 BOM.
DotenvFile ParseDotenv(std::string_view text);

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_ENV_DOTENV_PARSER_H_
