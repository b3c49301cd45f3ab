#!/usr/bin/env bash
# Quick start: installs what is missing, builds, and scans a folder (default: the current one).
#   scripts/scan.sh [keylint scan arguments...]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/build.sh" >&2
exec "$here/build/keylint" scan "$@"
