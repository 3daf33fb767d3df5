#!/usr/bin/env bash
# `meson install` puts the binary, the man page and a pkg-config file whose
# `slotgen` variable is the binary's path (the wayland-scanner convention).
# usage: install.sh BUILD_ROOT
set -u
build=$(realpath "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/tap.sh"

echo "1..4"
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
tap_done
