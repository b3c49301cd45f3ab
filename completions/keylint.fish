# fish completion for keylint (installed in fish/vendor_completions.d).
set -l commands scan baseline rules explain
set -l formats text json sarif github gitlab-secret-detection gitlab-codequality junit

complete -c keylint -f
complete -c keylint -n "not __fish_seen_subcommand_from $commands" -a scan -d 'scan the working tree under PATH'
complete -c keylint -n "not __fish_seen_subcommand_from $commands" -a baseline -d 'record today\'s findings'
complete -c keylint -n "not __fish_seen_subcommand_from $commands" -a rules -d 'list every rule'
complete -c keylint -n "not __fish_seen_subcommand_from $commands" -a explain -d 'explain a rule'
complete -c keylint -n "not __fish_seen_subcommand_from $commands" -l version -d 'print the version'

complete -c keylint -n "__fish_seen_subcommand_from scan" -F
complete -c keylint -n "__fish_seen_subcommand_from scan" -l format -x -a "$formats" -d 'output format'
complete -c keylint -n "__fish_seen_subcommand_from scan" -l sarif -r -F -d 'also write a SARIF report'
complete -c keylint -n "__fish_seen_subcommand_from scan" -l category -x -d 'SARIF code scanning category'
complete -c keylint -n "__fish_seen_subcommand_from scan baseline" -s o -l output -r -F -d 'write the report there'
complete -c keylint -n "__fish_seen_subcommand_from scan" -l staged -d 'scan what is staged in the git index'
complete -c keylint -n "__fish_seen_subcommand_from scan" -l diff -x -a '(__fish_git_branches 2>/dev/null)' -d 'only lines changed since the merge base'
complete -c keylint -n "__fish_seen_subcommand_from scan" -l history -x -d 'what every commit of RANGE added'
complete -c keylint -n "__fish_seen_subcommand_from scan" -l stdin-filename -x -d 'name of standard input'
complete -c keylint -n "__fish_seen_subcommand_from scan baseline rules explain" -l config -r -F -d 'config file'
complete -c keylint -n "__fish_seen_subcommand_from scan" -l baseline -r -F -d 'hide findings of this baseline'
complete -c keylint -n "__fish_seen_subcommand_from scan" -l include-suppressed -d 'keep suppressed findings'
complete -c keylint -n "__fish_seen_subcommand_from scan" -l fail-level -x -a 'error warning note none' -d 'exit 1 at or above'
complete -c keylint -n "__fish_seen_subcommand_from scan baseline" -l no-ignore -d 'also scan files git ignores'
complete -c keylint -n "__fish_seen_subcommand_from scan baseline" -s j -l jobs -x -d 'worker threads'
complete -c keylint -n "__fish_seen_subcommand_from scan" -s q -l quiet -d 'no summary or progress line'
complete -c keylint -n "__fish_seen_subcommand_from scan" -l no-color -d 'no colour'
complete -c keylint -n "__fish_seen_subcommand_from scan baseline" -s v -l verbose -d 'say why files were skipped'
complete -c keylint -n "__fish_seen_subcommand_from rules" -l format -x -a 'text json' -d 'output format'
