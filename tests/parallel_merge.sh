#!/bin/sh
# The split-and-merge of docs/indicators.md on one machine: the development
# notices cut into three shards, counted by GNU parallel (the same command as
# over many machines, with the local machine as the only --sshlogin), merged
# with stats --merge; the result must be byte for byte that of one run over
# all the notices. Exit 77 when ../shared or GNU parallel (Debian: parallel)
# is missing.
#   parallel_merge.sh CIRCHECK SOURCE_DIR
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
notices=$2/../shared/data/doffin-2020/notices-dev.jsonl
if [ ! -f "$notices" ]; then
  echo "skipped: $notices not found"
  exit 77
fi
if ! command -v parallel >/dev/null || ! parallel --version 2>/dev/null | grep -q "GNU parallel"; then
  echo "skipped: GNU parallel is not installed"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
split -n l/3 -d --additional-suffix=.jsonl "$notices" part-
parallel --will-cite --sshlogin 1/: --transferfile {} --return {.}.json --cleanup \
  "$bin" stats --format json -o {.}.json {} ::: part-*.jsonl
"$bin" stats --format json --merge part-*.json >merged.json
"$bin" stats --format json "$notices" >whole.json
if ! cmp merged.json whole.json; then
  echo "FAIL: the merged shards differ from one run"
  exit 1
fi
echo "$(ls part-*.json | wc -l) shards counted by GNU parallel merge to the bytes of one run"
