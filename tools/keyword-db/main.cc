// Compiles the built-in rules' keywords (LocatableKeywords) into a Vectorscan literal database and
// writes it out as C++ (analyze/credentials/keyword_db.h). Run by the build: compiling the
// database takes 40-60 ms, loading a compiled one 0.1 ms, and a pre-commit scan has no 40 ms to
// spare. Compiled for a generic CPU of the build's architecture, so that it loads wherever the
// binary runs (Vectorscan then picks its fastest routines at scan time).
//   keylint-keyword-db OUT.cc
#include <hs/hs.h>

#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "../write_generated.h"
#include "knowledge/knowledge.h"

namespace {

// A C++ string literal holding `s` exactly: letters and digits as they are, every other byte as a
// three-digit octal escape (which, unlike \x, cannot run into the next character).
std::string Literal(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", c);
      out += buf;
    }
  }
  return out + "\"";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: keylint-keyword-db OUT.cc\n";
    return 2;
  }
  keylint::Result<keylint::Knowledge> k = keylint::LoadRulesFromToml();
  if (!k.ok()) {
    std::cerr << "keylint-keyword-db: " << k.error().ToString() << "\n";
    return 2;
  }
  const std::vector<std::string> keywords = keylint::LocatableKeywords(k.value().credentials.rules);
  std::vector<const char*> ptrs;
  std::vector<size_t> lens;
  std::vector<unsigned> flags, ids;
  for (size_t i = 0; i < keywords.size(); ++i) {
    ptrs.push_back(keywords[i].data());
    lens.push_back(keywords[i].size());
    flags.push_back(HS_FLAG_CASELESS);  // ASCII case-insensitive, as the byte locator
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_platform_info_t platform{};
  platform.tune = HS_TUNE_FAMILY_GENERIC;
  platform.cpu_features = 0;
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile_lit_multi(ptrs.data(), flags.data(), ids.data(), lens.data(),
                           static_cast<unsigned>(keywords.size()), HS_MODE_BLOCK, &platform, &db,
                           &error) != HS_SUCCESS) {
    std::cerr << "keylint-keyword-db: Vectorscan cannot compile the keywords: "
              << (error ? error->message : "unknown error") << "\n";
    hs_free_compile_error(error);
    return 1;
  }
  char* bytes = nullptr;
  size_t size = 0;
  if (hs_serialize_database(db, &bytes, &size) != HS_SUCCESS) {
    std::cerr << "keylint-keyword-db: cannot serialize the database\n";
    return 1;
  }
  std::ostringstream out;
  out << "// GENERATED from rules/*.toml by tools/keyword-db; DO NOT EDIT.\n"
      << "#include \"analyze/credentials/keyword_db.h\"\n\nnamespace keylint {\nnamespace {\n\n"
      << "alignas(8) const unsigned char kBytes[] = {";
  for (size_t i = 0; i < size; ++i) {
    out << (i % 24 == 0 ? "\n  " : "") << static_cast<unsigned>(static_cast<unsigned char>(bytes[i])) << ",";
  }
  out << "\n};\n\nconst char* const kKeywords[] = {";
  for (const std::string& kw : keywords) out << "\n  " << Literal(kw) << ",";
  out << "\n};\n\n}  // namespace\n\nEmbeddedKeywordDb BuiltinKeywordDb() {\n"
      << "  return {kBytes, sizeof kBytes, kKeywords, " << keywords.size() << "};\n}\n\n"
      << "}  // namespace keylint\n";
  std::free(bytes);
  hs_free_database(db);
  return WriteGenerated(argv[1], out.str());
}
