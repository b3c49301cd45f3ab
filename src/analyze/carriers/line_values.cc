// Line formats that give values to names: Dockerfile ENV/ARG, shell and direnv assignments,
// Makefile variables, Terraform .tfvars. Small scanners, not parsers: what they do not understand
// they skip, so an odd line costs a missed value, never a wrong one.
#include <cctype>

#include "analyze/carriers/raw_values.h"
#include "core/text.h"

namespace keylint {
namespace {

bool IsNameStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Calls f(begin, end) for each line, without its terminator.
template <typename F>
void ForEachLine(std::string_view text, F f) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    size_t end = eol;
    if (end > pos && text[end - 1] == '\r') --end;
    f(pos, end);
    pos = eol + 1;
  }
}

size_t SkipSpace(std::string_view text, size_t i, size_t end) {
  while (i < end && (text[i] == ' ' || text[i] == '\t')) ++i;
  return i;
}

// A shell word at i: '...', "..." or unquoted up to whitespace or ';'. Sets the value's span
// (inside quotes) and returns the end of the word.
size_t ShellWord(std::string_view text, size_t i, size_t end, size_t* vb, size_t* ve) {
  if (i < end && (text[i] == '"' || text[i] == '\'')) {
    const char q = text[i];
    size_t j = i + 1;
    while (j < end && text[j] != q) j += (q == '"' && text[j] == '\\') ? 2 : 1;
    *vb = i + 1;
    *ve = j < end ? j : end;
    return j < end ? j + 1 : end;
  }
  size_t j = i;
  while (j < end && text[j] != ' ' && text[j] != '\t' && text[j] != ';' && text[j] != '&' &&
         text[j] != '|' && text[j] != '#') {
    ++j;
  }
  *vb = i;
  *ve = j;
  return j;
}

void Add(std::string_view text, size_t kb, size_t ke, size_t vb, size_t ve, RawValues* out) {
  RawAssignment a;
  a.key = std::string(text.substr(kb, ke - kb));
  a.key_begin = kb;
  a.key_end = ke;
  a.value_begin = vb;
  a.value_end = ve;
  a.value = std::string(text.substr(vb, ve - vb));
  a.reference_only = IsReferenceValue(a.value) || a.value.find('$') != std::string::npos;
  out->assignments.push_back(std::move(a));
}

// NAME=word at i (no spaces around '='); returns the end of the word, or npos if none is there.
size_t Assignment(std::string_view text, size_t i, size_t end, RawValues* out) {
  if (i >= end || !IsNameStart(text[i])) return std::string_view::npos;
  size_t k = i;
  while (k < end && IsNameChar(text[k])) ++k;
  if (k >= end || text[k] != '=') return std::string_view::npos;
  size_t vb, ve;
  size_t next = ShellWord(text, k + 1, end, &vb, &ve);
  Add(text, i, k, vb, ve, out);
  return next;
}

bool StartsWithWord(std::string_view text, size_t i, size_t end, std::string_view word) {
  if (end - i <= word.size()) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    if (std::toupper(static_cast<unsigned char>(text[i + k])) != word[k]) return false;
  }
  return text[i + word.size()] == ' ' || text[i + word.size()] == '\t';
}

}  // namespace

void ReadDockerfileValues(std::string_view text, RawValues* out) {
  // Instructions may continue over lines ending in '\'; offsets stay the file's.
  bool continued = false, env = false;
  ForEachLine(text, [&](size_t b, size_t e) {
    size_t i = SkipSpace(text, b, e);
    const bool cont = e > b && text[e - 1] == '\\';
    const size_t end = cont ? e - 1 : e;
    if (!continued) {
      env = false;
      bool is_env = StartsWithWord(text, i, end, "ENV");
      bool is_arg = StartsWithWord(text, i, end, "ARG");
      if (!is_env && !is_arg) {
        continued = cont;
        return;
      }
      env = true;
      i = SkipSpace(text, i + 3, end);
      // ENV NAME value (the legacy form: the rest of the line is the value).
      size_t k = i;
      while (k < end && IsNameChar(text[k])) ++k;
      if (is_env && k > i && k < end && (text[k] == ' ' || text[k] == '\t')) {
        size_t vb = SkipSpace(text, k, end);
        size_t ve = end;
        while (ve > vb && (text[ve - 1] == ' ' || text[ve - 1] == '\t')) --ve;
        if (ve > vb && (text[vb] == '"' || text[vb] == '\'') && text[ve - 1] == text[vb]) {
          ++vb;
          --ve;
        }
        if (ve > vb) Add(text, i, k, vb, ve, out);
        continued = cont;
        return;
      }
    }
    continued = cont;
    if (!env) return;
    while (i < end) {  // NAME=value NAME2="value 2" ...
      i = SkipSpace(text, i, end);
      size_t next = Assignment(text, i, end, out);
      if (next == std::string_view::npos) break;
      i = next;
    }
  });
}

void ReadShellValues(std::string_view text, RawValues* out) {
  ForEachLine(text, [&](size_t b, size_t e) {
    size_t i = SkipSpace(text, b, e);
    if (StartsWithWord(text, i, e, "EXPORT")) i = SkipSpace(text, i + 6, e);
    // Assignments at the start of a statement: `export A=1 B=2`, `A=1 cmd`.
    while (i < e) {
      size_t next = Assignment(text, i, e, out);
      if (next == std::string_view::npos) break;
      i = SkipSpace(text, next, e);
    }
  });
}

void ReadMakefileValues(std::string_view text, RawValues* out) {
  ForEachLine(text, [&](size_t b, size_t e) {
    if (b < e && text[b] == '\t') {  // a recipe line is shell
      size_t i = SkipSpace(text, b, e);
      if (i < e && text[i] == '@') ++i;
      if (StartsWithWord(text, i, e, "EXPORT")) {
        i = SkipSpace(text, i + 6, e);
        while (i < e) {
          size_t next = Assignment(text, i, e, out);
          if (next == std::string_view::npos) break;
          i = SkipSpace(text, next, e);
        }
      }
      return;
    }
    size_t i = SkipSpace(text, b, e);
    for (std::string_view word : {"EXPORT", "OVERRIDE"}) {
      if (StartsWithWord(text, i, e, word)) i = SkipSpace(text, i + word.size(), e);
    }
    if (i >= e || !IsNameStart(text[i])) return;
    size_t k = i;
    while (k < e && IsNameChar(text[k])) ++k;
    size_t op = SkipSpace(text, k, e);
    size_t vb = std::string_view::npos;
    for (std::string_view o : {"::=", ":=", "?=", "+=", "="}) {
      if (text.substr(op, o.size()) == o) {
        vb = op + o.size();
        break;
      }
    }
    if (vb == std::string_view::npos) return;
    vb = SkipSpace(text, vb, e);
    size_t ve = text.find(" #", vb);
    if (ve == std::string_view::npos || ve > e) ve = e;
    while (ve > vb && (text[ve - 1] == ' ' || text[ve - 1] == '\t')) --ve;
    if (ve > vb && (text[vb] == '"' || text[vb] == '\'') && text[ve - 1] == text[vb] && ve - vb >= 2) {
      ++vb;
      --ve;
    }
    if (ve > vb) Add(text, i, k, vb, ve, out);
  });
}

void ReadHclValues(std::string_view text, RawValues* out) {
  // name = "string" anywhere on a line (top-level variables and entries of map values).
  ForEachLine(text, [&](size_t b, size_t e) {
    size_t i = SkipSpace(text, b, e);
    if (i < e && (text[i] == '#' || text[i] == '/')) return;
    while (i < e) {
      if (text[i] == '{' || text[i] == ',' || text[i] == ' ' || text[i] == '\t') {
        ++i;
        continue;
      }
      size_t kb = i, ke;
      if (text[i] == '"') {
        size_t close = text.find('"', i + 1);
        if (close == std::string_view::npos || close >= e) return;
        kb = i + 1;
        ke = close;
        i = close + 1;
      } else {
        if (!IsNameStart(text[i])) return;
        while (i < e && (IsNameChar(text[i]) || text[i] == '-')) ++i;
        ke = i;
      }
      i = SkipSpace(text, i, e);
      if (i >= e || (text[i] != '=' && text[i] != ':')) return;
      i = SkipSpace(text, i + 1, e);
      if (i < e && text[i] == '{') continue;  // a map value: its entries follow on this line
      if (i >= e || text[i] != '"') return;   // only string values
      size_t j = i + 1;
      while (j < e && text[j] != '"') j += text[j] == '\\' ? 2 : 1;
      if (j >= e) return;
      Add(text, kb, ke, i + 1, j, out);
      i = j + 1;
    }
  });
}

}  // namespace keylint
