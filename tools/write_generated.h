// Shared by the build's generators (tools/keyword-db, tools/knowledge-snapshot).
#ifndef KEYLINT_TOOLS_WRITE_GENERATED_H_
#define KEYLINT_TOOLS_WRITE_GENERATED_H_

#include <fstream>
#include <sstream>
#include <string>

// Writes `text` to `path` only when it differs from what is there, so that a build which
// regenerates an unchanged file does not recompile what includes it. Returns main()'s exit code.
inline int WriteGenerated(const char* path, const std::string& text) {
  std::ifstream old(path, std::ios::binary);
  std::stringstream old_text;
  old_text << old.rdbuf();
  if (old && old_text.str() == text) return 0;
  std::ofstream file(path, std::ios::binary);
  file << text;
  return file ? 0 : 1;
}

#endif  // KEYLINT_TOOLS_WRITE_GENERATED_H_
