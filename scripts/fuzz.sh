#!/usr/bin/env bash
# Builds the libFuzzer targets with clang in build-fuzz/ and runs each for
# SECONDS (default 60), one after the other, on its seed corpus. Exits
# non-zero when a target crashes, leaks, hangs or runs out of memory; the
# input that did it is left in build-fuzz/tests/fuzz/findings/.
#   scripts/fuzz.sh [SECONDS]
#   FUZZ_TARGETS="text xml"  run only these targets (default: text xml rules office)
#   FUZZ_JOBS=N              run N targets at a time (default 1)
#   BUILD_DIR=...            build somewhere else (default: build-fuzz)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
build=${BUILD_DIR:-build-fuzz}
targets=${FUZZ_TARGETS:-text xml rules office}
jobs=${FUZZ_JOBS:-1}

CC=clang cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCIRCHECK_FUZZ=ON >/dev/null
for t in $targets; do
  cmake --build "$build" -j"$(nproc)" --target "fuzz_$t" >/dev/null
done

dir="$build/tests/fuzz"
mkdir -p "$dir/findings"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# run TARGET: fuzzes one target for $seconds; new inputs go to a scratch
# corpus so the seeds stay as they are.
run() {
  local t=$1
  mkdir -p "$dir/work/$t"
  # -max_len: tender sections and rule packs are tens of kilobytes;
  # -timeout: one input may take at most 10 s (a hang is a finding);
  # -rss_limit_mb: memory beyond 2 GB for a 64 KiB input is a finding.
  "$dir/fuzz_$t" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -dict="tests/fuzz/$t.dict" -artifact_prefix="$dir/findings/$t-" -print_final_stats=1 \
    "$dir/work/$t" "$dir/corpus/$t" >"$dir/$t.log" 2>&1
}

# report_finding TARGET: says where the finding is and prints the end of the
# log, so a CI run that keeps no files still shows the stack and the input.
report_finding() {
  local t=$1
  echo "fuzz_$t: FOUND A PROBLEM, see $dir/$t.log and $dir/findings/" >&2
  tail -n 80 "$dir/$t.log" | sed "s/^/fuzz_$t| /" >&2
  for f in "$dir/findings/$t-"*; do
    [ -f "$f" ] || continue
    echo "fuzz_$t| input $f (base64):" >&2
    head -c 4096 "$f" | base64 | sed "s/^/fuzz_$t| /" >&2
  done
}

status=0
pids=()
names=()
for t in $targets; do
  echo "== fuzz_$t for ${seconds}s (log: $dir/$t.log)"
  run "$t" &
  pids+=($!)
  names+=("$t")
  if [ "${#pids[@]}" -ge "$jobs" ]; then
    if ! wait "${pids[0]}"; then
      report_finding "${names[0]}"
      status=1
    fi
    pids=("${pids[@]:1}")
    names=("${names[@]:1}")
  fi
done
for i in "${!pids[@]}"; do
  if ! wait "${pids[$i]}"; then
    report_finding "${names[$i]}"
    status=1
  fi
done
for t in $targets; do
  grep -h "stat::number_of_executed_units\|stat::peak_rss_mb\|^Done" "$dir/$t.log" | sed "s/^/fuzz_$t: /" || true
done
exit "$status"
