#include "project/cross_file.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "core/text.h"
#include "knowledge/exposure_match.h"

namespace keylint {
namespace {

// Higher is closer to production; -1 for files that are not one stage's config.
int Rank(Stage s) {
  switch (s) {
    case Stage::kDev: return 0;
    case Stage::kTest: return 1;
    case Stage::kStaging: return 2;
    case Stage::kProd: return 3;
    default: return -1;
  }
}

std::string Dir(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

std::string Base(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool DefLess(const EnvDefinition* a, const EnvDefinition* b) {
  return std::tie(a->location.path, a->location.line, a->location.column) <
         std::tie(b->location.path, b->location.line, b->location.column);
}

class CrossFile {
 public:
  CrossFile(const Facts& all, const Knowledge& k) : all_(all), k_(k) {}

  std::vector<Finding> Run() {
    SameValues();
    LoadedProductionFiles();
    InheritedProductionSecrets();
    MissingKeys();
    ClientReadsOfSecretValues();
    return std::move(out_);
  }

 private:
  Finding* Add(const char* rule, const Location& loc, std::string message, Stage stage) {
    std::optional<Finding> f = k_.MakeFinding(rule, loc, std::move(message));
    if (!f) return nullptr;
    f->properties["stage"] = StageName(stage);
    out_.push_back(std::move(*f));
    return &out_.back();
  }

  void SameValues() {
    std::map<uint64_t, std::vector<const EnvDefinition*>> by_hash;
    for (const EnvDefinition& d : all_.env_definitions) {
      if (d.value_is_secret && d.value_hash != 0) by_hash[d.value_hash].push_back(&d);
    }
    for (auto& [hash, defs] : by_hash) {
      std::sort(defs.begin(), defs.end(), DefLess);
      AcrossFiles(hash, defs);
      WithinFile(hash, defs);
    }
  }

  // The same secret in two stages' files: reported at each definition in a lower stage than
  // the highest one, related to the first definition in the highest stage.
  // The stage a definition's value serves: its file's, or its name's where the name says a
  // later one (NANGO_SECRET_KEY_PROD in the Nango CLI's local .env is a production slot).
  Stage SlotStage(const EnvDefinition& d) const {
    if (Rank(d.stage) < 0) return d.stage;
    Stage named = StageOfName(k_.stages, d.key);
    return Rank(named) > Rank(d.stage) ? named : d.stage;
  }

  void AcrossFiles(uint64_t hash, const std::vector<const EnvDefinition*>& defs) {
    const EnvDefinition* anchor = nullptr;
    for (const EnvDefinition* d : defs) {
      if (Rank(SlotStage(*d)) >= 0 && (!anchor || Rank(SlotStage(*d)) > Rank(SlotStage(*anchor)))) {
        anchor = d;
      }
    }
    const Stage top = anchor ? SlotStage(*anchor) : Stage::kUnknown;
    // Dev and test sharing a (non-production) key is common and harmless: only a value that
    // also serves staging or production is worth a finding.
    if (!anchor || Rank(top) < Rank(Stage::kStaging)) return;
    for (const EnvDefinition* d : defs) {
      // Two slots of one file are WithinFile's (NANGO_SECRET_KEY_DEV == NANGO_SECRET_KEY_PROD).
      if (Rank(SlotStage(*d)) < 0 || SlotStage(*d) == top ||
          d->location.path == anchor->location.path) {
        continue;
      }
      const std::string related = "the same value in " + std::string(StageName(top)) +
                                  " slot " + anchor->location.path + " ('" + anchor->key + "')";
      Finding* f = nullptr;
      if (top == Stage::kProd && Rank(d->stage) <= Rank(Stage::kTest)) {
        if (d->value_stage == Stage::kProd) continue;  // already reported by its own file
        f = Add("stage/prod-key-in-dev-env", d->value_location,
                "'" + d->key + "' in " + StageName(d->stage) + " file " + d->location.path +
                    " holds the production value (" + d->value_masked + ") of '" + anchor->key +
                    "' in " + anchor->location.path,
                d->stage);
      } else {
        f = Add("stage/shared-across-environments", d->value_location,
                "'" + d->key + "' (" + d->value_masked + ") in " + StageName(d->stage) +
                    " file " + d->location.path + " is also used by " + StageName(top) +
                    " slot '" + anchor->key + "' in " + anchor->location.path,
                d->stage);
      }
      if (f) {
        f->secret_hash = hash;
        f->related.push_back({anchor->value_location, related});
      }
    }
  }

  // One file, two stage-named keys, one value: NANGO_SECRET_KEY_DEV == NANGO_SECRET_KEY_PROD.
  void WithinFile(uint64_t hash, const std::vector<const EnvDefinition*>& defs) {
    for (size_t i = 0; i < defs.size(); ++i) {
      for (size_t j = 0; j < defs.size(); ++j) {
        const EnvDefinition* lo = defs[i];
        const EnvDefinition* hi = defs[j];
        if (lo->location.path != hi->location.path) continue;
        int rl = Rank(StageOfName(k_.stages, lo->key));
        int rh = Rank(StageOfName(k_.stages, hi->key));
        if (rl < 0 || rh < 0 || rl >= rh) continue;
        if (Finding* f = Add("stage/shared-across-environments", lo->value_location,
                             "'" + lo->key + "' and '" + hi->key + "' hold the same value (" +
                                 lo->value_masked + "): one key serves two environments",
                             lo->stage)) {
          f->secret_hash = hash;
          f->related.push_back({hi->value_location, "the same value under '" + hi->key + "'"});
        }
        break;  // one finding per lower-stage key
      }
    }
  }

  // A reusable workflow's production secret, inherited (secrets: inherit) by a job that pull
  // requests reach: the called workflow runs with the caller's trigger.
  void InheritedProductionSecrets() {
    for (const CiReusableSecret& use : all_.ci_reusable_secrets) {
      for (const CiWorkflowCall& call : all_.ci_workflow_calls) {
        if (call.callee != use.workflow || !call.inherit || call.exposure.empty()) continue;
        std::optional<Finding> f = k_.MakeFinding(
            "stage/prod-secret-in-ci", use.location,
            "production secret '" + use.name + "' in reusable workflow " + use.workflow +
                " is inherited by job '" + call.job + "' of " + call.caller + ", which runs on " +
                call.exposure + ": pull request code can read it");
        if (!f) break;
        f->properties["stage"] = "ci";
        f->related.push_back({call.location, "called with secrets: inherit"});
        out_.push_back(std::move(*f));
        break;
      }
    }
  }

  // A dev or test file loading a production env file: an error when that file holds secrets
  // here, a warning when it is not in this checkout (its keys arrive all the same wherever it
  // exists), nothing when it holds none.
  void LoadedProductionFiles() {
    for (const EnvFileLoad& load : all_.env_file_loads) {
      const EnvDefinition* secret = nullptr;
      bool present = false;
      for (const EnvDefinition& d : all_.env_definitions) {
        if (d.location.path != load.loaded_path) continue;
        present = true;
        if (d.value_is_secret && (!secret || DefLess(&d, secret))) secret = &d;
      }
      if (present && !secret) continue;
      std::optional<Finding> f = k_.MakeFinding(
          "stage/prod-key-in-dev-env", load.location,
          load.where + " loads production env file " + load.loaded_path +
              (secret ? ", which holds secrets ('" + secret->key + "', " + secret->value_masked + ")"
                      : " (not in this checkout): its production keys come along"),
          secret ? Level::kError : Level::kWarning);
      if (!f) continue;
      f->properties["stage"] = StageName(load.loader_stage);
      if (secret) {
        f->related.push_back({secret->value_location, "a secret in " + load.loaded_path});
        f->secret_hash = secret->value_hash;
      }
      out_.push_back(std::move(*f));
    }
  }

  // Each template is compared with the stage env files of its own application: the files in its
  // folder and below, up to a folder with a template of its own (monorepos have one per app).
  // A template named for a stage (.env.test.example) speaks for that stage only, and a generic
  // one for the stages without their own. A stage's keys are those of all its files there plus
  // the shared .env beside the template; a stage that defines none of the template's keys is
  // some other tool's and is skipped. One finding per missing key, on the template line, with the
  // first line of each stage file that lacks it as a related location.
  void MissingKeys() {
    struct Template {
      Stage only = Stage::kUnknown;  // kUnknown: every stage without its own template
      std::map<std::string, const EnvDefinition*> keys;
    };
    std::map<std::string, std::map<std::string, Template>> templates;  // dir -> path -> template
    std::map<std::string, std::set<std::string>> files;  // stage file -> its keys
    std::map<std::string, Stage> file_stage;
    for (const EnvDefinition& d : all_.env_definitions) {
      if (!d.from_env_file) continue;
      const std::string& path = d.location.path;
      if (d.is_template) {
        Template& t = templates[Dir(path)][path];
        t.only = StageOfTemplateName(Base(path));
        auto& slot = t.keys[d.key];
        if (!slot || DefLess(&d, slot)) slot = &d;
      } else if (Rank(d.stage) >= 0) {
        files[path].insert(d.key);
        file_stage[path] = d.stage;
      }
    }
    // (template dir, folder, stage) -> the stage files of one folder of that application: files
    // of one stage in one folder are loaded together, other folders are other programs.
    std::map<std::tuple<std::string, std::string, Stage>, std::vector<std::string>> groups;
    for (const auto& [path, keys] : files) {
      for (std::string dir = Dir(path);; dir = Dir(dir)) {
        if (templates.count(dir)) {
          groups[{dir, Dir(path), file_stage[path]}].push_back(path);
          break;
        }
        if (dir.empty()) break;
      }
    }
    // template line -> the stage files lacking its key.
    std::map<const EnvDefinition*, std::vector<std::pair<Stage, std::string>>, bool (*)(const EnvDefinition*, const EnvDefinition*)>
        missing(DefLess);
    for (const auto& [group, paths] : groups) {
      const auto& [dir, folder, stage] = group;
      const Template* tpl = nullptr;
      for (const auto& [tpath, t] : templates[dir]) {
        if (t.only == stage || (t.only == Stage::kUnknown && !tpl)) tpl = &t;
      }
      if (!tpl || (tpl->only != stage && tpl->only != Stage::kUnknown)) continue;
      std::set<std::string> present;
      const std::string shared = folder.empty() ? ".env" : folder + "/.env";
      if (auto it = files.find(shared); it != files.end()) present = it->second;
      for (const std::string& p : paths) present.insert(files[p].begin(), files[p].end());
      bool sibling = std::any_of(tpl->keys.begin(), tpl->keys.end(),
                                 [&](const auto& kv) { return present.count(kv.first) > 0; });
      if (!sibling) continue;
      // The stage's main file: the first one not ending in ".local".
      std::string report = paths.front();
      for (const std::string& p : paths) {
        if (!EndsWith(p, ".local")) {
          report = p;
          break;
        }
      }
      for (const auto& [key, def] : tpl->keys) {
        if (!present.count(key)) missing[def].push_back({stage, report});
      }
    }
    for (const auto& [def, lacking] : missing) {
      std::string names;
      for (const auto& [stage, path] : lacking) {
        names += (names.empty() ? "" : ", ") + path + " (" + StageName(stage) + ")";
      }
      Finding* f = Add("config/env-missing-key", def->location,
                       "'" + def->key + "' is declared in template " + def->location.path +
                           " but missing from " + names,
                       Stage::kTemplate);
      if (!f) continue;
      for (const auto& [stage, path] : lacking) {
        Location top;
        top.path = path;
        top.line = top.end_line = 1;
        top.column = top.end_column = top.column_utf16 = top.end_column_utf16 = 1;
        f->related.push_back({top, std::string(StageName(stage)) + " env file without '" + def->key + "'"});
      }
      f->properties["key"] = def->key;
    }
  }

  // The stage a template's name is for: ".env.test.example" -> test; kUnknown when generic.
  Stage StageOfTemplateName(const std::string& base) const {
    for (const auto& [name, stage] : k_.stages.env_files) {
      if (stage == Stage::kTemplate || stage == Stage::kUnknown || name == ".env") continue;
      if (ToLower(base).rfind(name + ".", 0) == 0) return stage;
    }
    return Stage::kUnknown;
  }

  // A client read of a name that no rule calls secret, while an env file assigns it a secret
  // value: whatever inlines it into the bundle ships the secret. (Secret names are the
  // JavaScript analyzer's finding; public-prefixed names holding secrets, the dotenv analyzer's.)
  void ClientReadsOfSecretValues() {
    std::map<std::string, const EnvDefinition*> secret_values;  // key -> first secret definition
    for (const EnvDefinition& d : all_.env_definitions) {
      if (!d.value_is_secret || d.is_template) continue;
      auto& slot = secret_values[d.key];
      if (!slot || DefLess(&d, slot)) slot = &d;
    }
    if (secret_values.empty()) return;
    for (const EnvRead& r : all_.env_reads) {
      if (r.side != Side::kClient && r.side != Side::kShared) continue;
      auto it = secret_values.find(r.name);
      if (it == secret_values.end() || IsSecretName(k_, r.name) || !PublicPrefixOf(k_, r.name).empty()) {
        continue;
      }
      const EnvDefinition& d = *it->second;
      if (Finding* f = Add("client/secret-env-in-client", r.location,
                           "'" + r.name + "' is read in client code, and " + d.location.path +
                               " assigns it a secret (" + d.value_masked + ")",
                           d.stage)) {
        f->related.push_back({d.location, "the secret value"});
        f->secret_hash = d.value_hash;
        f->properties["side"] = SideName(r.side);
      }
    }
  }

  const Facts& all_;
  const Knowledge& k_;
  std::vector<Finding> out_;
};

}  // namespace

std::vector<Finding> CrossFileFindings(const Facts& all, const Knowledge& knowledge) {
  std::vector<Finding> out = CrossFile(all, knowledge).Run();
  std::sort(out.begin(), out.end(), FindingLess);
  return out;
}

}  // namespace keylint
