#include "analyze/carriers/carriers.h"

#include <algorithm>
#include <set>
#include <string>

#include "analyze/carriers/raw_values.h"
#include "analyze/env/public_prefix.h"
#include "analyze/env/stage_checks.h"
#include "analyze/env/value.h"
#include "classify/classify.h"
#include "core/text.h"

namespace keylint {
namespace {

bool IsStage(Stage s) {
  return s == Stage::kDev || s == Stage::kTest || s == Stage::kStaging || s == Stage::kProd;
}

Stage StageOfWord(const StageKnowledge& k, const std::string& name) {
  auto it = k.name_words.find(ToLower(name));
  return it == k.name_words.end() ? Stage::kUnknown : it->second;
}

// `path` as written in `from`'s folder, normalised: "./.env" and "../x/.env" resolved.
std::string ResolvePath(const std::string& from, const std::string& path) {
  std::vector<std::string> parts;
  std::string joined = path;
  if (path.empty() || path[0] != '/') {
    size_t slash = from.rfind('/');
    joined = (slash == std::string::npos ? "" : from.substr(0, slash + 1)) + path;
  }
  size_t start = 0;
  while (start <= joined.size()) {
    size_t end = joined.find('/', start);
    if (end == std::string::npos) end = joined.size();
    std::string part = joined.substr(start, end - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = end + 1;
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

}  // namespace

void AnalyzeCarrier(const Target& target, const FileFacts& facts, const Knowledge& knowledge,
                    const CredentialScanner& scanner,
                    const std::vector<CredentialMatch>& credentials, YamlParser* yaml,
                    FileAnalysis* out) {
  if (facts.is_docs || facts.carrier < 0) return;
  const StageKnowledge& sk = knowledge.stages;
  const CarrierRule& rule = sk.carriers[static_cast<size_t>(facts.carrier)];
  const std::string_view text = target.bytes;

  RawValues raw;
  if (rule.format == "yaml") {
    if (!yaml->ok()) return;
    YamlDocument doc = yaml->Parse(text);
    ReadYamlValues(doc.root, text, rule, &raw);
  } else if (rule.format == "toml") {
    ReadYamlValues(ParseTomlTree(text), text, rule, &raw);
  } else if (rule.format == "dockerfile") {
    ReadDockerfileValues(text, &raw);
  } else if (rule.format == "shell") {
    ReadShellValues(text, &raw);
  } else if (rule.format == "makefile") {
    ReadMakefileValues(text, &raw);
  } else if (rule.format == "hcl") {
    ReadHclValues(text, &raw);
  }

  Stage file_stage = facts.stage;
  std::string file_reason;
  if (file_stage == Stage::kUnknown && !raw.stage_name.empty()) {
    file_stage = StageOfWord(sk, raw.stage_name);
    if (file_stage != Stage::kUnknown) {
      out->verbose_note = "stage " + std::string(StageName(file_stage)) + " from " +
                          rule.stage_from + ": " + raw.stage_name;
    }
  }

  const LineIndex lines(text);
  std::set<size_t> seen;  // value offsets: an anchor merged into three services is one value
  for (const RawAssignment& r : raw.assignments) {
    if (r.key.empty() || !seen.insert(r.value_begin).second) continue;
    Stage stage = r.profile.empty() ? file_stage : StageOfWord(sk, r.profile);
    EnvValueFacts v = ClassifyEnvValue(r.key, r.value, r.reference_only, r.value_begin,
                                       r.value_end, credentials, scanner, knowledge);
    // Whatever the profile's stage: a client build inlines its public-prefixed names.
    if (rule.inlines_public) {
      CheckPublicPrefixedSecret(knowledge, r.key, v, stage,
                                lines.Span(target.path, r.key_begin, std::max(r.key_end, r.value_end)), out);
    }
    if (!IsStage(stage)) continue;
    StageAssignment a;
    a.key = r.key;
    a.key_location = lines.Span(target.path, r.key_begin, r.key_end);
    a.value_location = lines.Span(target.path, r.value_begin, r.value_end);
    a.stage = stage;
    a.where = r.profile.empty()
                  ? std::string(StageName(stage)) + " " + rule.what + " " + target.path
                  : rule.what + " '" + r.profile + "' (" + StageName(stage) + ") in " + target.path;
    a.reference_only = r.reference_only;
    a.tracked = target.tracked;
    CheckAssignmentStage(a, v, knowledge, out);
    RecordAssignment(a, v, out);
  }

  // Env files loaded by a dev or test file: a production one brings production keys along.
  if (file_stage != Stage::kDev && file_stage != Stage::kTest) return;
  for (const RawLoad& l : raw.loads) {
    if (IsReferenceValue(l.path)) continue;
    Target loaded;
    loaded.path = ResolvePath(target.path, l.path);
    FileFacts lf;
    lf.kind = FileKind::kDotenv;
    ClassifyStage(loaded, knowledge, &lf);
    if (lf.stage != Stage::kProd) continue;
    EnvFileLoad load;
    load.location = lines.Span(target.path, l.begin, l.end);
    load.loaded_path = loaded.path;
    load.loader_stage = file_stage;
    load.where = std::string(StageName(file_stage)) + " " + rule.what + " " + target.path;
    out->facts.env_file_loads.push_back(std::move(load));
  }
}

}  // namespace keylint
