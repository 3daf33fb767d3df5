#!/bin/sh
# The YAML oracle test (oracle.py), and the examples test (examples.py),
# run by Debian's own Python with PyYAML built with libyaml (python3-yaml).
# Either missing is a failure, not a skip: PyYAML is the judge of both.
# usage: oracle.sh ORACLE_PY ORACLE_BINARY [SEED [COUNT]]
#        oracle.sh EXAMPLES_PY EXAMPLES_BINARY SCHEMA EXAMPLES_DIR
python=/usr/bin/python3
if [ ! -x "$python" ]; then
  echo "1..1"
  echo "not ok 1 - $python is missing: install python3 and python3-yaml"
  exit 1
fi
if ! "$python" -c 'import yaml; yaml.CSafeLoader; yaml.CSafeDumper' 2>/dev/null; then
  echo "1..1"
  echo "not ok 1 - PyYAML with libyaml is missing from $python: install python3-yaml"
  exit 1
fi
exec "$python" "$@"
