#include "project/cross_file.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "core/fingerprint.h"
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
  void AcrossFiles(uint64_t hash, const std::vector<const EnvDefinition*>& defs) {
    const EnvDefinition* anchor = nullptr;
    for (const EnvDefinition* d : defs) {
      if (Rank(d->stage) >= 0 && (!anchor || Rank(d->stage) > Rank(anchor->stage))) anchor = d;
    }
    // Dev and test sharing a (non-production) key is common and harmless: only a value that
    // also serves staging or production is worth a finding.
    if (!anchor || Rank(anchor->stage) < Rank(Stage::kStaging)) return;
    for (const EnvDefinition* d : defs) {
      if (Rank(d->stage) < 0 || d->stage == anchor->stage) continue;
      const std::string related = "the same value in " + std::string(StageName(anchor->stage)) +
                                  " file " + anchor->location.path + " ('" + anchor->key + "')";
      Finding* f = nullptr;
      if (anchor->stage == Stage::kProd && Rank(d->stage) <= Rank(Stage::kTest)) {
        if (d->value_stage == Stage::kProd) continue;  // already reported by its own file
        f = Add("stage/prod-key-in-dev-env", d->value_location,
                "'" + d->key + "' in " + StageName(d->stage) + " env file " + d->location.path +
                    " holds the production value (" + d->value_masked + ") of '" + anchor->key +
                    "' in " + anchor->location.path,
                d->stage);
      } else {
        f = Add("stage/shared-across-environments", d->value_location,
                "'" + d->key + "' (" + d->value_masked + ") in " + StageName(d->stage) +
                    " env file " + d->location.path + " is also used by " +
                    StageName(anchor->stage) + " file " + anchor->location.path,
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

  void MissingKeys() {
    // dir -> template key -> its first definition.
    std::map<std::string, std::map<std::string, const EnvDefinition*>> templates;
    // dir -> stage -> files -> keys; dir -> keys of the shared ".env".
    std::map<std::string, std::map<Stage, std::map<std::string, std::set<std::string>>>> stages;
    std::map<std::string, std::set<std::string>> shared;
    for (const EnvDefinition& d : all_.env_definitions) {
      const std::string dir = Dir(d.location.path);
      if (d.is_template) {
        auto& slot = templates[dir][d.key];
        if (!slot || DefLess(&d, slot)) slot = &d;
      } else if (Rank(d.stage) >= 0) {
        stages[dir][d.stage][d.location.path].insert(d.key);
        if (Base(d.location.path) == ".env") shared[dir].insert(d.key);
      }
    }
    for (const auto& [dir, keys] : templates) {
      auto it = stages.find(dir);
      if (it == stages.end()) continue;
      for (const auto& [stage, files] : it->second) {
        std::set<std::string> present = shared[dir];
        for (const auto& [path, ks] : files) present.insert(ks.begin(), ks.end());
        bool sibling = std::any_of(keys.begin(), keys.end(),
                                   [&](const auto& kv) { return present.count(kv.first) > 0; });
        if (!sibling) continue;
        // Report on the stage's main file: the first one not ending in ".local".
        std::string report = files.begin()->first;
        for (const auto& [path, ks] : files) {
          if (!EndsWith(path, ".local")) {
            report = path;
            break;
          }
        }
        for (const auto& [key, def] : keys) {
          if (present.count(key)) continue;
          Location top;
          top.path = report;
          top.line = top.end_line = 1;
          top.column = top.end_column = top.column_utf16 = top.end_column_utf16 = 1;
          if (Finding* f = Add("config/env-missing-key", top,
                               "'" + key + "' from template " + def->location.path +
                                   " is not defined in the " + StageName(stage) +
                                   " env files of " + (dir.empty() ? "the root" : dir),
                               stage)) {
            f->related.push_back({def->location, "defined in the template"});
            f->properties["key"] = key;
            AssignFingerprint(f);  // one per key (the name it quotes), not one per file
          }
        }
      }
    }
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
