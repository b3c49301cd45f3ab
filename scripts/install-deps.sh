#!/usr/bin/env bash
# Installs the Debian packages keylint builds with, if any is missing. Needs root (or sudo).
# Everything comes from Debian's archive; the grammars come from npm (grammars/package-lock.json).
#   scripts/install-deps.sh [--bench]   --bench: also what bench/run.sh needs (ripgrep, python3)
set -euo pipefail
packages=(g++ cmake ninja-build pkg-config git ca-certificates
          libtree-sitter-dev libre2-dev libcli11-dev nlohmann-json3-dev libtomlplusplus-dev
          libgit2-dev googletest libgtest-dev libgmock-dev)
[ "${1:-}" = "--bench" ] && packages+=(ripgrep python3)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
# Node.js and npm fetch the pinned grammars; a machine may have them from elsewhere.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "keylint: installing ${missing[*]}" >&2
$sudo apt-get update -q >/dev/null
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
