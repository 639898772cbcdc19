# bash completion for vnplan: commands, their options, and the values of
# the options that take one of a few names. Installed as
# share/bash-completion/completions/vnplan.
_vnplan() {
  local cur prev words cword
  if declare -F _init_completion >/dev/null; then
    _init_completion || return
  else
    cur=${COMP_WORDS[COMP_CWORD]}; prev=${COMP_WORDS[COMP_CWORD-1]}
    words=("${COMP_WORDS[@]}"); cword=$COMP_CWORD
  fi
  local commands="extract ocr restore train export compare catalogue search deadlines"
  local command="" i
  for ((i = 1; i < cword; i++)); do
    case ${words[i]} in
      -*) ;;
      *) command=${words[i]}; break ;;
    esac
  done
  case $prev in
    --restore) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --format) COMPREPLY=($(compgen -W "json jsonl text" -- "$cur")); return ;;
    --csv) COMPREPLY=($(compgen -W "deadlines assignments targets" -- "$cur")); return ;;
    --preprocess) COMPREPLY=($(compgen -W "despeckle deskew scale background binarize none" -- "$cur")); return ;;
    -j|--jobs) COMPREPLY=($(compgen -W "1 2 4 8" -- "$cur")); return ;;
    --model|-o|--output|--pdf|--db|--manifest) COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
  esac
  if [[ -z $command ]]; then
    COMPREPLY=($(compgen -W "$commands -q --quiet -v --verbose --help --version" -- "$cur"))
    return
  fi
  local options="-h --help -q --quiet -v --verbose"
  case $command in
    extract) options+=" --format -o --output --restore --model -j --jobs --force --searchable-pdf --no-progress --manifest --shard --db --max-input-mib -l --language --pages --force-ocr --skip-text --redo-ocr --max-pages --max-megapixels --max-total-megapixels" ;;
    ocr) options+=" -o --output --restore --model -j --jobs --preprocess --pdf -l --language --pages --force-ocr --skip-text --redo-ocr --max-pages --max-megapixels --max-total-megapixels" ;;
    restore) options+=" -o --output --model --explain" ;;
    train) options+=" -o --output --background --words --channel --digits" ;;
    export) options+=" --csv --ics --xlsx --delimiter -o --output --model" ;;
    compare) options+=" --html --json --model" ;;
    catalogue) options+=" --db --force" ;;
    search) options+=" --type --issuer --place --from --to --limit --format --db" ;;
    deadlines) options+=" --from --to --db" ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
    compopt -o filenames 2>/dev/null
  fi
}
complete -F _vnplan vnplan
