#!/usr/bin/env bash
# The man page built from docs/circheck.1.scd: man renders it without a
# warning, and it describes every command and every option that
# 'circheck help COMMAND' lists, so it cannot fall behind the CLI.
#
# usage: manpage.sh CIRCHECK MAN_PAGE
set -u
circheck=$1
page=$2
failed=0
fail() { echo "FAILED: $*"; failed=1; }

errors=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
[[ -z $errors ]] || fail "man -l warns: $errors"
text=$(MANWIDTH=200 man -l "$page" 2>/dev/null | col -b)
[[ $text == *"circheck - check tender documents"* ]] || fail "no NAME line"

for cmd in check checklist rules; do
  [[ $text == *"circheck $cmd"* ]] || fail "command $cmd not in the synopsis"
  opts=$("$circheck" help "$cmd" | sed -n 's/^  \(-[A-Za-z]\), \(--[a-z-]*\).*/\1 \2/p; s/^      \(--[a-z-]*\).*/\1/p')
  [[ -n $opts ]] || fail "no options read from 'circheck help $cmd'"
  for o in $opts; do
    grep -qE -- "(^|[ ,])$o([ ,=[]|\$)" <<<"$text" || fail "option $o of $cmd not in the man page"
  done
done
for f in text json html sarif junit csv md docx; do
  grep -qxE "       $f" <<<"$text" || fail "format $f not described"
done
[[ $failed == 0 ]] && echo "man page checks passed"
exit $failed
