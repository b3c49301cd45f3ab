#!/usr/bin/env bash
# Validates a GitLab report against its JSON schema (schema/). Installs its pinned npm packages
# (package-lock.json) here on first use; CMake does that at configure time.
#   tools/gitlab-validate/run.sh secret-detection|codequality FILE.json
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -d "$here/node_modules/ajv" ]; then
  (cd "$here" && npm ci --silent --no-audit --no-fund >/dev/null)
fi
exec node "$here/validate.mjs" "$@"
