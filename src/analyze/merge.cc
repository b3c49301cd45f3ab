#include "analyze/merge.h"

#include <algorithm>
#include <tuple>

namespace keylint {
namespace {

int Specificity(const std::string& rule_id) {
  std::string family = rule_id.substr(0, rule_id.find('/'));
  if (family == "client") return 0;
  if (family == "stage") return 1;
  if (family == "config") return 2;
  return 3;  // hardcoded
}

bool Overlap(const Location& a, const Location& b) {
  auto begin = [](const Location& l) { return std::make_pair(l.line, l.column); };
  auto end = [](const Location& l) { return std::make_pair(l.end_line, l.end_column); };
  return begin(a) <= end(b) && begin(b) <= end(a);
}

}  // namespace

void MergeOverlapping(std::vector<Finding>* findings) {
  std::vector<Finding>& fs = *findings;
  std::stable_sort(fs.begin(), fs.end(), [](const Finding& a, const Finding& b) {
    return std::make_tuple(Specificity(a.rule_id), static_cast<int>(Level::kError) - static_cast<int>(a.level)) <
           std::make_tuple(Specificity(b.rule_id), static_cast<int>(Level::kError) - static_cast<int>(b.level));
  });
  std::vector<Finding> kept;
  for (Finding& f : fs) {
    auto winner = std::find_if(kept.begin(), kept.end(), [&](const Finding& k) {
      return Specificity(k.rule_id) != Specificity(f.rule_id) && Overlap(k.location, f.location);
    });
    if (winner == kept.end()) {
      kept.push_back(std::move(f));
      continue;
    }
    std::string& also = winner->properties["also"];
    if (also.find(f.rule_id) == std::string::npos) {
      also += also.empty() ? f.rule_id : "," + f.rule_id;
      winner->message += " (also " + f.rule_id + ")";
    }
    if (winner->secret_hash == 0) winner->secret_hash = f.secret_hash;
    if (f.level > winner->level) winner->level = f.level;
  }
  fs = std::move(kept);
  std::sort(fs.begin(), fs.end(), FindingLess);
}

}  // namespace keylint
