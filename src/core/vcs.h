// The repository a scan read, for reports that record provenance (SARIF
// versionControlProvenance, GitLab's location.commit). Filled by `source`; every field may be
// empty (outside git, no remote, unborn or detached HEAD).
#ifndef KEYLINT_CORE_VCS_H_
#define KEYLINT_CORE_VCS_H_

#include <string>

namespace keylint {

struct VcsInfo {
  std::string repository_uri;  // the "origin" remote as an https URI, credentials removed
  std::string revision_id;     // HEAD's full commit id
  std::string branch;          // HEAD's branch name
};

}  // namespace keylint

#endif  // KEYLINT_CORE_VCS_H_
