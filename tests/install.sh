#!/usr/bin/env bash
# `meson install` puts the binary, the man page and a pkg-config file whose
# `slotgen` variable is the binary's path (the wayland-scanner convention);
# and the runtime, a static library with its header and slotgen-runtime.pc,
# against which a module the installed slotgen writes builds.
# usage: install.sh BUILD_ROOT SANITIZE CC...
# (the installed library is built as the build is, sanitizers included, so
# the test program is compiled by the same compiler with the same ones)
set -u
build=$(realpath "$1")
sanitize=$2
shift 2
compiler=("$@")
[ "$sanitize" = none ] || compiler+=("-fsanitize=$sanitize")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/tap.sh"

echo "1..7"
ok "meson install into a staging directory" meson install -C "$build" --no-rebuild --destdir "$tmp/stage"
prefix=$(meson introspect "$build" --buildoptions |
  python3 -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))' 2>/dev/null || echo /usr/local)
root=$tmp/stage$prefix
pc=$(find "$tmp/stage" -name slotgen.pc | head -n 1)
ok "the binary runs" "$root/bin/slotgen" --version
ok "the man page slotgen(1)" test -s "$root/share/man/man1/slotgen.1"
ok "pkg-config's variable slotgen is the installed binary" bash -c "
  path=\$(PKG_CONFIG_PATH='$(dirname "$pc")' pkg-config --define-variable=prefix='$root' --variable=slotgen slotgen)
  test \"\$path\" = '$root/bin/slotgen' && test -x \"\$path\""
pcdir=$(dirname "$(find "$tmp/stage" -name slotgen-runtime.pc | head -n 1)")
ok "pkg-config's slotgen-runtime: the installed header and library" bash -c "
  flags=\$(PKG_CONFIG_PATH='$pcdir' pkg-config --define-variable=prefix='$root' --cflags --libs slotgen-runtime) &&
  echo \"\$flags\" | grep -q -- '-I$root/include/slotgen' && echo \"\$flags\" | grep -q -- '-lslotgen-runtime' &&
  test -s '$root/include/slotgen/slotgen_runtime.h'"
ok "pkg-config's slotgen-yaml: the YAML runtime, with the core runtime and libyaml" bash -c "
  flags=\$(PKG_CONFIG_PATH='$pcdir' pkg-config --define-variable=prefix='$root' --libs slotgen-yaml) &&
  echo \"\$flags\" | grep -q -- '-lslotgen-yaml' && echo \"\$flags\" | grep -q -- '-lslotgen-runtime' &&
  echo \"\$flags\" | grep -q -- '-lyaml' && test -s '$root/include/slotgen/slotgen_yaml.h'"
mkdir -p "$tmp/user"
printf 'slotgen: 1\nmodule: inv\nclasses:\n  Item: {slots: {name: string, count: {type: uint16, default: 1}}}\n' \
  >"$tmp/user/inv.yaml"
printf '#include "inv.h"\nint main(void) { inv_item i; inv_item_init(&i); int rc = inv_item_set_name(&i, "x"); inv_item_fini(&i); return rc; }\n' \
  >"$tmp/user/main.c"
ok "a module of the installed slotgen builds against the installed runtime" bash -c "
  '$root/bin/slotgen' -o '$tmp/user' '$tmp/user/inv.yaml' &&
  ${compiler[*]} -std=c99 -I'$tmp/user' '$tmp/user/main.c' '$tmp/user/inv.c' -o '$tmp/user/main' \
    \$(PKG_CONFIG_PATH='$pcdir' pkg-config --define-variable=prefix='$root' --cflags --libs slotgen-runtime) -lm &&
  '$tmp/user/main'"
tap_done
