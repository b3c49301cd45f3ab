#!/usr/bin/env bash
# Runs libFuzzer targets for a given time each, one after the other, niced.
#   fuzz/run.sh SECONDS [TARGET...]      (targets: dotenv ci js credentials config baseline)
# Builds build-fuzz/ (clang, KEYLINT_SANITIZE=ON, KEYLINT_FUZZ=ON) if needed. Seeds come from
# fixtures/ (and rules/ for config) into build-fuzz/corpus/TARGET, which keeps growing between
# runs. A crash is written to build-fuzz/crashes/TARGET/; once fixed, copy it into
# fuzz/regressions/TARGET/ so tests/fuzz_regressions_test.cc replays it in every build.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:?usage: fuzz/run.sh SECONDS [TARGET...]}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(dotenv ci js credentials config baseline)
build=${KEYLINT_FUZZ_BUILD:-build-fuzz}

if [ ! -f "$build/build.ninja" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DKEYLINT_SANITIZE=ON -DKEYLINT_FUZZ=ON -DKEYLINT_TESTS=OFF >/dev/null
fi
cmake --build "$build" -j2 --target $(printf '%s_fuzz ' "${targets[@]}")

# Seed files for a target, from the fixtures (a file's name says which parser it is for).
seeds() {
  case "$1" in
    dotenv) find fixtures -type f \( -name '.env*' -o -name '*.env' \) ;;
    ci) find fixtures -type f \( -name '*.yml' -o -name '*.yaml' \) ;;
    js) find fixtures -type f \( -name '*.js' -o -name '*.jsx' -o -name '*.ts' -o -name '*.tsx' \
          -o -name '*.mjs' -o -name '*.vue' -o -name '*.svelte' \) ;;
    credentials) find fixtures -type f -size -64k ;;
    config) find fixtures -type f -name '.keylint.toml'; find rules -name '*.toml' ;;
    baseline) find fixtures -type f \( -name '.keylintignore' -o -name '*baseline*' \) ;;
  esac
  [ -d "fuzz/seeds/$1" ] && find "fuzz/seeds/$1" -type f
  true
}

status=0
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  crashes="$build/crashes/$t"
  mkdir -p "$corpus" "$crashes"
  if [ -z "$(ls -A "$corpus")" ]; then
    seeds "$t" | while read -r f; do
      # ci and js read their first byte as a selector: vary it over the seeds.
      case "$t" in
        ci|js) for sel in 0 1 4 5; do
                 { printf "\\x0$sel"; cat "$f"; } > "$corpus/$(basename "$f")-$sel-$(cksum < "$f" | cut -d' ' -f1)"
               done ;;
        *) cp "$f" "$corpus/$(cksum < "$f" | cut -d' ' -f1)" ;;
      esac
    done
    [ -n "$(ls -A "$corpus")" ] || printf 'x' > "$corpus/empty-seed"
  fi
  dict=()
  [ -f "fuzz/$t.dict" ] && dict=(-dict="fuzz/$t.dict")
  echo "fuzz: $t for ${seconds}s (corpus $(ls "$corpus" | wc -l) files)"
  nice -n 10 "$build/fuzz/${t}_fuzz" "$corpus" "${dict[@]}" -max_total_time="$seconds" \
    -max_len=65536 -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="$crashes/" 2>&1 | tail -n 20 || { echo "fuzz: $t crashed: see $crashes/"; status=1; }
done
exit $status
