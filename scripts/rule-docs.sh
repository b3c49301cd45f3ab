#!/usr/bin/env bash
# Regenerates docs/rules/ (one page per rule, the pages SARIF's helpUri links to) from rules/*.toml.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh >/dev/null
exec build/keylint-rule-docs .
