# bash completion for circheck(1): commands, options per command, the values
# of --format, --level, --lang, --doc-lang, --fail-on and --color, the packs
# of --pack (asked of the circheck being completed), and paths.
# Installed as share/bash-completion/completions/circheck.

# The options each command takes, as 'circheck help COMMAND' lists them.
_circheck_options_check='--format -o --output --pack --level --lang --doc-lang --fail-on
  --rules --no-builtin-rules --all --color= --no-color --exclude --config --no-config --baseline --limit --field --follow -j --jobs -h --help
  -V --version'
_circheck_options_checklist='--format -o --output --pack --level --lang --cpv --rules
  --no-builtin-rules --color= --no-color -h --help -V --version'
_circheck_options_stats='--format -o --output --pack --level --doc-lang --rules
  --no-builtin-rules --color= --no-color --exclude --field -j --jobs --by --compare --min-group
  --merge -h --help -V --version'
_circheck_options_rules='--pack --lang --rules --no-builtin-rules --color= --no-color -h
  --help -V --version'

# Fills COMPREPLY with the words of $1 that start with $2.
_circheck_words() {
  local IFS=$'\n'
  COMPREPLY=($(IFS=$' \t\n' compgen -W "$1" -- "$2"))
}

# Fills COMPREPLY with paths that start with $1 (folders too).
_circheck_paths() {
  if declare -F _filedir >/dev/null; then
    _filedir
  else
    compopt -o filenames 2>/dev/null
    local IFS=$'\n'
    COMPREPLY=($(compgen -f -- "$1"))
  fi
}

# The built-in packs (and those of --rules files already on the line are not
# known here): the names that 'circheck rules list' prints at the start of a line.
_circheck_packs() {
  "$1" rules list 2>/dev/null | sed -n 's/^\([a-z0-9][a-z0-9._-]*\): .*/\1/p'
}

_circheck() {
  local cur=${COMP_WORDS[COMP_CWORD]}
  local prev=${COMP_WORDS[COMP_CWORD - 1]}
  local cmd=${COMP_WORDS[1]}
  COMPREPLY=()

  if ((COMP_CWORD == 1)); then
    if [[ $cur == -* ]]; then
      _circheck_words '--help -h --version -V' "$cur"
    else
      _circheck_words 'check checklist stats rules help' "$cur"
    fi
    return
  fi

  # --color=WHEN: bash splits at '=' (COMP_WORDBREAKS), so the value is its
  # own word after a '=' word; without that split it is one word.
  if [[ $cur == --color=* ]]; then
    _circheck_words '--color=auto --color=always --color=never' "$cur"
    return
  fi
  if [[ $cur == = && $prev == --color ]]; then
    _circheck_words 'auto always never' ''
    return
  fi
  if [[ $prev == = && ${COMP_WORDS[COMP_CWORD - 2]} == --color ]]; then
    _circheck_words 'auto always never' "$cur"
    return
  fi

  case $prev in
  --format)
    if [[ $cmd == checklist ]]; then
      _circheck_words 'text md html csv json docx' "$cur"
    elif [[ $cmd == stats ]]; then
      _circheck_words 'text csv json html' "$cur"
    else
      _circheck_words 'text json jsonl html sarif junit csv md docx' "$cur"
    fi
    return
    ;;
  --level) _circheck_words 'basic advanced spearhead' "$cur"; return ;;
  --lang) _circheck_words 'nb nn en' "$cur"; return ;;
  --doc-lang) _circheck_words 'nb nn en' "$cur"; return ;;
  --fail-on) _circheck_words 'fail partial never' "$cur"; return ;;
  --pack) _circheck_words "$(_circheck_packs "${COMP_WORDS[0]}")" "$cur"; return ;;
  -o | --output | --rules | --config | --baseline) _circheck_paths "$cur"; return ;;
  --exclude | -j | --jobs | --cpv | --limit | --field | --compare | --min-group) return ;;
  --by) _circheck_words 'pack cpv buyer month quarter year all' "$cur"; return ;; # free text: nothing to offer
  esac

  local options
  case $cmd in
  check) options=$_circheck_options_check ;;
  checklist) options=$_circheck_options_checklist ;;
  stats) options=$_circheck_options_stats ;;
  rules) options=$_circheck_options_rules ;;
  help)
    ((COMP_CWORD == 2)) && _circheck_words 'check checklist stats rules' "$cur"
    return
    ;;
  *) return ;;
  esac

  if [[ $cur == -* ]]; then
    _circheck_words "$options" "$cur"
    # "--color=" waits for its value
    [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]] && compopt -o nospace 2>/dev/null
    return
  fi
  case $cmd in
  check) _circheck_paths "$cur" ;;
  rules)
    if ((COMP_CWORD == 2)); then
      _circheck_words 'list test' "$cur"
    elif [[ ${COMP_WORDS[2]} == test ]]; then
      _circheck_paths "$cur"
    fi
    ;;
  esac
}

complete -F _circheck circheck
