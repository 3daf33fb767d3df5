/* tpl.c - the template engine. */
#include "tpl.h"

#include <string.h>

enum node_kind { NODE_TEXT, NODE_VAR, NODE_SECTION, NODE_INVERTED, NODE_DYNAMIC };

struct tpl_node {
	enum node_kind kind;
	struct tpl_node *next;
	const char *text; /* text, or the name of a tag */
	size_t len;
	const char *file; /* the template file it comes from, and its line there */
	unsigned line;
	struct tpl_node *body; /* sections */
};

/* ---- data tree ---------------------------------------------------------- */

static struct tpl_value *new_value(struct sg_arena *a, enum tpl_kind kind)
{
	struct tpl_value *v = sg_arena_alloc(a, sizeof *v);
	if (v) {
		v->kind = kind;
		v->tail = &v->first;
	}
	return v;
}

struct tpl_value *tpl_map(struct sg_arena *a)
{
	return new_value(a, TPL_MAP);
}

struct tpl_value *tpl_list(struct sg_arena *a)
{
	return new_value(a, TPL_LIST);
}

void tpl_put(struct sg_arena *a, struct tpl_value *map, const char *key, struct tpl_value *v)
{
	struct tpl_entry *e = sg_arena_alloc(a, sizeof *e);
	if (!map || !e || !v) {
		a->failed = true;
		return;
	}
	e->key = key;
	e->value = v;
	*map->tail = e;
	map->tail = &e->next;
	map->count++;
}

void tpl_put_string(struct sg_arena *a, struct tpl_value *map, const char *key, const char *s)
{
	struct tpl_value *v = new_value(a, TPL_STRING);
	if (v)
		v->string = s;
	if (!s)
		a->failed = true;
	tpl_put(a, map, key, v);
}

void tpl_put_bool(struct sg_arena *a, struct tpl_value *map, const char *key, bool b)
{
	struct tpl_value *v = new_value(a, TPL_BOOL);
	if (v)
		v->boolean = b;
	tpl_put(a, map, key, v);
}

struct tpl_value *tpl_append_map(struct sg_arena *a, struct tpl_value *list)
{
	struct tpl_value *m = tpl_map(a);
	tpl_put(a, list, NULL, m);
	return m;
}

/* ---- compile -------------------------------------------------------------- */

struct compiler {
	struct sg_arena *arena;
	struct sg_diags *diags;
	const char *name;
	const char *begin, *p, *end; /* the template is [begin, end); p is where we are */
	unsigned line;
	const struct tpl_partials *partials;
	unsigned depth; /* partials this one is inside */
};

static void error_at(struct compiler *c, unsigned line, const char *fmt, const char *arg)
{
	struct sg_loc loc = {c->name, line, 1};
	sg_error(c->diags, loc, fmt, arg);
}

static struct tpl_node *add_node(struct compiler *c, struct tpl_node ***tail, enum node_kind kind,
				 const char *text, size_t len, unsigned line)
{
	struct tpl_node *n = sg_arena_alloc(c->arena, sizeof *n);
	if (!n) {
		c->diags->oom = true;
		return NULL;
	}
	n->kind = kind;
	n->text = text;
	n->len = len;
	n->file = c->name;
	n->line = line;
	**tail = n;
	*tail = &n->next;
	return n;
}

static unsigned count_lines(const char *s, const char *e)
{
	unsigned n = 0;
	for (; s < e; s++)
		n += *s == '\n';
	return n;
}

/* The first @p needle of two bytes in [p, end), or NULL: the text need
 * not end in a NUL. */
static const char *find2(const char *p, const char *end, const char *needle)
{
	for (; p + 1 < end; p++)
		if (p[0] == needle[0] && p[1] == needle[1])
			return p;
	return NULL;
}

/* Whether the tag at [open, close) stands alone on its line; if so, widen
 * [*from, *to) to the whole line.  The blanks before it must reach back to
 * the line's start within the current text, [text_start, open): a tag
 * earlier on the line ends that text, and makes this one not alone. */
static bool standalone(const struct compiler *c, const char *text_start, const char *open,
		       const char *close, const char **from, const char **to)
{
	const char *b = open;
	while (b > text_start && (b[-1] == ' ' || b[-1] == '\t'))
		b--;
	if (b > c->begin && b[-1] != '\n')
		return false;
	const char *e = close;
	while (e < c->end && (*e == ' ' || *e == '\t'))
		e++;
	if (e < c->end && *e != '\n')
		return false;
	*from = b;
	*to = e < c->end ? e + 1 : e;
	return true;
}

static bool compile_body(struct compiler *c, struct tpl_node **head,
			 const struct tpl_node *section);

/* Compile @p text as the whole of a template or partial named @p name,
 * inside @p depth partials. */
static bool compile_text(struct compiler *c, const char *name, const char *text, size_t len,
			 unsigned depth, struct tpl_node **body)
{
	if (memchr(text, '\0', len)) {
		struct sg_loc loc = {name, 0, 0};
		sg_error(c->diags, loc, "template contains a NUL byte");
		return false;
	}
	struct compiler sub = {
		.arena = c->arena, .diags = c->diags, .name = name,
		.begin = text, .p = text, .end = text + len, .line = 1,
		.partials = c->partials, .depth = depth,
	};
	return compile_body(&sub, body, NULL);
}

/* The partial @p name, compiled and appended at @p *tail. */
static bool compile_partial(struct compiler *c, struct tpl_node ***tail, const char *name,
			    unsigned line)
{
	const char *file, *text;
	size_t len;
	if (!c->partials || !c->partials->find(c->partials->ctx, name, &file, &text, &len)) {
		error_at(c, line, "unknown partial '%s'", name);
		return false;
	}
	if (c->depth == TPL_MAX_PARTIAL_DEPTH) {
		error_at(c, line, "partials nest deeper than 16 at '%s' (a cycle?)", name);
		return false;
	}
	struct tpl_node *body = NULL;
	if (!compile_text(c, file, text, len, c->depth + 1, &body))
		return false;
	**tail = body;
	while (**tail)
		*tail = &(**tail)->next;
	return true;
}

/*
 * Compile until the end of input (@p section NULL) or the close tag of
 * @p section; return false on error.
 */
static bool compile_body(struct compiler *c, struct tpl_node **head, const struct tpl_node *section)
{
	struct tpl_node **tail = head;
	const char *text = c->p;
	while (c->p < c->end) {
		const char *open = find2(c->p, c->end, "{{");
		if (!open)
			break;
		const char *close = find2(open + 2, c->end, "}}");
		unsigned line = c->line + count_lines(c->p, open);
		if (!close) {
			error_at(c, line, "unterminated tag '%s'", "{{");
			return false;
		}
		char sigil = open[2];
		bool sigiled = sigil && strchr("#^/!>", sigil);
		const char *name = open + 2 + (sigiled ? 1 : 0);
		size_t len = (size_t)(close - name);
		while (len && *name == ' ')
			name++, len--;
		while (len && name[len - 1] == ' ')
			len--;
		const char *after = close + 2, *from = open, *to = after;
		if (sigiled)
			standalone(c, text, open, after, &from, &to);
		if (from > text && !add_node(c, &tail, NODE_TEXT, text, (size_t)(from - text), line))
			return false;
		c->line = line + count_lines(open, to);
		c->p = to;
		text = to;
		if (sigil == '!')
			continue;
		const char *copy = sg_arena_strndup(c->arena, name, len);
		if (!copy) {
			c->diags->oom = true;
			return false;
		}
		if (sigil == '>' && copy[0] == '*') { /* {{>* key}}: the partial `key` names */
			const char *key = copy + 1;
			while (*key == ' ')
				key++;
			if (!*key) {
				error_at(c, line, "empty tag '%s'", "{{>*}}");
				return false;
			}
			if (!c->partials) {
				error_at(c, line, "no partials for '{{>* %s}}'", key);
				return false;
			}
			if (!add_node(c, &tail, NODE_DYNAMIC, key, strlen(key), line))
				return false;
			text = c->p;
			continue;
		}
		if (sigil == '>') {
			if (!compile_partial(c, &tail, copy, line))
				return false;
			text = c->p;
			continue;
		}
		if (sigil == '/') {
			if (!section) {
				error_at(c, line, "'{{/%s}}' closes no section", copy);
				return false;
			}
			if (strcmp(copy, section->text) != 0) {
				error_at(c, line, "'{{/%s}}' does not close the open section", copy);
				return false;
			}
			return true;
		}
		enum node_kind kind = sigil == '#' ? NODE_SECTION : sigil == '^' ? NODE_INVERTED
										: NODE_VAR;
		struct tpl_node *n = add_node(c, &tail, kind, copy, len, line);
		if (!n)
			return false;
		if (!len) {
			error_at(c, line, "empty tag '%s'", "{{}}");
			return false;
		}
		if (kind != NODE_VAR && !compile_body(c, &n->body, n))
			return false;
		text = c->p;
	}
	if (section) {
		error_at(c, section->line, "section '%s' is never closed", section->text);
		return false;
	}
	if (c->end > text && !add_node(c, &tail, NODE_TEXT, text, (size_t)(c->end - text), c->line))
		return false;
	c->p = c->end;
	return true;
}

/* A partial named at render time, compiled on first use. */
struct tpl_compiled {
	struct tpl_compiled *next;
	const char *name;
	struct tpl_node *body;
};

struct tpl_cache {
	struct sg_arena *arena;
	const struct tpl_partials *partials;
	struct tpl_compiled *first;
};

bool tpl_compile(struct sg_arena *arena, struct sg_diags *diags, const char *name,
		 const char *text, size_t len, const struct tpl_partials *partials,
		 struct tpl_template *out)
{
	struct compiler c = {.arena = arena, .diags = diags, .partials = partials};
	struct tpl_node *body = NULL;
	struct tpl_cache *cache = sg_arena_alloc(arena, sizeof *cache);
	if (!cache) {
		diags->oom = true;
		return false;
	}
	if (!compile_text(&c, name, text, len, 0, &body))
		return false;
	cache->arena = arena;
	cache->partials = partials;
	out->name = name;
	out->body = body;
	out->cache = cache;
	return true;
}

/* The partial @p name for the tag @p n, compiled once; NULL on error. */
static const struct tpl_compiled *dynamic_partial(struct tpl_cache *cache, struct sg_diags *diags,
						  const struct tpl_node *n, const char *name)
{
	for (struct tpl_compiled *p = cache->first; p; p = p->next)
		if (strcmp(p->name, name) == 0)
			return p;
	struct compiler c = {.arena = cache->arena, .diags = diags, .name = n->file,
			     .partials = cache->partials};
	struct tpl_compiled *p = sg_arena_alloc(cache->arena, sizeof *p);
	if (!p) {
		diags->oom = true;
		return NULL;
	}
	const char *file, *text;
	size_t len;
	if (!cache->partials->find(cache->partials->ctx, name, &file, &text, &len)) {
		error_at(&c, n->line, "unknown partial '%s'", name);
		return NULL;
	}
	if (!compile_text(&c, file, text, len, 1, &p->body))
		return NULL;
	p->name = name;
	p->next = cache->first;
	cache->first = p;
	return p;
}

/* ---- render --------------------------------------------------------------- */

/* The chain of scopes, innermost first. */
struct scope {
	const struct scope *outer;
	const struct tpl_value *map;
	bool first, last; /* position in the list being iterated */
	bool in_list;
};

struct renderer {
	const struct tpl_template *t;
	struct sg_buf *out;
	struct sg_diags *diags;
	unsigned depth; /* partials named at render time this one is inside */
};

static const struct tpl_value *lookup(const struct scope *s, const char *name, bool *special)
{
	static const struct tpl_value yes = {.kind = TPL_BOOL, .boolean = true};
	static const struct tpl_value no = {.kind = TPL_BOOL, .boolean = false};
	*special = false;
	if (name[0] == '@') {
		for (; s && !s->in_list; s = s->outer)
			;
		*special = true;
		if (!s)
			return NULL;
		if (strcmp(name, "@first") == 0)
			return s->first ? &yes : &no;
		if (strcmp(name, "@last") == 0)
			return s->last ? &yes : &no;
		return NULL;
	}
	for (; s; s = s->outer)
		for (const struct tpl_entry *e = s->map->first; e; e = e->next)
			if (strcmp(e->key, name) == 0)
				return e->value;
	return NULL;
}

static bool render_error(struct renderer *r, const struct tpl_node *n, const char *fmt)
{
	struct sg_loc loc = {n->file, n->line, 1};
	sg_error(r->diags, loc, fmt, n->text);
	return false;
}

static bool render_nodes(struct renderer *r, const struct tpl_node *n, const struct scope *s);

static bool truthy(const struct tpl_value *v)
{
	return v->kind == TPL_BOOL ? v->boolean : v->count > 0;
}

static bool render_section(struct renderer *r, const struct tpl_node *n, const struct scope *s,
			   const struct tpl_value *v)
{
	if (v->kind == TPL_STRING)
		return render_error(r, n, "'%s' is a string, not a section");
	if (n->kind == NODE_INVERTED)
		return truthy(v) ? true : render_nodes(r, n->body, s);
	if (v->kind == TPL_BOOL)
		return v->boolean ? render_nodes(r, n->body, s) : true;
	if (v->kind == TPL_MAP) {
		struct scope inner = {s, v, true, true, false};
		return render_nodes(r, n->body, &inner);
	}
	for (const struct tpl_entry *e = v->first; e; e = e->next) {
		struct scope inner = {s, e->value, e == v->first, e->next == NULL, true};
		if (!render_nodes(r, n->body, &inner))
			return false;
	}
	return true;
}

/* {{>* key}}: the partial that @p v, the value of key, names. */
static bool render_dynamic(struct renderer *r, const struct tpl_node *n, const struct scope *s,
			   const struct tpl_value *v)
{
	if (v->kind != TPL_STRING)
		return render_error(r, n, "'%s' is a section, not a partial's name");
	if (r->depth == TPL_MAX_PARTIAL_DEPTH)
		return render_error(r, n, "partials nest deeper than 16 at '{{>* %s}}' (a cycle?)");
	const struct tpl_compiled *p = dynamic_partial(r->t->cache, r->diags, n, v->string);
	if (!p)
		return false;
	r->depth++;
	bool ok = render_nodes(r, p->body, s);
	r->depth--;
	return ok;
}

static bool render_nodes(struct renderer *r, const struct tpl_node *n, const struct scope *s)
{
	for (; n; n = n->next) {
		if (n->kind == NODE_TEXT) {
			sg_buf_append(r->out, n->text, n->len);
			continue;
		}
		bool special;
		const struct tpl_value *v = lookup(s, n->text, &special);
		if (!v)
			return render_error(r, n, "unknown placeholder '%s'");
		if (n->kind == NODE_DYNAMIC) {
			if (!render_dynamic(r, n, s, v))
				return false;
		} else if (n->kind != NODE_VAR) {
			if (!render_section(r, n, s, v))
				return false;
		} else if (v->kind != TPL_STRING) {
			return render_error(r, n, "'%s' is a section, not a string");
		} else {
			sg_buf_puts(r->out, v->string);
		}
	}
	return true;
}

bool tpl_render(const struct tpl_template *t, const struct tpl_value *data, struct sg_buf *out,
		struct sg_diags *diags)
{
	struct renderer r = {t, out, diags, 0};
	struct scope top = {NULL, data, true, true, false};
	if (!render_nodes(&r, t->body, &top))
		return false;
	if (out->failed) {
		diags->oom = true;
		return false;
	}
	return true;
}
