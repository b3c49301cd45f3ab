#!/usr/bin/env bash
# Lints a Dockerfile with dockerfile-utils (pinned in package-lock.json): unknown instructions,
# bad flags and arguments, stages, JSON forms. Needs no Docker engine. Installs its npm packages
# here on first use; CMake does that at configure time.
#   tools/dockerfile-lint/run.sh Dockerfile
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -d "$here/node_modules/dockerfile-utils" ]; then
  (cd "$here" && npm ci --silent --no-audit --no-fund >/dev/null)
fi
out=$(node "$here/node_modules/dockerfile-utils/bin/dockerfile-utils" lint "$@")
if [ -n "$out" ]; then
  printf '%s\n' "$out"
  exit 1
fi
