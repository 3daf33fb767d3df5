#!/usr/bin/env bash
# template-keys.sh - the template keys emit.c gives, its templates and
# docs/templates.md agree: every key put is documented and used, and every
# name a template uses is put (or is a partial's, a loop's, @first/@last).
# usage: template-keys.sh SOURCE_ROOT
set -uo pipefail
root=${1:?usage: template-keys.sh SOURCE_ROOT}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/tap.sh"

emit=$root/generator/emit.c
doc=$root/docs/templates.md
# The keys emit.c puts by name (tpl_put*(arena, map, "key", ...)), and the
# families put_names() makes from the names.c lists (fn_SUFFIX, ...).
grep -o 'tpl_put[a-z_]*([^"]*"[a-z_0-9]*"' "$emit" | grep -o '"[^"]*"$' | tr -d '"' |
  sort -u >"$tmp/put"
# The names the templates use: {{name}}, {{#name}}, {{^name}}, {{>* name}}.
sed -n 's/{{[#^/]\{0,1\}\(>\* *\)\{0,1\}\([a-z_@][a-z_0-9]*\) *}}/\n@@\2\n/gp' "$root"/templates/*.tpl |
  sed -n 's/^@@//p' | sort -u >"$tmp/used"

missing_doc=$(while read -r k; do grep -q "\`$k\`" "$doc" || echo "$k"; done <"$tmp/put")
echo "not documented: $missing_doc" >"$tmp/log1"
report "$([ -z "$missing_doc" ]; echo $?)" "every key emit.c puts is in docs/templates.md" "$tmp/log1"
unused=$(comm -23 "$tmp/put" "$tmp/used")
echo "put but used by no template: $unused" >"$tmp/log2"
report "$([ -z "$unused" ]; echo $?)" "every key emit.c puts is used by a template" "$tmp/log2"
# A used name is put by name, or belongs to a family (fn_, elem_fn_,
# parent_fn_), or is @first/@last.
unknown=$(comm -13 "$tmp/put" "$tmp/used" |
  grep -v '^\(fn_\|elem_fn_\|parent_fn_\|@first$\|@last$\)')
echo "used but never put: $unknown" >"$tmp/log3"
report "$([ -z "$unknown" ]; echo $?)" "every name a template uses is a key emit.c puts" "$tmp/log3"
echo "1..$n"
tap_done
