#!/usr/bin/env bash
# Validates SARIF files: the OASIS 2.1.0 schema (schema/), SARIF-spec rules and GitHub/GitLab/
# VS Code ingestion rules. Installs its pinned npm packages (package-lock.json) here on first use;
# CMake does that at configure time, before tests run in parallel.
#   tools/sarif-validate/run.sh out.sarif [more.sarif] [--strict] [--no-github]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -d "$here/node_modules/ajv" ]; then
  (cd "$here" && npm ci --silent --no-audit --no-fund >/dev/null)
fi
exec node "$here/validate.mjs" --schema "$here/schema/sarif-schema-2.1.0.json" "$@"
