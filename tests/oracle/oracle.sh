#!/bin/sh
# Runs oracle.py with the machine's CPython, the reference for by-name
# behaviour (docs/testing.md).  A missing interpreter fails the test: CI
# installs it (Debian: python3).  SLOTGEN_ORACLE_PYTHON names another one,
# to compare with other versions.
# usage: oracle.sh SLOTGEN DRIVER_DIR SANITIZE [OPTIONS] -- CC...
python=${SLOTGEN_ORACLE_PYTHON:-/usr/bin/python3}
if ! [ -x "$python" ]; then
  echo "Bail out! $python not found: the oracle test needs CPython (Debian: apt-get install python3)"
  exit 1
fi
# exec: under `meson test --setup valgrind` only this shell is wrapped;
# oracle.py runs slotgen and the compiled driver through $SLOTGEN_WRAP.
exec "$python" "$(dirname "$0")/oracle.py" "$@"
