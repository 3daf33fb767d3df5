#!/usr/bin/env bash
# Compile every schema's generated code warning-free: gcc and clang, C99
# and C11, -Wall -Wextra -Wpedantic -Werror; and include every generated
# header from C++ (g++ and clang++).  The Python modules (--python) too,
# where /usr/bin/python3's headers are installed.  TAP output.
# usage: compile-generated.sh SLOTGEN SCHEMA_DIR...
set -u
slotgen=$(realpath "$1")
shift
schema_dirs=("$@")
includes=()
for d in "${schema_dirs[@]}"; do includes+=(-I "$d"); done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

. "$(dirname "$0")/tap.sh"

cflags=(-O2 -Wall -Wextra -Wpedantic -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
        -Wcast-qual -Wwrite-strings -Wconversion -Wno-sign-conversion)
# Tests that lack a compiler skip it, but gcc is always required.
compilers=(gcc)
command -v clang >/dev/null && compilers+=(clang)
cxx=(g++)
command -v clang++ >/dev/null && cxx+=(clang++)

schemas=()
for d in "${schema_dirs[@]}"; do schemas+=("$d"/*.yaml); done
pyinc=$(/usr/bin/python3 -c 'import sysconfig; print(sysconfig.get_paths()["include"])' 2>/dev/null)
python_tests=0
[ -f "$pyinc/Python.h" ] && python_tests=$(( (${#schemas[@]} + 1) * ${#compilers[@]} * 2 + ${#compilers[@]} ))
echo "1..$(( ${#schemas[@]} * ${#compilers[@]} * 4 + ${#compilers[@]} * 5 + ${#cxx[@]} * 2 + 3 +
             python_tests ))"
for schema in "${schemas[@]}"; do
  ${SLOTGEN_WRAP:-} "$slotgen" --yaml "${includes[@]}" -o "$tmp" "$schema" 2>"$tmp/log" ||
    { sed 's/^/# /' "$tmp/log"; exit 1; }
done
${SLOTGEN_WRAP:-} "$slotgen" --runtime --yaml -o "$tmp" || exit 1
for cc in "${compilers[@]}"; do
  for std in c99 c11; do
    for src in slotgen_runtime.c slotgen_yaml.c; do
      "$cc" -std=$std "${cflags[@]}" -I"$tmp" -c "$tmp/$src" -o "$tmp/$src-$cc-$std.o" \
        >"$tmp/log" 2>&1
      report $? "$src with $cc -std=$std" "$tmp/log"
    done
  done
done
for schema in "${schemas[@]}"; do
  module=$(sed -n 's/^module: *\([A-Za-z0-9_]*\).*/\1/p' "$schema")
  for cc in "${compilers[@]}"; do
    for std in c99 c11; do
      for src in "$module.c" "${module}_yaml.c"; do
        "$cc" -std=$std "${cflags[@]}" -I"$tmp" -c "$tmp/$src" -o "$tmp/$src-$cc-$std.o" \
          >"$tmp/log" 2>&1
        report $? "$src with $cc -std=$std" "$tmp/log"
      done
    done
  done
done
# The runtime, inlined at -O2 into calls with constant arguments: the flow
# warnings (-Warray-bounds, -Wformat-truncation, ...) only show there.
{
  echo "#define SLOTGEN_LOOKUP_INTERNALS /* as slotgen_runtime.c, included below, wants */"
  for h in "$tmp"/*.h; do echo "#include \"$(basename "$h")\""; done
  echo "#include \"slotgen_runtime.c\""
  echo "int use(void);"
  echo "int use(void)"
  echo "{"
  echo "	int n = 0;"
  echo "	char msg[64];"
  echo "	slot_value v;"
  echo "	memset(&v, 0, sizeof v);"
  for cls in $(sed -n 's/^extern const slot_class \([a-z0-9_]*\);/\1/p' "$tmp"/*.h); do
    echo "	n += slot_lookup(&$cls, \"\") != NULL;"
    echo "	n += slot_lookup(&$cls, \"x\") != NULL;"
    echo "	n += slot_has(NULL, &$cls, \"\");"
    echo "	n += slot_strerror(msg, sizeof msg, SLOT_ETYPE, SLOT_OP_SET, &$cls, \"x\", &v);"
    echo "	n += slot_lookupn(&$cls, \"xy\", 1) != NULL;"
    echo "	n += slot_strerrorn(msg, sizeof msg, SLOT_ENOATTR, SLOT_OP_GET, &$cls, \"xy\", 1, NULL);"
    echo "	n += slot_strerror(msg, sizeof msg, SLOT_ENOATTR, SLOT_OP_CLEAR, &$cls, \"x\", NULL);"
  done
  echo "	return n;"
  echo "}"
} >"$tmp/use.c"
for cc in "${compilers[@]}"; do
  "$cc" -std=c99 "${cflags[@]}" -I"$tmp" -c "$tmp/use.c" -o "$tmp/use.o" >"$tmp/log" 2>&1
  report $? "the runtime inlined into calls with constant arguments, with $cc" "$tmp/log"
done
# The Python modules and their runtime, apart (their sources include
# Python.h), with the same warnings.
if [ "$python_tests" -gt 0 ]; then
  mkdir "$tmp/py"
  ${SLOTGEN_WRAP:-} "$slotgen" --runtime --python -o "$tmp/py" || exit 1
  for schema in "${schemas[@]}"; do
    ${SLOTGEN_WRAP:-} "$slotgen" --python "${includes[@]}" -o "$tmp/py" "$schema" || exit 1
  done
  for src in slotgen_python.c $(cd "$tmp/py" && ls *_python.c | grep -v '^slotgen_python.c$'); do
    for cc in "${compilers[@]}"; do
      for std in c99 c11; do
        "$cc" -std=$std "${cflags[@]}" -I"$pyinc" -I"$tmp/py" -c "$tmp/py/$src" -o "$tmp/py/x.o" \
          >"$tmp/log" 2>&1
        report $? "$src with $cc -std=$std" "$tmp/log"
      done
    done
  done
  # The runtime with the limited API too (Py_LIMITED_API: one build for
  # every CPython from 3.11 on), whose code differs.
  for cc in "${compilers[@]}"; do
    "$cc" -std=c11 "${cflags[@]}" -DPy_LIMITED_API=0x030B0000 -I"$pyinc" -I"$tmp/py" \
      -c "$tmp/py/slotgen_python.c" -o "$tmp/py/x.o" >"$tmp/log" 2>&1
    report $? "slotgen_python.c with $cc and the limited API of 3.11" "$tmp/log"
  done
fi
# Every header, from C++, twice over (include guards) and in both orders.
{
  for h in "$tmp"/*.h; do echo "#include \"$(basename "$h")\""; done
  for h in $(ls "$tmp"/*.h | sort -r); do echo "#include \"$(basename "$h")\""; done
  echo "int main() { return 0; }"
} >"$tmp/all.cpp"
for cxxc in "${cxx[@]}"; do
  for std in c++11 c++17; do
    "$cxxc" -std=$std -O2 -Wall -Wextra -Wpedantic -Werror -I"$tmp" -c "$tmp/all.cpp" -o "$tmp/all.o" \
      >"$tmp/log" 2>&1
    report $? "every header from C++ with $cxxc -std=$std" "$tmp/log"
  done
done
# The version guards: a source with a header from another slotgen version,
# a header with a runtime of another version, and the runtime's source with
# its header of another version, stop with an #error that says to
# regenerate (here the files are made to look as those of version 2 would).
mkdir "$tmp/v2"
sed 's/^#define GAME_SLOTGEN_FORMAT .*/#define GAME_SLOTGEN_FORMAT 2/' "$tmp/game.h" >"$tmp/v2/game.h"
cp "$tmp/game.c" "$tmp/v2/game.c"
! gcc -std=c99 -I"$tmp" -c "$tmp/v2/game.c" -o "$tmp/v2.o" >"$tmp/log" 2>&1 &&
  grep -q 'game.c and game.h come from different slotgen versions: regenerate them' "$tmp/log"
report $? "game.c stops on a game.h of another version" "$tmp/log"
sed 's/^#define SLOTGEN_RUNTIME_H .*/#define SLOTGEN_RUNTIME_H 2/' "$tmp/slotgen_runtime.h" \
  >"$tmp/v2/slotgen_runtime.h"
printf '#include "game.h"\n' >"$tmp/v2/first.c"
! gcc -std=c99 -I"$tmp/v2" -I"$tmp" -c "$tmp/v2/first.c" -o "$tmp/v2.o" >"$tmp/log" 2>&1 &&
  grep -q 'game.h and slotgen_runtime.h come from different slotgen versions: regenerate them' \
    "$tmp/log"
report $? "game.h stops on a runtime of another version" "$tmp/log"
cp "$tmp/slotgen_runtime.c" "$tmp/v2/"
! gcc -std=c99 -I"$tmp/v2" -c "$tmp/v2/slotgen_runtime.c" -o "$tmp/v2.o" >"$tmp/log" 2>&1 &&
  grep -q 'slotgen_runtime.c and slotgen_runtime.h come from different slotgen versions' "$tmp/log"
report $? "slotgen_runtime.c stops on its header of another version" "$tmp/log"
tap_done
