#!/usr/bin/env bash
# Renders the HTML report of a sample tender to PNGs with headless Chromium
# (Debian's `chromium` package), for the README and for eyeballing the page:
# as a desktop browser shows it (1280 px wide) and as a phone does (375 px).
#
#   scripts/screenshot.sh [SAMPLE] [PNG]
#     SAMPLE  a document to check (default samples/furniture-nb.txt)
#     PNG     where the desktop picture goes (default docs/report.png); the
#             phone's goes beside it with -phone before .png
#             (docs/report-phone.png)
#   CIRCHECK=path/to/circheck   the binary (default build/circheck)
#   FORMAT_ARGS="--level advanced"  extra options for `circheck check`
#
# The page is loaded from a temporary file with networking disabled, so the
# picture also shows that the report needs nothing from outside.
set -euo pipefail
cd "$(dirname "$0")/.."

sample=${1:-samples/furniture-nb.txt}
png=${2:-docs/report.png}
bin=${CIRCHECK:-build/circheck}

browser=""
for b in chromium chromium-browser; do
  if command -v "$b" >/dev/null 2>&1; then
    browser=$b
    break
  fi
done
if [ -z "$browser" ]; then
  echo "screenshot.sh: error: chromium is not installed (apt-get install chromium)" >&2
  exit 2
fi
if [ ! -x "$bin" ]; then
  echo "screenshot.sh: error: $bin not found; build first (scripts/setup.sh)" >&2
  exit 2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck disable=SC2086 # FORMAT_ARGS is a list of options
"$bin" check --no-color --format html --fail-on never ${FORMAT_ARGS:-} "$sample" >"$tmp/report.html"

mkdir -p "$(dirname "$png")"
case $png in /*) out=$png ;; *) out=$PWD/$png ;; esac

# shot FILE WIDTH HEIGHT: one picture of the page in a window of that size.
shot() {
  rm -f "$1"
  "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$tmp/profile" \
    --hide-scrollbars --screenshot="$1" --window-size="$2,$3" "file://$tmp/report.html" \
    >"$tmp/chromium.log" 2>&1 || {
    cat "$tmp/chromium.log" >&2
    exit 1
  }
  [ -s "$1" ] || { cat "$tmp/chromium.log" >&2; exit 1; }
  echo "$1"
}
shot "$out" 1280 1600
shot "${out%.png}-phone.png" 375 2000
