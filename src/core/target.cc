#include "core/target.h"

namespace keylint {

FileBytes& FileBytes::operator=(const FileBytes& other) {
  if (this == &other) return *this;
  if (other.borrowed()) {
    owned_.clear();
    view_ = other.view_;
  } else {
    owned_ = other.owned_;
    view_ = owned_;
  }
  return *this;
}

FileBytes& FileBytes::operator=(FileBytes&& other) noexcept {
  if (this == &other) return *this;
  if (other.borrowed()) {
    owned_.clear();
    view_ = other.view_;
  } else {
    owned_ = std::move(other.owned_);
    view_ = owned_;
  }
  other.clear();
  return *this;
}

FileBytes FileBytes::Borrow(std::string_view bytes) {
  FileBytes b;
  b.view_ = bytes;
  return b;
}

void FileBytes::clear() {
  std::string().swap(owned_);
  view_ = owned_;
}

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
