#!/usr/bin/env bash
# The runtime's table of what Python's repr() escapes beyond ASCII
# (templates/slot_unprintable.c.tpl) is what /usr/bin/python3 says today:
# tools/gen-unprintable, run again, writes the same file.  TAP output.
# usage: unprintable.sh SOURCE_ROOT
set -u
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/tap.sh"
echo "1..1"
ok "templates/slot_unprintable.c.tpl is what tools/gen-unprintable writes" \
  bash -c "/usr/bin/python3 '$src/tools/gen-unprintable' '$tmp/table' &&
    cmp '$tmp/table' '$src/templates/slot_unprintable.c.tpl'"
tap_done
