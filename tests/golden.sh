#!/usr/bin/env bash
# Generate every schema of SCHEMA_DIR and compare each output with its
# golden copy in GOLDEN_DIR, byte for byte; then run again over the
# outputs and check that nothing is rewritten (mtimes kept).  TAP output.
# Regenerate the golden files with tools/update-golden.
# usage: golden.sh SLOTGEN GOLDEN_DIR SCHEMA_DIR...
set -u
slotgen=$(realpath "$1")
golden=$2
shift 2
schema_dirs=("$@")
includes=()
for d in "${schema_dirs[@]}"; do includes+=(-I "$d"); done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

. "$(dirname "$0")/tap.sh"

${SLOTGEN_WRAP:-} "$slotgen" --runtime --yaml --python -o "$tmp" 2>"$tmp/log" || { sed 's/^/# /' "$tmp/log"; exit 1; }
for dir in "${schema_dirs[@]}"; do
  for schema in "$dir"/*.yaml; do
    ${SLOTGEN_WRAP:-} "$slotgen" --yaml --python "${includes[@]}" -o "$tmp" "$schema" 2>"$tmp/log" ||
      { sed 's/^/# /' "$tmp/log"; exit 1; }
  done
done
rm -f "$tmp/log"
outputs=$(cd "$tmp" && ls)
goldens=$(cd "$golden" && ls)
echo "1..$(( $(echo "$outputs" | wc -l) + 4 ))"
[ "$outputs" = "$goldens" ]
report $? "the outputs are exactly the golden files ($(echo $goldens))"
for f in $outputs; do
  if cmp -s "$tmp/$f" "$golden/$f"; then
    report 0 "$f matches its golden copy"
  else
    report 1 "$f matches its golden copy"
    diff -u "$golden/$f" "$tmp/$f" | head -40 | sed 's/^/# /'
  fi
done
# The outputs read as written by hand: no runs of blank lines, and no line
# past 100 columns (tabs of 8) where a break after a comma could be made:
# only #error lines and lines without ", " may run long.
runs=$(cd "$tmp" && awk 'FNR == 1 { prev = "x" } prev == "" && $0 == "" { print FILENAME ":" FNR }
  { prev = $0 }' $outputs)
[ -z "$runs" ]
report $? "no runs of blank lines"
[ -n "$runs" ] && echo "$runs" | head -5 | sed 's/^/# /'
long=$(cd "$tmp" && for f in $outputs; do expand -t8 "$f" | awk -v f="$f" 'length > 100 &&
  !/^#error/ && /, / { print f ":" FNR ": " $0 }'; done)
[ -z "$long" ]
report $? "no line past 100 columns that could break"
[ -n "$long" ] && echo "$long" | head -5 | sed 's/^/# /'
# A second run over unchanged outputs rewrites nothing.
touch -d '2001-01-01 00:00:00' "$tmp"/*
${SLOTGEN_WRAP:-} "$slotgen" --runtime --yaml --python -o "$tmp" || exit 1
for dir in "${schema_dirs[@]}"; do
  for schema in "$dir"/*.yaml; do
    ${SLOTGEN_WRAP:-} "$slotgen" --yaml --python "${includes[@]}" -o "$tmp" "$schema" || exit 1
  done
done
[ -z "$(find "$tmp" -type f -newermt '2001-01-02' -print)" ]
report $? "a second run leaves unchanged outputs and their mtimes alone"
tap_done
