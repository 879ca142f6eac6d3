#!/bin/sh
# The criterion ids in rules/criteria.csv must be exactly those of the
# outside contract in ../shared/spec/criteria.csv. Exit 77 (skipped) when
# ../shared is not beside the repository.
src="$1"
spec="$src/../shared/spec/criteria.csv"
if [ ! -f "$spec" ]; then
  echo "skipped: $spec not found"
  exit 77
fi
ours=$(tail -n +2 "$src/rules/criteria.csv" | cut -d, -f1 | sort)
theirs=$(tail -n +2 "$spec" | cut -d, -f1 | sort)
if [ "$ours" != "$theirs" ]; then
  echo "criterion ids differ from $spec:"
  printf '%s\n' "$ours" > /tmp/ck-ours.$$
  printf '%s\n' "$theirs" | diff /tmp/ck-ours.$$ - || true
  rm -f /tmp/ck-ours.$$
  exit 1
fi
echo "$(printf '%s\n' "$ours" | wc -l) criterion ids match the spec"
