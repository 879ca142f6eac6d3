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
output-keeps-mode)
  # A report kept private (0600) stays private when it is written again.
  rm -rf mode && mkdir mode
  printf 'old report\n' >mode/report.json
  chmod 600 mode/report.json
  "$bin" check -o mode/report.json --format json tender.txt >"$out" 2>"$err"
  rc=$?
  [ $rc -le 1 ] || fail "exit $rc; stderr: $(cat "$err")"
  [ "$(stat -c %a mode/report.json)" = 600 ] ||
    fail "mode is now $(stat -c %a mode/report.json), not 600"
  grep -q '"path": "tender.txt"' mode/report.json || fail "the report was not written"
  [ "$(ls -A mode)" = "report.json" ] || fail "files left behind: $(ls -A mode)"
  ;;
output-symlink)
  # -o through a symbolic link replaces the file it leads to and keeps the
  # link: a link in the same folder, a relative link from a subfolder, and a
  # dangling link (its target is created).
  rm -rf links && mkdir -p links/sub
  printf 'old report\n' >links/report.txt
  ln -s report.txt links/latest.txt
  ln -s ../report.txt links/sub/up.txt
  ln -s new.txt links/dangling.txt
  for o in links/latest.txt links/sub/up.txt links/dangling.txt; do
    "$bin" check --no-color -o "$o" tender.txt >"$out" 2>"$err"
    rc=$?
    [ $rc -le 1 ] || fail "-o $o: exit $rc; stderr: $(cat "$err")"
    [ -L "$o" ] || fail "-o $o replaced the link"
    grep -q '^tender.txt: text' "$o" || fail "-o $o: no report behind the link"
  done
  [ -f links/report.txt ] && [ ! -L links/report.txt ] || fail "report.txt is not a file"
  [ -f links/new.txt ] || fail "the dangling link's target was not created"
  [ "$(ls -A links | tr '\n' ' ')" = "dangling.txt latest.txt new.txt report.txt sub " ] ||
    fail "unexpected files: $(ls -A links)"
  ;;
output-fifo)
  # A FIFO is written into, not replaced by a file: whoever reads it gets
  # the report.
  rm -rf fifo && mkdir fifo && mkfifo fifo/report
  timeout 5 cat fifo/report >fifo.got &
  reader=$!
  timeout 5 "$bin" check --no-color -o fifo/report tender.txt >"$out" 2>"$err"
  rc=$?
  wait $reader
  [ $rc -le 1 ] || fail "exit $rc; stderr: $(cat "$err")"
  [ -p fifo/report ] || fail "the FIFO was replaced"
  grep -q '^tender.txt: text' fifo.got || fail "the reader did not get the report"
  [ "$(ls -A fifo)" = "report" ] || fail "files left behind: $(ls -A fifo)"
  ;;
output-device)
  # Devices are written into through links to them, never renamed over:
  # /dev/null swallows the report, /dev/full refuses it (exit 2, one line),
  # and a link to /dev/stdout on a pipe hands it on.
  rm -rf dev && mkdir dev
  ln -s /dev/null dev/null
  ln -s /dev/full dev/full
  ln -s /dev/stdout dev/stdout
  "$bin" check -o dev/null tender.txt >"$out" 2>"$err"
  rc=$?
  [ $rc -le 1 ] || fail "-o /dev/null: exit $rc; stderr: $(cat "$err")"
  if [ -w /dev/full ]; then
    "$bin" check -o dev/full tender.txt >"$out" 2>"$err"
    expect_rc 2 $?
    expect_stderr '^dev/full: error: cannot write: No space left on device$'
  fi
  "$bin" check --no-color -o dev/stdout tender.txt 2>"$err" | cat >"$out"
  grep -q '^tender.txt: text' "$out" || fail "-o /dev/stdout: nothing on the pipe"
  for l in null full stdout; do
    [ -L dev/$l ] || fail "dev/$l is no longer a link"
  done
  [ -c /dev/null ] || fail "/dev/null is no longer a device"
  [ "$(ls -A dev | tr '\n' ' ')" = "full null stdout " ] || fail "files left behind: $(ls -A dev)"
  ;;
fifo-named)
  # A FIFO named on the command line is read like standard input: circheck
  # waits for the writer and checks what it wrote.
  rm -f named.fifo && mkfifo named.fifo
  (sleep 0.3; cat tender.txt >named.fifo) &
  writer=$!
  timeout 5 "$bin" check --no-color named.fifo >"$out" 2>"$err"
  rc=$?
  wait $writer
  [ $rc -le 1 ] || fail "exit $rc; stderr: $(cat "$err")"
  [ ! -s "$err" ] || fail "stderr: $(cat "$err")"
  grep -q '^named.fifo: text' "$out" || fail "no report of the FIFO's text"
  ;;
control-chars-in-names)
  # A newline in a file name cannot forge a line of a diagnostic or of the
  # text report, nor an escape sequence reach the terminal: control
  # characters in paths are shown as \n, \t, \xHH.
  rm -rf ctl && mkdir ctl
  nl='
'
  esc=$(printf '\033')
  cp tender.txt "ctl/forged${nl}x.txt: error: forged"
  printf 'a\000b' >"ctl/nul${nl}${esc}[31m	.txt"
  "$bin" check --no-color --fail-on never ctl >"$out" 2>"$err"
  expect_rc 2 $?
  expect_stderr '^ctl/nul\\n\\x1b\[31m\\t\.txt:1:2: error: binary file: NUL byte$'
  grep -q '^x.txt: error: forged' "$out" && fail "a forged line in the text report"
  grep -q '^ctl/forged\\nx\.txt: error: forged: text, ' "$out" ||
    fail "the document's heading line does not show the escaped name"
  grep -q "$esc" "$out" "$err" && fail "an escape character reached the output"
  # an argument quoted in a usage error: a message, so its newline is folded
  # into a space and its escape character escaped
  "$bin" check --pack "forged${nl}x.txt: ${esc}[2J" tender.txt >"$out" 2>"$err"
  expect_rc 2 $?
  expect_stderr "^circheck: error: unknown pack 'forged x\\.txt: \\\\x1b\\[2J' "
  ;;
*)
  fail "unknown case $case_name"
  ;;
esac
echo "ok: $case_name"
exit 0
