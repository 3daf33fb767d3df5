#!/usr/bin/env bash
# Every generated struct is as small as its members allow: for each class of
# the example schemas and of a random stress schema, sizeof in compiled
# generated code equals the size `slotgen --layout` reports, and (for the
# default compact layout) the minimum: the sum of the members' sizes and
# the presence bytes, rounded up to the struct's alignment.  TAP output.
# usage: layout.sh SLOTGEN SCHEMA_DIR...
set -u
slotgen=$(realpath "$1")
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A random schema: scalars (some without a presence bit), strings (on the
# heap and kept in the object), enums, arrays, nested classes (of earlier
# classes only), and inheritance.  awk's rand() with a fixed seed.
awk -v seed="${LAYOUT_SEED:-20261124}" 'BEGIN {
  srand(seed)
  split("bool int8 int16 int32 int64 uint8 uint16 uint32 uint64 float double string Mode", types, " ")
  print "slotgen: 1\nmodule: stress\nenums:\n  Mode: {values: [a, b, c]}\nclasses:"
  for (c = 0; c < 60; c++) {
    printf "  C%d:\n", c
    if (c > 0 && rand() < 0.3) printf "    extends: C%d\n", int(rand() * c)
    if (rand() < 0.15) print "    layout: declared"
    n = int(rand() * 12)
    print "    slots:"
    if (n == 0) printf "      only%d: bool\n", c
    for (s = 0; s < n; s++) {
      if (c > 0 && rand() < 0.15) t = "C" int(rand() * c)
      else t = types[1 + int(rand() * 13)]
      # A string kept in the object: char[max_length + 1], of any size.
      extra = t == "string" && rand() < 0.5 ? sprintf(", max_length: %d", 1 + int(rand() * 20)) : ""
      # A number that cannot be cleared: no presence bit.
      if (t ~ /int|float|double/ && extra == "" && rand() < 0.25) extra = ", default: 0, clear: false"
      if (rand() < 0.2 && extra !~ /clear/) printf "      c%d_s%d: {type: %s, array: %d%s}\n", c, s, t, 1 + int(rand() * 7), extra
      else if (extra != "") printf "      c%d_s%d: {type: %s%s}\n", c, s, t, extra
      else printf "      c%d_s%d: %s\n", c, s, t
    }
  }
}' >"$tmp/stress.yaml"

. "$(dirname "$0")/tap.sh"

schemas=()
includes=()
for d in "$@"; do schemas+=("$d"/*.yaml); includes+=(-I "$d"); done
schemas+=("$tmp/stress.yaml")
echo "1..${#schemas[@]}"
for schema in "${schemas[@]}"; do
  name=$(basename "$schema")
  out=$tmp/${name%.yaml}
  mkdir -p "$out"
  if ! ${SLOTGEN_WRAP:-} "$slotgen" "${includes[@]}" --layout "$schema" >"$out/layout" ||
     ! "$slotgen" "${includes[@]}" --runtime -o "$out" "$schema"; then
    report 1 "$name: slotgen failed"
    continue
  fi
  # Imported modules' code too, for linking: beside the schema, or in
  # another schema directory (as -I finds them).
  for dep in $(sed -n 's/^imports: *\[\(.*\)\]/\1/p' "$schema" | tr ',' ' '); do
    for d in "$(dirname "$schema")" "$@"; do
      if [ -f "$d/$dep" ]; then
        "$slotgen" "${includes[@]}" -o "$out" "$d/$dep"
        break
      fi
    done
  done
  {
    for h in "$out"/*.h; do echo "#include \"$(basename "$h")\""; done
    echo "#include <stdio.h>"
    echo "int main(void) {"
    module=$(sed -n 's/^module: *\([A-Za-z0-9_]*\).*/\1/p' "$schema")
    for cls in $(sed -n 's/^extern const slot_class \([a-z0-9_]*\);/\1/p' "$out/$module.h"); do
      echo "	printf(\"%s %zu\\n\", $cls.name, $cls.size);"
    done
    echo "	return 0;"
    echo "}"
  } >"$out.sizes.c"
  if ! cc -std=c99 -I"$out" "$out.sizes.c" "$out"/*.c -o "$out/sizes" 2>"$out/cc.log"; then
    report 1 "$name: the generated code compiles"
    sed 's/^/# /' "$out/cc.log"
    continue
  fi
  "$out/sizes" >"$out/sizeof"
  # From --layout: class size minimum layout.
  awk 'NR > 2 && NF == 7 { print $1, $2, $5, $7 }' "$out/layout" >"$out/reported"
  bad=$(awk 'NR == FNR { size[$1] = $2; next }
    { if (!($1 in size)) print "# " $1 ": not in the generated code";
      else if (size[$1] != $2) print "# " $1 ": sizeof " size[$1] ", --layout says " $2;
      else if ($4 == "compact" && $2 != $3) print "# " $1 ": size " $2 ", minimum " $3 }' \
    "$out/sizeof" "$out/reported")
  classes=$(wc -l <"$out/reported")
  [ -z "$bad" ] && [ "$classes" -eq "$(wc -l <"$out/sizeof")" ]
  report $? "$name: $classes classes, sizeof = --layout's size = the minimum (compact ones)"
  [ -n "$bad" ] && echo "$bad"
done
tap_done
