#!/usr/bin/env bash
# The benchmark of circheck stats over a large JSON Lines of notices (not part
# of ctest): the development notices (../shared/data/doffin-2020, 834 notices,
# 0.5 MB) repeated into a file of BENCH_MB megabytes (default 1024) in a
# temporary folder, deleted afterwards, and a tenth of it, each counted with
#   circheck stats --format json FILE           (one thread)
#   circheck stats --format json -j 2 FILE      (two threads)
# under /usr/bin/time. Prints, for every run, the wall time and MB/s, the CPU
# time (user + system) and MB per CPU second (what a busy shared machine does
# not blur), and the peak resident memory; memory is flat when the large file
# needs no more than the small one. Also checks that one and two threads give
# the same bytes.
#
#   tests/bench/stats.sh [--max-rss-growth KB]   exit 1 when the large file's
#                                                peak memory exceeds the small
#                                                one's by more than KB (default
#                                                8192)
#   BUILD_DIR=build   where circheck is built (built if missing)
#   BENCH_MB=1024     size of the large file in MB (10^6 bytes)
#   SHARED=../shared  where the shared data is
#   TMPDIR            where the temporary folder goes (needs 1.1 x BENCH_MB)
# Needs /usr/bin/time and bc (Debian: time, bc).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
build=${BUILD_DIR:-build}
mb=${BENCH_MB:-1024}
shared=${SHARED:-$root/../shared}
notices=$shared/data/doffin-2020/notices-dev.jsonl
growth=8192
if [ "${1:-}" = "--max-rss-growth" ]; then
  growth=${2:?--max-rss-growth needs kilobytes}
fi
if [ ! -f "$notices" ]; then
  echo "skipped: $notices not found" >&2
  exit 77
fi
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found (Debian: time)" >&2; exit 2; }
if [ ! -x "$build/circheck" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$build" -j2 --target circheck >/dev/null
fi
bin=$(cd "$build" && pwd)/circheck
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Repeats the notices, whole, until the file holds at least $2 bytes.
make_file() {
  local out=$1 want=$2 size=0 chunk
  chunk=$(stat -c %s "$notices")
  : >"$out"
  while [ "$size" -lt "$want" ]; do
    cat "$notices" >>"$out"
    size=$((size + chunk))
  done
}

# Runs stats once; prints "wall_s cpu_s rss_kb".
measure() {
  local file=$1 out=$2
  shift 2
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$bin" stats --format json -o "$out" "$@" \
    "$file" 2>"$tmp/stderr" || { cat "$tmp/stderr" >&2; exit 2; }
  read -r wall user sys rss <"$tmp/time"
  echo "$wall $(echo "$user + $sys" | bc) $rss"
}

small=$tmp/small.jsonl
large=$tmp/large.jsonl
make_file "$small" $((mb * 100000))
make_file "$large" $((mb * 1000000))
printf '%-28s %10s %8s %8s %8s %10s %9s\n' run MB wall_s MB/s cpu_s MB/cpu_s peak_MB
declare -A peak
for file in "$small" "$large"; do
  bytes=$(stat -c %s "$file")
  for jobs in 1 2; do
    read -r wall cpu rss < <(measure "$file" "$tmp/out-$jobs.json" -j "$jobs")
    name="$(basename "$file" .jsonl), -j $jobs"
    printf '%-28s %10.1f %8.1f %8.2f %8.1f %10.2f %9.1f\n' "$name" \
      "$(echo "$bytes / 1000000" | bc -l)" "$wall" "$(echo "$bytes / 1000000 / $wall" | bc -l)" \
      "$cpu" "$(echo "$bytes / 1000000 / $cpu" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
    peak[$(basename "$file" .jsonl)-$jobs]=$rss
  done
  cmp -s "$tmp/out-1.json" "$tmp/out-2.json" || { echo "-j 1 and -j 2 differ" >&2; exit 1; }
done
for jobs in 1 2; do
  grew=$((peak[large-$jobs] - peak[small-$jobs]))
  echo "peak memory, -j $jobs: ${peak[small-$jobs]} KB for a tenth, ${peak[large-$jobs]} KB for all (${grew} KB more)"
  if [ "$grew" -gt "$growth" ]; then
    echo "memory grows with the input (more than $growth KB)" >&2
    exit 1
  fi
done
