// What analysing one file yields.
#ifndef KEYLINT_ANALYZE_FILE_ANALYSIS_H_
#define KEYLINT_ANALYZE_FILE_ANALYSIS_H_

#include <string>
#include <vector>

#include "core/facts.h"
#include "core/finding.h"

namespace keylint {

struct FileAnalysis {
  std::vector<Finding> findings;
  std::vector<Notification> notifications;
  Facts facts;
  // For --verbose: how the file was analysed ("parsed: reads process.env").
  std::string verbose_note;
};

}  // namespace keylint

#endif  // KEYLINT_ANALYZE_FILE_ANALYSIS_H_
