#!/usr/bin/env bash
# The bad-input corpus: every BADDIR/*.yaml (not its subdirectories, whose
# files are helpers those cases import) must make slotgen exit 1, print
# exactly the diagnostics the file expects, and write nothing.  TAP output.
# usage: run-bad.sh SLOTGEN BADDIR
#
# slotgen runs with BADDIR as its working directory and the case's bare file
# name as its argument (`slotgen -o TMP NAME.yaml`), into a fresh empty
# directory.  Each stderr line is given, in order, by a leading comment line:
#
#   # expect: 12:7: error: duplicate slot 'score'   ->  NAME.yaml:12:7: error: ...
#   # expect: error: the schema is empty             ->  NAME.yaml: error: ...
#   # expect-file: imports/x.yaml:3:1: error: ...    ->  imports/x.yaml:3:1: error: ...
#
# `expect:` prefixes the case's own path (with `:` before a line number,
# `: ` before anything else); `expect-file:` is the whole line, for
# diagnostics in another file (its path relative to BADDIR) or none.
# The expectations are the whole of stderr: nothing more, nothing less.
set -u
export LC_ALL=C
slotgen=$(realpath "$1")
bad=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run() { ${SLOTGEN_WRAP:-} "$slotgen" "$@"; }

# The case whose output directory holds earlier output that must survive.
keep_case=cname-clash-getter.yaml

cases=()
for f in "$bad"/*.yaml; do
  [ -f "$f" ] && cases+=("${f##*/}")
done

n=0
fails=0
problems=() # why the current test failed, one line each

# expected NAME FILE: the stderr NAME's leading comments expect, into FILE.
expected() {
  local name=$1 line rest
  while IFS= read -r line || [ -n "$line" ]; do
    case $line in
    '# expect: '*)
      rest=${line#'# expect: '}
      case $rest in
      [0-9]*) printf '%s:%s\n' "$name" "$rest" ;;
      *) printf '%s: %s\n' "$name" "$rest" ;;
      esac ;;
    '# expect-file: '*) printf '%s\n' "${line#'# expect-file: '}" ;;
    '#'*) ;;
    *) break ;;
    esac
  done <"$bad/$name" >"$2"
}

# check NAME DIR WORK: run slotgen from WORK on NAME into DIR; record problems.
check() {
  local name=$1 out=$2 work=$3 st
  (cd "$work" && run -o "$out" "$name") >"$tmp/stdout" 2>"$tmp/stderr"
  st=$?
  [ "$st" -eq 1 ] || problems+=("exit status $st, expected 1")
  [ -s "$tmp/stdout" ] && problems+=("stdout is not empty:" "$(cat "$tmp/stdout")")
  if ! cmp -s "$tmp/expect" "$tmp/stderr"; then
    problems+=("stderr differs (--- expected, +++ actual):")
    problems+=("$(diff -u "$tmp/expect" "$tmp/stderr" | tail -n +3)")
  fi
}

result() { # name
  n=$((n + 1))
  if [ ${#problems[@]} -eq 0 ]; then
    echo "ok $n - $1"
  else
    fails=$((fails + 1))
    echo "not ok $n - $1"
    printf '%s\n' "${problems[@]}" | sed 's/^/# /'
  fi
  problems=()
}

echo "1..$((${#cases[@]} + 2))"

for name in "${cases[@]}"; do
  expected "$name" "$tmp/expect"
  if [ ! -s "$tmp/expect" ]; then
    problems+=("no '# expect:' lines")
  else
    out=$(mktemp -d "$tmp/out.XXXXXX")
    check "$name" "$out" "$bad"
    [ -z "$(ls -A "$out")" ] || problems+=("wrote output:" "$(ls -A "$out")")
  fi
  result "${name%.yaml}"
done

# Earlier output in the directory is left byte for byte as it was, mtime too.
if [ -f "$bad/$keep_case" ]; then
  expected "$keep_case" "$tmp/expect"
  out=$(mktemp -d "$tmp/out.XXXXXX")
  printf '/* game.h: earlier output */\n' >"$out/game.h"
  printf '/* game.c: earlier output */\n' >"$out/game.c"
  touch -d '2001-01-01 00:00:00' "$out/game.h" "$out/game.c"
  cp -p "$out/game.h" "$out/game.c" "$tmp/"
  check "$keep_case" "$out" "$bad"
  for f in game.h game.c; do
    cmp -s "$out/$f" "$tmp/$f" || problems+=("$f was changed")
    [ "$out/$f" -nt "$tmp/$f" ] && problems+=("$f was touched")
  done
  [ "$(ls -A "$out" | tr '\n' ' ')" = "game.c game.h " ] ||
    problems+=("the output directory now holds:" "$(ls -A "$out")")
else
  problems+=("$keep_case is missing")
fi
result "${keep_case%.yaml}: earlier game.h and game.c left untouched"

# An empty file: 0 bytes, so it cannot carry its expectation.
mkdir "$tmp/empty"
: >"$tmp/empty/empty.yaml"
printf 'empty.yaml: error: the schema is empty\n' >"$tmp/expect"
out=$(mktemp -d "$tmp/out.XXXXXX")
check empty.yaml "$out" "$tmp/empty"
[ -z "$(ls -A "$out")" ] || problems+=("wrote output:" "$(ls -A "$out")")
result "a 0-byte file"

[ "$fails" -eq 0 ]
