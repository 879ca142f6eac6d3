#!/bin/sh
# Hostile file-system situations that need modes, limits or a check of what
# is left on disk afterwards; one case per run.
#   fs.sh CASE BIN DIR      (DIR: the folder hostile_gen wrote)
# Exit 0 pass, 1 fail, 77 skipped (the case cannot be set up here).
set -u
case_name=$1
bin=$2
dir=$3
cd "$dir" || exit 1
# Each case has its own output files: ctest may run the cases at the same time.
out=$case_name.out
err=$case_name.err

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# expect_rc WANT GOT
expect_rc() {
  [ "$2" -eq "$1" ] || fail "exit $2, expected $1; stderr: $(cat "$err")"
}

# expect_stderr REGEX: standard error is exactly one line matching REGEX.
expect_stderr() {
  [ "$(wc -l <"$err")" -eq 1 ] || fail "expected one line on stderr, got: $(cat "$err")"
  grep -Eq "$1" "$err" || fail "stderr does not match '$1': $(cat "$err")"
}

case $case_name in
unreadable)
  # One unreadable file among readable ones: the others are still checked
  # and reported, the unreadable one is one error line, exit 2.
  chmod 000 unreadable/b.txt
  if [ -r unreadable/b.txt ]; then
    chmod 644 unreadable/b.txt
    echo "skipped: running with privileges that read a mode-000 file (root in CI)"
    exit 77
  fi
  "$bin" check --format json unreadable >"$out" 2>"$err"
  rc=$?
  chmod 644 unreadable/b.txt
  expect_rc 2 $rc
  expect_stderr '^unreadable/b\.txt: error: cannot open: Permission denied$'
  grep -q '"path": "unreadable/a.txt"' "$out" || fail "a.txt is missing from the report"
  grep -q '"path": "unreadable/c.txt"' "$out" || fail "c.txt is missing from the report"
  ;;
output-missing-folder)
  # The output's folder does not exist: exit 2, one line, nothing created.
  rm -rf no-such-folder
  "$bin" check -o no-such-folder/report.json --format json tender.txt >"$out" 2>"$err"
  expect_rc 2 $?
  expect_stderr '^no-such-folder/report\.json: error: cannot write: No such file or directory$'
  [ ! -e no-such-folder ] || fail "no-such-folder was created"
  ;;
output-read-only-folder)
  # The output's folder is read-only: exit 2, no report and no temporary file.
  rm -rf ro && mkdir ro && chmod 555 ro
  if touch ro/probe 2>/dev/null; then
    rm -f ro/probe
    chmod 755 ro
    echo "skipped: running with privileges that write into a mode-555 folder (root in CI)"
    exit 77
  fi
  "$bin" check -o ro/report.json tender.txt >"$out" 2>"$err"
  rc=$?
  chmod 755 ro
  expect_rc 2 $rc
  expect_stderr '^ro/report\.json: error: cannot write: Permission denied$'
  [ -z "$(ls -A ro)" ] || fail "files left behind: $(ls -A ro)"
  ;;
output-too-large)
  # The report cannot be written completely (the file-size limit stands in
  # for a full disk; it binds root too): exit 2, the old report unchanged,
  # no temporary file left.
  rm -rf big && mkdir big
  printf 'old report\n' >big/report.json
  (
    trap '' XFSZ
    ulimit -f 1 || exit 99
    exec "$bin" check -o big/report.json --format json tender.txt
  ) >"$out" 2>"$err"
  rc=$?
  [ $rc -ne 99 ] || { echo "skipped: cannot set a file-size limit here"; exit 77; }
  expect_rc 2 $rc
  expect_stderr '^big/report\.json: error: cannot write: File too large$'
  [ "$(cat big/report.json)" = "old report" ] || fail "the old report was changed"
  [ "$(ls -A big)" = "report.json" ] || fail "files left behind: $(ls -A big)"
  ;;
*)
  fail "unknown case $case_name"
  ;;
esac
echo "ok: $case_name"
exit 0
