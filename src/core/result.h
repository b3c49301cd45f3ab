// Errors as values. Result<T> stands in for C++23 std::expected: a T, or an Error saying what went
// wrong and where. Exceptions thrown by libraries (toml++, nlohmann/json, CLI11) are caught at the
// adapter that calls them and turned into an Error; none crosses a stage boundary.
#ifndef KEYLINT_CORE_RESULT_H_
#define KEYLINT_CORE_RESULT_H_

#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "core/secret.h"

namespace keylint {

// Where and what. `origin` is a file path (relative to the scanned root when it is a scanned file)
// or a pseudo-origin such as "rules/credentials.toml" or "--format"; `line` is 1-based, 0 if none.
struct Error {
  std::string origin;
  int line = 0;
  std::string message;

  // "origin:line: message", or "origin: message" without a line.
  std::string ToString() const {
    std::string s = origin;
    if (line > 0) s += ":" + std::to_string(line);
    if (!s.empty()) s += ": ";
    return s + MaskCredentialsIn(message);  // errors echo config values and regexes
  }
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}     // NOLINT: implicit by design

  bool ok() const { return v_.index() == 0; }
  // REQUIRES: ok().
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  // REQUIRES: !ok().
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// A Result with no value: success is an empty optional, so returning it costs nothing.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)) {}  // NOLINT: implicit by design
  bool ok() const { return !error_.has_value(); }
  // REQUIRES: !ok().
  const Error& error() const { return *error_; }

 private:
  std::optional<Error> error_;
};

}  // namespace keylint

#endif  // KEYLINT_CORE_RESULT_H_
