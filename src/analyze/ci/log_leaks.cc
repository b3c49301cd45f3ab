#include "analyze/ci/log_leaks.h"

#include <cctype>

#include "core/text.h"

namespace keylint {
namespace {

bool IsVarChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Names of ${{ secrets.X }} / ${{ inputs.X }} and $X / ${X} references in a line.
struct Refs {
  std::vector<std::string> secrets;  // secrets.X
  std::vector<std::string> inputs;   // inputs.X
  std::vector<std::string> vars;     // $X, ${X}
};

Refs RefsIn(std::string_view line) {
  Refs r;
  for (size_t p = line.find("${{"); p != std::string_view::npos; p = line.find("${{", p + 3)) {
    size_t close = line.find("}}", p);
    std::string_view expr = line.substr(p + 3, close == std::string_view::npos ? std::string_view::npos : close - p - 3);
    for (auto [prefix, out] : {std::pair<std::string_view, std::vector<std::string>*>{"secrets.", &r.secrets},
                               {"inputs.", &r.inputs}}) {
      for (size_t q = expr.find(prefix); q != std::string_view::npos; q = expr.find(prefix, q + 1)) {
        size_t s = q + prefix.size(), e = s;
        while (e < expr.size() && (IsVarChar(expr[e]) || expr[e] == '-')) ++e;
        if (e > s) out->emplace_back(expr.substr(s, e - s));
      }
    }
  }
  for (size_t p = line.find('$'); p != std::string_view::npos; p = line.find('$', p + 1)) {
    size_t s = p + 1;
    if (s < line.size() && line[s] == '{') {
      if (s + 1 < line.size() && line[s + 1] == '{') continue;  // ${{ expression }}
      ++s;
    }
    size_t e = s;
    while (e < line.size() && IsVarChar(line[e])) ++e;
    if (e > s && !std::isdigit(static_cast<unsigned char>(line[s]))) r.vars.emplace_back(line.substr(s, e - s));
  }
  return r;
}

// The first word of a command line, after `sudo`/`run` prefixes are not considered.
std::string_view FirstWord(std::string_view line) {
  size_t e = 0;
  while (e < line.size() && line[e] != ' ' && line[e] != '\t' && line[e] != ';') ++e;
  return line.substr(0, e);
}

// Where the output of an echo/printf goes: "" for the log, the file for `> file`/`>> file`/
// `tee file`, "-" for elsewhere (a pipe into another command, $GITHUB_ENV, /dev/null).
std::string OutputOf(std::string_view line) {
  size_t bar = line.find('|');
  while (bar != std::string_view::npos && bar + 1 < line.size() && line[bar + 1] == '|') {
    bar = line.find('|', bar + 2);  // `||` is control flow
  }
  if (bar != std::string_view::npos) {
    std::string_view rest = TrimSpace(line.substr(bar + 1));
    if (FirstWord(rest) == "tee") {
      std::string_view file = TrimSpace(rest.substr(3));
      while (!file.empty() && file[0] == '-') file = TrimSpace(file.substr(FirstWord(file).size()));
      return std::string(FirstWord(file));
    }
    return "-";
  }
  size_t gt = line.find('>');
  while (gt != std::string_view::npos && gt > 0 && (line[gt - 1] == '2' || line[gt - 1] == '&')) {
    gt = line.find('>', gt + 1);  // 2>&1 and friends
  }
  if (gt == std::string_view::npos) return "";
  std::string_view file = line.substr(gt + 1);
  if (!file.empty() && file[0] == '>') file.remove_prefix(1);
  file = TrimSpace(file);
  std::string f(FirstWord(file));
  while (!f.empty() && (f.front() == '"' || f.front() == '\'')) f.erase(0, 1);
  while (!f.empty() && (f.back() == '"' || f.back() == '\'')) f.pop_back();
  if (f.empty() || f.find("GITHUB_") != std::string::npos || f == "/dev/null" ||
      f == "/dev/stderr" || f == "/dev/stdout") {
    return f == "/dev/stderr" || f == "/dev/stdout" ? "" : "-";
  }
  return f;
}

bool IsTrace(std::string_view line) {
  if (line == "set -o xtrace") return true;
  if (FirstWord(line) != "set") return false;
  std::string_view rest = TrimSpace(line.substr(3));
  std::string_view flags = FirstWord(rest);
  return flags.size() >= 2 && flags[0] == '-' && flags.find('x') != std::string_view::npos &&
         flags.find_first_not_of("abefhkmnptuvxBCHP", 1) == std::string_view::npos;
}

bool IsEnvDump(std::string_view line) {
  std::string_view w = FirstWord(line);
  if (w != "env" && w != "printenv" && line != "export -p" && line != "set") return false;
  std::string_view rest = TrimSpace(line.substr(w.size()));
  // `env` alone or piped/sorted/redirected; `env FOO=1 cmd` runs a command instead.
  return rest.empty() || rest[0] == '|' || rest[0] == '>' || rest[0] == ';' || rest[0] == '&';
}

}  // namespace

bool MentionsGithubSecret(std::string_view script) {
  for (size_t p = script.find("${{"); p != std::string_view::npos; p = script.find("${{", p + 3)) {
    size_t close = script.find("}}", p);
    if (script.substr(p, close == std::string_view::npos ? std::string_view::npos : close - p)
            .find("secrets.") != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

std::vector<LogLeak> FindLogLeaks(std::string_view text, size_t begin, size_t end,
                                  const ScriptScope& scope, const StageKnowledge& stages) {
  std::vector<LogLeak> out;
  auto secret_var = [&](const std::string& name) {
    if (scope.secret_env.count(name)) return true;
    if (!scope.judge_names) return false;
    if (name.rfind("CI_", 0) == 0 || name.rfind("GITLAB_", 0) == 0) return false;
    return IsSecretLikeName(stages, name);
  };
  // `set -x` shows what the script's own commands expand: a secret it never mentions stays out.
  bool script_uses_secret = false;
  {
    Refs all = RefsIn(text.substr(begin, end - begin));
    script_uses_secret = !all.secrets.empty();
    for (const std::string& n : all.inputs) {
      script_uses_secret = script_uses_secret || (scope.inputs_are_secrets && IsSecretLikeName(stages, n));
    }
    for (const std::string& n : all.vars) script_uses_secret = script_uses_secret || secret_var(n);
  }
  size_t pos = begin;
  while (pos < end) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos || eol > end) eol = end;
    std::string_view raw = text.substr(pos, eol - pos);
    const size_t line_begin = pos;
    pos = eol + 1;
    std::string_view line = TrimSpace(raw);
    // A YAML sequence item ("- echo $X") or a block scalar header is not part of the command.
    if (line.size() >= 2 && line[0] == '-' && line[1] == ' ') line = TrimSpace(line.substr(2));
    if (line.empty() || line[0] == '#' || line[0] == '|' || line[0] == '>') continue;
    const size_t b = line_begin + static_cast<size_t>(line.data() - raw.data());
    const size_t e = b + line.size();

    if (IsTrace(line)) {
      if (script_uses_secret) {
        out.push_back({b, e, "traces every command with its expanded secrets (set -x)", ""});
      }
      continue;
    }
    if (IsEnvDump(line)) {
      if (scope.has_secrets) {
        // `env | sort` still prints everything; only a redirect sends it elsewhere.
        std::string to = line.find('>') == std::string_view::npos ? "" : OutputOf(line);
        if (to == "-") continue;
        out.push_back({b, e, to.empty() ? "dumps the environment, secrets included, to the log"
                                        : "writes the environment, secrets included, to " + to,
                       to});
      }
      continue;
    }
    std::string_view cmd = FirstWord(line);
    const bool print = cmd == "echo" || cmd == "printf" || cmd == "printenv";
    if (!print || line.find("::add-mask::") != std::string_view::npos) continue;
    Refs refs = RefsIn(line);
    std::string secret;
    if (!refs.secrets.empty()) secret = refs.secrets.front();
    for (const std::string& n : refs.inputs) {
      if (secret.empty() && scope.inputs_are_secrets && IsSecretLikeName(stages, n)) secret = n;
    }
    for (const std::string& n : refs.vars) {
      if (secret.empty() && secret_var(n)) secret = n;
    }
    if (cmd == "printenv") {
      std::string_view arg = FirstWord(TrimSpace(line.substr(8)));
      if (!arg.empty() && secret_var(std::string(arg))) secret = std::string(arg);
    }
    if (secret.empty()) continue;
    std::string to = OutputOf(line);
    if (to == "-") continue;
    out.push_back({b, e, to.empty() ? "prints secret '" + secret + "' to the log"
                                    : "writes secret '" + secret + "' to " + to,
                   to});
  }
  return out;
}

}  // namespace keylint
