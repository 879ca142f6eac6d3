#!/usr/bin/env bash
# The eForms reader's benchmark (not part of ctest): times, in the same run,
#   circheck check --format json  on the 100-lot notice (1.7 MB, 100 lots,
#                                 200 award criteria) of ../shared/data/eforms-sdk
#   xmllint --noout               on the same file (parsing alone)
#   circheck check --format json  on a 5-byte text file (start-up: loading the
#                                 rule packs and building the prefilter)
# takes the fastest of BENCH_REPEAT runs of each and prints them and the
# ratio of the first two. The goal is a ratio of at most 2 (docs/eforms.md).
#
#   tests/bench/eforms.sh [--max RATIO]   exit 1 when the ratio exceeds RATIO
#   BUILD_DIR=build     where circheck is built (default build; built if missing)
#   BENCH_REPEAT=5      runs per command; the fastest counts
#   SHARED=../shared    where the shared data is
# Needs xmllint (Debian: libxml2-utils) and GNU date.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
build=${BUILD_DIR:-build}
repeat=${BENCH_REPEAT:-5}
shared=${SHARED:-$root/../shared}
notice=$shared/data/eforms-sdk/cn_24_maximal_100_lots.xml
max=""
if [ "${1:-}" = "--max" ]; then
  max=${2:?--max needs a ratio}
fi

if [ ! -f "$notice" ]; then
  echo "skipped: $notice not found" >&2
  exit 77
fi
command -v xmllint >/dev/null || { echo "xmllint not found (Debian: libxml2-utils)" >&2; exit 2; }
if [ ! -x "$build/circheck" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" -j2 --target circheck >/dev/null
fi
bin=$build/circheck
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Fastest of $repeat runs of a command, in microseconds. Output goes to a
# file so that nothing is cut short; exit 1 (findings) is a normal result.
fastest() {
  local best="" t0 t1 us rc
  for _ in $(seq "$repeat"); do
    t0=$(date +%s%N)
    set +e
    "$@" >"$out/stdout" 2>"$out/stderr"
    rc=$?
    set -e
    t1=$(date +%s%N)
    if [ "$rc" -gt 1 ]; then
      echo "failed (exit $rc): $*" >&2
      cat "$out/stderr" >&2
      exit 2
    fi
    us=$(( (t1 - t0) / 1000 ))
    if [ -z "$best" ] || [ "$us" -lt "$best" ]; then
      best=$us
    fi
  done
  echo "$best"
}

# Warm the page cache first so that neither pays for the disk.
cat "$notice" >/dev/null
lint=$(fastest xmllint --noout "$notice")
check=$(fastest "$bin" check --format json "$notice")
printf 'hello' >"$out/tiny.txt"
startup=$(fastest "$bin" check --format json "$out/tiny.txt")
bytes=$(wc -c <"$notice")

ratio=$(awk -v a="$check" -v b="$lint" 'BEGIN { printf "%.2f", a / b }')
printf 'notice:                        %s (%d bytes)\n' "${notice#"$root"/}" "$bytes"
printf 'xmllint --noout:               %8.1f ms\n' "$(awk -v t="$lint" 'BEGIN { print t / 1000 }')"
printf 'circheck check --format json:  %8.1f ms\n' "$(awk -v t="$check" 'BEGIN { print t / 1000 }')"
printf 'ratio (goal <= 2):             %8s\n' "$ratio"
printf 'start-up (5-byte text file):   %8.1f ms\n' "$(awk -v t="$startup" 'BEGIN { print t / 1000 }')"
if [ -n "$max" ] && awk -v r="$ratio" -v m="$max" 'BEGIN { exit !(r > m) }'; then
  echo "ratio $ratio exceeds $max" >&2
  exit 1
fi
