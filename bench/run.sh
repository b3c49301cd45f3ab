#!/usr/bin/env bash
# Benchmark: scans a corpus of real JavaScript/TypeScript built from the pinned npm packages in
# bench/package-lock.json, and prints files, MB and MB/s. Not a test: it asserts nothing.
#   bench/run.sh [keylint binary (default build/keylint)] [runs (default 3)]
# Needs npm (to fetch the corpus once) and python3 (to read the JSON summary). Best of N runs.
# The corpus lives outside the repository (KEYLINT_BENCH_DIR, default /tmp/keylint-bench), so the
# scan is a plain walk, not git-aware, and node_modules is renamed to packages/ so that the
# default skip of vendored code does not apply.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../build/keylint}
runs=${2:-3}
dir=${KEYLINT_BENCH_DIR:-/tmp/keylint-bench}
stamp="$dir/.stamp-$(sha256sum "$here/package-lock.json" | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  rm -rf "$dir"; mkdir -p "$dir/npm"
  cp "$here/package.json" "$here/package-lock.json" "$dir/npm/"
  (cd "$dir/npm" && npm ci --ignore-scripts --no-audit --no-fund --silent)
  mv "$dir/npm/node_modules" "$dir/corpus"
  touch "$stamp"
fi
# Large bundles (typescript.js is 9 MB) are part of the point: lift the size limit.
printf 'format = 1\n[settings]\nmax_file_bytes = 67108864\n' > "$dir/bench.toml"
for jobs in 1 "$(nproc)"; do
  best=0
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$bin" scan --config "$dir/bench.toml" --format json -j "$jobs" -o "$dir/out.json" "$dir/corpus" 2>/dev/null || true
    t=$(( $(date +%s%N) - start ))
    if [ "$best" -eq 0 ] || [ "$t" -lt "$best" ]; then best=$t; fi
  done
  python3 - "$dir/out.json" "$best" "$jobs" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); s = r["summary"]; t = int(sys.argv[2]) / 1e9
mb = s["bytes_scanned"] / 1e6
print(f"jobs={sys.argv[3]} files={s['files_scanned']} skipped={s['files_skipped']} MB={mb:.1f} "
      f"seconds={t:.2f} MB/s={mb / t:.1f} findings={s['findings']}")
PY
done
