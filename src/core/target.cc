#include "core/target.h"

namespace keylint {

const char* SideName(Side side) {
  switch (side) {
    case Side::kClient: return "client";
    case Side::kServer: return "server";
    case Side::kShared: return "shared";
    case Side::kUnknown: return "unknown";
  }
  return "unknown";
}

const char* StageName(Stage stage) {
  switch (stage) {
    case Stage::kDev: return "dev";
    case Stage::kTest: return "test";
    case Stage::kStaging: return "staging";
    case Stage::kProd: return "prod";
    case Stage::kCi: return "ci";
    case Stage::kTemplate: return "template";
    case Stage::kUnknown: return "unknown";
  }
  return "unknown";
}

const char* LanguageName(Language language) {
  switch (language) {
    case Language::kJavaScript: return "javascript";
    case Language::kTypeScript: return "typescript";
    case Language::kTsx: return "tsx";
    case Language::kDotenv: return "dotenv";
    case Language::kYaml: return "yaml";
    case Language::kJson: return "json";
    case Language::kOther: return "other";
  }
  return "other";
}

}  // namespace keylint
