# tap.sh - TAP helpers for the test scripts (sourced, not run).
#   report STATUS NAME [LOG]   one result; LOG's lines become # comments on failure
#   ok NAME COMMAND...         run COMMAND, quietly, and report it
#   tap_done                   the script's exit status
# The sourcing script has made its scratch directory $tmp first.
n=0
fails=0
tap_log=${tmp:?}/.tap.log

report() {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then
    echo "ok $n - $2"
  else
    fails=$((fails + 1))
    echo "not ok $n - $2"
    [ -n "${3:-}" ] && tail -n 40 "$3" | sed 's/^/# /'
  fi
  return 0
}

ok() {
  local name=$1
  shift
  "$@" >"$tap_log" 2>&1
  report $? "$name" "$tap_log"
}

tap_done() {
  [ "$fails" -eq 0 ]
}
