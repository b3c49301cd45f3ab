// Where a candidate secret sits and what it looks like, judged from the text around it: the
// checks the credential engine runs on a match after its regex, shared with the analyzers that
// judge values by their name (env files, JavaScript literals). Pure functions; thread-safe.
#ifndef KEYLINT_ANALYZE_CREDENTIALS_VALUE_SHAPE_H_
#define KEYLINT_ANALYZE_CREDENTIALS_VALUE_SHAPE_H_

#include <string>
#include <string_view>
#include <vector>

namespace keylint {

// Whether text[begin...] starts inside the path of a URL (after its host, before any ? or #) and
// in the middle of a path segment: `/How-to-generate-an-API-key-58d3…` is a page slug, not a
// key. A secret that is a whole segment (`/bot/<token>/`), in the user info or in the query
// string is not inside a path. Looks back at most to the start of the whitespace-delimited word.
bool InsideUrlPath(std::string_view text, size_t begin);

// Whether a value opened by a quote right before text[begin] also ends at that quote at
// text[end] (after spaces): `"Mot de passe"` yields "Mot", which is a word of a phrase, not a
// value. True when no quote opens the value.
bool ClosesItsQuote(std::string_view text, size_t begin, size_t end);

// The name a value is assigned to: text[whole_begin, value_begin) without the assignment between
// them (quotes, blanks, `=`, `:`, `=>`, `:-`). "" when the match starts at its value.
std::string_view AssignedName(std::string_view text, size_t whole_begin, size_t value_begin);

// Words that give away a human-typed dev default, lower case: `dev` words anywhere (dev, local,
// test, changeme, super), or only `defaults` words (password, admin, secret) beside digits and
// punctuation. Words of one or two letters (ci) count only standing alone.
struct DevWords {
  std::vector<std::string> dev;
  std::vector<std::string> defaults;
};

// Whether `value` is a human-typed default that says what it is: written in plain words (each
// run of letters lower, upper or Capitalized case, camel humps of three letters or more), digits
// and ASCII punctuation, with a dev word in it (local-dev-jwt-secret, devrustfs-service123,
// supersecretpassword123) or every word of four letters or more a default word (Password#123,
// admin-password). Random keys mix case inside their runs and never pass; Password2024!Summer
// (a word that is neither) is a human's real choice and does not either.
bool DescribesItself(std::string_view value, const DevWords& words);

// Whether `value` is written in words: runs of plain letters (as DescribesItself reads them), two
// or more each, joined by - _ . or spaces, and no digit: a label or a translation
// (Client-Anmeldeinformationen, ApiKeyHeader). A random key of 16 or more characters holds a
// digit or mixes case inside a run.
bool WrittenInWords(std::string_view value);

// Whether `value` repeats the name it is assigned to, letters and digits compared case-blind:
// QSTASH_CURRENT_SIGNING_KEY=qstash-current-signing-key, password: "password123".
bool RepeatsName(std::string_view name, std::string_view value);

// Whether `value` holds a pattern a person typed to look random: a run where every character
// steps by one from the character two places before (1a2b3c4d5e6f, 9a8b7c6d, a2c3d4e5f6), in
// digits, hex letters or the alphabet. Fakes in fixtures and sample payloads; a random 32-digit
// hex key holds such a run of seven steps about once in a hundred thousand.
bool LooksTyped(std::string_view value);

// The comment that follows text[end] on its line (after //, #, /* or <!--), or "": where a
// fixture says of its own value that it is a dummy.
std::string_view TrailingComment(std::string_view text, size_t end);

// The line above the one holding text[begin] when it is a comment and nothing else (//, #, /*,
// *, <!--), or "": `// This is not actually a secret key` above a constant.
std::string_view CommentAbove(std::string_view text, size_t begin);

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_CREDENTIALS_VALUE_SHAPE_H_
