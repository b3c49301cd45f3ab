#include "analyze/credentials/engine.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <set>

#include <re2/re2.h>

#include "analyze/credentials/jwt.h"
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

// Compiles each pattern once; patterns that do not compile are left out (the loader already
// rejected them for user configs, and credentials_test compiles every embedded one).
std::vector<std::unique_ptr<RE2>> CompileAll(const std::vector<std::string>& patterns) {
  std::vector<std::unique_ptr<RE2>> out;
  for (const std::string& p : patterns) {
    auto re = std::make_unique<RE2>(p, QuietOptions());
    if (re->ok()) out.push_back(std::move(re));
  }
  return out;
}

bool AnyMatches(const std::vector<std::unique_ptr<RE2>>& res, std::string_view value) {
  for (const auto& re : res) {
    if (RE2::PartialMatch(value, *re)) return true;
  }
  return false;
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
  std::vector<int> keyword_ids;  // windowed: its keywords in the scanner's KeywordLocator
  std::vector<std::unique_ptr<RE2>> allow;
  std::vector<std::unique_ptr<RE2>> allow_names;

  void Build() {
    std::call_once(once, [this] {
      auto compiled = std::make_unique<RE2>(rule->regex, QuietOptions());
      if (!compiled->ok()) return;
      auto names = compiled->NamedCapturingGroups();
      auto it = names.find("secret");
      secret_group = it == names.end() ? 0 : it->second;
      auto host = names.find("host");
      host_group = host == names.end() ? 0 : host->second;
      allow = CompileAll(rule->allow);
      allow_names = CompileAll(rule->allow_names);
      re = std::move(compiled);
    });
  }
};

struct CredentialScanner::Impl {
  std::vector<std::unique_ptr<CompiledRule>> rules;
  std::unique_ptr<KeywordPrefilter> prefilter;
  std::unique_ptr<KeywordLocator> locator;  // the keywords of the windowed rules
  std::set<std::string, std::less<>> examples;
  std::set<std::string, std::less<>> known_hashes;  // SHA-256 hex of well-known public credentials
  DevWords dev_words;
  std::vector<std::string> placeholder_patterns;
  std::vector<std::string> allow_value_patterns;
  std::vector<std::string> generic_allow_patterns;
  std::vector<std::string> dev_host_patterns;
  std::vector<std::string> dev_jwt_issuers;
  std::vector<std::string> fake_comment_patterns;
  std::once_flag filters_once;
  std::vector<std::unique_ptr<RE2>> placeholders;
  std::vector<std::unique_ptr<RE2>> allow_values;
  std::vector<std::unique_ptr<RE2>> generic_allow;
  std::vector<std::unique_ptr<RE2>> dev_hosts;
  std::vector<std::unique_ptr<RE2>> fake_comments;

  void BuildFilters() {
    std::call_once(filters_once, [this] {
      placeholders = CompileAll(placeholder_patterns);
      allow_values = CompileAll(allow_value_patterns);
      generic_allow = CompileAll(generic_allow_patterns);
      dev_hosts = CompileAll(dev_host_patterns);
      fake_comments = CompileAll(fake_comment_patterns);
    });
  }

  bool IsPlaceholder(std::string_view value) {
    if (examples.count(value)) return true;
    BuildFilters();
    if (AnyMatches(placeholders, value) || LooksTyped(value)) return true;
    if (value.substr(0, 3) == "eyJ") {
      std::optional<std::string> payload = JwtPayload(value);
      if (payload && IssuedForLocalDev(*payload)) return true;
    }
    return !known_hashes.empty() && known_hashes.count(Sha256Hex(value)) > 0;
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
    return AnyMatches(dev_hosts, host);
  }

  // What generic rules know beyond a value's shape: syntax that is not a value, a dev default
  // that describes itself or repeats the name it is assigned to.
  bool CannotBeSecret(std::string_view name, std::string_view value) {
    BuildFilters();
    return AnyMatches(generic_allow, value) || DescribesItself(value, dev_words) ||
           RepeatsName(name, value);
  }

  // Every accepted match of rule `index` in `text` that lies inside one of `ranges` (sorted,
  // disjoint; null: the whole text), appended to *out. The regex always sees the whole text as
  // context, so \b, ^ and \z at a range's edge read the bytes beyond it.
  void RunRule(size_t index, std::string_view text, const std::vector<ByteRange>* ranges,
               std::vector<Candidate>* out);
  std::vector<CredentialMatch> Scan(std::string_view text, const std::vector<bool>* candidates);
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
    if (rule.min_entropy > 0 && ShannonEntropy(value) < rule.min_entropy) continue;
    if (IsPlaceholder(value) || AnyMatches(cr.allow, value) || AnyMatches(allow_values, value)) {
      continue;
    }
    // A key-shaped run inside a URL's path is a slug or an id (a docs page ending -key-<hex>).
    if (InsideUrlPath(text, begin)) continue;
    // The code says so itself: `secret: "whsec_…", // dummy secret`, or a comment line above.
    if (AnyMatches(fake_comments, TrailingComment(text, end)) ||
        AnyMatches(fake_comments, CommentAbove(text, begin))) {
      continue;
    }
    if (cr.host_group > 0 && groups[cr.host_group].data() != nullptr &&
        AnyMatches(dev_hosts, std::string_view(groups[cr.host_group].data(),
                                               groups[cr.host_group].size()))) {
      continue;
    }
    if (rule.generic) {
      if (!ClosesItsQuote(text, begin, end)) continue;
      std::string_view name = AssignedName(text, whole_begin, begin);
      if (AnyMatches(cr.allow_names, name) || CannotBeSecret(name, value)) continue;
    }
    Exposure exposure = rule.exposure;
    if (rule.jwt) {
      std::optional<std::string> payload = JwtPayload(value);
      std::optional<std::string> role = payload ? JsonStringClaim(*payload, "role") : std::nullopt;
      if (!role) continue;
      if (*role == "service_role" || *role == "supabase_admin") {
        exposure = Exposure::kSecret;
      } else if (*role == "anon" || *role == "authenticated") {
        exposure = Exposure::kPublic;
      } else {
        continue;
      }
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

std::vector<CredentialMatch> CredentialScanner::Impl::Scan(std::string_view text,
                                                           const std::vector<bool>* candidates) {
  BuildFilters();
  std::vector<Candidate> found;
  std::vector<bool> wanted;  // keywords of the windowed candidate rules
  if (candidates) {
    for (size_t i = 0; i < rules.size(); ++i) {
      if (!(*candidates)[i] || !rules[i]->windowed) continue;
      if (wanted.empty()) wanted.assign(locator->keywords().size(), false);
      for (int k : rules[i]->keyword_ids) wanted[k] = true;
    }
  }
  std::vector<std::vector<size_t>> hits;
  if (!wanted.empty()) locator->Locate(text, wanted, &hits);
  std::vector<ByteRange> occurrences;
  for (size_t i = 0; i < rules.size(); ++i) {
    if (candidates && !(*candidates)[i]) continue;
    const CompiledRule& cr = *rules[i];
    if (!candidates || !cr.windowed) {
      RunRule(i, text, nullptr, &found);
      continue;
    }
    occurrences.clear();
    for (int k : cr.keyword_ids) {
      size_t len = locator->keywords()[k].size();
      for (size_t at : hits[k]) occurrences.push_back(ByteRange{at, at + len});
    }
    std::vector<ByteRange> ranges = KeywordWindows(text, occurrences, cr.extent);
    size_t covered = 0;
    for (const ByteRange& r : ranges) covered += r.end - r.begin;
    // Windows over most of the text save nothing: one pass is cheaper than many calls.
    RunRule(i, text, covered > text.size() / 2 ? nullptr : &ranges, &found);
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
  std::vector<std::string> windowed_keywords;
  std::map<std::string, int, std::less<>> keyword_index;
  for (const CredentialRule& rule : knowledge.credentials.rules) {
    auto cr = std::make_unique<CompiledRule>();
    cr->rule = &rule;
    cr->extent = AnalyzeExtent(rule.regex);
    // Keywords are found ASCII-case-insensitively; an empty or non-ASCII one keeps the rule on
    // the whole text (the RE2::Set prefilter folds Unicode, the locator does not), and so does a
    // user's rule, whose keywords nothing has checked against its matches.
    cr->windowed = rule.builtin && Windowable(cr->extent) && !rule.keywords.empty() &&
                   std::all_of(rule.keywords.begin(), rule.keywords.end(), [](const std::string& k) {
                     return !k.empty() && std::all_of(k.begin(), k.end(), [](char c) {
                       return static_cast<unsigned char>(c) < 0x80;
                     });
                   });
    if (cr->windowed) {
      for (const std::string& k : rule.keywords) {
        auto [it, fresh] = keyword_index.emplace(k, static_cast<int>(windowed_keywords.size()));
        if (fresh) windowed_keywords.push_back(k);
        cr->keyword_ids.push_back(it->second);
      }
    }
    impl_->rules.push_back(std::move(cr));
    keywords.push_back(rule.keywords);
  }
  impl_->locator = std::make_unique<KeywordLocator>(std::move(windowed_keywords));
  impl_->prefilter = std::make_unique<KeywordPrefilter>(std::move(keywords));
  impl_->examples.insert(knowledge.credentials.example_values.begin(),
                         knowledge.credentials.example_values.end());
  impl_->known_hashes.insert(knowledge.credentials.known_hashes.begin(),
                             knowledge.credentials.known_hashes.end());
  impl_->dev_words = {knowledge.credentials.dev_words, knowledge.credentials.default_words};
  impl_->placeholder_patterns = knowledge.credentials.placeholders;
  impl_->allow_value_patterns = knowledge.settings.allow_values;
  impl_->generic_allow_patterns = knowledge.credentials.generic_allow;
  impl_->dev_host_patterns = knowledge.credentials.dev_hosts;
  impl_->fake_comment_patterns = knowledge.credentials.fake_comments;
  impl_->dev_jwt_issuers = knowledge.credentials.dev_jwt_issuers;
}

CredentialScanner::~CredentialScanner() = default;

std::vector<CredentialMatch> CredentialScanner::Scan(std::string_view text) const {
  std::vector<bool> candidates = impl_->prefilter->Candidates(text);
  if (std::none_of(candidates.begin(), candidates.end(), [](bool b) { return b; })) return {};
  return impl_->Scan(text, &candidates);
}

std::vector<CredentialMatch> CredentialScanner::ScanWithoutPrefilter(std::string_view text) const {
  return impl_->Scan(text, nullptr);
}

bool CredentialScanner::IsPlaceholder(std::string_view value) const {
  return impl_->IsPlaceholder(value);
}

bool CredentialScanner::CannotBeSecret(std::string_view name, std::string_view value) const {
  return impl_->IsPlaceholder(value) || impl_->CannotBeSecret(name, value);
}

void KeepStringValuesOfGenericRules(std::string_view text, std::vector<CredentialMatch>* matches) {
  matches->erase(std::remove_if(matches->begin(), matches->end(),
                                [&](const CredentialMatch& m) {
                                  if (!m.rule || !m.rule->generic) return false;
                                  char before = m.begin > 0 ? text[m.begin - 1] : '\0';
                                  return before != '"' && before != '\'' && before != '`';
                                }),
                 matches->end());
}

}  // namespace keylint
