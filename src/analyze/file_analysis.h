// What analysing one file yields.
#ifndef KEYLINT_ANALYZE_FILE_ANALYSIS_H_
#define KEYLINT_ANALYZE_FILE_ANALYSIS_H_

#include <vector>

#include "core/facts.h"
#include "core/finding.h"

namespace keylint {

struct FileAnalysis {
  std::vector<Finding> findings;
  std::vector<Notification> notifications;
  Facts facts;
};

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_FILE_ANALYSIS_H_
