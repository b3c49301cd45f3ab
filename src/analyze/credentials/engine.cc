#include "analyze/credentials/engine.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <functional>
#include <map>
#include <mutex>
#include <set>

#include <re2/re2.h>
#include <re2/set.h>

#include "analyze/credentials/decode.h"
#include "analyze/credentials/jwt.h"
#include "analyze/credentials/keyword_db.h"
#include "analyze/credentials/prefilter.h"
#include "analyze/credentials/value_shape.h"
#include "core/sha256.h"
#include "core/text.h"

namespace keylint {
namespace {

RE2::Options QuietOptions() {
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_max_mem(16 << 20);
  return opts;
}

// Whether a value matches any of a list of patterns, in one DFA pass (RE2::Set) rather than one
// search per pattern: the filters run on every candidate secret, and code is full of candidates
// (`token: this.scanner.token`). Patterns that do not compile are left out (the loader already
// rejected them for user configs, and credentials_test compiles every embedded one).
class AnyOf {
 public:
  AnyOf() = default;
  explicit AnyOf(const std::vector<std::string>& patterns) {
    if (patterns.empty()) return;
    auto set = std::make_unique<RE2::Set>(QuietOptions(), RE2::UNANCHORED);
    for (const std::string& p : patterns) {
      auto re = std::make_unique<RE2>(p, QuietOptions());
      if (!re->ok()) continue;
      set->Add(p, nullptr);
      each_.push_back(std::move(re));
    }
    if (!each_.empty() && set->Compile()) set_ = std::move(set);
  }
  bool Matches(std::string_view value) const {
    if (each_.empty()) return false;
    RE2::Set::ErrorInfo error;
    if (set_ != nullptr && set_->Match(value, nullptr, &error)) return true;
    if (set_ != nullptr && error.kind == RE2::Set::kNoError) return false;
    // No set, or its DFA ran out of memory: one search per pattern.
    for (const auto& re : each_) {
      if (RE2::PartialMatch(value, *re)) return true;
    }
    return false;
  }

 private:
  std::unique_ptr<RE2::Set> set_;
  std::vector<std::unique_ptr<RE2>> each_;
};

// The printable text `value` encodes when it is standard base64 (at least 12 characters, a
// multiple of 4 with its padding); nullopt otherwise. Random keys decode to binary.
std::optional<std::string> DecodedText(std::string_view value) {
  if (value.size() < 12 || value.size() % 4 != 0) return std::nullopt;
  for (char c : value) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '+' || c == '/' || c == '=';
    if (!ok) return std::nullopt;
  }
  std::optional<std::string> decoded = DecodeBase64Url(value);
  if (!decoded || decoded->empty()) return std::nullopt;
  for (char c : *decoded) {
    if (c < 0x20 || c > 0x7e) return std::nullopt;
  }
  return decoded;
}

bool Contains(const std::vector<std::string>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// The exposure a jwt rule gives the token `value` at time `now` (seconds since the epoch), or
// nullopt when it is not this rule's match (see CredentialRule::jwt).
std::optional<Exposure> JudgeJwt(const CredentialRule& rule, std::string_view value, int64_t now,
                                 const std::function<bool(std::string_view)>& is_placeholder) {
  std::optional<JwtClaims> claims = DecodeJwt(value);
  if (!claims) return std::nullopt;
  // Documentation tokens say so in who they name: jwt.io's "sub": "1234567890", an example.com
  // issuer.
  for (const std::string& who : claims->subject) {
    if (is_placeholder(who)) return std::nullopt;
  }
  // An unsigned token proves nothing, and an expired one opens nothing. Nor does one whose
  // signature is shorter than any algorithm's (HS256 signs with 32 bytes: 43 characters), as in
  // hand-written test tokens ending ".abc123".
  const size_t signature = value.size() - value.rfind('.') - 1;
  if (claims->alg == "none" || claims->alg == "None" || signature < 43 ||
      (claims->exp && *claims->exp < now)) {
    return std::nullopt;
  }
  for (const std::string& issuer : rule.jwt_public_issuers) {
    if (!claims->iss.empty() && claims->iss.compare(0, issuer.size(), issuer) == 0) {
      return Exposure::kPublic;
    }
  }
  bool secret_role = false, public_role = false;
  for (const std::string& role : claims->roles) {
    if (Contains(rule.jwt_skip_roles, role)) return std::nullopt;
    secret_role = secret_role || Contains(rule.jwt_secret_roles, role);
    public_role = public_role || Contains(rule.jwt_public_roles, role);
  }
  if (secret_role) return Exposure::kSecret;
  if (public_role) return Exposure::kPublic;
  if (rule.jwt_secret_roles.empty()) return Exposure::kSecret;
  return std::nullopt;
}

// A match before overlap resolution: the secret's bytes and the whole match's.
struct Candidate {
  CredentialMatch match;
  size_t rule_index = 0;
  size_t whole_begin = 0;
  size_t whole_end = 0;
};

// Whether `a` beats `b` where their secrets overlap (see Scan() in credentials.h).
bool Beats(const Candidate& a, const Candidate& b) {
  if (a.match.rule->generic != b.match.rule->generic) return !a.match.rule->generic;
  size_t wa = a.whole_end - a.whole_begin, wb = b.whole_end - b.whole_begin;
  if (wa != wb) return wa > wb;
  size_t sa = a.match.end - a.match.begin, sb = b.match.end - b.match.begin;
  if (sa != sb) return sa > sb;
  return a.rule_index < b.rule_index;
}

}  // namespace

// One rule, its regex compiled on first use.
struct CompiledRule {
  const CredentialRule* rule = nullptr;
  std::once_flag once;
  std::unique_ptr<RE2> re;  // null when the regex does not compile
  int secret_group = 0;     // 0: the whole match
  int host_group = 0;       // the group `host` of a connection URL; 0: none
  MatchExtent extent;       // from the pattern, at construction (cheap: no compiling)
  bool windowed = false;    // Windowable(extent): Scan() runs it over keyword windows only
  // A built-in rule over a name and its value ({{assign}}) whose keywords are made of name
  // bytes: the most bytes a match reaches past its name, and Scan() runs it over NameWindows
  // only. kUnbounded: not known (keyword windows, if any).
  size_t after_name_max = MatchExtent::kUnbounded;
  // Its keywords in the scanner's KeywordLocator; empty when one of them is empty or not ASCII,
  // which the locator cannot see (the rule is then a candidate in every text).
  std::vector<int> keyword_ids;
  AnyOf allow;
  AnyOf allow_names;

  void Build() {
    std::call_once(once, [this] {
      auto compiled = std::make_unique<RE2>(rule->regex, QuietOptions());
      if (!compiled->ok()) return;
      auto names = compiled->NamedCapturingGroups();
      auto it = names.find("secret");
      secret_group = it == names.end() ? 0 : it->second;
      auto host = names.find("host");
      host_group = host == names.end() ? 0 : host->second;
      allow = AnyOf(rule->allow);
      allow_names = AnyOf(rule->allow_names);
      re = std::move(compiled);
    });
  }
};

struct CredentialScanner::Impl {
  std::vector<std::unique_ptr<CompiledRule>> rules;
  std::unique_ptr<KeywordPrefilter> prefilter;
  std::unique_ptr<KeywordLocator> locator;  // every rule's keywords, when ASCII
  std::set<std::string, std::less<>> examples;
  std::vector<std::string> placeholder_patterns;
  std::set<std::string, std::less<>> known_hashes;  // SHA-256 hex of well-known public credentials
  DevWords dev_words;
  std::vector<std::string> allow_value_patterns;
  std::vector<std::string> generic_allow_patterns;
  std::vector<std::string> dev_host_patterns;
  std::vector<std::string> dev_jwt_issuers;
  std::vector<std::string> fake_comment_patterns;
  std::vector<std::string> template_comment_patterns;
  std::once_flag filters_once;
  AnyOf placeholders;
  AnyOf allow_values;
  AnyOf generic_allow;
  AnyOf dev_hosts;
  AnyOf fake_comments;
  AnyOf template_comments;
  int64_t now = 0;  // seconds since the epoch, at construction: JWT expiry is judged against it

  void BuildFilters() {
    std::call_once(filters_once, [this] {
      placeholders = AnyOf(placeholder_patterns);
      allow_values = AnyOf(allow_value_patterns);
      generic_allow = AnyOf(generic_allow_patterns);
      dev_hosts = AnyOf(dev_host_patterns);
      fake_comments = AnyOf(fake_comment_patterns);
      template_comments = AnyOf(template_comment_patterns);
    });
  }

  bool IsPlaceholder(std::string_view value) {
    if (examples.count(value)) return true;
    BuildFilters();
    if (placeholders.Matches(value) || LooksTyped(value)) return true;
    if (value.substr(0, 3) == "eyJ") {
      std::optional<std::string> payload = JwtPayload(value);
      if (payload && IssuedForLocalDev(*payload)) return true;
    }
    if (!known_hashes.empty() && known_hashes.count(Sha256Hex(value)) > 0) return true;
    // A placeholder written in base64 (a Secret manifest's or a CI variable's
    // eW91ci1rZXktaGVyZQ== is "your-key-here") is still a placeholder.
    std::optional<std::string> text = DecodedText(value);
    return text && (examples.count(*text) || placeholders.Matches(*text));
  }

  // A JWT a local dev stack signs with its published secret: the issuer is a dev issuer
  // (supabase-demo, `supabase start`'s default keys) or a URL on a dev host.
  bool IssuedForLocalDev(std::string_view payload) {
    std::optional<std::string> iss = JsonStringClaim(payload, "iss");
    if (!iss) return false;
    if (std::find(dev_jwt_issuers.begin(), dev_jwt_issuers.end(), *iss) != dev_jwt_issuers.end()) {
      return true;
    }
    size_t scheme = iss->find("://");
    if (scheme == std::string::npos) return false;
    std::string_view host(*iss);
    host.remove_prefix(scheme + 3);
    host = host.substr(0, host.find('/'));
    BuildFilters();
    return dev_hosts.Matches(host);
  }

  // What generic rules know beyond a value's shape: syntax that is not a value, a dev default
  // that describes itself or repeats the name it is assigned to.
  bool CannotBeSecret(std::string_view name, std::string_view value) {
    BuildFilters();
    return generic_allow.Matches(value) || DescribesItself(value, dev_words) ||
           RepeatsName(name, value);
  }

  // Every accepted match of rule `index` in `text` that lies inside one of `ranges` (sorted,
  // disjoint; null: the whole text), appended to *out. The regex always sees the whole text as
  // context, so \b, ^ and \z at a range's edge read the bytes beyond it.
  void RunRule(size_t index, std::string_view text, const std::vector<ByteRange>* ranges,
               std::vector<Candidate>* out);
  // With `prefilter`, only candidate rules run, over keyword windows where their shape allows.
  std::vector<CredentialMatch> Scan(std::string_view text, bool prefilter);
};

void CredentialScanner::Impl::RunRule(size_t index, std::string_view text,
                                      const std::vector<ByteRange>* ranges,
                                      std::vector<Candidate>* out) {
  CompiledRule& cr = *rules[index];
  cr.Build();
  if (!cr.re) return;
  const ByteRange whole{0, text.size()};
  const ByteRange* range = ranges ? ranges->data() : &whole;
  const ByteRange* const ranges_end = ranges ? range + ranges->size() : &whole + 1;
  const CredentialRule& rule = *cr.rule;
  const int ngroups = cr.re->NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> groups(ngroups);
  size_t pos = 0;
  // The same loop as over the whole text, resumed in each range: every match lies inside one
  // range (KeywordWindows), and a match found inside a range is one the whole-text search finds.
  while (true) {
    while (range != ranges_end && pos > range->end) ++range;
    if (range == ranges_end) break;
    pos = std::max(pos, range->begin);
    if (!cr.re->Match(text, pos, range->end, RE2::UNANCHORED, groups.data(), ngroups)) {
      ++range;
      continue;
    }
    re2::StringPiece whole = groups[0];
    re2::StringPiece secret = groups[cr.secret_group];
    if (secret.data() == nullptr) secret = whole;
    size_t whole_begin = whole.data() - text.data();
    size_t begin = secret.data() - text.data();
    size_t end = begin + secret.size();
    // Resume after the secret, not the whole match: a trailing guard character may start the
    // next credential.
    pos = std::max(end, whole_begin + 1);

    std::string_view value(secret.data(), secret.size());
    if (value.empty()) continue;
    // What is judged: the value itself, or the password inside a Basic credential.
    std::string_view judged = value;
    std::optional<BasicCredential> basic;
    if (rule.decode == CredentialRule::Decode::kBasicAuth) {
      basic = DecodeBasicAuth(value);
      if (!basic || IsPlaceholder(basic->user)) continue;
      judged = basic->password;
    }
    if (judged.empty()) continue;
    if (rule.min_entropy > 0 && ShannonEntropy(judged) < rule.min_entropy) continue;
    // The rule's own allow list first: it rejects most code-like values (member accesses, type
    // names) before the global filters are asked.
    if (cr.allow.Matches(judged) || IsPlaceholder(judged) || allow_values.Matches(judged)) {
      continue;
    }
    // A key-shaped run inside a URL's path is a slug or an id (a docs page ending -key-<hex>).
    if (InsideUrlPath(text, begin)) continue;
    // The code says so itself: `secret: "whsec_…", // dummy secret`, or a comment line above.
    if (fake_comments.Matches(TrailingComment(text, end)) ||
        fake_comments.Matches(CommentAbove(text, begin))) {
      continue;
    }
    if (cr.host_group > 0 && groups[cr.host_group].data() != nullptr &&
        dev_hosts.Matches(std::string_view(groups[cr.host_group].data(), groups[cr.host_group].size()))) {
      continue;
    }
    // A generic value written in words is a label or a name (`"secret-key", "functions-key"`).
    if (rule.generic && !rule.jwt && WrittenInWords(judged)) continue;
    if (rule.assignment) {
      if (!ClosesItsQuote(text, begin, end)) continue;
      std::string_view name = AssignedName(text, whole_begin, begin);
      if (cr.allow_names.Matches(name) || CannotBeSecret(name, judged)) continue;
    }
    // A JWT is judged by its claims (the jwt rules), never by its shape under a secret-sounding
    // name: an expired token or an anon key in ACCESS_TOKEN= is not a generic secret.
    if (rule.generic && !rule.jwt && value.size() > 16 && value.substr(0, 3) == "eyJ" &&
        JwtPayload(value)) {
      continue;
    }
    Exposure exposure = rule.exposure;
    if (rule.jwt) {
      std::optional<Exposure> judged_exposure =
          JudgeJwt(rule, value, now, [this](std::string_view s) { return IsPlaceholder(s); });
      if (!judged_exposure) continue;
      exposure = *judged_exposure;
    }
    Candidate c;
    c.rule_index = index;
    c.whole_begin = whole_begin;
    c.whole_end = whole_begin + whole.size();
    c.match.rule = &rule;
    c.match.begin = begin;
    c.match.end = end;
    c.match.secret = Secret(value);
    c.match.exposure = exposure;
    c.match.stage = rule.stage;
    for (const auto& [marker, stage] : rule.stage_markers) {
      if (value.find(marker) != std::string_view::npos) {
        c.match.stage = stage;
        break;
      }
    }
    out->push_back(std::move(c));
  }
}

std::vector<CredentialMatch> CredentialScanner::Impl::Scan(std::string_view text, bool prefilter) {
  std::vector<Candidate> found;
  if (!prefilter) {
    for (size_t i = 0; i < rules.size(); ++i) RunRule(i, text, nullptr, &found);
  } else {
    // One pass finds every keyword. A text holding a non-ASCII character that folds to an ASCII
    // letter (rare) may hide a keyword from it: candidates then come from the RE2::Set, which
    // folds Unicode, and the rules that fold case run over the whole text.
    const bool folding = HasAsciiFoldingChars(text);
    std::vector<std::vector<size_t>> hits;
    locator->Locate(text, &hits);
    std::vector<bool> candidates;
    if (folding) candidates = this->prefilter->Candidates(text);
    std::vector<ByteRange> occurrences;
    for (size_t i = 0; i < rules.size(); ++i) {
      const CompiledRule& cr = *rules[i];
      bool candidate = cr.keyword_ids.empty();
      for (int k : cr.keyword_ids) candidate = candidate || !hits[k].empty();
      if (folding) candidate = candidates[i];
      if (!candidate) continue;
      const bool by_name = cr.after_name_max != MatchExtent::kUnbounded;
      if (!(cr.windowed || by_name) || (folding && cr.extent.folds_case)) {
        RunRule(i, text, nullptr, &found);
        continue;
      }
      occurrences.clear();
      for (int k : cr.keyword_ids) {
        size_t len = locator->keywords()[k].size();
        for (size_t at : hits[k]) occurrences.push_back(ByteRange{at, at + len});
      }
      std::vector<ByteRange> ranges = by_name ? NameWindows(text, occurrences, cr.after_name_max)
                                              : KeywordWindows(text, occurrences, cr.extent);
      if (ranges.empty()) continue;  // nothing to run, nor to compile
      size_t covered = 0;
      for (const ByteRange& r : ranges) covered += r.end - r.begin;
      // Windows over most of the text save nothing: one pass is cheaper than many calls.
      RunRule(i, text, covered > text.size() / 2 ? nullptr : &ranges, &found);
    }
  }
  // Greedy by strength: the strongest candidate keeps its bytes. O(n^2) in matches per file,
  // which are few.
  std::vector<size_t> order(found.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return Beats(found[a], found[b]); });
  std::vector<const Candidate*> kept;
  for (size_t i : order) {
    const Candidate& c = found[i];
    bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const Candidate* k) {
      return c.match.begin < k->match.end && k->match.begin < c.match.end;
    });
    if (!overlaps) kept.push_back(&c);
  }
  std::sort(kept.begin(), kept.end(), [](const Candidate* a, const Candidate* b) {
    if (a->match.begin != b->match.begin) return a->match.begin < b->match.begin;
    return a->rule_index < b->rule_index;
  });
  std::vector<CredentialMatch> out;
  out.reserve(kept.size());
  for (const Candidate* c : kept) out.push_back(c->match);
  return out;
}

CredentialScanner::CredentialScanner(const Knowledge& knowledge) : impl_(new Impl) {
  std::vector<std::vector<std::string>> keywords;
  std::vector<std::string> ascii_keywords = LocatableKeywords(knowledge.credentials.rules);
  std::map<std::string, int, std::less<>> keyword_index;
  for (size_t i = 0; i < ascii_keywords.size(); ++i) {
    keyword_index.emplace(ascii_keywords[i], static_cast<int>(i));
  }
  for (const CredentialRule& rule : knowledge.credentials.rules) {
    auto cr = std::make_unique<CompiledRule>();
    cr->rule = &rule;
    cr->extent = AnalyzeExtent(rule.regex);
    const bool all_locatable = AllLocatable(rule);
    if (all_locatable) {
      for (const std::string& k : rule.keywords) {
        cr->keyword_ids.push_back(keyword_index.find(ToLower(k))->second);
      }
    }
    // A user's rule keeps whole-text scans: nothing has checked its keywords against its matches
    // as closely as the built-in rules' differential tests do.
    cr->windowed = rule.builtin && all_locatable && Windowable(cr->extent);
    const bool names = std::all_of(rule.keywords.begin(), rule.keywords.end(), [](const std::string& k) {
      return std::all_of(k.begin(), k.end(), IsNameByte);
    });
    if (rule.builtin && !rule.after_name_regex.empty() && all_locatable && names) {
      MatchExtent after = AnalyzeExtent(rule.after_name_regex);
      if (after.known) cr->after_name_max = after.max_len;
    }
    impl_->rules.push_back(std::move(cr));
    keywords.push_back(rule.keywords);
  }
  const EmbeddedKeywordDb db = BuiltinKeywordDb();
  impl_->locator = std::make_unique<KeywordLocator>(std::move(ascii_keywords), &db);
  impl_->prefilter = std::make_unique<KeywordPrefilter>(std::move(keywords));
  impl_->examples.insert(knowledge.credentials.example_values.begin(),
                         knowledge.credentials.example_values.end());
  impl_->placeholder_patterns = knowledge.credentials.placeholders;
  impl_->allow_value_patterns = knowledge.settings.allow_values;
  impl_->known_hashes.insert(knowledge.credentials.known_hashes.begin(),
                             knowledge.credentials.known_hashes.end());
  impl_->dev_words = {knowledge.credentials.dev_words, knowledge.credentials.default_words};
  impl_->generic_allow_patterns = knowledge.credentials.generic_allow;
  impl_->dev_host_patterns = knowledge.credentials.dev_hosts;
  impl_->fake_comment_patterns = knowledge.credentials.fake_comments;
  impl_->template_comment_patterns = knowledge.credentials.template_comments;
  impl_->dev_jwt_issuers = knowledge.credentials.dev_jwt_issuers;
  impl_->now = static_cast<int64_t>(std::time(nullptr));
}

CredentialScanner::~CredentialScanner() = default;

std::vector<CredentialMatch> CredentialScanner::Scan(std::string_view text) const {
  return impl_->Scan(text, /*prefilter=*/true);
}

std::vector<CredentialMatch> CredentialScanner::ScanWithoutPrefilter(std::string_view text) const {
  return impl_->Scan(text, /*prefilter=*/false);
}

bool CredentialScanner::IsPlaceholder(std::string_view value) const {
  return impl_->IsPlaceholder(value);
}

bool CredentialScanner::TemplateExample(std::string_view text, size_t begin, size_t end) const {
  impl_->BuildFilters();
  return impl_->template_comments.Matches(TrailingComment(text, end)) ||
         impl_->template_comments.Matches(CommentAbove(text, begin));
}

bool CredentialScanner::CannotBeSecret(std::string_view name, std::string_view value) const {
  return impl_->IsPlaceholder(value) || WrittenInWords(value) || impl_->CannotBeSecret(name, value);
}

void KeepStringValuesOfGenericRules(std::string_view text, std::vector<CredentialMatch>* matches) {
  matches->erase(std::remove_if(matches->begin(), matches->end(),
                                [&](const CredentialMatch& m) {
                                  if (!m.rule || !m.rule->assignment) return false;
                                  char before = m.begin > 0 ? text[m.begin - 1] : '\0';
                                  return before != '"' && before != '\'' && before != '`';
                                }),
                 matches->end());
}

}  // namespace keylint
