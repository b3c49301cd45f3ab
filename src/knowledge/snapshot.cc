#include "knowledge/snapshot.h"

#include <cstdint>
#include <cstring>
#include <map>
#include <type_traits>
#include <utility>
#include <vector>

namespace keylint {
namespace {

// Every field of every part of Knowledge, in one place for writing and reading. A field left out
// here would silently load as its default, so each struct's size is pinned below: adding a field
// changes it and stops the build until the field is listed here too.
template <class R, class T>
constexpr bool kIs = std::is_same_v<std::remove_const_t<R>, T>;

template <class V, class R>
std::enable_if_t<kIs<R, CredentialRule>> Visit(V& v, R& r) {
  v(r.id, r.provider, r.description, r.regex, r.keywords, r.min_entropy, r.exposure, r.stage,
    r.stage_markers, r.allow, r.allow_names, r.generic, r.assignment, r.after_name_regex, r.jwt,
    r.jwt_secret_roles, r.jwt_public_roles, r.jwt_skip_roles, r.jwt_public_issuers, r.decode,
    r.origin, r.builtin);
}
template <class V, class R>
std::enable_if_t<kIs<R, CredentialKnowledge>> Visit(V& v, R& r) {
  v(r.rules, r.placeholders, r.example_values, r.known_hashes, r.dev_words, r.default_words,
    r.dev_hosts, r.dev_jwt_issuers, r.fake_comments, r.template_comments, r.generic_allow,
    r.fragments);
}
template <class V, class R>
std::enable_if_t<kIs<R, RuleInfo>> Visit(V& v, R& r) {
  v(r.id, r.family, r.name, r.level, r.security_severity, r.precision, r.short_description,
    r.full_description, r.help, r.tags, r.cwe, r.enabled, r.default_off, r.builtin);
}
template <class V, class R>
std::enable_if_t<kIs<R, PathConvention>> Visit(V& v, R& r) {
  v(r.glob, r.side, r.reason, r.boundary);
}
template <class V, class R>
std::enable_if_t<kIs<R, PageDataSink>> Visit(V& v, R& r) {
  v(r.kind, r.name, r.property, r.argument, r.what, r.files);
}
template <class V, class R>
std::enable_if_t<kIs<R, BuildOutput>> Visit(V& v, R& r) {
  v(r.glob, r.frameworks, r.side, r.reason);
}
template <class V, class R>
std::enable_if_t<kIs<R, Framework>> Visit(V& v, R& r) {
  v(r.id, r.name, r.packages, r.public_prefixes, r.paths, r.server_exports, r.default_side,
    r.app_files, r.aliases, r.page_data, r.island_directives, r.render_directives,
    r.env_public_only);
}
template <class V, class R>
std::enable_if_t<kIs<R, BundlerConfig>> Visit(V& v, R& r) {
  v(r.name, r.files, r.inline_properties, r.inline_constructors);
}
template <class V, class R>
std::enable_if_t<kIs<R, EnvFileBundler>> Visit(V& v, R& r) {
  v(r.name, r.package, r.files);
}
template <class V, class R>
std::enable_if_t<kIs<R, ModuleResolution>> Visit(V& v, R& r) {
  v(r.extensions, r.conditions, r.entry_fields, r.built_dirs, r.extension_manifest_keys);
}
template <class V, class R>
std::enable_if_t<kIs<R, ExposureKnowledge>> Visit(V& v, R& r) {
  v(r.public_prefixes, r.directives, r.marker_imports, r.paths, r.frameworks, r.fallback_paths,
    r.build_output, r.bundlers, r.env_file_bundlers, r.data_wrappers,
    r.server_function_directives, r.server_runtime_guards, r.server_modules, r.client_modules,
    r.resolution);
}
template <class V, class R>
std::enable_if_t<kIs<R, Sdk>> Visit(V& v, R& r) {
  v(r.provider, r.packages, r.side, r.classes, r.secret_options, r.secret_positional,
    r.server_methods, r.deprecated_options, r.deprecated_message);
}
template <class V, class R>
std::enable_if_t<kIs<R, SdkKnowledge>> Visit(V& v, R& r) {
  v(r.secret_env_patterns, r.public_env_patterns, r.sdks);
}
template <class V, class R>
std::enable_if_t<kIs<R, EnvDirRule>> Visit(V& v, R& r) {
  v(r.stage, r.reason);
}
template <class V, class R>
std::enable_if_t<kIs<R, CarrierRule>> Visit(V& v, R& r) {
  v(r.format, r.what, r.paths, r.values, r.loads, r.stage, r.stage_reason, r.stage_from,
    r.inlines_public);
}
template <class V, class R>
std::enable_if_t<kIs<R, CiKnowledge>> Visit(V& v, R& r) {
  v(r.untrusted_triggers, r.pr_triggers, r.manual_triggers, r.prod_environments,
    r.test_build_commands, r.pr_checkout_markers, r.auto_confirm_vars, r.auto_confirm_flags,
    r.gitlab_mr_markers);
}
template <class V, class R>
std::enable_if_t<kIs<R, StageKnowledge>> Visit(V& v, R& r) {
  v(r.env_files, r.env_dirs, r.name_words, r.content_vars, r.carriers, r.tool_env_files,
    r.name_suffixes, r.name_prefixes, r.secret_name_words, r.secret_name_qualifiers,
    r.documented_local_prod_names, r.public_name_words, r.min_secret_entropy,
    r.min_secret_length, r.ci);
}
template <class V, class R>
std::enable_if_t<kIs<R, Settings>> Visit(V& v, R& r) {
  v(r.max_file_bytes, r.skip_paths, r.output_paths, r.allow_values, r.allow_paths, r.test_paths,
    r.test_modules, r.docs_paths);
}
template <class V, class R>
std::enable_if_t<kIs<R, Knowledge>> Visit(V& v, R& r) {
  v(r.rules, r.credentials, r.exposure, r.sdks, r.stages, r.settings);
}

// The sizes (libstdc++, 64-bit) the lists above were written against.
#if defined(__GLIBCXX__) && UINTPTR_MAX == UINT64_MAX
static_assert(sizeof(CredentialRule) == 432, "a field was added: list it in Visit(CredentialRule)");
static_assert(sizeof(CredentialKnowledge) == 312, "a field was added: list it in Visit(CredentialKnowledge)");
static_assert(sizeof(RuleInfo) == 328, "a field was added: list it in Visit(RuleInfo)");
static_assert(sizeof(PathConvention) == 80, "a field was added: list it in Visit(PathConvention)");
static_assert(sizeof(PageDataSink) == 136, "a field was added: list it in Visit(PageDataSink)");
static_assert(sizeof(BuildOutput) == 96, "a field was added: list it in Visit(BuildOutput)");
static_assert(sizeof(Framework) == 296, "a field was added: list it in Visit(Framework)");
static_assert(sizeof(BundlerConfig) == 104, "a field was added: list it in Visit(BundlerConfig)");
static_assert(sizeof(EnvFileBundler) == 88, "a field was added: list it in Visit(EnvFileBundler)");
static_assert(sizeof(ModuleResolution) == 120, "a field was added: list it in Visit(ModuleResolution)");
static_assert(sizeof(ExposureKnowledge) == 456, "a field was added: list it in Visit(ExposureKnowledge)");
static_assert(sizeof(Sdk) == 200, "a field was added: list it in Visit(Sdk)");
static_assert(sizeof(SdkKnowledge) == 72, "a field was added: list it in Visit(SdkKnowledge)");
static_assert(sizeof(EnvDirRule) == 40, "a field was added: list it in Visit(EnvDirRule)");
static_assert(sizeof(CarrierRule) == 216, "a field was added: list it in Visit(CarrierRule)");
static_assert(sizeof(CiKnowledge) == 216, "a field was added: list it in Visit(CiKnowledge)");
static_assert(sizeof(StageKnowledge) == 664, "a field was added: list it in Visit(StageKnowledge)");
static_assert(sizeof(Settings) == 176, "a field was added: list it in Visit(Settings)");
static_assert(sizeof(Knowledge) == 1704, "a field was added: list it in Visit(Knowledge)");
#endif

// Written at the start: a snapshot is read only by the build that wrote it.
constexpr char kMagic[] = "keylint knowledge snapshot 1";

class Writer {
 public:
  template <class... T>
  void operator()(const T&... fields) {
    (One(fields), ...);
  }
  std::string& out() { return out_; }

 private:
  void Size(uint64_t n) {
    do {
      out_.push_back(static_cast<char>((n & 0x7f) | (n > 0x7f ? 0x80 : 0)));
      n >>= 7;
    } while (n != 0);
  }
  void One(const std::string& s) {
    Size(s.size());
    out_.append(s);
  }
  void One(bool b) { out_.push_back(b ? 1 : 0); }
  void One(int n) { Size(static_cast<uint32_t>(n)); }
  void One(size_t n) { Size(n); }
  void One(double d) {
    char bytes[sizeof d];
    std::memcpy(bytes, &d, sizeof d);
    out_.append(bytes, sizeof d);
  }
  template <class E>
  std::enable_if_t<std::is_enum_v<E>> One(E e) {
    Size(static_cast<uint64_t>(e));
  }
  template <class A, class B>
  void One(const std::pair<A, B>& p) {
    One(p.first);
    One(p.second);
  }
  template <class T>
  void One(const std::vector<T>& list) {
    Size(list.size());
    for (const T& x : list) One(x);
  }
  template <class K, class T>
  void One(const std::map<K, T>& map) {
    Size(map.size());
    for (const auto& [key, value] : map) {
      One(key);
      One(value);
    }
  }
  template <class T>
  std::enable_if_t<std::is_class_v<T>> One(const T& part) {
    Visit(*this, part);
  }

  std::string out_;
};

// Bounds-checked: bytes it does not understand set ok() false and read as zeros from then on.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <class... T>
  void operator()(T&... fields) {
    (One(fields), ...);
  }
  bool ok() const { return ok_; }
  bool Expect(std::string_view bytes) {
    if (in_.substr(0, bytes.size()) != bytes) return ok_ = false;
    in_.remove_prefix(bytes.size());
    return true;
  }
  bool AtEnd() const { return in_.empty(); }

 private:
  uint64_t Size() {
    uint64_t n = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (in_.empty()) break;
      const auto byte = static_cast<unsigned char>(in_.front());
      in_.remove_prefix(1);
      n |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return n;
    }
    ok_ = false;
    return 0;
  }
  // A count of items, each at least one byte: more than the bytes left is damage.
  size_t Count() {
    uint64_t n = Size();
    if (n > in_.size()) ok_ = false;
    return ok_ ? static_cast<size_t>(n) : 0;
  }
  void One(std::string& s) {
    size_t n = Count();
    s.assign(in_.data(), n);
    in_.remove_prefix(n);
  }
  void One(bool& b) { b = Size() != 0; }
  void One(int& n) { n = static_cast<int>(static_cast<uint32_t>(Size())); }
  void One(size_t& n) { n = static_cast<size_t>(Size()); }
  void One(double& d) {
    if (in_.size() < sizeof d) {
      ok_ = false;
      d = 0;
      return;
    }
    std::memcpy(&d, in_.data(), sizeof d);
    in_.remove_prefix(sizeof d);
  }
  template <class E>
  std::enable_if_t<std::is_enum_v<E>> One(E& e) {
    e = static_cast<E>(Size());
  }
  template <class A, class B>
  void One(std::pair<A, B>& p) {
    One(p.first);
    One(p.second);
  }
  template <class T>
  void One(std::vector<T>& list) {
    list.resize(Count());
    for (T& x : list) One(x);
  }
  template <class K, class T>
  void One(std::map<K, T>& map) {
    map.clear();
    for (size_t n = Count(); n > 0 && ok_; --n) {
      std::pair<K, T> entry;
      One(entry.first);
      One(entry.second);
      map.insert(map.end(), std::move(entry));
    }
  }
  template <class T>
  std::enable_if_t<std::is_class_v<T>> One(T& part) {
    Visit(*this, part);
  }

  std::string_view in_;
  bool ok_ = true;
};

}  // namespace

std::string WriteKnowledgeSnapshot(const Knowledge& k) {
  Writer w;
  w.out().append(kMagic, sizeof kMagic);
  w(k);
  return std::move(w.out());
}

bool ReadKnowledgeSnapshot(std::string_view bytes, Knowledge* k) {
  Reader r(bytes);
  if (!r.Expect(std::string_view(kMagic, sizeof kMagic))) return false;
  r(*k);
  return r.ok() && r.AtEnd();
}

}  // namespace keylint
