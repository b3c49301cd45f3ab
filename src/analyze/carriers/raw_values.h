// What a carrier's reader finds in its file, before any judgement: names given values, and env
// files loaded. Internal to src/analyze/carriers/. Offsets are bytes into the file's text.
#ifndef KEYLINT_ANALYZE_CARRIERS_RAW_VALUES_H_
#define KEYLINT_ANALYZE_CARRIERS_RAW_VALUES_H_

#include <string>
#include <string_view>
#include <vector>

#include "analyze/ci/yaml_tree.h"
#include "knowledge/stage_rules.h"

namespace keylint {

struct RawAssignment {
  std::string key;
  size_t key_begin = 0, key_end = 0;
  size_t value_begin = 0, value_end = 0;
  // REQUIRES: never copied into a finding; the driver masks and hashes it.
  std::string value;
  // The name of the profile, context or stage the value is under (eas.json's "production"), when
  // the path said {stage}; empty: the file's stage.
  std::string profile;
  bool reference_only = false;  // ${X}, $(shell ...), {{ .Values.x }}: nothing literal assigned
};

struct RawLoad {
  std::string path;  // as written
  size_t begin = 0, end = 0;
};

struct RawValues {
  std::vector<RawAssignment> assignments;
  std::vector<RawLoad> loads;
  // The scalar at the rule's stage_from path (serverless provider.stage), if any.
  std::string stage_name;
};

// Whether a value only refers to something else: a shell/compose expansion ($X, ${X}, $(cmd)), a
// template ({{ ... }}), a Terraform/Serverless reference (${self:...}).
bool IsReferenceValue(std::string_view value);

// YAML and JSON (read with tree-sitter-yaml: JSON is YAML), and TOML turned into the same tree.
void ReadYamlValues(const YamlNode& root, std::string_view text, const CarrierRule& rule,
                    RawValues* out);
// netlify.toml and friends: [a.b.c] tables, key = "string" pairs and one-line inline tables.
// Enough TOML for deploy configs; anything else is skipped. Written by hand: toml++ keeps no
// byte offsets for values and throws on the first error.
YamlNode ParseTomlTree(std::string_view text);

// Line formats: Dockerfile ENV/ARG, shell assignments, Makefile variables, Terraform .tfvars.
void ReadDockerfileValues(std::string_view text, RawValues* out);
void ReadShellValues(std::string_view text, RawValues* out);
void ReadMakefileValues(std::string_view text, RawValues* out);
void ReadHclValues(std::string_view text, RawValues* out);

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_CARRIERS_RAW_VALUES_H_
