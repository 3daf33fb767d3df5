/* checker.c - names, types, inheritance and defaults. */
#include "checker.h"

#include <ctype.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "layout.h"
#include "names.h"
#include "scalar.h"

struct checker {
	struct sg_arena *arena;
	struct sg_diags *diags;
	struct sg_program *prog;
	size_t walks;        /* walks up the parents so far */
	uint64_t total_slots; /* slots of every class, inherited ones included */
	struct scratch *scratch; /* one for each class, by its id */
};

/* What the checker notes of a class while it works; not part of the model. */
struct scratch {
	enum { MARK_NONE, MARK_ACTIVE, MARK_DONE } mark;
	size_t walk;              /* which walk up the parents last met it */
	unsigned ancestors;       /* parents above it, once counted (+1) */
	struct sg_name_table *names; /* its own slots by name */
	unsigned depth;           /* classes nested in it, by value or as parents, plus one */
};

static struct scratch *of(const struct checker *k, const struct sg_class *c)
{
	return &k->scratch[c->id];
}

/* ---- names --------------------------------------------------------------- */

static void check_name(struct checker *k, const char *what, const char *name, struct sg_loc loc,
		       const char *(*problem_of)(const char *))
{
	if (strlen(name) > SG_MAX_NAME) {
		sg_error(k->diags, loc, "%s '%.40s...' is longer than %u bytes", what, name,
			 SG_MAX_NAME);
		return;
	}
	const char *problem = problem_of(name);
	if (problem)
		sg_error(k->diags, loc, "%s '%s' %s", what, name, problem);
}

static void check_identifier(struct checker *k, const char *what, const char *name,
			     struct sg_loc loc)
{
	check_name(k, what, name, loc, sg_identifier_problem);
}

/* A new table, sized for @p n names; false (reported) when memory ran out. */
static bool table_init(struct checker *k, struct sg_name_table *t, size_t n)
{
	if (sg_name_table_init(k->arena, t, n))
		return true;
	k->diags->oom = true;
	return false;
}

/* Insert; return the earlier entry of the same name, or NULL (also when
 * memory ran out, which is reported). */
static const struct sg_name_def *table_add(struct checker *k, struct sg_name_table *t,
					   const struct sg_name_def *e)
{
	const struct sg_name_def *first = NULL;
	if (!sg_name_table_add(k->arena, t, e, &first))
		k->diags->oom = true;
	return first;
}

/* Report @p name as defined twice, with a note at the first definition. */
static void duplicate(struct checker *k, const char *what, const char *name, struct sg_loc loc,
		      struct sg_loc first)
{
	sg_error(k->diags, loc, "duplicate %s '%s'", what, name);
	sg_note(k->diags, first, "'%s' first defined here", name);
}

/* ---- lookup of types ----------------------------------------------------- */

static struct sg_module *find_module(struct sg_module *m, const char *name, size_t len)
{
	for (size_t i = 0; i < m->import_count; i++) {
		struct sg_module *im = m->imports[i].module;
		if (strlen(im->name) == len && strncmp(im->name, name, len) == 0)
			return im;
	}
	return NULL;
}

/* Resolve `Name` or `module.Name` as seen from @p m. */
static void find_type(struct sg_module *m, const char *ref, struct sg_class **cls,
		      struct sg_enum **enm)
{
	*cls = NULL;
	*enm = NULL;
	const char *dot = strchr(ref, '.');
	if (dot) {
		m = find_module(m, ref, (size_t)(dot - ref));
		if (!m)
			return;
		ref = dot + 1;
	}
	for (size_t i = 0; i < m->class_count; i++)
		if (m->classes[i].name && strcmp(m->classes[i].name, ref) == 0) {
			*cls = &m->classes[i];
			return;
		}
	for (size_t i = 0; i < m->enum_count; i++)
		if (m->enums[i].name && strcmp(m->enums[i].name, ref) == 0) {
			*enm = &m->enums[i];
			return;
		}
}

/* The closest type name to @p ref that @p m can see, for "did you mean". */
static const char *suggest_type(struct checker *k, struct sg_module *m, const char *ref)
{
	const char *best = NULL;
	size_t best_dist = 3;
	for (int t = 0; t < SG_TYPE_ENUM; t++) {
		size_t d = sg_edit_distance(sg_type_name((enum sg_type)t), ref, best_dist);
		if (d < best_dist) {
			best = sg_type_name((enum sg_type)t);
			best_dist = d;
		}
	}
	for (size_t i = 0; i < m->class_count; i++) {
		size_t d = sg_edit_distance(m->classes[i].name, ref, best_dist);
		if (d < best_dist) {
			best = m->classes[i].name;
			best_dist = d;
		}
	}
	for (size_t i = 0; i < m->enum_count; i++) {
		size_t d = sg_edit_distance(m->enums[i].name, ref, best_dist);
		if (d < best_dist) {
			best = m->enums[i].name;
			best_dist = d;
		}
	}
	(void)k;
	return best;
}

static void unknown(struct checker *k, struct sg_module *m, const char *what, const char *ref,
		    struct sg_loc loc)
{
	const char *hint = suggest_type(k, m, ref);
	if (hint)
		sg_error(k->diags, loc, "unknown %s '%s'; did you mean '%s'?", what, ref, hint);
	else
		sg_error(k->diags, loc, "unknown %s '%s'", what, ref);
}

/* ---- modules, enums, classes -------------------------------------------- */

static void check_module_names(struct checker *k)
{
	struct sg_name_table t;
	if (!table_init(k, &t, k->prog->count))
		return;
	for (size_t i = 0; i < k->prog->count; i++) {
		struct sg_module *m = k->prog->modules[i];
		check_identifier(k, "module name", m->name, m->loc);
		if (strcasecmp(m->name, "slot") == 0)
			sg_error(k->diags, m->loc,
				 "module name '%s' is reserved: C names starting with 'slot_' are slotgen's",
				 m->name);
		if (strcasecmp(m->name, "runtime") == 0)
			sg_error(k->diags, m->loc,
				 "module name '%s' is reserved: its header guard SLOTGEN_RUNTIME_H is the "
				 "runtime's",
				 m->name);
		if (strncasecmp(m->name, "slotgen", 7) == 0)
			sg_error(k->diags, m->loc,
				 "module name '%s' is reserved: names starting with 'slotgen' are "
				 "the runtime's files' (" SG_RUNTIME_HEADER ", " SG_YAML_RUNTIME_HEADER ")",
				 m->name);
		struct sg_name_def e = {m->name, "module", m->name, m->loc, m};
		const struct sg_name_def *first = table_add(k, &t, &e);
		if (first)
			duplicate(k, "module", m->name, m->loc, first->loc);
	}
}

static void check_enum(struct checker *k, struct sg_enum *e)
{
	check_identifier(k, "enum name", e->name, e->loc);
	struct sg_name_table t;
	if (!table_init(k, &t, e->count))
		return;
	for (size_t i = 0; i < e->count; i++) {
		struct sg_enum_value *v = &e->values[i];
		check_name(k, "enum value", v->name, v->loc, sg_member_name_problem);
		struct sg_name_def s = {v->name, "enum value", v->name, v->loc, NULL};
		const struct sg_name_def *first = table_add(k, &t, &s);
		if (first)
			duplicate(k, "enum value", v->name, v->loc, first->loc);
	}
}

/* Names of classes and enums share one namespace per module. */
static void check_type_names(struct checker *k, struct sg_module *m)
{
	struct sg_name_table t;
	if (!table_init(k, &t, m->class_count + m->enum_count))
		return;
	for (size_t i = 0; i < m->enum_count; i++) {
		struct sg_name_def s = {m->enums[i].name, "enum", m->enums[i].name, m->enums[i].loc, NULL};
		const struct sg_name_def *first = table_add(k, &t, &s);
		if (first)
			duplicate(k, "type", s.name, s.loc, first->loc);
	}
	for (size_t i = 0; i < m->class_count; i++) {
		struct sg_class *c = &m->classes[i];
		check_identifier(k, "class name", c->name, c->loc);
		struct sg_name_def s = {c->name, "class", c->name, c->loc, NULL};
		const struct sg_name_def *first = table_add(k, &t, &s);
		if (first)
			duplicate(k, strcmp(first->what, "class") == 0 ? "class" : "type", c->name,
				  c->loc, first->loc);
	}
}

static void resolve_parent(struct checker *k, struct sg_class *c)
{
	if (c->base_count > 1) {
		sg_error(k->diags, c->bases[1].loc, "multiple bases have instance lay-out conflict");
		sg_note(k->diags, c->loc, "'%s' may extend one class only", c->name);
	}
	if (!c->base_count)
		return;
	struct sg_enum *e;
	find_type(c->module, c->bases[0].name, &c->parent, &e);
	if (e)
		sg_error(k->diags, c->bases[0].loc,
			 "'%s' is an enum; a class can only extend a class", c->bases[0].name);
	else if (!c->parent)
		unknown(k, c->module, "base class", c->bases[0].name, c->bases[0].loc);
}

/*
 * Break inheritance cycles, each reported once, at the first class met.
 * Each class is walked over once: a walk up the parents stops at a class
 * an earlier walk met.
 */
static void check_cycles(struct checker *k, struct sg_module *m)
{
	for (size_t i = 0; i < m->class_count; i++) {
		struct sg_class *c = &m->classes[i], *p = c;
		size_t id = ++k->walks;
		while (p && !of(k, p)->walk) {
			of(k, p)->walk = id;
			p = p->parent;
		}
		if (!p || of(k, p)->walk != id)
			continue;
		struct sg_buf chain;
		sg_buf_init(&chain);
		sg_buf_puts(&chain, p->name);
		for (struct sg_class *q = p->parent; q != p; q = q->parent)
			sg_buf_printf(&chain, " -> %s", q->name);
		sg_buf_printf(&chain, " -> %s", p->name);
		sg_error(k->diags, p->bases[0].loc, "inheritance cycle: %s",
			 chain.failed ? p->name : chain.data);
		sg_buf_fini(&chain);
		/* Cut every class of the cycle loose, so later passes terminate. */
		for (struct sg_class *q = p->parent; q != p;) {
			struct sg_class *next = q->parent;
			q->parent = NULL;
			q = next;
		}
		p->parent = NULL;
	}
}

/* ---- slots -------------------------------------------------------------- */

/* The slot named @p name that @p c inherits, or NULL: one table look-up
 * per ancestor (at most SG_MAX_CLASS_DEPTH of them). */
static const struct sg_slot *find_inherited(const struct checker *k, const struct sg_class *c,
					    const char *name)
{
	for (const struct sg_class *p = c->parent; p; p = p->parent) {
		const struct sg_name_def *e = of(k, p)->names ? sg_name_table_find(of(k, p)->names, name) : NULL;
		if (e)
			return e->owner;
	}
	return NULL;
}

/*
 * Count each class's chain of parents, itself included (remembered, so
 * each class is counted once); a chain longer than SG_MAX_CLASS_DEPTH is
 * an error and is cut there, so that walks up the parents stay short.
 */
static void check_ancestors(struct checker *k, struct sg_class *c)
{
	size_t n = 0;
	struct sg_class *p = c;
	while (p && !of(k, p)->ancestors && n <= SG_MAX_CLASS_DEPTH) {
		p = p->parent;
		n++;
	}
	unsigned above = p ? of(k, p)->ancestors : 0;
	if (above + n > SG_MAX_CLASS_DEPTH) {
		sg_error(k->diags, c->loc,
			 "class '%s' nests classes (held by value or extended) more than %u deep",
			 c->name, SG_MAX_CLASS_DEPTH);
		c->parent = NULL; /* cut here: the classes below count from it anew */
		of(k, c)->ancestors = 1;
		return;
	}
	/* Fill in from the top down. */
	unsigned depth = above + (unsigned)n;
	for (p = c; p && !of(k, p)->ancestors; p = p->parent)
		of(k, p)->ancestors = depth--;
}

/* Each class's own slot names: duplicates, identifiers, and a table that
 * later finds inherited slots. */
static void check_slot_names(struct checker *k, struct sg_class *c)
{
	struct sg_name_table *t = sg_arena_alloc(k->arena, sizeof *t);
	if (!t || !table_init(k, t, c->count)) {
		k->diags->oom = true;
		return;
	}
	of(k, c)->names = t;
	for (size_t i = 0; i < c->count; i++) {
		struct sg_slot *s = &c->slots[i];
		check_name(k, "slot name", s->name, s->loc, sg_member_name_problem);
		if (strncmp(s->name, "slot_", 5) == 0)
			sg_error(k->diags, s->loc,
				 "slot name '%s' is reserved: names starting with 'slot_' are slotgen's",
				 s->name);
		struct sg_name_def e = {s->name, "slot", s->name, s->loc, s};
		const struct sg_name_def *first = table_add(k, t, &e);
		if (first)
			duplicate(k, "slot", s->name, s->loc, first->loc);
	}
}

/* A slot's type text, read left to right (`int32`, `Item`, `list[Item]`). */
struct type_reader {
	struct checker *k;
	struct sg_slot *s;
	const char *p; /* where the reader is in s->type_ref.name */
};

/* Where @p at, a place in the type's text, is in the file. */
static struct sg_loc type_loc(const struct type_reader *r, const char *at)
{
	struct sg_loc loc = r->s->type_ref.loc;
	loc.col += (unsigned)(at - r->s->type_ref.name) + (r->s->type_quoted ? 1u : 0u);
	return loc;
}

static void skip_blanks(struct type_reader *r)
{
	while (*r->p == ' ')
		r->p++;
}

/* The type at the reader, into @p out: a name (a built-in type, an enum,
 * a class, module.Name), list[T] or dict[string, T]; false once reported. */
static bool read_type(struct type_reader *r, unsigned depth, struct sg_vtype *out)
{
	struct checker *k = r->k;
	skip_blanks(r);
	const char *start = r->p;
	while (isalnum((unsigned char)*r->p) || *r->p == '_' || *r->p == '.')
		r->p++;
	size_t n = (size_t)(r->p - start);
	if (!n) {
		sg_error(k->diags, type_loc(r, start), "expected a type name in '%s'",
			 r->s->type_ref.name);
		return false;
	}
	char *name = sg_arena_strndup(k->arena, start, n);
	if (!name) {
		k->diags->oom = true;
		return false;
	}
	skip_blanks(r);
	bool dict = strcmp(name, "dict") == 0;
	if (dict || strcmp(name, "list") == 0) {
		if (*r->p != '[') {
			sg_error(k->diags, type_loc(r, start),
				 dict ? "'dict' needs the types of its keys and values: dict[string, T]"
				      : "'list' needs the type of its elements: list[T]");
			return false;
		}
		if (depth == SG_MAX_TYPE_DEPTH) {
			sg_error(k->diags, type_loc(r, start), "lists and dicts nest deeper than %u",
				 SG_MAX_TYPE_DEPTH);
			return false;
		}
		r->p++;
		struct sg_vtype *elem = sg_arena_alloc(k->arena, sizeof *elem);
		if (!elem) {
			k->diags->oom = true;
			return false;
		}
		if (dict) { /* the keys: strings, as JSON's and YAML's are */
			skip_blanks(r);
			const char *key = r->p;
			struct sg_vtype kt;
			if (!read_type(r, depth + 1, &kt))
				return false;
			if (kt.type != SG_TYPE_STRING) {
				sg_error(k->diags, type_loc(r, key),
					 "a dict's keys must be strings: dict[string, T]");
				return false;
			}
			skip_blanks(r);
			if (*r->p != ',') {
				sg_error(k->diags, type_loc(r, r->p),
					 "'dict' takes two types: dict[string, T]");
				return false;
			}
			r->p++;
		}
		if (!read_type(r, depth + 1, elem))
			return false;
		skip_blanks(r);
		if (*r->p != ']') {
			sg_error(k->diags, type_loc(r, r->p),
				 *r->p == ',' ? (dict ? "'dict' takes two types: dict[string, T]"
						      : "'list' takes one type: list[T]")
					      : dict ? "expected ']' to close 'dict['"
						     : "expected ']' to close 'list['");
			return false;
		}
		r->p++;
		*out = (struct sg_vtype){.type = dict ? SG_TYPE_MAP : SG_TYPE_LIST, .elem = elem};
		return true;
	}
	if (*r->p == '[') {
		sg_error(k->diags, type_loc(r, r->p),
			 "'%s' takes no type in brackets; list and dict do", name);
		return false;
	}
	for (int t = 0; t < SG_TYPE_ENUM; t++)
		if (strcmp(name, sg_type_name((enum sg_type)t)) == 0) {
			*out = (struct sg_vtype){.type = (enum sg_type)t};
			return true;
		}
	struct sg_class *cls;
	struct sg_enum *enm;
	find_type(r->s->owner->module, name, &cls, &enm);
	if (cls)
		*out = (struct sg_vtype){.type = SG_TYPE_CLASS, .cls = cls};
	else if (enm)
		*out = (struct sg_vtype){.type = SG_TYPE_ENUM, .enm = enm};
	else
		unknown(k, r->s->owner->module, "type", name, type_loc(r, start));
	return cls || enm;
}

/* The types of a union: numbers, bools, strings, bytes and enums, each
 * once (by value in the union's C struct, told apart by its kind). */
static bool check_union(struct checker *k, const struct type_reader *r, struct sg_vtype *alts,
			const char *const *at, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		enum sg_type t = alts[i].type;
		if (t == SG_TYPE_CLASS || t == SG_TYPE_LIST || t == SG_TYPE_MAP) {
			sg_error(k->diags, type_loc(r, at[i]),
				 "a union holds numbers, bools, strings, bytes and enums, not %s",
				 t == SG_TYPE_CLASS ? "classes" : t == SG_TYPE_LIST ? "lists" : "dicts");
			return false;
		}
		for (size_t j = 0; j < i; j++)
			if (alts[j].type == t && alts[j].enm == alts[i].enm) {
				sg_error(k->diags, type_loc(r, at[i]),
					 "a union holds each type once: '%s' is written twice in '%s'",
					 t == SG_TYPE_ENUM ? alts[i].enm->name : sg_type_name(t),
					 r->s->type_ref.name);
				return false;
			}
	}
	return true;
}

/* One alternative of a slot's type: a type, or None (then @p *none is set
 * and @p out's type is SG_TYPE__COUNT). */
static bool read_alternative(struct type_reader *r, struct sg_vtype *out, bool *none)
{
	skip_blanks(r);
	if (strncmp(r->p, "None", 4) == 0 && !isalnum((unsigned char)r->p[4]) && r->p[4] != '_' &&
	    r->p[4] != '.') {
		if (*none) {
			sg_error(r->k->diags, type_loc(r, r->p), "None is written twice in '%s'",
				 r->s->type_ref.name);
			return false;
		}
		r->p += 4;
		*none = true;
		*out = (struct sg_vtype){.type = SG_TYPE__COUNT};
		return true;
	}
	return read_type(r, 0, out);
}

static void resolve_type(struct checker *k, struct sg_slot *s)
{
	if (!s->type_ref.name)
		return;
	struct type_reader r = {k, s, s->type_ref.name};
	struct sg_vtype t, alts[SG_MAX_UNION];
	const char *first = r.p, *at[SG_MAX_UNION];
	size_t n = 0;
	bool none = false; /* `| None` was written */
	for (;;) {
		bool was_none = none;
		struct sg_vtype u;
		skip_blanks(&r);
		const char *here = r.p;
		if (!read_alternative(&r, &u, &none))
			return;
		if (none == was_none) { /* a type, not None */
			if (n == SG_MAX_UNION) {
				sg_error(k->diags, type_loc(&r, here), "a union holds at most %u types",
					 SG_MAX_UNION);
				return;
			}
			at[n] = here;
			alts[n++] = u;
		}
		skip_blanks(&r);
		if (*r.p != '|')
			break;
		r.p++;
	}
	t = n ? alts[0] : (struct sg_vtype){.type = SG_TYPE__COUNT};
	if (n > 1) {
		if (none) {
			sg_error(k->diags, type_loc(&r, first),
				 "a union is None while unset: leave '| None' out of '%s'",
				 s->type_ref.name);
			return;
		}
		if (!check_union(k, &r, alts, at, n))
			return;
		t = (struct sg_vtype){.type = SG_TYPE_UNION};
		s->alts = sg_arena_alloc(k->arena, n * sizeof *s->alts);
		if (!s->alts) {
			k->diags->oom = true;
			return;
		}
		memcpy(s->alts, alts, n * sizeof *alts);
		s->alt_count = n;
	}
	if (none) {
		if (t.type != SG_TYPE_CLASS) {
			sg_error(k->diags, type_loc(&r, first),
				 t.type == SG_TYPE__COUNT
					 ? "a slot cannot hold only None"
					 : "'| None' makes an optional child of a class; a slot of another "
					   "type is None while unset: leave '| None' out");
			return;
		}
		t.type = SG_TYPE_OPTIONAL;
	}
	if (*r.p) {
		sg_error(k->diags, type_loc(&r, r.p), "unexpected '%c' in type '%s'", *r.p,
			 s->type_ref.name);
		return;
	}
	s->type = t.type;
	s->enm = t.enm;
	s->cls = t.cls;
	s->elem = t.elem;
	s->resolved = true;
}

/* Whether a slot of @p t owns what it holds elsewhere in memory: bytes,
 * lists, dicts, optional children (strings are told apart by max_length). */
static bool owns_memory(enum sg_type t)
{
	return t == SG_TYPE_BYTES || t == SG_TYPE_LIST || t == SG_TYPE_MAP || t == SG_TYPE_OPTIONAL ||
	       t == SG_TYPE_UNION;
}

static bool resolved(const struct sg_slot *s)
{
	return s->resolved;
}

struct int_range {
	int64_t min;
	uint64_t max;
};

static const struct int_range int_ranges[SG_TYPE__COUNT] = {
	[SG_TYPE_INT8] = {INT8_MIN, INT8_MAX},     [SG_TYPE_INT16] = {INT16_MIN, INT16_MAX},
	[SG_TYPE_INT32] = {INT32_MIN, INT32_MAX},  [SG_TYPE_INT64] = {INT64_MIN, INT64_MAX},
	[SG_TYPE_UINT8] = {0, UINT8_MAX},          [SG_TYPE_UINT16] = {0, UINT16_MAX},
	[SG_TYPE_UINT32] = {0, UINT32_MAX},        [SG_TYPE_UINT64] = {0, UINT64_MAX},
};

static bool is_signed(enum sg_type t)
{
	return t >= SG_TYPE_INT8 && t <= SG_TYPE_INT64;
}

static bool is_integer(enum sg_type t)
{
	return t >= SG_TYPE_INT8 && t <= SG_TYPE_UINT64;
}

static void out_of_range(struct checker *k, const struct sg_slot *s)
{
	const struct int_range *r = &int_ranges[s->type];
	if (is_integer(s->type))
		sg_error(k->diags, s->def->loc,
			 "default %s of slot '%s' is out of range for %s (%lld to %llu)", s->def->text,
			 s->name, sg_type_name(s->type), (long long)r->min, (unsigned long long)r->max);
	else
		sg_error(k->diags, s->def->loc, "default %s of slot '%s' is out of range for %s",
			 s->def->text, s->name, sg_type_name(s->type));
}

/* A default as quoted in a message: 'x', or the string 'x' when it was quoted. */
static const char *shown(struct checker *k, const struct sg_node *d)
{
	const char *s = sg_arena_printf(k->arena, "%s'%s'", d->quoted ? "the string " : "", d->text);
	return s ? s : d->text;
}

static void check_default(struct checker *k, struct sg_slot *s)
{
	const struct sg_node *d = s->def;
	if (s->readonly) {
		sg_error(k->diags, d->loc,
			 "readonly slot '%s' takes its value from init; it cannot have a default",
			 s->name);
		return;
	}
	if (s->array) {
		sg_error(k->diags, d->loc, "array slot '%s' cannot have a default", s->name);
		return;
	}
	if (s->type == SG_TYPE_CLASS) {
		sg_error(k->diags, d->loc,
			 "slot '%s' holds a class; it cannot have a default (init with %s's own)",
			 s->name, s->cls->name);
		return;
	}
	if (owns_memory(s->type)) {
		sg_error(k->diags, d->loc,
			 "%s slot '%s' cannot have a default: it starts unset, as a slot "
			 "never assigned",
			 s->type == SG_TYPE_LIST ? "list" : s->type == SG_TYPE_MAP ? "dict"
			 : s->type == SG_TYPE_BYTES ? "bytes" : s->type == SG_TYPE_UNION ? "union"
			 : "optional",
			 s->name);
		return;
	}
	if (sg_scalar_is_null(d)) {
		sg_error(k->diags, d->loc,
			 "default of slot '%s' is null; leave the default out for a slot that starts "
			 "unset",
			 s->name);
		return;
	}
	if (d->kind != SG_NODE_SCALAR || strlen(d->text) != d->len) {
		sg_error(k->diags, d->loc, "default of slot '%s' must be a single %s value", s->name,
			 s->type == SG_TYPE_ENUM ? s->enm->name : sg_type_name(s->type));
		return;
	}
	/* A failed sg_scalar_* call leaves s->value unwritten; it is then never
	 * read, since the error stops the run before the plan. */
	enum sg_scalar_status st = SG_SCALAR_OK;
	switch (s->type) {
	case SG_TYPE_BOOL:
		if (!sg_scalar_bool(d, &s->value.b))
			sg_error(k->diags, d->loc, "default of slot '%s' must be true or false, not %s",
				 s->name, shown(k, d));
		return;
	case SG_TYPE_FLOAT:
	case SG_TYPE_DOUBLE:
		st = sg_scalar_double(d, &s->value.d);
		/* Too large for a float, or so small it would become zero: as
		 * strtof reads the text, rounded once (3.4028235e38, FLT_MAX's
		 * shortest spelling, is a float, though above FLT_MAX as a double). */
		if (st == SG_SCALAR_OK && s->type == SG_TYPE_FLOAT && isfinite(s->value.d)) {
			float f = strtof(d->text, NULL);
			if (isinf(f) || (s->value.d != 0 && f == 0))
				st = SG_SCALAR_RANGE;
			else
				s->value.d = f;
		}
		break;
	case SG_TYPE_STRING:
		s->value.s = d->text;
		if (s->max_length && d->len > s->max_length)
			sg_error(k->diags, d->loc,
				 "default of slot '%s' is %zu bytes long, more than its max_length %lu",
				 s->name, d->len, (unsigned long)s->max_length);
		return;
	case SG_TYPE_ENUM:
		for (size_t i = 0; i < s->enm->count; i++)
			if (strcmp(s->enm->values[i].name, d->text) == 0) {
				s->value.e = i;
				return;
			}
		sg_error(k->diags, d->loc, "'%s' is not a value of enum '%s'", d->text, s->enm->name);
		return;
	case SG_TYPE_CLASS:
	case SG_TYPE_BYTES:
	case SG_TYPE_LIST:
	case SG_TYPE_MAP:
	case SG_TYPE_OPTIONAL:
	case SG_TYPE_UNION:
	case SG_TYPE__COUNT:
		return;
	default:
		if (is_signed(s->type)) {
			st = sg_scalar_int(d, &s->value.i);
			if (st == SG_SCALAR_OK && (s->value.i < int_ranges[s->type].min ||
						   s->value.i > (int64_t)int_ranges[s->type].max))
				st = SG_SCALAR_RANGE;
		} else {
			st = sg_scalar_uint(d, &s->value.u);
			if (st == SG_SCALAR_OK && s->value.u > int_ranges[s->type].max)
				st = SG_SCALAR_RANGE;
		}
	}
	if (st == SG_SCALAR_RANGE)
		out_of_range(k, s);
	else if (st != SG_SCALAR_OK)
		sg_error(k->diags, d->loc, "default of slot '%s' must be %s number (%s), not %s",
			 s->name, is_integer(s->type) ? "a whole" : "a", sg_type_name(s->type),
			 shown(k, d));
}

static void check_slots(struct checker *k, struct sg_class *c)
{
	for (size_t i = 0; i < c->count; i++) {
		struct sg_slot *s = &c->slots[i];
		const struct sg_slot *inherited = find_inherited(k, c, s->name);
		if (inherited) {
			sg_error(k->diags, s->loc, "slot '%s' re-declares the slot inherited from '%s'",
				 s->name, inherited->owner->name);
			sg_note(k->diags, inherited->loc, "'%s' first defined here", s->name);
		}
		resolve_type(k, s);
		if (!resolved(s))
			continue;
		if (s->readonly && s->array)
			sg_error(k->diags, s->loc,
				 "readonly slot '%s' is an array; only a single number, bool, string or "
				 "enum can be readonly",
				 s->name);
		else if (s->readonly && (s->type == SG_TYPE_CLASS || owns_memory(s->type)))
			sg_error(k->diags, s->loc,
				 "readonly slot '%s' must hold a number, bool, string or enum", s->name);
		if (s->always_set && s->readonly)
			sg_error(k->diags, s->clear_loc,
				 "readonly slot '%s' has no clear anyway; leave out 'clear: false'",
				 s->name);
		else if (s->always_set && !s->def)
			sg_error(k->diags, s->clear_loc,
				 "slot '%s' cannot be cleared, so it needs a default", s->name);
		if (s->array && owns_memory(s->type))
			sg_error(k->diags, s->array_loc,
				 "slot '%s' holds %s; it cannot be an array too (a list of lists is "
				 "list[list[T]])",
				 s->name, s->type_ref.name);
		if (s->max_length && s->type != SG_TYPE_STRING)
			sg_error(k->diags, s->max_length_loc,
				 "max_length applies to strings; slot '%s' holds %s", s->name,
				 s->type_ref.name);
		if (s->def)
			check_default(k, s);
	}
}

/* A class whose nested classes are all done: its depth and its layout. */
static void finish_class(struct checker *k, struct sg_class *c)
{
	unsigned depth = c->parent ? of(k, c->parent)->depth : 0;
	for (size_t i = 0; i < c->count; i++) {
		const struct sg_slot *s = &c->slots[i];
		if (s->type == SG_TYPE_CLASS && s->cls && of(k, s->cls)->depth > depth)
			depth = of(k, s->cls)->depth;
	}
	of(k, c)->depth = depth + 1;
	c->order = sg_arena_alloc(k->arena, (c->count + 1) * sizeof *c->order);
	if (!c->order || !sg_lay_out(c, c->layout_declared, c->order, &c->layout)) {
		k->diags->oom = true;
		return;
	}
	if (of(k, c)->depth == SG_MAX_CLASS_DEPTH + 1)
		sg_error(k->diags, c->loc,
			 "class '%s' nests classes (held by value or extended) more than %u deep",
			 c->name, SG_MAX_CLASS_DEPTH);
	else if (c->layout.size > SG_MAX_OBJECT_BYTES &&
		 (!c->parent || c->parent->layout.size <= SG_MAX_OBJECT_BYTES))
		sg_error(k->diags, c->loc, "class '%s' would take more than %llu bytes", c->name,
			 (unsigned long long)SG_MAX_OBJECT_BYTES);
}

/* The classes a class holds or extends: edge 0 is the parent, edge i + 1 slot i. */
static struct sg_class **edge(struct sg_class *c, size_t e)
{
	return e == 0 ? &c->parent : &c->slots[e - 1].cls;
}

/*
 * A class holding itself by value, through slots or parents, has no size.
 * Depth-first over both kinds of edge, with a stack of its own (schemas can
 * nest deeper than the C stack); a back edge closes a loop.
 */
static void check_containment(struct checker *k, struct sg_class *root)
{
	struct frame {
		struct sg_class *c;
		size_t next;
	};
	size_t cap = 64, n = 0;
	struct frame *stack = sg_malloc(cap * sizeof *stack);
	if (!stack) {
		k->diags->oom = true;
		return;
	}
	of(k, root)->mark = MARK_ACTIVE;
	stack[n++] = (struct frame){root, 0};
	while (n) {
		struct frame *f = &stack[n - 1];
		struct sg_class *c = f->c;
		if (f->next == c->count + 1) {
			finish_class(k, c);
			of(k, c)->mark = MARK_DONE;
			n--;
			continue;
		}
		size_t e = f->next++;
		struct sg_class **to = edge(c, e);
		/* Only a class held by value is inside its holder: an optional
		 * child (a pointer) may be of the holder's own class. */
		if (!*to || (e > 0 && c->slots[e - 1].type != SG_TYPE_CLASS))
			continue;
		if (of(k, *to)->mark == MARK_ACTIVE) {
			if (e == 0)
				sg_error(k->diags, c->bases[0].loc,
					 "class '%s' extends a class that contains '%s' by value", c->name,
					 c->name);
			else
				sg_error(k->diags, c->slots[e - 1].type_ref.loc,
					 "slot '%s' makes class '%s' contain itself", c->slots[e - 1].name,
					 (*to)->name);
			if (e > 0)
				c->slots[e - 1].type = SG_TYPE__COUNT;
			*to = NULL; /* so nothing later loops forever */
			continue;
		}
		if (of(k, *to)->mark == MARK_DONE)
			continue;
		if (n == cap) {
			struct frame *bigger = sg_realloc(stack, 2 * cap * sizeof *stack);
			if (!bigger) {
				k->diags->oom = true;
				break;
			}
			stack = bigger;
			cap *= 2;
		}
		of(k, *to)->mark = MARK_ACTIVE;
		stack[n++] = (struct frame){*to, 0};
	}
	sg_free(stack);
}

/* Bound the accessors generated: every class has its inherited slots' too. */
static void check_total_slots(struct checker *k, struct sg_class *c)
{
	uint64_t before = k->total_slots;
	for (const struct sg_class *p = c; p; p = p->parent)
		k->total_slots += p->count;
	if (before <= SG_MAX_TOTAL_SLOTS && k->total_slots > SG_MAX_TOTAL_SLOTS)
		sg_error(k->diags, c->loc,
			 "the classes have more than %u slots in all (each class counting the slots "
			 "it inherits)",
			 SG_MAX_TOTAL_SLOTS);
}

bool sg_check(struct sg_arena *arena, struct sg_diags *diags, struct sg_program *prog)
{
	struct checker k = {.arena = arena, .diags = diags, .prog = prog};
	unsigned before = diags->errors;
	size_t classes = 0;
	for (size_t i = 0; i < prog->count; i++)
		for (size_t j = 0; j < prog->modules[i]->class_count; j++)
			prog->modules[i]->classes[j].id = classes++;
	k.scratch = sg_malloc((classes + 1) * sizeof *k.scratch);
	if (!k.scratch) {
		diags->oom = true;
		return false;
	}
	memset(k.scratch, 0, (classes + 1) * sizeof *k.scratch);
	check_module_names(&k);
	for (size_t i = 0; i < prog->count; i++) {
		struct sg_module *m = prog->modules[i];
		check_type_names(&k, m);
		for (size_t j = 0; j < m->enum_count; j++)
			check_enum(&k, &m->enums[j]);
		for (size_t j = 0; j < m->class_count; j++)
			resolve_parent(&k, &m->classes[j]);
		check_cycles(&k, m);
	}
	/* Parents are acyclic from here on, in every module, and chains short. */
	for (size_t i = 0; i < prog->count; i++)
		for (size_t j = 0; j < prog->modules[i]->class_count; j++) {
			check_ancestors(&k, &prog->modules[i]->classes[j]);
			check_slot_names(&k, &prog->modules[i]->classes[j]);
		}
	for (size_t i = 0; i < prog->count; i++)
		for (size_t j = 0; j < prog->modules[i]->class_count; j++)
			check_slots(&k, &prog->modules[i]->classes[j]);
	for (size_t i = 0; i < prog->count; i++)
		for (size_t j = 0; j < prog->modules[i]->class_count; j++)
			if (of(&k, &prog->modules[i]->classes[j])->mark == MARK_NONE)
				check_containment(&k, &prog->modules[i]->classes[j]);
	for (size_t i = 0; diags->errors == before && i < prog->count; i++)
		for (size_t j = 0; j < prog->modules[i]->class_count; j++)
			check_total_slots(&k, &prog->modules[i]->classes[j]);
	sg_free(k.scratch);
	return diags->errors == before && !diags->oom;
}
