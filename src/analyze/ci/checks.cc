// CI checks. The model: a job's exposure (which triggers reach it, whether an environment gates
// it, what its scripts run) decides whether a production secret it can read is a problem.
// Credential literals in CI files are the credential engine's (hardcoded/), not ours.
#include "analyze/ci/checks.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "analyze/ci/log_leaks.h"
#include "analyze/ci/yaml_tree.h"
#include "core/glob.h"
#include "core/text.h"

namespace keylint {
namespace {

bool Contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

bool ContainsAny(std::string_view text, const std::vector<std::string>& needles) {
  for (const std::string& n : needles) {
    if (!n.empty() && text.find(n) != std::string_view::npos) return true;
  }
  return false;
}

// A reference to a secret or variable in CI text, with its place.
struct SecretRef {
  std::string name;
  std::string env_key;  // the env/variables key it is assigned to, if any
  size_t begin = 0;
  size_t end = 0;
};

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

// GitHub: secrets.NAME and secrets['NAME'] inside [begin, end) of text.
void FindGithubSecrets(std::string_view text, size_t begin, size_t end, const std::string& env_key,
                       std::vector<SecretRef>* out) {
  std::string_view span = text.substr(begin, end - begin);
  for (size_t p = span.find("secrets."); p != std::string_view::npos;
       p = span.find("secrets.", p + 1)) {
    if (p > 0 && (IsNameChar(span[p - 1]) || span[p - 1] == '.')) continue;
    size_t s = p + 8, e = s;
    while (e < span.size() && IsNameChar(span[e])) ++e;
    if (e > s) out->push_back({std::string(span.substr(s, e - s)), env_key, begin + p, begin + e});
  }
  for (size_t p = span.find("secrets["); p != std::string_view::npos;
       p = span.find("secrets[", p + 1)) {
    size_t s = p + 9, e = s;
    while (e < span.size() && IsNameChar(span[e])) ++e;
    if (e > s) out->push_back({std::string(span.substr(s, e - s)), env_key, begin + p, begin + e + 2});
  }
}

// GitLab: $NAME and ${NAME} inside [begin, end); predefined CI_* variables are not secrets.
void FindGitlabVariables(std::string_view text, size_t begin, size_t end,
                         const std::string& env_key, std::vector<SecretRef>* out) {
  std::string_view span = text.substr(begin, end - begin);
  for (size_t p = span.find('$'); p != std::string_view::npos; p = span.find('$', p + 1)) {
    size_t s = p + 1 + (p + 1 < span.size() && span[p + 1] == '{');
    size_t e = s;
    while (e < span.size() && (std::isalnum(static_cast<unsigned char>(span[e])) || span[e] == '_')) ++e;
    if (e == s) continue;
    std::string name(span.substr(s, e - s));
    if (name.rfind("CI_", 0) == 0 || name.rfind("GITLAB_", 0) == 0) continue;
    out->push_back({name, env_key, begin + p, begin + e + (span[s - 1] == '{' ? 1 : 0)});
  }
}

using RefFinder = void (*)(std::string_view, size_t, size_t, const std::string&,
                           std::vector<SecretRef>*);

// Every reference under `node`, remembering the nearest env/variables key above it.
void CollectRefs(std::string_view text, const YamlNode& node, const std::string& env_key,
                 RefFinder find, std::vector<SecretRef>* out) {
  switch (node.kind) {
    case YamlNode::Kind::kScalar:
      find(text, node.begin, node.end, env_key, out);
      return;
    case YamlNode::Kind::kSeq:
      for (const YamlNode& n : node.seq) CollectRefs(text, n, env_key, find, out);
      return;
    case YamlNode::Kind::kMap:
      for (const YamlEntry& e : node.map) CollectRefs(text, e.value, e.key, find, out);
      return;
    case YamlNode::Kind::kNull:
      return;
  }
}

// Concatenated text of every `run:` / `script:` under node (for command matching).
void CollectScripts(const YamlNode& node, std::string* out) {
  if (node.kind == YamlNode::Kind::kSeq) {
    for (const YamlNode& n : node.seq) CollectScripts(n, out);
  } else if (node.kind == YamlNode::Kind::kMap) {
    for (const YamlEntry& e : node.map) {
      bool script = e.key == "run" || e.key == "script" || e.key == "before_script" ||
                    e.key == "after_script";
      if (script && e.value.is_scalar()) {
        *out += e.value.scalar;
        *out += '\n';
      } else if (script && e.value.kind == YamlNode::Kind::kSeq) {
        for (const YamlNode& n : e.value.seq) *out += n.scalar + "\n";
      } else {
        CollectScripts(e.value, out);
      }
    }
  }
}

// The scalars of a scalar, a sequence or the keys of a map (`on:` in its three shapes).
std::vector<std::string> Names(const YamlNode* n) {
  std::vector<std::string> out;
  if (!n) return out;
  if (n->is_scalar()) out.push_back(n->scalar);
  for (const YamlNode& s : n->seq) out.push_back(s.scalar);
  for (const YamlEntry& e : n->map) out.push_back(e.key);
  return out;
}

}  // namespace

struct CiAnalyzer::Impl {
  explicit Impl(const Knowledge& k) : knowledge(k), ci(k.stages.ci) {}

  const Knowledge& knowledge;
  const CiKnowledge& ci;
  YamlParser yaml;

  // Per file.
  const Target* target = nullptr;
  const YamlNode* workflow_env = nullptr;  // the workflow's env:, while it is analysed
  FileAnalysis* out = nullptr;
  std::unique_ptr<LineIndex> lines;

  Location Span(size_t b, size_t e) const { return lines->Span(target->path, b, e); }

  // One finding per rule and place: an anchor merged into three jobs is one problem.
  Finding* Add(const char* rule, const Location& loc, std::string message,
               Level cap = Level::kError) {
    for (const Finding& done : out->findings) {
      if (done.rule_id == rule && done.location.line == loc.line &&
          done.location.column == loc.column) {
        return nullptr;
      }
    }
    std::optional<Finding> f = knowledge.MakeFinding(rule, loc, std::move(message), cap);
    if (!f) return nullptr;
    f->properties["stage"] = "ci";
    out->findings.push_back(std::move(*f));
    return &out->findings.back();
  }

  bool IsProdName(std::string_view name) const {
    std::string upper(name);
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    size_t start = 0;
    while (start <= upper.size()) {
      size_t end = upper.find('_', start);
      if (end == std::string::npos) end = upper.size();
      auto it = knowledge.stages.name_suffixes.find(upper.substr(start, end - start));
      if (end > start && it != knowledge.stages.name_suffixes.end() && it->second == Stage::kProd) {
        return true;
      }
      start = end + 1;
    }
    return false;
  }
  bool IsProdRef(const SecretRef& r) const { return IsProdName(r.name) || IsProdName(r.env_key); }

  void ReportYamlError(const YamlDocument& doc) {
    Add("config/ci-yaml-error", Span(doc.error_begin, doc.error_end),
        target->path + " is not valid YAML here; checks after this point may be incomplete");
  }

  // Auto-confirm variables and flags on automatic triggers.
  void CheckAutoConfirm(const YamlNode& scope, std::string_view guard_text) {
    if (ContainsAny(guard_text, ci.manual_triggers)) return;  // gated on a manual trigger
    if (scope.kind == YamlNode::Kind::kMap) {
      for (const YamlEntry& e : scope.map) {
        bool is_var = Contains(ci.auto_confirm_vars, e.key) && e.value.is_scalar();
        std::string v = ToLower(e.value.scalar);
        if (is_var && (v == "true" || v == "1" || v == "yes")) {
          Add("config/ci-auto-confirm", Span(e.key_begin, e.value.end),
              e.key + " auto-confirms destructive deploys on an automatic trigger");
          continue;
        }
        if ((e.key == "run" || e.key == "script") && e.value.kind != YamlNode::Kind::kMap) {
          std::string all = e.value.scalar;
          for (const YamlNode& n : e.value.seq) all += "\n" + n.scalar;
          if (ContainsAny(all, ci.manual_triggers)) continue;  // the script checks the trigger
          for (const std::string& flag : ci.auto_confirm_flags) {
            std::string_view raw(target->bytes.data() + e.value.begin, e.value.end - e.value.begin);
            size_t p = raw.find(flag);
            if (p == std::string_view::npos) continue;
            Add("config/ci-auto-confirm", Span(e.value.begin + p, e.value.begin + p + flag.size()),
                flag + " skips the destructive-change prompt on an automatic trigger");
            break;
          }
          continue;
        }
        CheckAutoConfirm(e.value, guard_text);
      }
    } else if (scope.kind == YamlNode::Kind::kSeq) {
      for (const YamlNode& n : scope.seq) CheckAutoConfirm(n, guard_text);
    }
  }

  void AnalyzeGithub(const YamlNode& root) {
    std::string_view text = target->bytes;
    std::vector<std::string> triggers = Names(root.Get("on"));
    if (triggers.empty()) triggers = Names(root.Get("true"));
    std::string untrusted, pr;
    bool automatic = false;
    const bool reusable = Contains(triggers, "workflow_call");
    for (const std::string& t : triggers) {
      if (Contains(ci.untrusted_triggers, t) && untrusted.empty()) untrusted = t;
      if (Contains(ci.pr_triggers, t) && pr.empty()) pr = t;
      if (!Contains(ci.manual_triggers, t)) automatic = true;
    }
    workflow_env = root.Get("env");
    std::vector<SecretRef> wf_refs;
    if (const YamlNode* env = root.Get("env")) {
      CollectRefs(text, *env, "", FindGithubSecrets, &wf_refs);
    }
    const YamlNode* jobs = root.Get("jobs");
    const size_t job_count = jobs ? jobs->map.size() : 0;
    // Workflow-level env shared by several jobs: every job, tests included, reads the secret.
    if (job_count >= 2) {
      for (const SecretRef& r : wf_refs) {
        if (!IsProdRef(r)) continue;
        Add("stage/prod-secret-in-ci", Span(r.begin, r.end),
            "production secret '" + r.name + "' is in workflow-level env, shared by all " +
                std::to_string(job_count) + " jobs; scope it to the deploy job");
      }
    }
    if (automatic) {
      if (const YamlNode* env = root.Get("env")) CheckAutoConfirm(*env, "");
    }
    if (!jobs) return;
    for (const YamlEntry& job_entry : jobs->map) {
      const YamlNode& job = job_entry.value;
      const std::string& id = job_entry.key;
      const YamlNode* if_node = job.Get("if");
      std::string cond = if_node ? if_node->scalar : "";
      bool cond_excludes_pr = !cond.empty() && cond.find("pull_request") == std::string::npos &&
                              (cond.find("push") != std::string::npos ||
                               cond.find("refs/heads/") != std::string::npos ||
                               cond.find("refs/tags/") != std::string::npos ||
                               ContainsAny(cond, ci.manual_triggers));
      bool job_untrusted = !untrusted.empty() && !cond_excludes_pr;
      bool job_pr = !pr.empty() && !cond_excludes_pr;
      const YamlNode* environment = job.Get("environment");
      bool gated = environment != nullptr;
      std::string scripts;
      CollectScripts(job, &scripts);
      bool tests = ContainsAny(scripts, ci.test_build_commands);

      std::vector<SecretRef> refs;
      CollectRefs(text, job, "", FindGithubSecrets, &refs);
      if (job_count < 2) refs.insert(refs.begin(), wf_refs.begin(), wf_refs.end());

      // secrets: inherit into a reusable workflow of another repository. One of this repository
      // (uses: ./.github/workflows/x.yml) is reviewed with the caller and can reach only the
      // secrets it names, as the caller can: inheriting gives it nothing the caller's own
      // authors could not write in.
      const YamlNode* uses = job.Get("uses");
      bool local = uses && uses->scalar.rfind("./", 0) == 0;
      if (const YamlEntry* s = job.Entry("secrets"); s && s->value.scalar == "inherit" && !local) {
        Add("config/ci-secrets-inherit", Span(s->key_begin, s->value.end),
            "job '" + id + "' passes every secret to " +
                (job.Get("uses") ? "reusable workflow " + job.Get("uses")->scalar : "a reusable workflow") +
                "; pass only the ones it needs");
      }

      // Untrusted trigger + secrets + checkout of the pull request's code.
      bool uses_secrets = false;
      for (const SecretRef& r : refs) uses_secrets = uses_secrets || r.name != "GITHUB_TOKEN";
      if (!untrusted.empty() && uses_secrets) CheckUntrustedCheckout(job, id, untrusted, refs);

      // A reusable workflow called with every secret from a job that pull requests reach.
      if (const YamlNode* uses = job.Get("uses"); uses && uses->scalar.rfind("./", 0) == 0) {
        const YamlEntry* s = job.Entry("secrets");
        CiWorkflowCall call;
        call.location = Span(uses->begin, uses->end);
        call.caller = target->path;
        call.callee = uses->scalar.substr(2);
        call.job = id;
        call.inherit = s && s->value.scalar == "inherit";
        call.exposure = job_untrusted ? untrusted : job_pr ? pr : "";
        out->facts.ci_workflow_calls.push_back(std::move(call));
      }
      CheckGithubLogLeaks(job);

      bool reported_error = false;
      const SecretRef* first_prod = nullptr;
      for (const SecretRef& r : refs) {
        if (!IsProdRef(r)) continue;
        if (!first_prod) first_prod = &r;
        if (gated) continue;
        std::string why;
        if (job_untrusted) {
          why = "triggered by " + untrusted + ", which runs with secrets on outside input";
        } else if (job_pr) {
          why = std::string("run on ") + pr + (tests ? " and runs tests or builds" : "") +
                ": pull request code can read it";
        } else {
          if (reusable) {
            out->facts.ci_reusable_secrets.push_back(
                {Span(r.begin, r.end), target->path, r.name, id});
          }
          continue;
        }
        reported_error = true;
        Add("stage/prod-secret-in-ci", Span(r.begin, r.end),
            "production secret '" + r.name + "' is reachable from job '" + id + "', " + why);
      }
      if (first_prod && !gated && !reported_error) {
        Add("config/ci-prod-secret-without-environment", Span(first_prod->begin, first_prod->end),
            "job '" + id + "' reads production secret '" + first_prod->name +
                "' without an `environment:` gate; consider `environment: production` with "
                "protection rules");
      }
      if (automatic) CheckAutoConfirm(job, cond);
    }
  }

  // Env names assigned a secret in an env: map (env: TOKEN: ${{ secrets.NPM_TOKEN }}), where the
  // env name or the secret's says it is one: projects keep plain identifiers (a Cloudflare zone
  // id) in secrets too, and printing those is no leak.
  void SecretEnvNames(const YamlNode* env, std::set<std::string>* out_names) const {
    if (!env) return;
    for (const YamlEntry& e : env->map) {
      std::vector<SecretRef> refs;
      FindGithubSecrets(target->bytes, e.value.begin, e.value.end, e.key, &refs);
      for (const SecretRef& r : refs) {
        if (IsSecretLikeName(knowledge.stages, r.name) || IsSecretLikeName(knowledge.stages, e.key)) {
          out_names->insert(e.key);
        }
      }
    }
  }

  // Reports each leak of one script; a secret written to a file counts only when `uploaded`
  // says the job publishes that file (then it is an error: artifacts are not masked).
  void ReportLeaks(const std::vector<LogLeak>& leaks,
                   const std::vector<std::string>& uploaded_paths) {
    for (const LogLeak& l : leaks) {
      if (!l.written_file.empty()) {
        if (!Uploaded(l.written_file, uploaded_paths)) continue;
        Add("config/ci-secret-in-log", Span(l.begin, l.end),
            "this line " + l.what + ", which the job uploads as an artifact");
        continue;
      }
      Add("config/ci-secret-in-log", Span(l.begin, l.end),
          "this line " + l.what + "; masking hides only exact values, not encoded or partial ones",
          Level::kWarning);
    }
  }

  static bool Uploaded(const std::string& file, const std::vector<std::string>& paths) {
    auto clean = [](std::string p) {
      while (p.rfind("./", 0) == 0) p.erase(0, 2);
      while (!p.empty() && p.back() == '/') p.pop_back();
      return p;
    };
    const std::string f = clean(file);
    for (const std::string& raw : paths) {
      const std::string p = clean(raw);
      if (p.empty() || p[0] == '!') continue;
      if (p == "." || p == f || f.rfind(p + "/", 0) == 0 || GlobMatch(p, f)) return true;
    }
    return false;
  }

  // Lines of a path: value (a scalar, possibly multi-line, or a sequence).
  static std::vector<std::string> PathLines(const YamlNode* n) {
    std::vector<std::string> out;
    if (!n) return out;
    auto add = [&](const std::string& text) {
      size_t start = 0;
      while (start < text.size()) {
        size_t nl = text.find('\n', start);
        if (nl == std::string::npos) nl = text.size();
        std::string_view line = TrimSpace(std::string_view(text).substr(start, nl - start));
        if (!line.empty() && line != "|" && line != ">") out.emplace_back(line);
        start = nl + 1;
      }
    };
    if (n->is_scalar()) add(n->scalar);
    for (const YamlNode& item : n->seq) add(item.scalar);
    return out;
  }

  void CheckGithubLogLeaks(const YamlNode& job) {
    const YamlNode* steps = job.Get("steps");
    if (!steps) return;
    ScriptScope job_scope;
    SecretEnvNames(job.Get("env"), &job_scope.secret_env);
    SecretEnvNames(workflow_env, &job_scope.secret_env);
    std::vector<std::string> uploaded;
    for (const YamlNode& step : steps->seq) {
      const YamlNode* uses = step.Get("uses");
      if (uses && uses->scalar.rfind("actions/upload-artifact", 0) == 0) {
        const YamlNode* with = step.Get("with");
        for (std::string& p : PathLines(with ? with->Get("path") : nullptr)) uploaded.push_back(std::move(p));
      }
    }
    for (const YamlNode& step : steps->seq) {
      const YamlNode* run = step.Get("run");
      if (!run || !run->is_scalar()) continue;
      ScriptScope scope = job_scope;
      SecretEnvNames(step.Get("env"), &scope.secret_env);
      std::string_view script(target->bytes.data() + run->begin, run->end - run->begin);
      scope.has_secrets = !scope.secret_env.empty() || MentionsGithubSecret(script);
      ReportLeaks(FindLogLeaks(target->bytes, run->begin, run->end, scope, knowledge.stages), uploaded);
    }
  }

  // A composite action's steps: its secrets arrive as inputs (${{ inputs.api-token }}).
  void AnalyzeCompositeAction(const YamlNode& root) {
    const YamlNode* runs = root.Get("runs");
    const YamlNode* steps = runs ? runs->Get("steps") : nullptr;
    if (!steps) return;
    for (const YamlNode& step : steps->seq) {
      const YamlNode* run = step.Get("run");
      if (!run || !run->is_scalar()) continue;
      ScriptScope scope;
      scope.inputs_are_secrets = true;
      if (const YamlNode* env = step.Get("env")) {
        for (const YamlEntry& e : env->map) {
          std::string_view v(target->bytes.data() + e.value.begin, e.value.end - e.value.begin);
          size_t at = v.find("inputs.");
          if (at == std::string_view::npos) continue;
          size_t s = at + 7, x = s;
          while (x < v.size() && (std::isalnum(static_cast<unsigned char>(v[x])) || v[x] == '_' || v[x] == '-')) ++x;
          if (IsSecretLikeName(knowledge.stages, v.substr(s, x - s))) scope.secret_env.insert(e.key);
        }
      }
      scope.has_secrets = !scope.secret_env.empty();
      ReportLeaks(FindLogLeaks(target->bytes, run->begin, run->end, scope, knowledge.stages), {});
    }
  }

  void CheckUntrustedCheckout(const YamlNode& job, const std::string& id,
                              const std::string& trigger, const std::vector<SecretRef>& refs) {
    const YamlNode* steps = job.Get("steps");
    if (!steps) return;
    for (const YamlNode& step : steps->seq) {
      const YamlNode* uses = step.Get("uses");
      const YamlNode* with = step.Get("with");
      const YamlNode* ref = with ? with->Get("ref") : nullptr;
      const YamlNode* where = nullptr;
      if (uses && uses->scalar.rfind("actions/checkout", 0) == 0 && ref &&
          ContainsAny(ref->scalar, ci.pr_checkout_markers)) {
        where = ref;
      } else if (const YamlNode* run = step.Get("run");
                 run && ContainsAny(run->scalar, ci.pr_checkout_markers) &&
                 (run->scalar.find("checkout") != std::string::npos ||
                  run->scalar.find("fetch") != std::string::npos)) {
        where = run;
      }
      if (!where) continue;
      Finding* f = Add("config/ci-untrusted-checkout", Span(where->begin, where->end),
                       "job '" + id + "' runs on " + trigger +
                           " with secrets and checks out the pull request's code");
      for (const SecretRef& r : refs) {
        if (!f || r.name == "GITHUB_TOKEN") continue;
        f->related.push_back({Span(r.begin, r.end), "secret '" + r.name + "' used by the job"});
        break;
      }
      return;
    }
  }

  void AnalyzeGitlab(const YamlNode& root) {
    std::string_view text = target->bytes;
    static const char* const kReserved[] = {"stages", "variables", "default", "include", "workflow",
                                            "image", "services", "before_script", "after_script",
                                            "cache", "pages"};
    // Jobs with their `extends:` applied (hidden .templates included).
    std::vector<std::pair<std::string, YamlNode>> jobs;
    for (const YamlEntry& e : root.map) {
      bool reserved = std::any_of(std::begin(kReserved), std::end(kReserved),
                                  [&](const char* r) { return e.key == r; });
      if (!reserved && !e.key.empty() && e.key[0] != '.' && e.value.kind == YamlNode::Kind::kMap) {
        jobs.emplace_back(e.key, ResolveExtends(root, e.value, 0));
      }
    }
    // workflow:rules that admit merge request pipelines make every job without rules of its own
    // run in them.
    bool workflow_mr = false;
    if (const YamlNode* wf = root.Get("workflow")) workflow_mr = RulesRunOnMr(wf->Get("rules"));
    std::vector<SecretRef> global;
    if (const YamlNode* vars = root.Get("variables")) {
      CollectRefs(text, *vars, "", FindGitlabVariables, &global);
      CheckGitlabAutoConfirm(*vars, false);
    }
    if (jobs.size() >= 2) {
      for (const SecretRef& r : global) {
        if (!IsProdRef(r)) continue;
        Add("stage/prod-secret-in-ci", Span(r.begin, r.end),
            "production variable '" + r.name + "' is in global variables, shared by all " +
                std::to_string(jobs.size()) + " jobs; scope it to the deploy job");
      }
    }
    for (const auto& [job_id, job] : jobs) {
      std::string when;
      for (const char* k : {"rules", "only", "when"}) {
        if (const YamlEntry* e = job.Entry(k)) when += std::string(text.substr(e->key_begin, e->value.end - e->key_begin));
      }
      bool own_rules = job.Get("rules") || job.Get("only") || job.Get("except");
      bool on_mr = own_rules ? (job.Get("rules") ? RulesRunOnMr(job.Get("rules"))
                                                 : ContainsAny(when, ci.gitlab_mr_markers))
                             : workflow_mr;
      bool gated = job.Get("environment") != nullptr;
      bool manual = when.find("manual") != std::string::npos;
      CheckGitlabLogLeaks(job);
      std::vector<SecretRef> refs;
      for (const YamlEntry& e : job.map) {
        if (e.key == "script" || e.key == "before_script" || e.key == "after_script" ||
            e.key == "variables") {
          CollectRefs(text, e.value, "", FindGitlabVariables, &refs);
        }
      }
      if (jobs.size() < 2) refs.insert(refs.begin(), global.begin(), global.end());
      bool reported = false;
      const SecretRef* first_prod = nullptr;
      for (const SecretRef& r : refs) {
        if (!IsProdRef(r)) continue;
        if (!first_prod) first_prod = &r;
        if (gated || !on_mr) continue;
        reported = true;
        Add("stage/prod-secret-in-ci", Span(r.begin, r.end),
            "production variable '" + r.name + "' is reachable from job '" + job_id +
                "', which runs in merge request pipelines");
      }
      if (first_prod && !gated && !reported) {
        Add("config/ci-prod-secret-without-environment", Span(first_prod->begin, first_prod->end),
            "job '" + job_id + "' reads production variable '" + first_prod->name +
                "' without an `environment:`; use a protected production environment");
      }
      if (const YamlNode* vars = job.Get("variables")) CheckGitlabAutoConfirm(*vars, manual);
    }
  }

  // Whether rules: admit merge request pipelines: an entry whose `if` names them and whose
  // `when` is not `never`.
  bool RulesRunOnMr(const YamlNode* rules) const {
    if (!rules) return false;
    for (const YamlNode& r : rules->seq) {
      const YamlNode* when = r.Get("when");
      if (when && when->scalar == "never") continue;
      std::string_view item(target->bytes.data() + r.begin, r.end - r.begin);
      if (ContainsAny(item, ci.gitlab_mr_markers)) return true;
    }
    return false;
  }

  // The job with `extends:` applied: its parents (in order, later ones winning) deep-merged
  // under its own keys, as GitLab does. Depth-limited, so a cycle ends.
  YamlNode ResolveExtends(const YamlNode& root, const YamlNode& job, int depth) const {
    const YamlNode* ext = job.Get("extends");
    if (!ext || depth > 10) return job;
    std::vector<std::string> parents;
    if (ext->is_scalar()) parents.push_back(ext->scalar);
    for (const YamlNode& p : ext->seq) parents.push_back(p.scalar);
    YamlNode merged;
    merged.kind = YamlNode::Kind::kMap;
    for (const std::string& name : parents) {
      const YamlNode* parent = root.Get(name);
      if (parent && parent->kind == YamlNode::Kind::kMap) {
        DeepMerge(ResolveExtends(root, *parent, depth + 1), &merged);
      }
    }
    DeepMerge(job, &merged);
    merged.begin = job.begin;
    merged.end = job.end;
    return merged;
  }

  // Hashes merge key by key; anything else is replaced (GitLab's extends semantics).
  static void DeepMerge(const YamlNode& from, YamlNode* into) {
    for (const YamlEntry& e : from.map) {
      YamlEntry* have = nullptr;
      for (YamlEntry& h : into->map) {
        if (h.key == e.key) have = &h;
      }
      if (!have) {
        into->map.push_back(e);
      } else if (have->value.kind == YamlNode::Kind::kMap && e.value.kind == YamlNode::Kind::kMap) {
        DeepMerge(e.value, &have->value);
      } else {
        *have = e;
      }
    }
  }

  void CheckGitlabLogLeaks(const YamlNode& job) {
    std::vector<std::string> uploaded;
    if (const YamlNode* artifacts = job.Get("artifacts")) uploaded = PathLines(artifacts->Get("paths"));
    ScriptScope scope;
    scope.judge_names = true;
    scope.has_secrets = true;  // project CI/CD variables are in every job's environment
    for (const char* key : {"before_script", "script", "after_script"}) {
      const YamlNode* script = job.Get(key);
      if (!script) continue;
      std::vector<const YamlNode*> items;
      if (script->is_scalar()) items.push_back(script);
      for (const YamlNode& item : script->seq) items.push_back(&item);
      for (const YamlNode* item : items) {
        if (!item->is_scalar()) continue;
        ReportLeaks(FindLogLeaks(target->bytes, item->begin, item->end, scope, knowledge.stages), uploaded);
      }
    }
  }

  void CheckGitlabAutoConfirm(const YamlNode& vars, bool manual) {
    if (manual) return;
    for (const YamlEntry& e : vars.map) {
      std::string v = ToLower(e.value.is_scalar() ? e.value.scalar : "");
      if (Contains(ci.auto_confirm_vars, e.key) && (v == "true" || v == "1" || v == "yes")) {
        Add("config/ci-auto-confirm", Span(e.key_begin, e.value.end),
            e.key + " auto-confirms destructive deploys in a pipeline that runs automatically");
      }
    }
  }
};

CiAnalyzer::CiAnalyzer(const Knowledge& knowledge) : impl_(new Impl(knowledge)) {}
CiAnalyzer::~CiAnalyzer() = default;

void CiAnalyzer::Analyze(const Target& target, const FileFacts& facts, FileAnalysis* out) {
  Impl& im = *impl_;
  im.target = &target;
  im.out = out;
  im.lines = std::make_unique<LineIndex>(target.bytes);
  if (!im.yaml.ok()) {
    out->notifications.push_back({Level::kWarning, target.path, 0,
                                  "the YAML grammar did not load; CI checks skipped"});
    return;
  }
  YamlDocument doc = im.yaml.Parse(target.bytes);
  if (!doc.not_parsed.empty()) {
    out->notifications.push_back({Level::kNote, target.path, 0,
                                  "not parsed as YAML (" + doc.not_parsed +
                                      "): only credential patterns were checked"});
  }
  if (doc.has_error) im.ReportYamlError(doc);
  if (doc.root.kind == YamlNode::Kind::kMap) {
    if (facts.kind == FileKind::kGithubWorkflow) im.AnalyzeGithub(doc.root);
    if (facts.kind == FileKind::kGitlabCi) im.AnalyzeGitlab(doc.root);
    if (facts.kind == FileKind::kGithubAction) im.AnalyzeCompositeAction(doc.root);
  }
  im.lines.reset();
  im.target = nullptr;
  im.out = nullptr;
}

}  // namespace keylint
