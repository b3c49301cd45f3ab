# bash completion for keylint (installed as bash-completion/completions/keylint).
_keylint() {
  local cur prev words cword
  if declare -F _init_completion >/dev/null; then
    _init_completion || return
  else
    cur="${COMP_WORDS[COMP_CWORD]}"; prev="${COMP_WORDS[COMP_CWORD-1]}"
    words=("${COMP_WORDS[@]}"); cword=$COMP_CWORD
  fi
  local commands="scan baseline rules explain"
  local formats="text json sarif github gitlab-secret-detection gitlab-codequality junit"
  local scan_opts="--format --sarif --category -o --output --staged --diff --history --stdin-filename --config
    --baseline --include-suppressed --fail-level --no-ignore -j --jobs -q --quiet --no-color
    -v --verbose -h --help"
  local baseline_opts="-o --output --config --no-ignore -j --jobs -v --verbose -h --help"
  local sub=""
  local i
  for ((i = 1; i < cword; i++)); do
    case "${words[i]}" in scan|baseline|rules|explain) sub="${words[i]}"; break ;; esac
  done
  case "$prev" in
    --format)
      if [ "$sub" = rules ]; then COMPREPLY=($(compgen -W "text json" -- "$cur"))
      else COMPREPLY=($(compgen -W "$formats" -- "$cur")); fi
      return ;;
    --fail-level) COMPREPLY=($(compgen -W "error warning note none" -- "$cur")); return ;;
    -o|--output|--sarif|--config|--baseline) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --diff|--history)
      COMPREPLY=($(compgen -W "$(git for-each-ref --format='%(refname:short)' 2>/dev/null)" -- "$cur"))
      return ;;
    -j|--jobs|--stdin-filename|--category) return ;;
  esac
  case "$sub" in
    "") COMPREPLY=($(compgen -W "$commands --version -h --help" -- "$cur")) ;;
    scan)
      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$scan_opts" -- "$cur"))
      else COMPREPLY=($(compgen -f -- "$cur")); fi ;;
    baseline)
      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$baseline_opts" -- "$cur"))
      else COMPREPLY=($(compgen -f -- "$cur")); fi ;;
    rules) COMPREPLY=($(compgen -W "--format --config -h --help" -- "$cur")) ;;
    explain)
      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "--config -h --help" -- "$cur"))
      else COMPREPLY=($(compgen -W "$(keylint rules --format json 2>/dev/null | sed -n 's/^ *"id": "\(.*\)",$/\1/p')" -- "$cur")); fi ;;
  esac
}
complete -F _keylint keylint
