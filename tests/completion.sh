#!/usr/bin/env bash
# The bash completion (packaging/circheck.bash) run as bash runs it: each case
# sets the words of a command line, calls the completion function and checks
# what it offers. Every option that 'circheck help COMMAND' lists must be
# offered for that command, so the completion cannot fall behind the CLI.
#
# usage: completion.sh CIRCHECK COMPLETION_FILE SAMPLES_DIR
set -u
circheck=$1
source "$2"
samples=$3
failed=0

# complete WORD... : the words of the line, the last being the one completed
# (COMP_WORDS as bash splits them: "--color=" is "--color" "=" "").
complete_words() {
  COMP_WORDS=("$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMP_LINE="$*"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _circheck
  printf '%s\n' "${COMPREPLY[@]}"
}

# expect "WHAT" "WANTED WORDS" WORD... : each wanted word is offered
expect() {
  local what=$1 wanted=$2
  shift 2
  local got
  got=$(complete_words "$@")
  for w in $wanted; do
    if ! grep -qxF -- "$w" <<<"$got"; then
      echo "FAILED: $what: '$w' not offered for '$*' (got: $(echo $got))"
      failed=1
    fi
  done
}

# expect_only "WHAT" "WORDS" WORD... : exactly these, in any order
expect_only() {
  local what=$1 wanted=$2
  shift 2
  local got want
  got=$(complete_words "$@" | sort)
  want=$(printf '%s\n' $wanted | sort)
  if [[ $got != "$want" ]]; then
    echo "FAILED: $what: for '$*' got '$(echo $got)', want '$(echo $want)'"
    failed=1
  fi
}

expect_only "commands" "check checklist stats rules help" "$circheck" ''
expect_only "commands by prefix" "check checklist" "$circheck" 'ch'
expect_only "top-level options" "--help -h --version -V" "$circheck" -
expect_only "rules subcommands" "list test" "$circheck" rules ''
expect_only "help topics" "check checklist stats rules" "$circheck" help ''
expect_only "report formats" "text json jsonl html sarif junit csv md docx" "$circheck" check --format ''
expect_only "stats formats" "text csv json html" "$circheck" stats --format ''
expect_only "checklist formats" "text md html csv json docx" "$circheck" checklist --format ''
expect_only "a format by prefix" "sarif" "$circheck" check --format s
expect_only "levels" "basic advanced spearhead" "$circheck" check --level ''
expect_only "report languages" "nb nn en" "$circheck" check --lang ''
expect_only "document languages" "nb nn en" "$circheck" check --doc-lang ''
expect_only "fail-on" "fail partial never" "$circheck" check --fail-on ''
expect_only "--color= split at '='" "auto always never" "$circheck" check --color = ''
expect_only "--color=a split at '='" "auto always" "$circheck" check --color = a
expect_only "--color=al as one word" "--color=always" "$circheck" check --color=al
expect_only "nothing for --jobs" "" "$circheck" check -j ''
expect "packs from 'rules list'" "core furniture ict construction" "$circheck" check --pack ''
expect_only "packs by prefix" "furniture" "$circheck" check --pack fu
expect "paths for check" "$samples/furniture-nb.txt $samples/office" "$circheck" check "$samples/"
expect "paths after options" "$samples/furniture-nb.txt" "$circheck" check --level basic "$samples/fur"

# every option the CLI lists for a command is offered for it
for cmd in check checklist rules; do
  opts=$("$circheck" help "$cmd" | sed -n 's/^  \(-[A-Za-z]\), \(--[a-z-]*\).*/\1 \2/p; s/^      \(--[a-z-]*\).*/\1/p')
  [[ -n $opts ]] || { echo "FAILED: no options read from 'circheck help $cmd'"; failed=1; }
  for o in $opts; do
    got=$(complete_words "$circheck" "$cmd" "$o")
    if ! grep -qE -- "^$o(=)?\$" <<<"$got"; then
      echo "FAILED: $cmd: option $o not completed (got: $(echo $got))"
      failed=1
    fi
  done
done

[[ $failed == 0 ]] && echo "all completion checks passed"
exit $failed
