#!/usr/bin/env bash
# Builds keylint, its tests and its fuzz targets with clang under AddressSanitizer and
# UndefinedBehaviorSanitizer (KEYLINT_SANITIZE, KEYLINT_FUZZ) in build-asan/, and runs every test
# there. Proves too that clang builds the project. Slower than scripts/test.sh: see README.
set -euo pipefail
cd "$(dirname "$0")/.."
"$(dirname "$0")/install-deps.sh"
CC=clang CXX=clang++ cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DKEYLINT_SANITIZE=ON -DKEYLINT_FUZZ=ON >/dev/null
cmake --build build-asan -j"$(nproc)"
# detect_leaks: the tests' helpers keep process-wide singletons on purpose; leaks are not what
# this run is for. abort_on_error: a finding fails the test that made it.
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir build-asan --output-on-failure -j"$(nproc)"
