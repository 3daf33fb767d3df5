/* emit.c - plan to template data to C text. */
#include "emit.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tpl.h"

#ifndef SLOTGEN_VERSION
#define SLOTGEN_VERSION "unknown"
#endif

struct emitter {
	struct sg_arena *a;
	const struct sg_plan *plan;
};

static const char *const slot_types[SG_TYPE__COUNT] = {
	[SG_TYPE_BOOL] = "SLOT_BOOL",     [SG_TYPE_INT8] = "SLOT_INT8",
	[SG_TYPE_INT16] = "SLOT_INT16",   [SG_TYPE_INT32] = "SLOT_INT32",
	[SG_TYPE_INT64] = "SLOT_INT64",   [SG_TYPE_UINT8] = "SLOT_UINT8",
	[SG_TYPE_UINT16] = "SLOT_UINT16", [SG_TYPE_UINT32] = "SLOT_UINT32",
	[SG_TYPE_UINT64] = "SLOT_UINT64", [SG_TYPE_FLOAT] = "SLOT_FLOAT",
	[SG_TYPE_DOUBLE] = "SLOT_DOUBLE", [SG_TYPE_STRING] = "SLOT_STRING",
	[SG_TYPE_ENUM] = "SLOT_ENUM",     [SG_TYPE_CLASS] = "SLOT_OBJECT",
	[SG_TYPE_BYTES] = "SLOT_BYTES",   [SG_TYPE_LIST] = "SLOT_LIST",
	[SG_TYPE_MAP] = "SLOT_MAP",       [SG_TYPE_OPTIONAL] = "SLOT_OPTIONAL",
	[SG_TYPE_UNION] = "SLOT_UNION",
};

void sg_c_escape(struct sg_buf *b, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		switch (c) {
		case '\\': sg_buf_puts(b, "\\\\"); break;
		case '"': sg_buf_puts(b, "\\\""); break;
		case '?': sg_buf_puts(b, "\\?"); break; /* no trigraphs */
		case '\n': sg_buf_puts(b, "\\n"); break;
		case '\t': sg_buf_puts(b, "\\t"); break;
		default:
			if (c < 0x20 || c >= 0x7f)
				sg_buf_printf(b, "\\%03o", c);
			else
				sg_buf_putc(b, (char)c);
		}
	}
}


/* ---- long lines ------------------------------------------------------------ */

#define WRAP_MAX_DEPTH 16

/* A place a line may break: after the comma at @p at. */
struct wrap_point {
	size_t at;               /* index of the comma */
	unsigned depth;          /* brackets open there */
	unsigned col;            /* the column after the comma */
	unsigned open[WRAP_MAX_DEPTH]; /* the column after each open bracket */
};

static unsigned next_col(unsigned col, char c)
{
	return c == '\t' ? (col / 8 + 1) * 8 : col + 1;
}

static void put_indent(struct sg_buf *out, unsigned col)
{
	for (unsigned i = 0; i < col / 8; i++)
		sg_buf_putc(out, '\t');
	for (unsigned i = 0; i < col % 8; i++)
		sg_buf_putc(out, ' ');
}

/* Whether a line holds a comment or a preprocessor line from its start. */
static bool unbreakable(const char *line, size_t len)
{
	size_t i = 0;
	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	return i == len || line[i] == '#' || line[i] == '*' ||
	       (line[i] == '/' && i + 1 < len && (line[i + 1] == '*' || line[i + 1] == '/'));
}

/* Whether the @p len bytes of C at @p s hold a comma and a space outside
 * strings and comments: a place wrap_line may break. */
static bool has_comma(const char *s, size_t len)
{
	char quote = 0;
	for (size_t i = 0; i + 1 < len; i++) {
		if (quote) {
			if (s[i] == '\\')
				i++;
			else if (s[i] == quote)
				quote = 0;
		} else if (s[i] == '"' || s[i] == '\'') {
			quote = s[i];
		} else if (s[i] == '/' && (s[i + 1] == '*' || s[i + 1] == '/')) {
			return false;
		} else if (s[i] == ',' && s[i + 1] == ' ') {
			return true;
		}
	}
	return false;
}

/* One line of C (no newline), broken where it runs past SG_WRAP_WIDTH. */
static void wrap_line(struct sg_buf *out, const char *line, size_t len)
{
	if (unbreakable(line, len)) {
		sg_buf_append(out, line, len);
		return;
	}
	unsigned indent = 0;
	for (size_t i = 0; i < len && (line[i] == ' ' || line[i] == '\t'); i++)
		indent = next_col(indent, line[i]);
	unsigned open[WRAP_MAX_DEPTH], depth = 0, deep = 0, col = 0;
	struct wrap_point best = {0}, point;
	bool have = false;
	char quote = 0;
	bool comment = false;
	size_t start = 0, lead = SIZE_MAX; /* the first bracket outside any, if it fits */
	bool tried = false; /* lead was tried, since the last break */
	for (size_t i = 0; i < len; i++) {
		char c = line[i];
		col = next_col(col, c);
		if (quote) {
			if (c == '\\' && i + 1 < len)
				col = next_col(col, line[++i]);
			else if (c == quote)
				quote = 0;
		} else if (c == '"' || c == '\'') {
			quote = c;
		} else if (c == '/' && i + 1 < len && (line[i + 1] == '*' || line[i + 1] == '/')) {
			comment = true; /* no break in a comment, nor after it */
		} else if (comment) {
			continue;
		} else if (c == '(' || c == '[' || c == '{') {
			if (!depth && !deep && !tried && col <= SG_WRAP_WIDTH)
				lead = i;
			if (depth + deep < WRAP_MAX_DEPTH && !deep)
				open[depth++] = col;
			else
				deep++;
		} else if (c == ')' || c == ']' || c == '}') {
			if (deep)
				deep--;
			else if (depth)
				depth--;
		} else if (c == ',' && i + 1 < len && line[i + 1] == ' ' && !deep) {
			point.at = i;
			point.depth = depth;
			point.col = col;
			memcpy(point.open, open, depth * sizeof *open);
			/* The shallowest break that fits; the last of those. */
			if (col <= SG_WRAP_WIDTH && (!have || depth <= best.depth)) {
				best = point;
				have = true;
			}
		}
		if (col > SG_WRAP_WIDTH && !have && lead != SIZE_MAX && !tried) {
			tried = true; /* once: the rest is read to its end */
			if (!has_comma(line + lead, len - lead))
				continue;
			/* No comma fits (the bracket is too far right): break
			 * after the first bracket, the rest a tab deeper, where
			 * its commas may break in turn. */
			sg_buf_append(out, line + start, lead + 1 - start);
			sg_buf_putc(out, '\n');
			put_indent(out, indent + 8);
			for (start = lead + 1; start < len && line[start] == ' '; start++)
				;
			i = start - 1;
			col = indent + 8;
			depth = 1;
			open[0] = col;
			deep = 0;
			quote = 0;
			lead = SIZE_MAX;
			tried = false;
			continue;
		}
		if (col > SG_WRAP_WIDTH && have) {
			unsigned to = best.depth ? best.open[best.depth - 1] : indent;
			if (to + 8 >= best.col) { /* no shorter for it */
				have = false;
				continue;
			}
			sg_buf_append(out, line + start, best.at + 1 - start);
			sg_buf_putc(out, '\n');
			put_indent(out, to);
			/* Go on from the break, brackets as they were there. */
			start = best.at + 2;
			i = best.at + 1;
			col = to;
			depth = best.depth;
			memcpy(open, best.open, depth * sizeof *open);
			deep = 0;
			quote = 0;
			have = false;
			lead = SIZE_MAX;
			tried = false;
		}
	}
	sg_buf_append(out, line + start, len - start);
}

void sg_c_wrap(struct sg_buf *out, const char *text, size_t len)
{
	const char *end = text + len;
	while (text < end) {
		const char *nl = memchr(text, '\n', (size_t)(end - text));
		const char *stop = nl ? nl : end;
		wrap_line(out, text, (size_t)(stop - text));
		if (nl)
			sg_buf_putc(out, '\n');
		text = stop + 1;
	}
}

/* Finish a buffer into the arena (NULL, and the arena marked failed, on error). */
static const char *keep(struct emitter *e, struct sg_buf *b)
{
	const char *s = b->failed ? NULL : sg_arena_strdup(e->a, b->data ? b->data : "");
	if (!s)
		e->a->failed = true;
	sg_buf_fini(b);
	return s;
}

static const char *c_string(struct emitter *e, const char *s)
{
	struct sg_buf b;
	sg_buf_init(&b);
	sg_buf_putc(&b, '"');
	sg_c_escape(&b, s);
	sg_buf_putc(&b, '"');
	return keep(e, &b);
}

/* The columns @p indent takes (tabs to the next multiple of 8). */
static unsigned indent_cols(const char *indent)
{
	unsigned col = 0;
	for (; *indent; indent++)
		col = next_col(col, *indent);
	return col;
}

/* [p, stop) into @p b, never closing the comment early. */
static void put_comment_text(struct sg_buf *b, const char *p, const char *stop)
{
	for (; p < stop; p++) {
		sg_buf_putc(b, *p);
		if (*p == '*' && p + 1 < stop && p[1] == '/')
			sg_buf_putc(b, ' ');
	}
}

/* A Doxygen comment from a schema doc, indented by @p indent: one line
 * when it fits in SG_WRAP_WIDTH columns, else a block, its lines the doc's
 * with long ones broken between words. */
static const char *doc_comment(struct emitter *e, const char *doc, const char *indent)
{
	struct sg_buf b;
	sg_buf_init(&b);
	size_t len = strlen(doc);
	while (len && (doc[len - 1] == '\n' || doc[len - 1] == ' '))
		len--;
	unsigned cols = indent_cols(indent);
	bool multi = memchr(doc, '\n', len) != NULL || cols + 7 + len > SG_WRAP_WIDTH;
	if (!multi) {
		sg_buf_printf(&b, "%s/** ", indent);
		put_comment_text(&b, doc, doc + len);
		sg_buf_puts(&b, " */");
		return keep(e, &b);
	}
	size_t room = SG_WRAP_WIDTH > cols + 3 + 20 ? SG_WRAP_WIDTH - cols - 3 : 20;
	sg_buf_printf(&b, "%s/**\n", indent);
	const char *line = doc, *end = doc + len;
	while (line < end) {
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		const char *stop = nl ? nl : end;
		do { /* the line, in pieces of at most room bytes, broken at spaces */
			const char *cut = stop;
			if ((size_t)(stop - line) > room) {
				cut = line + room;
				while (cut > line && *cut != ' ')
					cut--;
				if (cut == line) /* one long word: up to the next space */
					for (cut = line + room; cut < stop && *cut != ' '; cut++)
						;
			}
			sg_buf_printf(&b, "%s *%s", indent, cut > line ? " " : "");
			put_comment_text(&b, line, cut);
			sg_buf_putc(&b, '\n');
			line = cut;
			while (line < stop && *line == ' ')
				line++;
		} while (line < stop);
		line = stop + 1;
	}
	sg_buf_printf(&b, "%s */", indent);
	return keep(e, &b);
}

/* One line of a doc, for a trailing member comment. */
static const char *doc_line(struct emitter *e, const char *doc)
{
	struct sg_buf b;
	sg_buf_init(&b);
	for (const char *p = doc; *p; p++) {
		char c = *p == '\n' ? ' ' : *p;
		sg_buf_putc(&b, c);
		if (c == '*' && p[1] == '/')
			sg_buf_putc(&b, ' ');
	}
	while (b.len && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	return keep(e, &b);
}

static void put_doc(struct emitter *e, struct tpl_value *m, const char *doc, const char *indent)
{
	tpl_put_bool(e->a, m, "has_doc", doc != NULL);
	if (doc) {
		tpl_put_string(e->a, m, "doc_comment", doc_comment(e, doc, indent));
		tpl_put_string(e->a, m, "doc", doc_line(e, doc));
	}
}

/* A doc as C string literals, for the Python module's tables (NULL for
 * none): one literal a line of the doc, lines past 72 bytes broken after
 * a space, each literal after the first on a line of its own at @p indent. */
static const char *py_doc(struct emitter *e, const char *doc, const char *indent)
{
	if (!doc)
		return "NULL";
	struct sg_buf b;
	sg_buf_init(&b);
	const char *p = doc;
	do {
		size_t n = strcspn(p, "\n"), take = n;
		if (take > 72) { /* after the last space that fits, or the first past */
			size_t cut = 72;
			while (cut > 0 && p[cut] != ' ')
				cut--;
			if (cut == 0)
				for (cut = 72; cut < n && p[cut] != ' '; cut++)
					;
			take = cut < n ? cut + 1 : n;
		}
		bool newline = take == n && p[n] == '\n';
		char *chunk = sg_arena_strndup(e->a, p, take);
		if (!chunk)
			break;
		if (b.len)
			sg_buf_printf(&b, "\n%s", indent);
		sg_buf_putc(&b, '"');
		sg_c_escape(&b, chunk);
		sg_buf_puts(&b, newline ? "\\n\"" : "\"");
		p += take + newline;
	} while (*p);
	return keep(e, &b);
}

static const char *float_literal(struct emitter *e, double d, bool single)
{
	if (isnan(d))
		return single ? "(float)NAN" : "NAN";
	if (isinf(d))
		return d > 0 ? (single ? "HUGE_VALF" : "HUGE_VAL") : (single ? "-HUGE_VALF" : "-HUGE_VAL");
	char num[64];
	snprintf(num, sizeof num, single ? "%.9g" : "%.17g", d);
	bool plain = !strpbrk(num, ".e");
	return sg_arena_printf(e->a, "%s%s%s", num, plain ? ".0" : "", single ? "f" : "");
}

/* The C expression of a slot's default. */
static const char *literal(struct emitter *e, const struct sg_plan_slot *ps)
{
	const struct sg_slot *s = ps->slot;
	const union sg_value *v = &s->value;
	switch (s->type) {
	case SG_TYPE_BOOL:
		return v->b ? "true" : "false";
	case SG_TYPE_INT8:
	case SG_TYPE_INT16:
	case SG_TYPE_INT32:
		return sg_arena_printf(e->a, "%lld", (long long)v->i);
	case SG_TYPE_INT64:
		if (v->i == INT64_MIN)
			return "INT64_MIN";
		return sg_arena_printf(e->a, "INT64_C(%lld)", (long long)v->i);
	case SG_TYPE_UINT8:
	case SG_TYPE_UINT16:
	case SG_TYPE_UINT32:
		return sg_arena_printf(e->a, "%lluu", (unsigned long long)v->u);
	case SG_TYPE_UINT64:
		return sg_arena_printf(e->a, "UINT64_C(%llu)", (unsigned long long)v->u);
	case SG_TYPE_FLOAT:
		return float_literal(e, v->d, true);
	case SG_TYPE_DOUBLE:
		return float_literal(e, v->d, false);
	case SG_TYPE_STRING:
		return c_string(e, v->s);
	case SG_TYPE_ENUM:
		return ps->default_constant;
	default:
		return "0";
	}
}

static const char *type_text(struct emitter *e, const struct sg_slot *s)
{
	/* Types built of others as the schema writes them: list[Item]. */
	bool built = s->type == SG_TYPE_LIST || s->type == SG_TYPE_MAP ||
		     s->type == SG_TYPE_OPTIONAL || s->type == SG_TYPE_UNION;
	const char *t = s->type == SG_TYPE_ENUM ? s->enm->name
		      : s->type == SG_TYPE_CLASS ? s->cls->name
		      : built ? s->type_ref.name : sg_type_name(s->type);
	if (s->max_length)
		t = sg_arena_printf(e->a, "%s of at most %lu bytes", t, (unsigned long)s->max_length);
	return s->array ? sg_arena_printf(e->a, "%s[%u]", t, (unsigned)s->array) : t;
}

/* "SLOT_READONLY | SLOT_ARRAY", or "0". */
static const char *flags(struct emitter *e, const struct sg_slot *s)
{
	const char *parts[6];
	size_t n = 0;
	if (s->readonly)
		parts[n++] = "SLOT_READONLY";
	if (s->array)
		parts[n++] = "SLOT_ARRAY";
	if (s->def)
		parts[n++] = "SLOT_DEFAULT";
	if (s->max_length)
		parts[n++] = "SLOT_INLINE";
	if (sg_is_short_string(s))
		parts[n++] = "SLOT_SHORT";
	if (s->always_set)
		parts[n++] = "SLOT_ALWAYS_SET";
	if (n == 0)
		return "0";
	const char *text = parts[0];
	for (size_t i = 1; i < n; i++)
		text = sg_arena_printf(e->a, "%s | %s", text, parts[i]);
	return text;
}

/* A declarator: @p type and @p name as C writes them, "const char *get_name"
 * or "int32_t get_score", never "char * x". */
static const char *c_decl(struct emitter *e, const char *type, const char *name)
{
	if (!type || !name) { /* out of memory: the arena says so */
		e->a->failed = true;
		return NULL;
	}
	size_t n = strlen(type);
	return sg_arena_printf(e->a, "%s%s%s", type, n && type[n - 1] == '*' ? "" : " ", name);
}

/* The names @p names, one for each entry of @p list, as the keys
 * PREFIX<entry>SUFFIX: fn_init, fn_get, fn_get_at, elem_fn_copy. */
static void put_names(struct emitter *e, struct tpl_value *m, const char *prefix,
		      const char *const *list, const char *suffix, const char *const *names)
{
	for (size_t i = 0; list[i]; i++) {
		const char *key = sg_arena_printf(e->a, "%s%s%s", prefix, list[i], suffix);
		if (key) /* else the arena is marked failed */
			tpl_put_string(e->a, m, key, names[i]);
	}
}

/* The elements of list slot @p ps: its functions, the C types of what they
 * take and give, and the descriptors of its elements, innermost first. */
static void put_list(struct emitter *e, const struct sg_plan_slot *ps, struct tpl_value *m)
{
	struct sg_arena *a = e->a;
	const struct sg_plan_elem *el = ps->list;
	bool map = ps->slot->type == SG_TYPE_MAP;
	const char *const *verbs = map ? sg_map_verbs : sg_list_verbs;
	const char *const *at_verbs = map ? sg_map_at_verbs : sg_list_at_verbs;
	put_names(e, m, "fn_", verbs, "", ps->list_fns);
	put_names(e, m, "fn_", at_verbs, "_at", ps->list_at_fns);
	if (ps->parent_list_fns) {
		put_names(e, m, "parent_fn_", verbs, "", ps->parent_list_fns);
		put_names(e, m, "parent_fn_", at_verbs, "_at", ps->parent_list_at_fns);
	}
	enum sg_type t = el->type->type;
	bool by_value = t < SG_TYPE_STRING || t == SG_TYPE_ENUM, str = t == SG_TYPE_STRING;
	const char *ct = el->ctype;
	const char *cptr = sg_arena_printf(a, "const %s *", ct);
	tpl_put_string(a, m, "item_ctype", ct);
	tpl_put_string(a, m, "item_desc", el->desc);
	tpl_put_bool(a, m, "item_by_value", by_value);
	tpl_put_bool(a, m, "item_string", str);
	tpl_put_bool(a, m, "item_mut", t == SG_TYPE_CLASS || t == SG_TYPE_LIST || t == SG_TYPE_MAP);
	tpl_put_string(a, m, "item_param", by_value ? sg_arena_printf(a, "%s v", ct)
					   : str ? "const char *v" : sg_arena_printf(a, "%sv", cptr));
	/* What the runtime's list calls take: the address of the element (a
	 * string lent as a slot_str, `s`). */
	tpl_put_string(a, m, "item_ref", by_value ? "&v" : str ? "&s" : "v");
	tpl_put_string(a, m, "items_decl",
		       c_decl(e, cptr, ps->fns[sg_name_index(sg_slot_verbs, "get")]));
	tpl_put_string(a, m, "items_param", str ? "const char *const *items"
					       : sg_arena_printf(a, "%sitems", cptr));
	/* What get_..._at (lists) and value_..._at (dicts) return. */
	tpl_put_string(a, m, "item_get_decl",
		       c_decl(e, by_value ? ct : str ? "const char *" : cptr,
			      map ? ps->list_at_fns[sg_name_index(sg_map_at_verbs, "value")]
				  : ps->at_fns[sg_name_index(sg_slot_at_verbs, "get")]));
	if (map) /* get(o, key) lends a pointer to the value (the string itself for strings) */
		tpl_put_string(a, m, "value_get_decl",
			       c_decl(e, str ? "const char *" : cptr,
				      ps->fns[sg_name_index(sg_slot_verbs, "get")]));
	struct tpl_value *elems = tpl_list(a);
	const struct sg_plan_elem *chain[SG_MAX_TYPE_DEPTH + 1];
	size_t n = 0;
	for (const struct sg_plan_elem *x = el; x && n <= SG_MAX_TYPE_DEPTH; x = x->elem)
		chain[n++] = x;
	while (n--) {
		const struct sg_plan_elem *x = chain[n];
		struct tpl_value *d = tpl_append_map(a, elems);
		tpl_put_string(a, d, "desc", x->desc);
		tpl_put_bool(a, d, "outer", x == el);
		tpl_put_string(a, d, "slot_type", slot_types[x->type->type]);
		tpl_put_bool(a, d, "is_short", x->type->type == SG_TYPE_STRING);
		tpl_put_string(a, d, "ctype", x->ctype);
		tpl_put_string(a, d, "enum_ref", x->type->enm ? x->type_ref : "NULL");
		tpl_put_string(a, d, "class_ref", x->type->cls ? x->type_ref : "NULL");
		tpl_put_string(a, d, "inner_ref",
			       x->elem ? sg_arena_printf(a, "&%s", x->elem->desc) : "NULL");
	}
	tpl_put(a, m, "elems", elems);
}

/* A union slot's C types, its kinds and the accessors of each of its
 * types; an empty list of types for any other slot. */
static void put_union(struct emitter *e, const struct sg_plan_slot *ps, struct tpl_value *m)
{
	struct sg_arena *a = e->a;
	const struct sg_plan_union *u = ps->un;
	struct tpl_value *alts = tpl_list(a);
	tpl_put(a, m, "alts", alts);
	tpl_put_bool(a, m, "own_union", u && !ps->inherited);
	if (!u)
		return;
	put_names(e, m, "fn_", sg_union_verbs, "", ps->list_fns);
	if (ps->parent_list_fns)
		put_names(e, m, "parent_fn_", sg_union_verbs, "", ps->parent_list_fns);
	tpl_put_string(a, m, "union_ctype", u->cname);
	tpl_put_string(a, m, "kind_ctype", u->kind_cname);
	tpl_put_string(a, m, "union_desc", u->desc);
	tpl_put_string(a, m, "alts_desc", u->alts_desc);
	tpl_put_string(a, m, "alt_count", sg_arena_printf(a, "%zu", u->count));
	for (size_t i = 0; i < u->count; i++) {
		const struct sg_plan_alt *x = &u->alts[i];
		enum sg_type t = x->type->type;
		struct tpl_value *d = tpl_append_map(a, alts);
		tpl_put_string(a, d, "alt_member", x->member);
		tpl_put_string(a, d, "alt_constant", x->constant);
		tpl_put_string(a, d, "alt_index", sg_arena_printf(a, "%zu", i));
		tpl_put_string(a, d, "alt_ctype", x->ctype);
		tpl_put_string(a, d, "alt_decl", c_decl(e, x->ctype, x->member));
		tpl_put_string(a, d, "alt_type",
			       x->type->enm ? x->type->enm->name : sg_type_name(t));
		tpl_put_string(a, d, "alt_get", x->get);
		tpl_put_string(a, d, "alt_set", x->set);
		tpl_put_string(a, d, "alt_parent_get", x->parent_get ? x->parent_get : "");
		tpl_put_string(a, d, "alt_parent_set", x->parent_set ? x->parent_set : "");
		tpl_put_bool(a, d, "alt_by_value", t < SG_TYPE_STRING || t == SG_TYPE_ENUM);
		tpl_put_bool(a, d, "alt_string", t == SG_TYPE_STRING);
		tpl_put_bool(a, d, "alt_bytes", t == SG_TYPE_BYTES);
		tpl_put_string(a, d, "alt_slot_type", slot_types[t]);
		tpl_put_string(a, d, "alt_enum_ref", x->type_ref);
	}
}

static void put_slot(struct emitter *e, const struct sg_plan_slot *ps, struct tpl_value *m)
{
	struct sg_arena *a = e->a;
	const struct sg_slot *s = ps->slot;
	bool str = s->type == SG_TYPE_STRING;
	bool obj = s->type == SG_TYPE_CLASS || s->type == SG_TYPE_OPTIONAL;
	bool arr = s->array != 0;
	tpl_put_string(a, m, "name", s->name);
	put_names(e, m, "fn_", sg_slot_verbs, "", ps->fns);
	if (ps->at_fns)
		put_names(e, m, "fn_", sg_slot_at_verbs, "_at", ps->at_fns);
	if (ps->elem_fns)
		put_names(e, m, "elem_fn_", sg_class_suffixes, "", ps->elem_fns);
	if (ps->parent_fns)
		put_names(e, m, "parent_fn_", sg_slot_verbs, "", ps->parent_fns);
	if (ps->parent_at_fns)
		put_names(e, m, "parent_fn_", sg_slot_at_verbs, "_at", ps->parent_at_fns);
	tpl_put_string(a, m, "path", ps->path);
	tpl_put_string(a, m, "arg", ps->param);
	tpl_put_string(a, m, "elem_path", arr ? sg_arena_printf(a, "%s[0]", ps->path) : ps->path);
	tpl_put_bool(a, m, "has_bit", ps->mask != 0);
	tpl_put_bool(a, m, "has_clear", !s->readonly && !s->always_set);
	tpl_put_string(a, m, "bits", sg_arena_printf(a, "%s[%u]", ps->bits_member, ps->bit_byte));
	tpl_put_string(a, m, "bits_member", ps->bits_member);
	tpl_put_string(a, m, "bit_byte", sg_arena_printf(a, "%u", ps->bit_byte));
	tpl_put_string(a, m, "mask", sg_arena_printf(a, "0x%02xu", ps->mask));
	tpl_put_string(a, m, "type_text", type_text(e, s));
	tpl_put_string(a, m, "owner", s->owner->name);
	tpl_put_bool(a, m, "inherited", ps->inherited);
	tpl_put_bool(a, m, "readonly", s->readonly);
	/* Each kind of slot has its template of accessors. */
	tpl_put_string(a, m, "accessors",
		       arr ? (str ? "slot_string_array.h.tpl" : obj ? "slot_object_array.h.tpl"
							      : "slot_array.h.tpl")
		       : s->type == SG_TYPE_LIST ? "slot_list.h.tpl"
		       : s->type == SG_TYPE_MAP ? "slot_map.h.tpl"
		       : s->type == SG_TYPE_OPTIONAL ? "slot_optional.h.tpl"
		       : s->type == SG_TYPE_UNION ? "slot_union.h.tpl"
		       : s->type == SG_TYPE_BYTES ? "slot_bytes.h.tpl"
		       : str ? "slot_string.h.tpl" : obj ? "slot_object.h.tpl" : "slot_scalar.h.tpl");
	const char *desc = ps->list ? ps->list->desc : ps->un ? ps->un->desc : NULL;
	tpl_put_bool(a, m, "has_elem", ps->list != NULL);
	tpl_put_bool(a, m, "has_desc", desc != NULL);
	tpl_put_string(a, m, "elem_ref", desc ? sg_arena_printf(a, "&%s", desc) : "NULL");
	put_union(e, ps, m);
	if (ps->list)
		put_list(e, ps, m);
	else
		tpl_put(a, m, "elems", tpl_list(a)); /* no descriptors to define */
	if (s->type == SG_TYPE_OPTIONAL) {
		put_names(e, m, "fn_", sg_optional_verbs, "", ps->list_fns);
		if (ps->parent_list_fns)
			put_names(e, m, "parent_fn_", sg_optional_verbs, "", ps->parent_list_fns);
	}
	tpl_put_bool(a, m, "is_string", !arr && str);
	tpl_put_bool(a, m, "inline_string", str && s->max_length);
	tpl_put_bool(a, m, "has_mut", ps->mut);
	tpl_put_bool(a, m, "mut_fallible", ps->mut_fallible);
	tpl_put_string(a, m, "param",
		       str ? "const char *v" : sg_arena_printf(a, "%s v", ps->elem_ctype));
	const char *get_type = arr ? (str ? "char *const *" : sg_arena_printf(a, "const %s *", ps->elem_ctype))
			      : obj ? sg_arena_printf(a, "const %s *", ps->elem_ctype)
			      : str ? "const char *" : ps->elem_ctype;
	tpl_put_string(a, m, "get_decl", c_decl(e, get_type, ps->fns[sg_name_index(sg_slot_verbs, "get")]));
	tpl_put_string(a, m, "set_decl",
		       c_decl(e, str || obj ? "int" : "void", ps->fns[sg_name_index(sg_slot_verbs, "set")]));
	if (ps->at_fns && arr)
		tpl_put_string(a, m, "get_at_decl",
			       c_decl(e, str ? "const char *" : obj ? sg_arena_printf(a, "const %s *", ps->elem_ctype)
							: ps->elem_ctype,
				      ps->at_fns[sg_name_index(sg_slot_at_verbs, "get")]));
	tpl_put_string(a, m, "elem_ctype", ps->elem_ctype);
	tpl_put_string(a, m, "count", sg_arena_printf(a, "%u", arr ? (unsigned)s->array : 1u));
	tpl_put_string(a, m, "zero",
		       s->type == SG_TYPE_BOOL ? "false"
		       : s->type == SG_TYPE_ENUM ? sg_arena_printf(a, "(%s)0", ps->elem_ctype)
						 : "0");
	tpl_put_string(a, m, "slot_type", slot_types[s->type]);
	tpl_put_string(a, m, "flags", flags(e, s));
	tpl_put_string(a, m, "doc_literal", s->doc ? c_string(e, s->doc) : "NULL");
	tpl_put_string(a, m, "enum_ref", s->enm ? ps->type_ref : "NULL");
	tpl_put_string(a, m, "class_ref", s->cls ? ps->type_ref : "NULL");
	tpl_put_bool(a, m, "slot_has_doc", s->doc != NULL);
	tpl_put_bool(a, m, "has_enum", s->enm != NULL);
	tpl_put_bool(a, m, "has_class", s->cls != NULL);
	if (s->def)
		tpl_put_string(a, m, "value", literal(e, ps));
}

/* ", uint64_t id, const char *name": init's parameters, readonly slots in table order. */
static void put_init(struct emitter *e, const struct sg_plan_class *pc, struct tpl_value *c)
{
	struct sg_buf params, args;
	sg_buf_init(&params);
	sg_buf_init(&args);
	struct tpl_value *defaults = tpl_list(e->a), *ro = tpl_list(e->a);
	for (size_t i = 0; i < pc->count; i++) {
		const struct sg_plan_slot *ps = &pc->slots[i];
		const struct sg_slot *s = ps->slot;
		struct tpl_value *m = NULL;
		if (s->readonly) {
			bool str = s->type == SG_TYPE_STRING;
			sg_buf_printf(&params, ", %s%s%s", str ? "const char *" : ps->elem_ctype,
				      str ? "" : " ", ps->param);
			sg_buf_printf(&args, ", %s", ps->param);
			m = tpl_append_map(e->a, ro);
			tpl_put_bool(e->a, m, "copy_default", false);
			tpl_put_bool(e->a, m, "default_fallible", false);
			tpl_put_bool(e->a, m, "inline_default", false);
		} else if (s->def) {
			m = tpl_append_map(e->a, defaults);
			tpl_put_bool(e->a, m, "copy_default", sg_is_short_string(s));
			tpl_put_bool(e->a, m, "default_fallible",
				     sg_is_short_string(s) &&
					     strlen(s->value.s) > SG_SHORT_STRING_MAX);
			tpl_put_bool(e->a, m, "inline_default", s->max_length != 0);
		}
		if (m)
			put_slot(e, ps, m);
	}
	tpl_put(e->a, c, "defaults", defaults);
	tpl_put(e->a, c, "readonly_params", ro);
	const char *p = keep(e, &params);
	tpl_put_string(e->a, c, "init_params", p);
	tpl_put_string(e->a, c, "init_params_alone", p && *p ? p + 2 : "void");
	tpl_put_string(e->a, c, "init_args", keep(e, &args));
	tpl_put_bool(e->a, c, "init_fallible", pc->init_fallible);
	tpl_put_bool(e->a, c, "init_enomem", pc->init_enomem);
	tpl_put_bool(e->a, c, "init_etype", pc->init_etype);
	tpl_put_bool(e->a, c, "init_erange", pc->init_erange);
	tpl_put_string(e->a, c, "init_decl", c_decl(e, pc->init_fallible ? "int" : "void",
						    pc->fns[sg_name_index(sg_class_suffixes, "init")]));
}

/* The displacements as C initialiser lines, twelve to a line; a bucket no
 * name falls in as the largest value of the type (@p narrow: 16 bits). */
static const char *disp_lines(struct emitter *e, const struct sg_phash *h, bool narrow)
{
	struct sg_buf b;
	sg_buf_init(&b);
	for (size_t i = 0; i < h->nbuckets; i++) {
		sg_buf_puts(&b, i ? " " : "\t"); /* one line: sg_c_wrap fills the lines */
		if (h->disp[i] == SG_PHASH_NO_BUCKET)
			sg_buf_puts(&b, narrow ? "0xffff," : "0xffffffff,");
		else
			sg_buf_printf(&b, "%lu,", (unsigned long)h->disp[i]);
	}
	return keep(e, &b);
}

/* The index of the name of length @p len, when the lengths alone tell
 * the names apart, or SG_PHASH_EMPTY: the hash is a constant (no byte is
 * read), so the bucket's displacement is that name's entry. */
static uint32_t by_length(const struct sg_phash *h, size_t len)
{
	uint32_t d = h->disp[len - h->min_len];
	return d == SG_PHASH_NO_BUCKET ? SG_PHASH_EMPTY
				       : h->table[(uint32_t)(h->seed >> h->shift) ^ d];
}

/*
 * The tables of a lookup as C initialiser lines: for a class, @p fields
 * names its slot_field array, and each entry is the field (and its name's
 * length, in a hash table); for an enum, each entry is 1 + the value (0
 * for none) by length, or the value << 8 | its name's length (0 for none)
 * in a hash table.  The checker keeps names under 256 bytes and values
 * under 2^24.
 */
static const char *lookup_lines(struct emitter *e, const struct sg_phash *h, const char *fields,
				bool lengths)
{
	struct sg_buf b;
	sg_buf_init(&b);
	size_t n = lengths ? h->max_len - h->min_len + 1 : h->size;
	for (size_t i = 0; i < n; i++) {
		uint32_t x = lengths ? by_length(h, h->min_len + i) : h->table[i];
		sg_buf_puts(&b, i ? " " : "\t"); /* one line: sg_c_wrap fills the lines */
		if (fields && lengths)
			sg_buf_printf(&b, x == SG_PHASH_EMPTY ? "NULL," : "&%s[%lu],", fields,
				      (unsigned long)x);
		else if (fields && x == SG_PHASH_EMPTY)
			sg_buf_puts(&b, "{NULL, 0},");
		else if (fields)
			sg_buf_printf(&b, "{&%s[%lu], %zu},", fields, (unsigned long)x, h->lens[x]);
		else if (lengths)
			sg_buf_printf(&b, "%lu,", x == SG_PHASH_EMPTY ? 0ul : (unsigned long)x + 1);
		else if (x == SG_PHASH_EMPTY)
			sg_buf_puts(&b, "0,");
		else
			sg_buf_printf(&b, "0x%06lx,", (unsigned long)x << 8 | (unsigned long)h->lens[x]);
	}
	return keep(e, &b);
}

/* The name in @p names of the entry @p suffix of @p list (the plan's). */
static const char *name_of(const char *const *list, const char *const *names,
			   const char *suffix)
{
	return names[sg_name_index(list, suffix)];
}

/* A lookup's declaration @p what, of a class (slot_lookup, slot_table,
 * ...) or of an enum (value_lookup, ...), from the plan's @p names. */
static const char *lookup_name(bool slot, const char *const *list, const char *const *names,
			       const char *what)
{
	char key[32];
	snprintf(key, sizeof key, "%s_%s", slot ? "slot" : "value", what);
	return name_of(list, names, key);
}

/* The perfect hash of a class's slot names (@p slot) or an enum's value
 * names: the tables and the steps of the function that reads them.
 * @p list and @p names: the plan's names of the class's or enum's
 * declarations, the tables and the lookup among them. */
static void put_hash(struct emitter *e, struct tpl_value *m, const struct sg_phash *h, bool slot,
		     const char *const *list, const char *const *names)
{
	struct sg_arena *a = e->a;
	const char *fields = slot ? name_of(list, names, "fields") : NULL;

	bool all = h->npos == SG_PHASH_ALL_BYTES;
	struct tpl_value *steps = tpl_list(a);
	/* Lengths outside [min_len, max_len] return before the hash reads a
	 * byte (those under min_len at a displacement that says no name has
	 * that length), so a read within the shortest name needs no bounds
	 * test. */
	for (unsigned i = 0; !all && i < h->npos; i++) {
		struct sg_phash_pos p = h->positions[i];
		size_t reach = sg_phash_reach(p);
		const char *at = p.offset >= 0 ? sg_arena_printf(a, "%d", p.offset)
					       : sg_arena_printf(a, "len - %zu", reach);
		const char *read =
			p.width == 1 ? sg_arena_printf(a, "(unsigned char)name[%s]", at)
				     : sg_arena_printf(a, "slot_le%u(name + %s)", p.width * 8, at);
		if (reach > h->min_len)
			read = sg_arena_printf(a, "(len >= %zu ? %s : 0u)", reach, read);
		tpl_put_string(a, tpl_append_map(a, steps), "read", read);
	}
	/* A length outside [min_len, max_len] is a miss at once; the tables by
	 * length start at min_len. */
	tpl_put_string(a, m, "hash_min_len", sg_arena_printf(a, "%zu", h->min_len));
	tpl_put_string(a, m, "hash_len_out",
		       h->min_len == h->max_len ? sg_arena_printf(a, "len != %zu", h->min_len)
		       : h->min_len ? sg_arena_printf(a, "len - %zu > %zu", h->min_len,
						      h->max_len - h->min_len)
				    : sg_arena_printf(a, "len > %zu", h->max_len));
	tpl_put_string(a, m, "hash_len_at",
		       h->min_len ? sg_arena_printf(a, "len - %zu", h->min_len) : "len");
	tpl_put_string(a, m, "hash_lookup_ref", lookup_name(slot, list, names, "lookup"));

	/* When the lengths alone tell the names apart (no byte read, a bucket
	 * per length), a table by length gives the one name a lookup can be,
	 * and every miss of that length reaches it: the last comparison then
	 * turns long names away on their first bytes.  Where the names are
	 * all longer than 16 bytes, memcmp is called without a test. */
	bool lengths_only = h->npos == 0 && h->bucket_bits == 0;
	tpl_put_string(a, m, "hash_miss", slot ? "NULL" : "-1");
	tpl_put_string(a, m, "hash_named",
		       !slot ? "slot_value_named"
		       : lengths_only ? "slot_field_named_first"
		       : h->min_len > 16 ? "slot_field_named_long"
					 : "slot_field_named");
	tpl_put_bool(a, m, "hash_lengths_only", lengths_only);
	if (lengths_only) {
		tpl_put_string(a, m, "hash_lengths",
			       sg_arena_printf(a, "%zu", h->max_len - h->min_len + 1));
		tpl_put_string(a, m, "hash_index_type",
			       h->size <= 0xff ? "uint8_t" : h->size <= 0xffff ? "uint16_t" : "uint32_t");
		tpl_put_string(a, m, "hash_index", lookup_lines(e, h, fields, true));
		tpl_put_string(a, m, "hash_index_ref", lookup_name(slot, list, names, "by_length"));
		return;
	}

	/* Displacements are below the table's size: 16 bits where they fit,
	 * with 0xffff free to mark a length no name has. */
	bool narrow = h->size <= 0x8000;
	tpl_put(a, m, "hash_steps", steps);
	tpl_put_bool(a, m, "hash_all_bytes", all);
	tpl_put_bool(a, m, "hash_bytewise", h->bytewise);
	tpl_put_string(a, m, "hash_h", h->rotate ? "(h << 31 | h >> 33)" : "h");
	tpl_put_bool(a, m, "hash_by_length", h->bucket_bits == 0);
	tpl_put_string(a, m, "hash_seed", sg_arena_printf(a, "0x%" PRIx64 "u", h->seed));
	tpl_put_string(a, m, "hash_mul", sg_arena_printf(a, "0x%" PRIx64 "u", SG_PHASH_MUL));
	tpl_put_string(a, m, "hash_shift", sg_arena_printf(a, "%u", h->shift));
	tpl_put_string(a, m, "hash_bucket_shift",
		       sg_arena_printf(a, "%u", h->shift - h->bucket_bits));
	tpl_put_string(a, m, "hash_bucket_mask",
		       sg_arena_printf(a, "0x%lxu", (unsigned long)h->nbuckets - 1));
	tpl_put_string(a, m, "hash_disp_type", narrow ? "uint16_t" : "uint32_t");
	tpl_put_string(a, m, "hash_no_bucket", narrow ? "0xffffu" : "0xffffffffu");
	tpl_put_string(a, m, "hash_buckets", sg_arena_printf(a, "%lu", (unsigned long)h->nbuckets));
	tpl_put_string(a, m, "hash_size", sg_arena_printf(a, "%lu", (unsigned long)h->size));
	tpl_put_string(a, m, "hash_disp", disp_lines(e, h, narrow));
	tpl_put_string(a, m, "hash_table", lookup_lines(e, h, fields, false));
	tpl_put_string(a, m, "hash_disp_ref", lookup_name(slot, list, names, "disp"));
	tpl_put_string(a, m, "hash_table_ref", lookup_name(slot, list, names, "table"));
}

/* A struct member: its declaration and its doc, after it on its line
 * where that fits in SG_WRAP_WIDTH columns, else in a block above it. */
static void put_member(struct emitter *e, struct tpl_value *members, const char *decl,
		       const char *doc)
{
	struct sg_arena *a = e->a;
	struct tpl_value *m = tpl_append_map(a, members);
	if (!decl) {
		a->failed = true;
		return;
	}
	tpl_put_string(a, m, "decl", decl);
	const char *line = doc ? doc_line(e, doc) : NULL;
	bool after = line && 8 + strlen(decl) + 7 + strlen(line) + 3 <= SG_WRAP_WIDTH &&
		     !strchr(doc, '\n');
	tpl_put_bool(a, m, "doc_after", after);
	tpl_put_bool(a, m, "doc_above", doc && !after);
	if (after)
		tpl_put_string(a, m, "doc", line);
	else if (doc)
		tpl_put_string(a, m, "doc_comment", doc_comment(e, doc, "\t"));
}

static void put_class(struct emitter *e, const struct sg_plan_class *pc, struct tpl_value *c)
{
	struct sg_arena *a = e->a;
	const struct sg_class *cls = pc->cls;
	tpl_put_string(a, c, "struct_open",
		       sg_arena_printf(a, "%sstruct %s {", e->plan->forward ? "" : "typedef ",
				       pc->cname));
	tpl_put_string(a, c, "struct_close",
		       e->plan->forward ? "};" : sg_arena_printf(a, "} %s;", pc->cname));
	tpl_put_string(a, c, "name", cls->name);
	tpl_put_string(a, c, "cname", pc->cname);
	put_names(e, c, "fn_", sg_class_suffixes, "", pc->fns);
	put_doc(e, c, cls->doc, "");
	tpl_put_string(a, c, "py_doc", py_doc(e, cls->doc, "\t "));
	tpl_put_string(a, c, "py_parent_module",
		       cls->parent && cls->parent->module != cls->module
			       ? c_string(e, cls->parent->module->name)
			       : "NULL");
	tpl_put_string(a, c, "parent_ref",
		       pc->parent_class_fns
			       ? sg_arena_printf(a, "&%s", name_of(sg_class_suffixes, pc->parent_class_fns,
								   "class"))
			       : "NULL");
	tpl_put_bool(a, c, "has_fields", pc->count > 0);
	tpl_put_string(a, c, "field_count", sg_arena_printf(a, "%zu", pc->count));
	tpl_put_string(a, c, "fields_ref",
		       pc->count ? name_of(sg_class_suffixes, pc->fns, "fields") : "NULL");
	put_hash(e, c, &pc->hash, true, sg_class_suffixes, pc->fns);

	struct tpl_value *members = tpl_list(a), *slots = tpl_list(a);
	for (size_t i = 0; i < pc->count; i++)
		put_slot(e, &pc->slots[i], tpl_append_map(a, slots));
	if (pc->parent_cname)
		put_member(e, members, sg_arena_printf(a, "%s slot_base", pc->parent_cname),
			   sg_arena_printf(a, "the parent, first: a %s * is a %s *", pc->cname,
					   pc->parent_cname));
	/* Members in memory order; the name table keeps schema order. */
	for (size_t i = 0; i <= cls->count; i++) {
		if (cls->order[i] == cls->count) {
			if (pc->bits_bytes)
				put_member(e, members,
					   sg_arena_printf(a, "unsigned char slot_bits[%u]", pc->bits_bytes),
					   "one bit a slot: set or unset");
			continue;
		}
		const struct sg_plan_slot *ps = &pc->slots[pc->own_first + cls->order[i]];
		const struct sg_slot *s = ps->slot;
		const char *ct = s->type == SG_TYPE_OPTIONAL ? sg_arena_printf(a, "%s *", ps->elem_ctype)
							      : ps->elem_ctype;
		bool ptr = ct[strlen(ct) - 1] == '*';
		/* A string kept in the object: char name[max_length + 1]. */
		const char *tail = s->max_length
					   ? sg_arena_printf(a, "[%lu]", (unsigned long)s->max_length + 1)
					   : "";
		const char *decl = s->array ? sg_arena_printf(a, "%s%s%s[%u]%s", ct, ptr ? "" : " ",
							       ps->member, (unsigned)s->array, tail)
					    : sg_arena_printf(a, "%s%s%s%s", ct, ptr ? "" : " ", ps->member,
							      tail);
		put_member(e, members, decl, s->doc);
	}
	tpl_put(a, c, "members", members);
	tpl_put(a, c, "slots", slots);
	put_init(e, pc, c);
}

static void put_enum(struct emitter *e, const struct sg_plan_enum *pe, struct tpl_value *m)
{
	struct sg_arena *a = e->a;
	tpl_put_string(a, m, "name", pe->enm->name);
	tpl_put_string(a, m, "cname", pe->cname);
	put_names(e, m, "fn_", sg_enum_suffixes, "", pe->fns);
	tpl_put_string(a, m, "count", sg_arena_printf(a, "%zu", pe->enm->count));
	put_doc(e, m, pe->enm->doc, "");
	tpl_put_string(a, m, "py_doc", py_doc(e, pe->enm->doc, "\t "));
	struct tpl_value *values = tpl_list(a);
	for (size_t i = 0; i < pe->enm->count; i++) {
		struct tpl_value *v = tpl_append_map(a, values);
		tpl_put_string(a, v, "name", pe->enm->values[i].name);
		tpl_put_string(a, v, "constant", pe->constants[i]);
		tpl_put_string(a, v, "index", sg_arena_printf(a, "%zu", i));
	}
	tpl_put(a, m, "values", values);
	put_hash(e, m, &pe->hash, false, sg_enum_suffixes, pe->fns);
}

static const struct sg_template_file *find_template(const char *name)
{
	for (size_t i = 0; i < sg_template_count; i++)
		if (strcmp(sg_template_files[i].name, name) == 0)
			return &sg_template_files[i];
	return NULL;
}

/* A partial, `{{> lookup.c.tpl}}`: another file of templates/. */
static bool find_partial(void *ctx, const char *name, const char **file, const char **text,
			 size_t *len)
{
	char path[256];
	(void)ctx;
	if ((size_t)snprintf(path, sizeof path, "templates/%s", name) >= sizeof path)
		return false;
	const struct sg_template_file *f = find_template(path);
	if (!f)
		return false;
	*file = f->name;
	*text = f->text;
	*len = f->len;
	return true;
}

static bool render(struct sg_arena *a, struct sg_diags *diags, const char *name,
		   const struct tpl_value *data, struct sg_buf *out)
{
	static const struct tpl_partials partials = {find_partial, NULL};
	const struct sg_template_file *f = find_template(name);
	struct tpl_template t;
	if (!f) {
		struct sg_loc loc = {NULL, 0, 0};
		sg_error(diags, loc, "template %s is not built in", name);
		return false;
	}
	struct sg_buf text;
	sg_buf_init(&text);
	bool ok = tpl_compile(a, diags, f->name, f->text, f->len, &partials, &t) &&
		  tpl_render(&t, data, &text, diags);
	if (ok)
		sg_c_wrap(out, text.data ? text.data : "", text.len);
	sg_buf_fini(&text);
	if (ok && out->failed) {
		diags->oom = true;
		ok = false;
	}
	return ok;
}

/* The runtime's file names, which generated files include. */
static void put_runtime_names(struct sg_arena *arena, struct tpl_value *top)
{
	tpl_put_string(arena, top, "runtime_header", SG_RUNTIME_HEADER);
	tpl_put_string(arena, top, "runtime_source", SG_RUNTIME_SOURCE);
	tpl_put_string(arena, top, "yaml_runtime_header", SG_YAML_RUNTIME_HEADER);
	tpl_put_string(arena, top, "yaml_runtime_source", SG_YAML_RUNTIME_SOURCE);
	tpl_put_string(arena, top, "python_runtime_header", SG_PYTHON_RUNTIME_HEADER);
	tpl_put_string(arena, top, "python_runtime_source", SG_PYTHON_RUNTIME_SOURCE);
}

/* The enums of other modules that this module's own slots hold, once each:
 * the Python module takes their types from those modules' Python modules. */
static struct tpl_value *imported_enums(struct emitter *e)
{
	struct sg_arena *a = e->a;
	const struct sg_plan *plan = e->plan;
	struct tpl_value *list = tpl_list(a);
	const struct sg_enum **seen = sg_arena_alloc(a, sizeof *seen);
	size_t n = 0;
	for (size_t i = 0; seen && i < plan->module->class_count; i++) {
		const struct sg_plan_class *pc = &plan->classes[i];
		for (size_t k = pc->own_first; k < pc->count; k++) {
			const struct sg_slot *s = pc->slots[k].slot;
			size_t j = 0;
			if (s->type != SG_TYPE_ENUM || s->enm->module == plan->module)
				continue;
			while (j < n && seen[j] != s->enm)
				j++;
			if (j < n)
				continue;
			const struct sg_enum **more = sg_arena_alloc(a, (n + 1) * sizeof *more);
			if (!more)
				return list;
			memcpy(more, seen, n * sizeof *seen);
			seen = more;
			seen[n++] = s->enm;
			struct tpl_value *m = tpl_append_map(a, list);
			tpl_put_string(a, m, "py_enum_table", pc->slots[k].type_ref + 1); /* past the & */
			tpl_put_string(a, m, "py_enum_module", c_string(e, s->enm->module->name));
		}
	}
	if (!seen)
		a->failed = true;
	return list;
}

/* The template data of a module: everything every template may name. */
static struct tpl_value *module_data(struct emitter *e, struct sg_diags *diags)
{
	struct sg_arena *arena = e->a;
	const struct sg_plan *plan = e->plan;
	const struct sg_module *m = plan->module;
	struct tpl_value *top = tpl_map(arena);
	tpl_put_string(arena, top, "header", plan->header);
	tpl_put_string(arena, top, "source", plan->source);
	tpl_put_string(arena, top, "yaml_header", plan->yaml_header);
	tpl_put_string(arena, top, "yaml_source", plan->yaml_source);
	tpl_put_string(arena, top, "yaml_guard", plan->yaml_guard);
	tpl_put_string(arena, top, "python_source", plan->python_source);
	tpl_put_string(arena, top, "py_init", plan->py_init);
	tpl_put_string(arena, top, "py_classes", plan->py_classes);
	tpl_put_string(arena, top, "py_enums", plan->py_enums);
	tpl_put_string(arena, top, "py_module", plan->py_module);
	tpl_put_string(arena, top, "py_module_doc", py_doc(e, m->doc, "\t       "));
	tpl_put(arena, top, "py_imported_enums", imported_enums(e));
	tpl_put_string(arena, top, "module", m->name);
	tpl_put_string(arena, top, "schema", m->file_name);
	tpl_put_string(arena, top, "version", SLOTGEN_VERSION);
	const char *code_version = sg_arena_printf(arena, "%d", SG_CODE_VERSION);
	tpl_put_string(arena, top, "format", code_version);
	tpl_put_string(arena, top, "guard", plan->guard);
	tpl_put_string(arena, top, "format_macro", plan->format_macro);
	/* The module's doc is its header's: a block that starts \file. */
	put_doc(e, top, m->doc ? sg_arena_printf(arena, "\\file %s\n%s", plan->header, m->doc) : NULL,
		"");
	struct tpl_value *includes = tpl_list(arena), *enums = tpl_list(arena),
			 *classes = tpl_list(arena);
	for (size_t i = 0; i < plan->include_count; i++)
		tpl_put_string(arena, tpl_append_map(arena, includes), "include", plan->includes[i]);
	for (size_t i = 0; i < m->enum_count; i++)
		put_enum(e, &plan->enums[i], tpl_append_map(arena, enums));
	for (size_t i = 0; i < m->class_count; i++)
		put_class(e, &plan->classes[i], tpl_append_map(arena, classes));
	tpl_put(arena, top, "includes", includes);
	tpl_put_bool(arena, top, "forward", plan->forward);
	tpl_put(arena, top, "enums", enums);
	tpl_put(arena, top, "classes", classes);
	put_runtime_names(arena, top);
	if (arena->failed) {
		diags->oom = true;
		return NULL;
	}
	return top;
}

bool sg_emit(struct sg_arena *arena, struct sg_diags *diags, const struct sg_plan *plan,
	     struct sg_buf *header, struct sg_buf *source)
{
	struct emitter e = {arena, plan};
	struct tpl_value *top = module_data(&e, diags);
	return top && render(arena, diags, "templates/header.h.tpl", top, header) &&
	       render(arena, diags, "templates/source.c.tpl", top, source);
}

/* The template data of the runtimes: their file names and version. */
static struct tpl_value *runtime_data(struct sg_arena *arena, struct sg_diags *diags)
{
	struct tpl_value *top = tpl_map(arena);
	tpl_put_string(arena, top, "version", SLOTGEN_VERSION);
	tpl_put_string(arena, top, "format", sg_arena_printf(arena, "%d", SG_CODE_VERSION));
	put_runtime_names(arena, top);
	if (arena->failed) {
		diags->oom = true;
		return NULL;
	}
	return top;
}

bool sg_emit_runtime(struct sg_arena *arena, struct sg_diags *diags, struct sg_buf *header,
		     struct sg_buf *source)
{
	struct tpl_value *top = runtime_data(arena, diags);
	return top && render(arena, diags, "templates/slotgen_runtime.h.tpl", top, header) &&
	       render(arena, diags, "templates/slotgen_runtime.c.tpl", top, source);
}

bool sg_emit_yaml_runtime(struct sg_arena *arena, struct sg_diags *diags, struct sg_buf *header,
			  struct sg_buf *source)
{
	struct tpl_value *top = runtime_data(arena, diags);
	return top && render(arena, diags, "templates/slotgen_yaml.h.tpl", top, header) &&
	       render(arena, diags, "templates/slotgen_yaml.c.tpl", top, source);
}

bool sg_emit_yaml(struct sg_arena *arena, struct sg_diags *diags, const struct sg_plan *plan,
		  struct sg_buf *header, struct sg_buf *source)
{
	struct emitter e = {arena, plan};
	struct tpl_value *top = module_data(&e, diags);
	return top && render(arena, diags, "templates/yaml.h.tpl", top, header) &&
	       render(arena, diags, "templates/yaml.c.tpl", top, source);
}

bool sg_emit_python_runtime(struct sg_arena *arena, struct sg_diags *diags, struct sg_buf *header,
			    struct sg_buf *source)
{
	struct tpl_value *top = runtime_data(arena, diags);
	return top && render(arena, diags, "templates/slotgen_python.h.tpl", top, header) &&
	       render(arena, diags, "templates/slotgen_python.c.tpl", top, source);
}

bool sg_emit_python(struct sg_arena *arena, struct sg_diags *diags, const struct sg_plan *plan,
		    struct sg_buf *source)
{
	struct emitter e = {arena, plan};
	struct tpl_value *top = module_data(&e, diags);
	return top && render(arena, diags, "templates/python.c.tpl", top, source);
}
