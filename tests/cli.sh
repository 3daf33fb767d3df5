#!/usr/bin/env bash
# The slotgen command as a user meets it: options, exit statuses, --check,
# and files left alone on error.  TAP output.
# usage: cli.sh SLOTGEN SCHEMA_DIR
set -u
slotgen=$(realpath "$1")
schemas=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run() { ${SLOTGEN_WRAP:-} "$slotgen" "$@"; }

. "$(dirname "$0")/tap.sh"

echo "1..27"
ok "--version prints the version" bash -c "'$slotgen' --version | grep -Eq '^slotgen [0-9]+\.[0-9]+\.[0-9]+$'"
ok "--help prints the usage, exit 0" bash -c "'$slotgen' --help | grep -q '^usage: slotgen'"
ok "no schema: usage on stderr, exit 2" bash -c "'$slotgen' 2>&1 >/dev/null | grep 'no schema given' >/dev/null; test \${PIPESTATUS[0]} -eq 2"
ok "an unknown option: exit 2" bash -c "'$slotgen' --frobnicate x.yaml 2>/dev/null; test \$? -eq 2"
ok "a missing schema: one clear line, exit 1" bash -c "
  out=\$('$slotgen' -o '$tmp' '$tmp/none.yaml' 2>&1); st=\$?
  test \$st -eq 1 && test \"\$out\" = 'slotgen: error: cannot read $tmp/none.yaml: No such file or directory'"
mkdir -p "$tmp/gen"
ok "generates MODULE.h and MODULE.c" bash -c "cd '$tmp/gen' && ${SLOTGEN_WRAP:-} '$slotgen' '$schemas/game.yaml' && test -s game.h && test -s game.c"
ok "--check passes on fresh output" run --check -o "$tmp/gen" "$schemas/game.yaml"
edited=$(( $(wc -l <"$tmp/gen/game.c") + 1 ))
echo "/* edited */" >>"$tmp/gen/game.c"
ok "--check fails on a stale file, names it and the first line that differs, writes nothing" bash -c "
  out=\$(${SLOTGEN_WRAP:-} '$slotgen' --check -o '$tmp/gen' '$schemas/game.yaml' 2>&1); st=\$?
  test \$st -eq 1 && test \"\$out\" = '$tmp/gen/game.c: stale (differs from line $edited on); run slotgen to update it' &&
  tail -n 1 '$tmp/gen/game.c' | grep -q edited"
ok "a run rewrites only the stale file" bash -c "
  touch -d '2001-01-01' '$tmp/gen/game.h'
  ${SLOTGEN_WRAP:-} '$slotgen' -o '$tmp/gen' '$schemas/game.yaml' &&
  ! grep -q edited '$tmp/gen/game.c' && test -z \"\$(find '$tmp/gen/game.h' -newermt 2001-01-02)\""
# A bad schema leaves earlier output byte for byte as it was.
cp "$tmp/gen/game.h" "$tmp/before.h"
sed 's/type: int32, default: 0/type: int32, default: zero/' "$schemas/game.yaml" >"$tmp/game.yaml"
ok "a bad schema: diagnostic with line and column, exit 1" bash -c "
  out=\$(${SLOTGEN_WRAP:-} '$slotgen' -o '$tmp/gen' '$tmp/game.yaml' 2>&1); st=\$?
  test \$st -eq 1 && test \"\$out\" = \"$tmp/game.yaml:27:37: error: default of slot 'score' must be a whole number (int32), not 'zero'\""
ok "... and leaves existing output untouched" cmp "$tmp/gen/game.h" "$tmp/before.h"
ok "an unwritable output directory: error, exit 1" bash -c "
  ${SLOTGEN_WRAP:-} '$slotgen' -o '$tmp/no/such/dir' '$schemas/game.yaml' 2>&1 | grep 'error: cannot write' >/dev/null; test \${PIPESTATUS[0]} -eq 1"
mkdir -p "$tmp/dep"
printf 'slotgen: 1\nmodule: base\nclasses:\n  B: {slots: {x: int32}}\n' >"$tmp/dep/base.yaml"
printf 'slotgen: 1\nmodule: top\nimports: [base.yaml]\nclasses:\n  T: {extends: base.B}\n' >"$tmp/dep/top.yaml"
mkdir -p "$tmp/dep/out" "$tmp/dep/out2"
ok "--header and --source write exactly there" bash -c "
  ${SLOTGEN_WRAP:-} '$slotgen' --header '$tmp/dep/out/t.h' --source '$tmp/dep/out2/t.c' '$tmp/dep/top.yaml' &&
  test -s '$tmp/dep/out/t.h' && test -s '$tmp/dep/out2/t.c' && test ! -e top.h"
mkdir -p "$tmp/hs"
ok "--header and --source: the files include each other by the names written" bash -c "
  ${SLOTGEN_WRAP:-} '$slotgen' --yaml --runtime -o '$tmp/hs' --header '$tmp/hs/game_api.h' --source '$tmp/hs/game_impl.c' '$schemas/game.yaml' &&
  grep -qx '#include \"game_api.h\"' '$tmp/hs/game_impl.c' &&
  for c in game_impl.c game_impl_yaml.c; do \${CC:-cc} -fsyntax-only -I'$tmp/hs' \"$tmp/hs/\$c\" || exit 1; done"
mkdir -p "$tmp/py"
ok "--python --runtime: MODULE_python.c, named after --source, and the Python runtime" bash -c "
  ${SLOTGEN_WRAP:-} '$slotgen' --python --runtime -o '$tmp/py' --header '$tmp/py/g.h' --source '$tmp/py/g.c' '$schemas/game.yaml' &&
  test \"\$(cd '$tmp/py' && ls | tr '\\n' ' ')\" = 'g.c g.h g_python.c slotgen_python.c slotgen_python.h slotgen_runtime.c slotgen_runtime.h ' &&
  grep -qx '#include \"g.h\"' '$tmp/py/g_python.c' && grep -q '^PyMODINIT_FUNC PyInit_game(void)$' '$tmp/py/g_python.c' &&
  '$slotgen' --help | grep -q -- '--python'"
# A run writes all its files or none: the source's path is a directory here.
mkdir -p "$tmp/p/src.c"
printf '/* old */\n' >"$tmp/p/x.h"
ok "a run that cannot write one file changes none" bash -c "
  out=\$(${SLOTGEN_WRAP:-} '$slotgen' --header '$tmp/p/x.h' --source '$tmp/p/src.c' '$schemas/game.yaml' 2>&1); st=\$?
  test \$st -eq 1 && test \"\$out\" = 'slotgen: error: cannot write $tmp/p/src.c: Is a directory' &&
  test \"\$(cat '$tmp/p/x.h')\" = '/* old */' && test \"\$(ls -A '$tmp/p')\" = \"\$(printf 'src.c\\nx.h')\""
cp -r "$tmp/gen" "$tmp/long"
head -c 3000000 /dev/zero | tr '\0' 'x' >>"$tmp/long/game.h"
ok "--check: a file much longer than the new text is stale, not missing" bash -c "
  out=\$(${SLOTGEN_WRAP:-} '$slotgen' --check -o '$tmp/long' '$schemas/game.yaml' 2>&1); st=\$?
  test \$st -eq 1 && echo \"\$out\" | grep -qx '$tmp/long/game.h: stale (differs from line [0-9]* on); run slotgen to update it'"
mkdir -p "$tmp/umask"
ok "new outputs get 0666 less the umask" bash -c "
  umask 077 && ${SLOTGEN_WRAP:-} '$slotgen' -o '$tmp/umask' '$schemas/game.yaml' &&
  test \"\$(stat -c %a '$tmp/umask/game.h')\" = 600"
ok "a rewritten output keeps its permissions" bash -c "
  chmod 640 '$tmp/umask/game.h' && echo '/* edited */' >>'$tmp/umask/game.h' &&
  umask 022 && ${SLOTGEN_WRAP:-} '$slotgen' -o '$tmp/umask' '$schemas/game.yaml' &&
  test \"\$(stat -c %a '$tmp/umask/game.h')\" = 640 && ! grep -q edited '$tmp/umask/game.h'"
mkdir -p "$tmp/same"
ok "--header and --source of one path: an error, nothing written" bash -c "
  out=\$(cd '$tmp/same' && ${SLOTGEN_WRAP:-} '$slotgen' --header x.h --source x.h '$schemas/game.yaml' 2>&1); st=\$?
  test \$st -eq 1 && test \"\$out\" = 'slotgen: error: two outputs of this run would be written to x.h' &&
  test -z \"\$(ls -A '$tmp/same')\""
ok "a depfile named as an output: an error, nothing written" bash -c "
  out=\$(${SLOTGEN_WRAP:-} '$slotgen' -o '$tmp/same' --depfile '$tmp/same/game.c' '$schemas/game.yaml' 2>&1); st=\$?
  test \$st -eq 1 && test \"\$out\" = 'slotgen: error: two outputs of this run would be written to $tmp/same/game.c' &&
  test -z \"\$(ls -A '$tmp/same')\""
mkdir -p "$tmp/rt"
ok "--runtime without a schema writes the runtime's two files alone" bash -c "
  ${SLOTGEN_WRAP:-} '$slotgen' --runtime -o '$tmp/rt' &&
  test \"\$(ls '$tmp/rt')\" = \"\$(printf 'slotgen_runtime.c\\nslotgen_runtime.h')\""
ok "--runtime --check passes on them, and names one that is stale" bash -c "
  ${SLOTGEN_WRAP:-} '$slotgen' --runtime --check -o '$tmp/rt' &&
  echo '/* edited */' >>'$tmp/rt/slotgen_runtime.c' &&
  out=\$(${SLOTGEN_WRAP:-} '$slotgen' --runtime --check -o '$tmp/rt' 2>&1); st=\$?
  test \$st -eq 1 && echo \"\$out\" | grep -q '^$tmp/rt/slotgen_runtime.c: stale'"
ok "the runtime and a module compile and link into a program" bash -c "
  ${SLOTGEN_WRAP:-} '$slotgen' --runtime -o '$tmp/rt' '$schemas/game.yaml' &&
  printf '#include \"game.h\"\\nint main(void) { game_player p; game_player_init(&p, 1); game_player_fini(&p); return 0; }\\n' >'$tmp/rt/main.c' &&
  \${CC:-cc} -std=c99 -I'$tmp/rt' '$tmp/rt/main.c' '$tmp/rt/game.c' '$tmp/rt/slotgen_runtime.c' -o '$tmp/rt/main' -lm && '$tmp/rt/main'"
ok "--depfile names the first output and every schema read, imports first" bash -c "
  ${SLOTGEN_WRAP:-} '$slotgen' -o '$tmp/dep/out' --depfile '$tmp/dep/top.d' '$tmp/dep/top.yaml' &&
  test \"\$(cat '$tmp/dep/top.d')\" = '$tmp/dep/out/top.h: $tmp/dep/base.yaml $tmp/dep/top.yaml'"
ok "--header with two schemas is an error" bash -c "
  ${SLOTGEN_WRAP:-} '$slotgen' --header '$tmp/dep/h.h' '$tmp/dep/top.yaml' '$tmp/dep/base.yaml' 2>&1 |
  grep -x 'slotgen: error: --header and --source name the outputs of one schema, not 2' >/dev/null"
# A run killed while writing (here by the file size limit, SIGXFSZ) leaves
# the existing output whole: the new text goes to a temporary file first.
cp "$tmp/gen/game.h" "$tmp/before.h"
sed 's/default: 1}/default: 2}/' "$schemas/game.yaml" >"$tmp/game2.yaml"
ok "a run killed while writing leaves the existing output whole" bash -c "
  (ulimit -f 4; exec '$slotgen' -o '$tmp/gen' '$tmp/game2.yaml') 2>/dev/null; st=\$?
  test \$st -gt 128 && cmp '$tmp/gen/game.h' '$tmp/before.h'"
tap_done
