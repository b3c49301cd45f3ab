#include "analyze/prefilter.h"

#include <map>

#include <re2/re2.h>
#include <re2/set.h>

namespace keylint {

struct KeywordPrefilter::Automaton {
  std::unique_ptr<RE2::Set> set;          // null: not built, every rule is a candidate
  std::vector<std::vector<int>> rules_of;  // keyword index in the set -> rules listing it
};

KeywordPrefilter::KeywordPrefilter(std::vector<std::vector<std::string>> keywords)
    : keywords_(std::move(keywords)) {}

KeywordPrefilter::~KeywordPrefilter() = default;

const KeywordPrefilter::Automaton& KeywordPrefilter::Built() const {
  std::call_once(once_, [this] {
    auto a = std::make_unique<Automaton>();
    RE2::Options opts;
    opts.set_literal(true);
    opts.set_case_sensitive(false);
    opts.set_log_errors(false);
    opts.set_max_mem(64 << 20);
    auto set = std::make_unique<RE2::Set>(opts, RE2::UNANCHORED);
    std::map<std::string, int> index;  // distinct keywords
    bool ok = true;
    for (size_t rule = 0; rule < keywords_.size() && ok; ++rule) {
      for (const std::string& kw : keywords_[rule]) {
        auto [it, fresh] = index.emplace(kw, static_cast<int>(a->rules_of.size()));
        if (fresh) {
          if (set->Add(kw, nullptr) != it->second) {
            ok = false;
            break;
          }
          a->rules_of.emplace_back();
        }
        a->rules_of[it->second].push_back(static_cast<int>(rule));
      }
    }
    if (ok && set->Compile()) a->set = std::move(set);
    automaton_ = std::move(a);
  });
  return *automaton_;
}

std::vector<bool> KeywordPrefilter::Candidates(std::string_view text) const {
  const Automaton& a = Built();
  std::vector<bool> out(keywords_.size(), false);
  std::vector<int> hits;
  RE2::Set::ErrorInfo error;
  if (!a.set) {
    out.assign(keywords_.size(), true);
    return out;
  }
  if (!a.set->Match(text, &hits, &error)) {
    // No keyword, or the DFA ran out of memory: only the former may skip rules.
    if (error.kind != RE2::Set::kNoError) out.assign(keywords_.size(), true);
    return out;
  }
  for (int k : hits) {
    for (int rule : a.rules_of[k]) out[rule] = true;
  }
  return out;
}

}  // namespace keylint
