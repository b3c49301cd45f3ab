// CI checks. The model: a job's exposure (which triggers reach it, whether an environment gates
// it, what its scripts run) decides whether a production secret it can read is a problem.
// Credential literals in CI files are the credential engine's (hardcoded/), not ours.
#include "analyze/ci/checks.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <string>
#include <vector>

#include "analyze/ci/yaml_tree.h"
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
  FileAnalysis* out = nullptr;
  std::unique_ptr<LineIndex> lines;

  Location Span(size_t b, size_t e) const { return lines->Span(target->path, b, e); }

  Finding* Add(const char* rule, const Location& loc, std::string message,
               Level cap = Level::kError) {
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
    for (const std::string& t : triggers) {
      if (Contains(ci.untrusted_triggers, t) && untrusted.empty()) untrusted = t;
      if (Contains(ci.pr_triggers, t) && pr.empty()) pr = t;
      if (!Contains(ci.manual_triggers, t)) automatic = true;
    }
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
    std::vector<const YamlEntry*> jobs;
    for (const YamlEntry& e : root.map) {
      bool reserved = std::any_of(std::begin(kReserved), std::end(kReserved),
                                  [&](const char* r) { return e.key == r; });
      if (!reserved && !e.key.empty() && e.key[0] != '.' && e.value.kind == YamlNode::Kind::kMap) {
        jobs.push_back(&e);
      }
    }
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
    for (const YamlEntry* je : jobs) {
      const YamlNode& job = je->value;
      std::string when;
      for (const char* k : {"rules", "only", "except", "when"}) {
        if (const YamlEntry* e = job.Entry(k)) when += std::string(text.substr(e->key_begin, e->value.end - e->key_begin));
      }
      bool on_mr = ContainsAny(when, ci.gitlab_mr_markers);
      bool gated = job.Get("environment") != nullptr;
      bool manual = when.find("manual") != std::string::npos;
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
            "production variable '" + r.name + "' is reachable from job '" + je->key +
                "', which runs in merge request pipelines");
      }
      if (first_prod && !gated && !reported) {
        Add("config/ci-prod-secret-without-environment", Span(first_prod->begin, first_prod->end),
            "job '" + je->key + "' reads production variable '" + first_prod->name +
                "' without an `environment:`; use a protected production environment");
      }
      if (const YamlNode* vars = job.Get("variables")) CheckGitlabAutoConfirm(*vars, manual);
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
  if (doc.has_error) im.ReportYamlError(doc);
  if (doc.root.kind == YamlNode::Kind::kMap) {
    if (facts.kind == FileKind::kGithubWorkflow) im.AnalyzeGithub(doc.root);
    if (facts.kind == FileKind::kGitlabCi) im.AnalyzeGitlab(doc.root);
  }
  im.lines.reset();
  im.target = nullptr;
  im.out = nullptr;
}

}  // namespace keylint
