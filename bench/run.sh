#!/usr/bin/env bash
# Benchmark: scans a corpus of real JavaScript/TypeScript built from the pinned npm packages in
# bench/package-lock.json with keylint and, side by side, with ripgrep (the credential keywords,
# every file), and prints both and their ratio, MB/s with one thread and all, the share of bytes
# read, peak RSS and the time of a 10-file pre-commit run (bench/measure.py). Not a test: it
# asserts nothing.
#   bench/run.sh [keylint binary (default build/keylint)] [runs (default 3)]
# Needs npm (to fetch the corpus once), python3 and Debian's ripgrep
# (scripts/install-deps.sh --bench installs them). Best of N runs.
# The corpus lives outside the repository (KEYLINT_BENCH_DIR, default /tmp/keylint-bench), so the
# scan is a plain walk, not git-aware, and node_modules is renamed to packages/ so that the
# default skip of vendored code does not apply. Reports go to a private temp dir.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$(realpath "${1:-$here/../build/keylint}")
runs=${2:-3}
dir=${KEYLINT_BENCH_DIR:-/tmp/keylint-bench}
for tool in npm python3 rg git; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench/run.sh needs $tool (scripts/install-deps.sh --bench)" >&2; exit 2; }
done
stamp="$dir/.stamp-$(sha256sum "$here/package-lock.json" | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  rm -rf "$dir"; mkdir -p "$dir/npm"
  cp "$here/package.json" "$here/package-lock.json" "$dir/npm/"
  (cd "$dir/npm" && npm ci --ignore-scripts --no-audit --no-fund --silent)
  mv "$dir/npm/node_modules" "$dir/corpus"
  touch "$stamp"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/measure.py" "$bin" "$dir/corpus" "$runs" "$work"
