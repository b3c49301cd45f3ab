#!/usr/bin/env bash
# Configures and builds keylint (and its tests) in build/.
set -euo pipefail
cd "$(dirname "$0")/.."
"$(dirname "$0")/install-deps.sh"
# npm (which fetches the pinned grammars) trusts the system's certificate store too, as curl and
# apt do, so machines behind a TLS-inspecting proxy with a local CA build as well.
if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
fi
# KEYLINT_TESTS=OFF builds the binary alone (the Docker image and the GitHub Action do).
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DKEYLINT_TESTS="${KEYLINT_TESTS:-ON}" >/dev/null
cmake --build build -j"$(nproc)"
