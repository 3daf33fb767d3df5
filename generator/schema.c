/* schema.c - a parsed schema document to the model.
 *
 * Checks the shape of the document: known keys, the right kind of node
 * for each, the format version.  Names and types are taken as written;
 * check.c decides whether they make sense.
 */
#include "model.h"
#include "scalar.h"

#include <string.h>

struct reader {
	struct sg_arena *arena;
	struct sg_diags *diags;
	struct sg_module *module;
	bool ok;
};

/* One key a mapping may hold. */
struct key {
	const char *name;
	int kind; /* an sg_node_kind, or -1 for any */
};

const char *sg_type_name(enum sg_type type)
{
	static const char *const names[SG_TYPE__COUNT] = {
		[SG_TYPE_BOOL] = "bool",     [SG_TYPE_INT8] = "int8",     [SG_TYPE_INT16] = "int16",
		[SG_TYPE_INT32] = "int32",   [SG_TYPE_INT64] = "int64",   [SG_TYPE_UINT8] = "uint8",
		[SG_TYPE_UINT16] = "uint16", [SG_TYPE_UINT32] = "uint32", [SG_TYPE_UINT64] = "uint64",
		[SG_TYPE_FLOAT] = "float",   [SG_TYPE_DOUBLE] = "double", [SG_TYPE_STRING] = "string",
		[SG_TYPE_BYTES] = "bytes",   [SG_TYPE_LIST] = "list",    [SG_TYPE_MAP] = "dict",
		[SG_TYPE_OPTIONAL] = "optional", [SG_TYPE_UNION] = "union",
	};
	return type < SG_TYPE__COUNT ? names[type] : NULL;
}

static void *alloc(struct reader *r, size_t size)
{
	void *p = sg_arena_alloc(r->arena, size);
	if (!p) {
		r->diags->oom = true;
		r->ok = false;
	}
	return p;
}

static bool want_kind(struct reader *r, const struct sg_node *n, enum sg_node_kind kind,
		      const char *what)
{
	if (n->kind == kind)
		return true;
	sg_error(r->diags, n->loc, "%s must be %s, not %s", what, sg_node_kind_name(kind),
		 sg_node_kind_name(n->kind));
	r->ok = false;
	return false;
}

/* A name used as a mapping key: a scalar with no NUL in it. */
static const char *key_name(struct reader *r, const struct sg_node *k, const char *what)
{
	if (!want_kind(r, k, SG_NODE_SCALAR, what))
		return NULL;
	if (strlen(k->text) != k->len) {
		sg_error(r->diags, k->loc, "%s contains a NUL character", what);
		r->ok = false;
		return NULL;
	}
	return k->text;
}

/*
 * Match the keys of mapping @p m against @p keys, storing each value in
 * found[] by position.  Unknown keys get the closest known one suggested.
 */
static size_t read_keys(struct reader *r, const struct sg_node *m, const char *what,
			const struct key *keys, size_t nkeys, const struct sg_node **found)
{
	size_t unknown = 0;
	for (size_t i = 0; i < nkeys; i++)
		found[i] = NULL;
	for (const struct sg_node *k = m->first; k; k = k->next) {
		const char *name = key_name(r, k, "a key");
		if (!name)
			continue;
		size_t i = 0, best = 0, best_dist = (size_t)-1;
		while (i < nkeys && strcmp(keys[i].name, name) != 0) {
			size_t d = sg_edit_distance(keys[i].name, name, 99);
			if (d < best_dist) {
				best = i;
				best_dist = d;
			}
			i++;
		}
		r->ok = r->ok && i < nkeys;
		unknown += i == nkeys;
		if (i == nkeys && best_dist <= 2)
			sg_error(r->diags, k->loc, "unknown key '%s' in %s; did you mean '%s'?",
				 name, what, keys[best].name);
		else if (i == nkeys)
			sg_error(r->diags, k->loc, "unknown key '%s' in %s", name, what);
		else if (found[i]) {
			sg_error(r->diags, k->loc, "duplicate key '%s' in %s", name, what);
			r->ok = false;
		} else if (keys[i].kind != SG_NODE_SCALAR && keys[i].kind >= 0 &&
			   sg_scalar_is_null(k->value)) {
			/* `slots:` with nothing after it: an empty collection. */
		} else if (keys[i].kind < 0 || want_kind(r, k->value, (enum sg_node_kind)keys[i].kind,
							 keys[i].name)) {
			found[i] = k->value;
		}
	}
	return unknown;
}

/* A `doc:` text, or NULL. */
static const char *doc_text(struct reader *r, const struct sg_node *n)
{
	if (!n)
		return NULL;
	if (strlen(n->text) != n->len) {
		sg_error(r->diags, n->loc, "doc contains a NUL character");
		r->ok = false;
		return NULL;
	}
	return n->text;
}

static void read_slot(struct reader *r, struct sg_class *c, const struct sg_node *k,
		      struct sg_slot *s)
{
	static const struct key keys[] = {
		{"type", SG_NODE_SCALAR},   {"default", -1},        {"doc", SG_NODE_SCALAR},
		{"readonly", SG_NODE_SCALAR}, {"array", SG_NODE_SCALAR}, {"max_length", SG_NODE_SCALAR},
		{"clear", SG_NODE_SCALAR},
	};
	enum { TYPE, DEFAULT, DOC, READONLY, ARRAY, MAX_LENGTH, CLEAR, NKEYS };
	s->name = k->text;
	s->loc = k->loc;
	s->owner = c;
	const struct sg_node *v = k->value;
	if (sg_scalar_is_null(v)) {
		sg_error(r->diags, k->loc, "slot '%s' has no type", s->name);
		r->ok = false;
		return;
	}
	if (v->kind == SG_NODE_SCALAR) { /* shorthand: `name: type` */
		s->type_ref.name = v->text;
		s->type_ref.loc = v->loc;
		s->type_quoted = v->quoted;
		return;
	}
	if (!want_kind(r, v, SG_NODE_MAPPING, "a slot"))
		return;
	const struct sg_node *f[NKEYS];
	/* A misspelt key was reported with a suggestion: no second error for it. */
	size_t unknown = read_keys(r, v, "a slot", keys, NKEYS, f);
	if (f[TYPE]) {
		s->type_ref.name = f[TYPE]->text;
		s->type_ref.loc = f[TYPE]->loc;
		s->type_quoted = f[TYPE]->quoted;
	} else if (!unknown) {
		sg_error(r->diags, k->loc, "slot '%s' has no type", s->name);
		r->ok = false;
	}
	s->def = f[DEFAULT];
	s->doc = doc_text(r, f[DOC]);
	/* The sg_scalar_* calls leave their output unwritten on failure: read
	 * into locals and assign only what was read. */
	bool flag;
	if (f[READONLY] && !sg_scalar_bool(f[READONLY], &flag)) {
		sg_error(r->diags, f[READONLY]->loc, "readonly must be true or false");
		r->ok = false;
	} else if (f[READONLY]) {
		s->readonly = flag;
	}
	if (f[ARRAY]) {
		uint64_t n;
		s->array_loc = f[ARRAY]->loc;
		if (sg_scalar_uint(f[ARRAY], &n) != SG_SCALAR_OK || n < 1 || n > SG_MAX_ARRAY) {
			sg_error(r->diags, f[ARRAY]->loc,
				 "array must be a whole number from 1 to %lu", (unsigned long)SG_MAX_ARRAY);
			r->ok = false;
		} else {
			s->array = (uint32_t)n;
		}
	}
	if (f[CLEAR]) {
		s->clear_loc = f[CLEAR]->loc;
		if (!sg_scalar_bool(f[CLEAR], &flag)) {
			sg_error(r->diags, f[CLEAR]->loc, "clear must be true or false");
			r->ok = false;
		} else {
			s->always_set = !flag;
		}
	}
	if (f[MAX_LENGTH]) {
		uint64_t n;
		s->max_length_loc = f[MAX_LENGTH]->loc;
		if (sg_scalar_uint(f[MAX_LENGTH], &n) != SG_SCALAR_OK || n < 1 ||
		    n > SG_MAX_INLINE_STRING) {
			sg_error(r->diags, f[MAX_LENGTH]->loc,
				 "max_length must be a whole number from 1 to %u", SG_MAX_INLINE_STRING);
			r->ok = false;
		} else {
			s->max_length = (uint32_t)n;
		}
	}
}

static void read_class(struct reader *r, const struct sg_node *k, struct sg_class *c)
{
	static const struct key keys[] = {
		{"doc", SG_NODE_SCALAR},
		{"extends", -1},
		{"slots", SG_NODE_MAPPING},
		{"layout", SG_NODE_SCALAR},
	};
	enum { DOC, EXTENDS, SLOTS, LAYOUT, NKEYS };
	c->name = k->text;
	c->loc = k->loc;
	c->module = r->module;
	const struct sg_node *v = k->value;
	if (sg_scalar_is_null(v))
		return; /* `Tag:` - a class without slots */
	if (!want_kind(r, v, SG_NODE_MAPPING, "a class"))
		return;
	const struct sg_node *f[NKEYS];
	(void)read_keys(r, v, "a class", keys, NKEYS, f);
	c->doc = doc_text(r, f[DOC]);
	if (f[LAYOUT] && strcmp(f[LAYOUT]->text, "declared") == 0) {
		c->layout_declared = true;
	} else if (f[LAYOUT] && strcmp(f[LAYOUT]->text, "compact") != 0) {
		sg_error(r->diags, f[LAYOUT]->loc,
			 "layout must be 'compact' (the default) or 'declared', not '%s'",
			 f[LAYOUT]->text);
		r->ok = false;
	}
	if (f[EXTENDS] && sg_scalar_is_null(f[EXTENDS])) {
		sg_error(r->diags, f[EXTENDS]->loc, "extends needs the name of a class");
		r->ok = false;
	} else if (f[EXTENDS]) {
		const struct sg_node *e = f[EXTENDS];
		size_t n = e->kind == SG_NODE_SEQUENCE ? e->count : 1;
		if (e->kind == SG_NODE_MAPPING) {
			want_kind(r, e, SG_NODE_SCALAR, "extends");
			n = 0;
		}
		c->bases = n ? alloc(r, n * sizeof *c->bases) : NULL;
		const struct sg_node *b = e->kind == SG_NODE_SEQUENCE ? e->first : e;
		for (size_t i = 0; c->bases && i < n; i++, b = b->next) {
			if (!want_kind(r, b, SG_NODE_SCALAR, "a base class"))
				continue;
			c->bases[c->base_count].name = b->text;
			c->bases[c->base_count++].loc = b->loc;
		}
	}
	if (f[SLOTS] && f[SLOTS]->count) {
		c->slots = alloc(r, f[SLOTS]->count * sizeof *c->slots);
		if (!c->slots)
			return;
		for (const struct sg_node *s = f[SLOTS]->first; s; s = s->next)
			if (key_name(r, s, "a slot name"))
				read_slot(r, c, s, &c->slots[c->count++]);
	}
}

static void read_enum(struct reader *r, const struct sg_node *k, struct sg_enum *e)
{
	static const struct key keys[] = {{"doc", SG_NODE_SCALAR}, {"values", SG_NODE_SEQUENCE}};
	enum { DOC, VALUES, NKEYS };
	e->name = k->text;
	e->loc = k->loc;
	e->module = r->module;
	if (!want_kind(r, k->value, SG_NODE_MAPPING, "an enum"))
		return;
	const struct sg_node *f[NKEYS];
	(void)read_keys(r, k->value, "an enum", keys, NKEYS, f);
	e->doc = doc_text(r, f[DOC]);
	if (!f[VALUES] || !f[VALUES]->count) {
		sg_error(r->diags, k->loc, "enum '%s' has no values", e->name);
		r->ok = false;
		return;
	}
	e->values = alloc(r, f[VALUES]->count * sizeof *e->values);
	if (!e->values)
		return;
	for (const struct sg_node *v = f[VALUES]->first; v; v = v->next) {
		if (!key_name(r, v, "an enum value"))
			continue;
		e->values[e->count].name = v->text;
		e->values[e->count++].loc = v->loc;
	}
}

static void read_version(struct reader *r, const struct sg_node *doc, const struct sg_node *v)
{
	uint64_t version;
	if (!v) {
		sg_error(r->diags, doc->loc, "missing 'slotgen: %d' (the schema format version)",
			 SG_FORMAT_VERSION);
		r->ok = false;
	} else if (v->quoted) {
		sg_error(r->diags, v->loc,
			 "the schema format version must be a plain number, not the string '%s'",
			 v->text);
		r->ok = false;
	} else if (sg_scalar_uint(v, &version) != SG_SCALAR_OK || version != SG_FORMAT_VERSION) {
		sg_error(r->diags, v->loc,
			 "unsupported schema format version '%s'; this slotgen reads version %d",
			 v->text, SG_FORMAT_VERSION);
		r->ok = false;
	}
}

bool sg_schema_read(struct sg_arena *arena, struct sg_diags *diags, const char *path,
		    const struct sg_node *doc, struct sg_module *out)
{
	static const struct key keys[] = {
		{"slotgen", SG_NODE_SCALAR},   {"module", SG_NODE_SCALAR},
		{"doc", SG_NODE_SCALAR},       {"imports", SG_NODE_SEQUENCE},
		{"enums", SG_NODE_MAPPING},    {"classes", SG_NODE_MAPPING},
	};
	enum { VERSION, MODULE, DOC, IMPORTS, ENUMS, CLASSES, NKEYS };
	struct sg_module m = {.path = path};
	const char *slash = strrchr(path, '/');
	m.file_name = slash ? slash + 1 : path;
	struct reader r = {arena, diags, out, true};
	if (!want_kind(&r, doc, SG_NODE_MAPPING, "a schema"))
		return false;
	const struct sg_node *f[NKEYS];
	(void)read_keys(&r, doc, "the schema", keys, NKEYS, f);
	read_version(&r, doc, f[VERSION]);
	if (f[MODULE]) {
		m.name = key_name(&r, f[MODULE], "module");
		m.loc = f[MODULE]->loc;
	} else {
		sg_error(diags, doc->loc, "missing 'module' (the prefix of every C name)");
		r.ok = false;
	}
	m.doc = doc_text(&r, f[DOC]);
	if (f[IMPORTS] && f[IMPORTS]->count) {
		m.imports = alloc(&r, f[IMPORTS]->count * sizeof *m.imports);
		for (const struct sg_node *i = f[IMPORTS]->first; m.imports && i; i = i->next) {
			if (!key_name(&r, i, "an import"))
				continue;
			m.imports[m.import_count].path = i->text;
			m.imports[m.import_count++].loc = i->loc;
		}
	}
	if (f[ENUMS] && f[ENUMS]->count) {
		m.enums = alloc(&r, f[ENUMS]->count * sizeof *m.enums);
		for (const struct sg_node *k = f[ENUMS]->first; m.enums && k; k = k->next)
			if (key_name(&r, k, "an enum name"))
				read_enum(&r, k, &m.enums[m.enum_count++]);
	}
	if (f[CLASSES] && f[CLASSES]->count) {
		m.classes = alloc(&r, f[CLASSES]->count * sizeof *m.classes);
		for (const struct sg_node *k = f[CLASSES]->first; m.classes && k; k = k->next)
			if (key_name(&r, k, "a class name"))
				read_class(&r, k, &m.classes[m.class_count++]);
	}
	*out = m;
	return r.ok;
}
