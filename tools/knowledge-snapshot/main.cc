// Loads the built-in rules (rules/*.toml, embedded) once and writes the result out as C++ bytes
// (knowledge/snapshot.h), so that keylint starts from them instead of parsing the TOML on every
// run. Run by the build.
//   keylint-knowledge-snapshot OUT.cc
#include <iostream>
#include <sstream>
#include <string>

#include "../write_generated.h"
#include "knowledge/knowledge.h"
#include "knowledge/snapshot.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: keylint-knowledge-snapshot OUT.cc\n";
    return 2;
  }
  keylint::Result<keylint::Knowledge> k = keylint::LoadRulesFromToml();
  if (!k.ok()) {
    std::cerr << "keylint-knowledge-snapshot: " << k.error().ToString() << "\n";
    return 2;
  }
  const std::string bytes = keylint::WriteKnowledgeSnapshot(k.value());
  std::ostringstream out;
  out << "// GENERATED from rules/*.toml by tools/knowledge-snapshot; DO NOT EDIT.\n"
      << "#include <string_view>\n\nnamespace keylint {\nnamespace {\n\n"
      << "const char kBytes[] = {";
  for (size_t i = 0; i < bytes.size(); ++i) {
    out << (i % 24 == 0 ? "\n  " : "") << static_cast<int>(static_cast<signed char>(bytes[i])) << ",";
  }
  out << "\n};\n\n}  // namespace\n\nstd::string_view KnowledgeSnapshot() {\n"
      << "  return std::string_view(kBytes, sizeof kBytes);\n}\n\n}  // namespace keylint\n";
  return WriteGenerated(argv[1], out.str());
}
