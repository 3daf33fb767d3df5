#!/usr/bin/env bash
# The two ways of working of docs/meson.md, from scratch: a project with
# slotgen as a subproject (through its wrap file), and a project that
# commits the generated files.  TAP output.
# usage: examples.sh SOURCE_ROOT
set -u
src=$(realpath "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

. "$(dirname "$0")/tap.sh"
# An example, copied, with this source tree as its slotgen subproject (the
# wrap's directory exists, so nothing is cloned).
copy() {
  cp -r "$src/examples/$1" "$tmp/$1"
  ln -s "$src" "$tmp/$1/subprojects/slotgen"
}

echo "1..12"
copy meson-subproject
sub=$tmp/meson-subproject
ok "subproject: configure, with slotgen from the wrap" \
  bash -c "cd '$sub' && meson setup b >'$tmp/setup.log' && grep 'Fallback to subproject slotgen' '$tmp/setup.log'"
ok "subproject: build, generating at build time" ninja -C "$sub/b"
ok "subproject: the program runs" \
  bash -c "test \"\$('$sub/b/shapes')\" = \"Circle(name='wheel', unit=metre, radius=0.5)\""
sleep 1
touch "$tmp/stamp"
touch "$sub/schemas/units.yaml"
ok "subproject: touching an imported schema regenerates its importer (depfile)" \
  bash -c "ninja -C '$sub/b' >'$tmp/ninja.log' && grep 'Generating shapes' '$tmp/ninja.log'"
ok "subproject: ... and an unchanged output is not rewritten, nothing recompiles" \
  bash -c "test -e '$sub/b/shapes.h' && test -e '$sub/b/shapes' &&
    test -z \"\$(find '$sub/b/shapes.h' '$sub/b/shapes' -newer '$tmp/stamp')\""

copy committed
com=$tmp/committed
ok "committed: configure and test (the generated files are fresh)" \
  bash -c "cd '$com' && meson setup b >/dev/null && meson test -C b"
echo "      shelf: uint16" >>"$com/inventory.yaml"
ok "committed: after a schema edit the freshness test fails" \
  bash -c "! meson test -C '$com/b' generated-files-fresh"
ok "committed: update-generated brings the files up to date" \
  bash -c "ninja -C '$com/b' update-generated && grep -q shelf '$com/generated/inventory.h'"
ok "committed: and the tests pass again" meson test -C "$com/b"

copy python
pyx=$tmp/python
ok "python: configure and build the extension module" \
  bash -c "cd '$pyx' && meson setup b >/dev/null && ninja -C b >/dev/null"
ok "python: players.py runs on the generated type" \
  bash -c "cd '$pyx' && PYTHONPATH=b /usr/bin/python3 players.py >'$tmp/players.log' &&
    grep -q 'matched player 7 of the red team' '$tmp/players.log'"
ok "python: a player takes less than a third of a __slots__ player's bytes" \
  /usr/bin/python3 -c "import re, sys
m = re.search(r'roster.Player ([0-9.]+), __slots__ class ([0-9.]+)', open('$tmp/players.log').read())
sys.exit(not (m and float(m.group(2)) >= 3 * float(m.group(1))))"
tap_done
