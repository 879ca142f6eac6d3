#!/usr/bin/env bash
# Installs what circheck needs from Debian and builds it into build/.
#   scripts/setup.sh           what building and running circheck needs
#   scripts/setup.sh --tests   also what the tests use (schema validation,
#                              the browser and office round trips)
#   CIRCHECK_WERROR=ON   treat compiler warnings as errors (CI does)
#   BUILD_DIR=...        build somewhere else (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."

# scdoc builds the man page; man-db, git, pre-commit and python3-yaml are for
# the tests of the man page, the pre-commit hook and the GitHub Action;
# libreoffice-writer-nogui and poppler-utils open the Word output (docx.libreoffice).
packages=(build-essential cmake pkg-config libxml2-dev libpcre2-dev libcsv-dev libzip-dev libpoppler-glib-dev
          libyaml-dev libjson-c-dev parallel libmicrohttpd-dev scdoc man-db git pre-commit python3-yaml)
if [ "${1:-}" = "--tests" ]; then
  packages+=(python3 python3-jsonschema libxml2-utils poppler-utils chromium libreoffice-writer-nogui)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

build="${BUILD_DIR:-build}"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_COMPILE_WARNING_AS_ERROR="${CIRCHECK_WERROR:-OFF}" >/dev/null
cmake --build "$build" -j"$(nproc)"
