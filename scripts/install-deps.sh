#!/usr/bin/env bash
# Installs the Debian packages keylint builds with, if any is missing. Needs root (or sudo).
# Everything comes from Debian's archive; the grammars and the tree-sitter runtime come from npm
# (grammars/package-lock.json, grammars/runtime/package-lock.json).
#   scripts/install-deps.sh [--bench]   --bench: also what bench/run.sh needs (ripgrep, python3)
set -euo pipefail
# dpkg-dev and file: cpack -G DEB reads the linked libraries' packages (shlibdeps).
packages=(g++ cmake ninja-build pkg-config git ca-certificates dpkg-dev file
          libre2-dev libcli11-dev nlohmann-json3-dev libtomlplusplus-dev libgit2-dev
          libvectorscan-dev)
# What only the tests need: GoogleTest, the real tools the end-to-end tests drive (pre-commit,
# xmllint for JUnit XML, zsh and fish to load the completions), and clang for the sanitized build
# and the fuzz targets. KEYLINT_TESTS=OFF leaves them out.
if [ "${KEYLINT_TESTS:-ON}" != OFF ]; then
  packages+=(googletest libgtest-dev libgmock-dev pre-commit libxml2-utils zsh fish
             clang libclang-rt-14-dev util-linux)
fi
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
