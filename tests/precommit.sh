#!/usr/bin/env bash
# The pre-commit hook (.pre-commit-hooks.yaml) run by the real pre-commit tool:
# a scratch hooks repository holds the hook file, a scratch project repository
# holds tender documents, and `pre-commit try-repo HOOKS circheck --all-files`
# must fail on a weak tender, pass on a good one, and leave other files alone.
# The good tender (tests/data/precommit/good-tender-nb.txt) is
# samples/furniture-nb.txt with the clauses circheck proposed for its missing
# criteria added, so nothing in it fails.
#
# usage: precommit.sh CIRCHECK SOURCE_DIR
# Exit 77 (skipped) where pre-commit or git is missing.
set -u
circheck=$1
src=$2
for tool in pre-commit git; do
  command -v "$tool" >/dev/null || { echo "skipped: no $tool here"; exit 77; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "FAILED: $*"; failed=1; }

# circheck on PATH, as the hook (language: system) expects
mkdir "$tmp/bin"
ln -s "$(cd "$(dirname "$circheck")" && pwd)/$(basename "$circheck")" "$tmp/bin/circheck"
export PATH="$tmp/bin:$PATH" PRE_COMMIT_HOME="$tmp/cache" HOME="$tmp"
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.org
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.org
export GIT_CONFIG_NOSYSTEM=1 NO_COLOR=1

# the hooks repository: the hook file as it is in the source tree
mkdir "$tmp/hooks"
cp "$src/.pre-commit-hooks.yaml" "$tmp/hooks/"
git -C "$tmp/hooks" init -q
git -C "$tmp/hooks" add .pre-commit-hooks.yaml
git -C "$tmp/hooks" commit -qm hooks

# the project: a weak tender in tenders/, and a README that is no tender (if
# the hook took it, circheck would fail it: it states no requirement at all)
mkdir -p "$tmp/project/tenders"
cd "$tmp/project" || exit 2
git init -q
cp "$src/samples/furniture-nb.txt" tenders/anbud-moebler.txt
printf 'Notes on this year\x27s purchases.\n' > README.md
git add -A

try() {
  pre-commit try-repo "$tmp/hooks" circheck --all-files --color never >"$tmp/out" 2>&1
}
try
rc=$?
[[ $rc != 0 ]] || fail "a weak tender passes the hook: $(tail -20 "$tmp/out")"
grep -q "tenders/anbud-moebler.txt: fail: award.lifecycle-cost" "$tmp/out" ||
  fail "circheck's findings are not in the hook's output: $(tail -20 "$tmp/out")"
grep -q "README.md" "$tmp/out" && fail "the hook checked README.md: $(tail -20 "$tmp/out")"

# the good tender passes
cp "$src/tests/data/precommit/good-tender-nb.txt" tenders/anbud-moebler.txt
git add -A
try
rc=$?
[[ $rc == 0 ]] || fail "a good tender fails the hook (exit $rc): $(tail -30 "$tmp/out")"
grep -qE "^circheck.*Passed" "$tmp/out" || fail "no 'Passed' line: $(tail -20 "$tmp/out")"

# a tender named as one outside tenders/ is checked too, and an unreadable
# one fails the hook (circheck exits 2)
printf '\x00\x01\x02binary' > Konkurransegrunnlag-2026.txt
git add -A
try
rc=$?
[[ $rc != 0 ]] || fail "a binary 'Konkurransegrunnlag-2026.txt' passes the hook"
grep -q "Konkurransegrunnlag-2026.txt.*error" "$tmp/out" ||
  fail "no error for the binary tender: $(tail -20 "$tmp/out")"

[[ $failed == 0 ]] && echo "pre-commit hook checks passed"
exit $failed
