/* plan.c - C names, members, presence bits and indices of a module. */
#include "plan.h"

#include <string.h>

#include "layout.h"
#include "names.h"

static const char *const scalar_ctypes[SG_TYPE__COUNT] = {
	[SG_TYPE_BOOL] = "bool",       [SG_TYPE_INT8] = "int8_t",     [SG_TYPE_INT16] = "int16_t",
	[SG_TYPE_INT32] = "int32_t",   [SG_TYPE_INT64] = "int64_t",   [SG_TYPE_UINT8] = "uint8_t",
	[SG_TYPE_UINT16] = "uint16_t", [SG_TYPE_UINT32] = "uint32_t", [SG_TYPE_UINT64] = "uint64_t",
	[SG_TYPE_FLOAT] = "float",     [SG_TYPE_DOUBLE] = "double",   [SG_TYPE_STRING] = "char *",
	[SG_TYPE_BYTES] = "slot_bytes", [SG_TYPE_LIST] = "slot_list",  [SG_TYPE_MAP] = "slot_map",
};

/* The C type of a value of @p s (one element for arrays). */
static const char *value_ctype(struct sg_arena *arena, const struct sg_slot *s)
{
	if (s->type == SG_TYPE_ENUM)
		return sg_enum_cname(arena, s->enm);
	if (s->type == SG_TYPE_CLASS || s->type == SG_TYPE_OPTIONAL) /* the child's, for optional */
		return sg_class_cname(arena, s->cls);
	if (s->type == SG_TYPE_STRING && s->max_length)
		return "char"; /* an array of char: see the member's declaration */
	if (sg_is_short_string(s))
		return "slot_str";
	return scalar_ctypes[s->type];
}

/* Whether @p c's init takes parameters (readonly slots, its own or inherited). */
static bool has_readonly(const struct sg_class *c)
{
	for (; c; c = c->parent)
		for (size_t i = 0; i < c->count; i++)
			if (c->slots[i].readonly)
				return true;
	return false;
}

/* How @p c's init can fail: it copies a readonly string given to it (NULL,
 * too long for its max_length, or no memory for a heap copy) or a default
 * into a heap copy (no memory). */
enum { INIT_ENOMEM = 1, INIT_ETYPE = 2, INIT_ERANGE = 4 };

static unsigned init_failures(const struct sg_class *c)
{
	unsigned f = 0;
	for (; c; c = c->parent)
		for (size_t i = 0; i < c->count; i++) {
			const struct sg_slot *s = &c->slots[i];
			if (s->type != SG_TYPE_STRING || s->array)
				continue;
			if (s->readonly)
				f |= INIT_ETYPE | (s->max_length ? INIT_ERANGE : INIT_ENOMEM);
			if (s->def && !s->max_length && strlen(s->value.s) > SG_SHORT_STRING_MAX)
				f |= INIT_ENOMEM; /* a default too long for the object */
		}
	return f;
}

/* What defines the names being made: a module, an enum, a class or a
 * slot, at the schema's line and column. */
struct definer {
	struct sg_arena *a;
	struct sg_plan *p;
	struct sg_name_def as; /* every field but the name */
};

/* Record @p cname, defined as @p d says, in the plan's list of names;
 * @p cname itself, or NULL when memory ran out. */
static const char *define(const struct definer *d, const char *cname)
{
	struct sg_plan *p = d->p;
	if (!cname)
		return NULL;
	if (p->name_count == p->name_cap) {
		size_t cap = p->name_cap ? 2 * p->name_cap : 64;
		struct sg_name_def *bigger = sg_arena_alloc(d->a, cap * sizeof *bigger);
		if (!bigger)
			return NULL;
		if (p->name_count)
			memcpy(bigger, p->names, p->name_count * sizeof *bigger);
		p->names = bigger; /* the old array stays in the arena until the run ends */
		p->name_cap = cap;
	}
	struct sg_name_def *e = &p->names[p->name_count++];
	*e = d->as;
	e->name = cname;
	return cname;
}

/* The names of @p type's declarations, one for each of @p suffixes;
 * defined by @p d, or names defined elsewhere (a parent's) for NULL. */
static const char **decl_names(struct sg_arena *a, const struct definer *d, const char *type,
			       const char *const *suffixes)
{
	size_t n = sg_name_count(suffixes);
	const char **out = type ? sg_arena_alloc(a, (n + 1) * sizeof *out) : NULL;
	for (size_t i = 0; out && i < n; i++) {
		out[i] = sg_decl_cname(a, type, suffixes[i]);
		if (!out[i] || (d && !define(d, out[i])))
			return NULL;
	}
	return out;
}

/* The names of the functions of slot @p s of class @p type, one a verb;
 * defined by @p d, or defined elsewhere for NULL. */
static const char **slot_fn_names(struct sg_arena *a, const struct definer *d, const char *type,
				  const struct sg_slot *s, const char *const *verbs, bool at)
{
	size_t n = sg_name_count(verbs);
	const char **out = sg_arena_alloc(a, (n + 1) * sizeof *out);
	for (size_t i = 0; out && i < n; i++) {
		out[i] = sg_slot_fn_cname(a, type, verbs[i], s->name, at);
		if (!out[i] || (d && !define(d, out[i])))
			return NULL;
	}
	return out;
}

/* The elements of a list @p t holds, @p depth lists down from slot @p s
 * of class @p class_cname, their descriptors defined by @p d. */
static struct sg_plan_elem *plan_elem(struct sg_arena *a, const struct definer *d,
				      const char *class_cname, const struct sg_slot *s,
				      const struct sg_vtype *t, unsigned depth)
{
	struct sg_plan_elem *e = sg_arena_alloc(a, sizeof *e);
	if (!e)
		return NULL;
	e->type = t;
	e->depth = depth;
	/* A string element is a slot_str, short ones kept in it, as a plain
	 * string slot is. */
	e->ctype = t->type == SG_TYPE_ENUM ? sg_enum_cname(a, t->enm)
		   : t->type == SG_TYPE_CLASS ? sg_class_cname(a, t->cls)
		   : t->type == SG_TYPE_STRING ? "slot_str"
					       : scalar_ctypes[t->type];
	e->desc = define(d, sg_slot_elem_cname(a, class_cname, sg_slot_member(a, s), depth));
	const char *table = t->enm ? sg_decl_cname(a, e->ctype, "enum")
			    : t->cls ? sg_decl_cname(a, e->ctype, "class") : NULL;
	e->type_ref = !t->enm && !t->cls ? "NULL" : table ? sg_arena_printf(a, "&%s", table) : NULL;
	e->class_fns = t->cls ? decl_names(a, NULL, e->ctype, sg_class_suffixes) : NULL;
	e->elem = t->elem ? plan_elem(a, d, class_cname, s, t->elem, depth + 1) : NULL;
	if (!e->ctype || !e->desc || !e->type_ref || (t->cls && !e->class_fns) ||
	    (t->elem && !e->elem))
		return NULL;
	return e;
}

/* The member of the union's `as` that holds a value of @p t: the type's
 * schema name (snake case for an enum), with `_` after a keyword. */
static const char *alt_member(struct sg_arena *a, const struct sg_vtype *t)
{
	const char *name = t->enm ? sg_snake(a, t->enm->name) : sg_type_name(t->type);
	if (name && sg_is_keyword(name))
		return sg_arena_printf(a, "%s_", name);
	return name;
}

/* @p name, defined by @p d, or only made (a name another class defines)
 * for a NULL @p d. */
static const char *define_if(const struct definer *d, const char *name)
{
	return d ? define(d, name) : name;
}

/*
 * The C types and names of union slot @p s: its types named after the
 * class that declares it (@p owner_cname; defined by @p types, NULL when
 * that is a parent), its accessors after @p class_cname (defined by
 * @p fns), forwarding to @p parent_cname's when inherited.
 */
static struct sg_plan_union *plan_union(struct sg_arena *a, const struct definer *types,
					const struct definer *fns, const char *owner_cname,
					const char *class_cname, const char *parent_cname,
					const struct sg_slot *s, const char *member)
{
	struct sg_plan_union *u = sg_arena_alloc(a, sizeof *u);
	if (!u)
		return NULL;
	u->cname = define_if(types, sg_decl_cname(a, owner_cname, member));
	u->kind_cname = define_if(types, sg_decl_cname(a, u->cname, "kind"));
	u->alts_desc = define_if(types, sg_decl_cname(a, u->cname, "alts"));
	u->desc = define_if(types, sg_slot_elem_cname(a, owner_cname, member, 1));
	u->alts = sg_arena_alloc(a, s->alt_count * sizeof *u->alts);
	u->count = s->alt_count;
	if (!u->cname || !u->kind_cname || !u->alts_desc || !u->desc || !u->alts)
		return NULL;
	for (size_t i = 0; i < s->alt_count; i++) {
		struct sg_plan_alt *x = &u->alts[i];
		const struct sg_vtype *t = &s->alts[i];
		x->type = t;
		x->member = alt_member(a, t);
		const char *upper = x->member ? sg_upper(a, sg_arena_printf(a, "%s_%s", u->cname,
									    x->member))
					      : NULL;
		x->constant = define_if(types, upper);
		x->ctype = t->enm ? sg_enum_cname(a, t->enm) : scalar_ctypes[t->type];
		x->type_ref = !t->enm ? "NULL" : x->ctype ? sg_arena_printf(a, "&%s",
						     sg_decl_cname(a, x->ctype, "enum")) : NULL;
		const char *which = sg_arena_printf(a, "%s_%s", s->name, x->member ? x->member : "");
		x->get = define(fns, sg_slot_fn_cname(a, class_cname, "get", which, false));
		x->set = define(fns, sg_slot_fn_cname(a, class_cname, "set", which, false));
		x->parent_get = parent_cname ? sg_slot_fn_cname(a, parent_cname, "get", which, false)
					     : NULL;
		x->parent_set = parent_cname ? sg_slot_fn_cname(a, parent_cname, "set", which, false)
					     : NULL;
		if (!which || !x->member || !x->constant || !x->ctype || !x->type_ref || !x->get ||
		    !x->set ||
		    (parent_cname && (!x->parent_get || !x->parent_set)))
			return NULL;
	}
	return u;
}

static bool plan_class(struct sg_arena *a, struct sg_plan *plan, const struct sg_class *c,
		       struct sg_plan_class *p)
{
	const struct definer cd = {a, plan, {NULL, "class", c->name, c->loc, c}};
	p->cls = c;
	p->cname = define(&cd, sg_class_cname(a, c));
	p->fns = decl_names(a, &cd, p->cname, sg_class_suffixes);
	if (!p->fns)
		return false;
	p->parent_cname = c->parent ? sg_class_cname(a, c->parent) : NULL;
	p->parent_class_fns =
		c->parent ? decl_names(a, NULL, p->parent_cname, sg_class_suffixes) : NULL;
	if (c->parent && !p->parent_class_fns)
		return false;
	size_t depth = 0;
	for (const struct sg_class *q = c; q; q = q->parent)
		p->count += q->count, depth++;
	p->own_first = p->count - c->count;
	p->bits_bytes = sg_presence_bytes(c);
	unsigned fails = init_failures(c);
	p->init_fallible = fails != 0;
	p->init_enomem = fails & INIT_ENOMEM;
	p->init_etype = fails & INIT_ETYPE;
	p->init_erange = fails & INIT_ERANGE;
	p->init_has_params = has_readonly(c);
	p->slots = sg_arena_alloc(a, (p->count ? p->count : 1) * sizeof *p->slots);
	if (!p->slots)
		return false;
	/* Fill from the back: the class's own slots last, the root's first. */
	size_t end = p->count;
	const struct sg_class *q = c;
	for (size_t level = 0; level < depth; level++, q = q->parent) {
		struct sg_buf prefix;
		sg_buf_init(&prefix);
		for (size_t k = 0; k < level; k++)
			sg_buf_puts(&prefix, "slot_base.");
		if (prefix.failed)
			return false;
		const char *pre = prefix.data ? prefix.data : "";
		end -= q->count;
		unsigned bit = 0; /* the next presence bit of q's own slots */
		for (size_t i = 0; i < q->count; i++) {
			struct sg_plan_slot *ps = &p->slots[end + i];
			const struct sg_slot *s = &q->slots[i];
			ps->slot = s;
			ps->inherited = level > 0;
			ps->member = sg_slot_member(a, s);
			ps->param = sg_slot_param(a, s);
			ps->path = sg_arena_printf(a, "%s%s", pre, ps->member);
			ps->bits_member = sg_arena_printf(a, "%sslot_bits", pre);
			ps->bit_byte = s->always_set ? 0 : bit / 8;
			ps->mask = s->always_set ? 0 : 1u << (bit % 8);
			bit += !s->always_set;
			ps->elem_ctype = value_ctype(a, s);
			const char *table = s->enm   ? sg_decl_cname(a, ps->elem_ctype, "enum")
					    : s->cls ? sg_decl_cname(a, ps->elem_ctype, "class")
						     : "NULL";
			ps->type_ref = !table || (!s->enm && !s->cls) ? table
								       : sg_arena_printf(a, "&%s", table);
			/* Every slot's accessors, inherited ones too, are the class's. */
			const struct definer sd = {a, plan, {NULL, "slot", s->name, s->loc, c}};
			ps->fns = slot_fn_names(a, &sd, p->cname, s, sg_slot_verbs, false);
			bool at = s->array || s->type == SG_TYPE_LIST; /* element accessors */
			ps->at_fns = at ? slot_fn_names(a, &sd, p->cname, s, sg_slot_at_verbs, true)
					: NULL;
			if (level > 0) {
				ps->parent_fns =
					slot_fn_names(a, NULL, p->parent_cname, s, sg_slot_verbs, false);
				ps->parent_at_fns = at ? slot_fn_names(a, NULL, p->parent_cname, s,
									       sg_slot_at_verbs, true)
						       : NULL;
			}
			if (s->type == SG_TYPE_LIST || s->type == SG_TYPE_MAP) {
				bool map = s->type == SG_TYPE_MAP;
				const char *const *verbs = map ? sg_map_verbs : sg_list_verbs;
				const char *const *at_verbs = map ? sg_map_at_verbs : sg_list_at_verbs;
				ps->list_fns = slot_fn_names(a, &sd, p->cname, s, verbs, false);
				ps->list_at_fns = slot_fn_names(a, &sd, p->cname, s, at_verbs, true);
				ps->list = plan_elem(a, &sd, p->cname, s, s->elem, 1);
				if (!ps->list_fns || !ps->list_at_fns || !ps->list) {
					sg_buf_fini(&prefix);
					return false;
				}
				if (level > 0) {
					ps->parent_list_fns = slot_fn_names(a, NULL, p->parent_cname, s,
									    verbs, false);
					ps->parent_list_at_fns = slot_fn_names(a, NULL, p->parent_cname,
									       s, at_verbs, true);
					if (!ps->parent_list_fns || !ps->parent_list_at_fns) {
						sg_buf_fini(&prefix);
						return false;
					}
				}
			}
			if (s->type == SG_TYPE_UNION) {
				/* The union's C types are its declaring class's; a
				 * subclass names its own accessors only. */
				ps->un = plan_union(a, level > 0 ? NULL : &sd, &sd,
						    sg_class_cname(a, s->owner), p->cname,
						    level > 0 ? p->parent_cname : NULL, s, ps->member);
				ps->list_fns = slot_fn_names(a, &sd, p->cname, s, sg_union_verbs, false);
				ps->parent_list_fns =
					level > 0 ? slot_fn_names(a, NULL, p->parent_cname, s,
								  sg_union_verbs, false)
						  : NULL;
				if (!ps->un || !ps->list_fns || (level > 0 && !ps->parent_list_fns)) {
					sg_buf_fini(&prefix);
					return false;
				}
				ps->elem_ctype = ps->un->cname;
			}
			bool child = s->type == SG_TYPE_CLASS || s->type == SG_TYPE_OPTIONAL;
			if (s->type == SG_TYPE_OPTIONAL) {
				ps->list_fns =
					slot_fn_names(a, &sd, p->cname, s, sg_optional_verbs, false);
				ps->parent_list_fns =
					level > 0 ? slot_fn_names(a, NULL, p->parent_cname, s,
								  sg_optional_verbs, false)
						  : NULL;
				if (!ps->list_fns || (level > 0 && !ps->parent_list_fns)) {
					sg_buf_fini(&prefix);
					return false;
				}
			}
			ps->elem_fns = child ? decl_names(a, NULL, ps->elem_ctype, sg_class_suffixes)
					     : NULL;
			ps->default_constant =
				s->enm && s->def ? sg_enum_value_cname(a, s->enm, s->value.e) : NULL;
			ps->elem_cname = child ? ps->elem_ctype : NULL;
			ps->mut = child && !has_readonly(s->cls);
			ps->mut_fallible = ps->mut && init_failures(s->cls) != 0;
			if (!ps->member || !ps->param || !ps->path || !ps->bits_member || !ps->elem_ctype || !ps->type_ref ||
			    (s->enm && s->def && !ps->default_constant) || !ps->fns ||
			    ((s->array || s->type == SG_TYPE_LIST) && !ps->at_fns) || (child && !ps->elem_fns) ||
			    (level > 0 && (!ps->parent_fns || (ps->at_fns && !ps->parent_at_fns)))) {
				sg_buf_fini(&prefix);
				return false;
			}
		}
		sg_buf_fini(&prefix);
	}
	const char **names = sg_arena_alloc(a, (p->count + 1) * sizeof *names);
	if (!names)
		return false;
	for (size_t i = 0; i < p->count; i++)
		names[i] = p->slots[i].slot->name;
	return sg_phash_build(a, names, p->count, &p->hash) && p->cname &&
	       (!c->parent || p->parent_cname);
}

/* C needs a class defined before a struct holds it: parents and nested
 * classes of the module first, schema order otherwise. */
static void order_class(const struct sg_module *m, const struct sg_class *c, bool *done,
			const struct sg_class **order, size_t *n)
{
	/* Only a class of this module points into m->classes: test that first,
	 * since subtracting pointers into two arrays is undefined. */
	if (c->module != m || done[c - m->classes])
		return;
	done[c - m->classes] = true;
	if (c->parent)
		order_class(m, c->parent, done, order, n);
	for (size_t k = 0; k < c->count; k++)
		if (c->slots[k].type == SG_TYPE_CLASS) /* held by value: defined first */
			order_class(m, c->slots[k].cls, done, order, n);
	order[(*n)++] = c;
}

/* @p given, or DIR/MODULE.EXT. */
static const char *output_path(struct sg_arena *a, const struct sg_plan_where *where,
			       const char *given, const struct sg_module *m, const char *ext)
{
	if (given)
		return given;
	return sg_arena_printf(a, "%s/%s%s", where && where->dir ? where->dir : ".", m->name, ext);
}

/* The YAML (or Python) file beside @p path: @p tag (`_yaml`) before its
 * extension @p ext, or after a name that has another. */
static const char *tagged_path(struct sg_arena *a, const char *path, const char *tag,
			       const char *ext)
{
	size_t n = strlen(path), e = strlen(ext);
	if (n > e && strcmp(path + n - e, ext) == 0)
		return sg_arena_printf(a, "%.*s%s%s", (int)(n - e), path, tag, ext);
	return sg_arena_printf(a, "%s%s%s", path, tag, ext);
}

/* The file name of @p path, as an #include names a file beside it. */
static const char *base_name(const char *path)
{
	const char *slash = path ? strrchr(path, '/') : NULL;
	return slash ? slash + 1 : path;
}

bool sg_plan_module(struct sg_arena *a, const struct sg_module *m,
		    const struct sg_plan_where *where, struct sg_plan *out)
{
	struct sg_plan p = {.module = m};
	p.header_path = output_path(a, where, where ? where->header_path : NULL, m, ".h");
	p.source_path = output_path(a, where, where ? where->source_path : NULL, m, ".c");
	p.yaml_header_path = p.header_path ? tagged_path(a, p.header_path, "_yaml", ".h") : NULL;
	p.yaml_source_path = p.source_path ? tagged_path(a, p.source_path, "_yaml", ".c") : NULL;
	p.python_source_path = p.source_path ? tagged_path(a, p.source_path, "_python", ".c")
					     : NULL;
	p.header = base_name(p.header_path);
	p.source = base_name(p.source_path);
	p.yaml_header = base_name(p.yaml_header_path);
	p.yaml_source = base_name(p.yaml_source_path);
	p.python_source = base_name(p.python_source_path);
	/* MODULE_yaml.h's guard is a module MODULE_yaml's header guard too:
	 * defined here, the two meet when both would write MODULE_yaml.h. */
	const struct definer md = {a, &p, {NULL, "module", m->name, m->loc, m}};
	p.guard = define(&md, sg_module_guard(a, m));
	p.format_macro = define(&md, sg_module_format_macro(a, m));
	p.yaml_guard = define(&md, sg_module_yaml_guard(a, m));
	p.py_init = define(&md, sg_module_py_init(a, m));
	p.py_classes = define(&md, sg_module_py_table(a, m, "classes"));
	p.py_enums = define(&md, sg_module_py_table(a, m, "enums"));
	p.py_module = define(&md, sg_module_py_table(a, m, "module"));
	p.enums = sg_arena_alloc(a, (m->enum_count + 1) * sizeof *p.enums);
	p.classes = sg_arena_alloc(a, (m->class_count + 1) * sizeof *p.classes);
	p.includes = sg_arena_alloc(a, (m->import_count + 1) * sizeof *p.includes);
	if (!p.header || !p.source || !p.yaml_header || !p.yaml_source || !p.guard ||
	    !p.yaml_guard || !p.format_macro || !p.enums || !p.classes || !p.includes ||
	    !p.python_source || !p.py_init || !p.py_classes || !p.py_enums || !p.py_module)
		return false;
	for (size_t i = 0; i < m->import_count; i++) {
		const char *h = sg_arena_printf(a, "%s.h", m->imports[i].module->name);
		if (!h)
			return false;
		size_t k = 0;
		while (k < p.include_count && strcmp(p.includes[k], h) != 0)
			k++;
		if (k == p.include_count)
			p.includes[p.include_count++] = h;
	}
	for (size_t i = 0; i < m->enum_count; i++) {
		struct sg_plan_enum *pe = &p.enums[i];
		pe->enm = &m->enums[i];
		const struct definer ed = {a, &p, {NULL, "enum", pe->enm->name, pe->enm->loc, pe->enm}};
		pe->cname = define(&ed, sg_enum_cname(a, pe->enm));
		pe->fns = decl_names(a, &ed, pe->cname, sg_enum_suffixes);
		pe->constants = sg_arena_alloc(a, pe->enm->count * sizeof *pe->constants);
		if (!pe->cname || !pe->fns || !pe->constants)
			return false;
		const char **names = sg_arena_alloc(a, pe->enm->count * sizeof *names);
		if (!names)
			return false;
		for (size_t v = 0; v < pe->enm->count; v++) {
			const struct sg_enum_value *ev = &pe->enm->values[v];
			const struct definer vd = {a, &p, {NULL, "enum value", ev->name, ev->loc, pe->enm}};
			if (!(pe->constants[v] = define(&vd, sg_enum_value_cname(a, pe->enm, v))))
				return false;
			names[v] = pe->enm->values[v].name;
		}
		if (!sg_phash_build(a, names, pe->enm->count, &pe->hash))
			return false;
	}
	for (size_t i = 0; i < m->class_count; i++)
		for (size_t k = 0; k < m->classes[i].count; k++) {
			const struct sg_slot *s = &m->classes[i].slots[k];
			const struct sg_vtype *t = s->elem;
			while (t && t->elem)
				t = t->elem;
			p.forward |= (t && t->type == SG_TYPE_CLASS) || s->type == SG_TYPE_OPTIONAL;
		}
	bool *done = sg_arena_alloc(a, (m->class_count + 1) * sizeof *done);
	const struct sg_class **order = sg_arena_alloc(a, (m->class_count + 1) * sizeof *order);
	if (!done || !order)
		return false;
	size_t n = 0;
	for (size_t i = 0; i < m->class_count; i++)
		order_class(m, &m->classes[i], done, order, &n);
	/* Planned in schema order, so that names are defined (and collisions
	 * reported) in the order the schema gives them; kept in C's order. */
	size_t *pos = sg_arena_alloc(a, (m->class_count + 1) * sizeof *pos);
	if (!pos)
		return false;
	for (size_t k = 0; k < m->class_count; k++)
		pos[order[k] - m->classes] = k;
	for (size_t i = 0; i < m->class_count; i++)
		if (!plan_class(a, &p, &m->classes[i], &p.classes[pos[i]]))
			return false;
	*out = p;
	return true;
}

/* The last collision reported.  Two classes (or enums, modules) whose
 * names collide collide in every derived name too: one report for each
 * pair of owners; within one owner, one for each pair of names. */
struct clash {
	const void *a, *b;
	const char *name_a, *name_b;
};

static void report_clash(struct sg_diags *diags, struct clash *k, const struct sg_name_def *first,
			 const struct sg_name_def *e)
{
	bool same_owners = first->owner == k->a && e->owner == k->b;
	bool same_names = first->schema_name == k->name_a && e->schema_name == k->name_b;
	if (same_owners && (e->owner != first->owner || same_names))
		return;
	*k = (struct clash){first->owner, e->owner, first->schema_name, e->schema_name};
	sg_error(diags, e->loc, "%s '%s' maps to the C name '%s', as does %s '%s'", e->what,
		 e->schema_name, e->name, first->what, first->schema_name);
	sg_note(diags, first->loc, "'%s' defined here", first->schema_name);
}

bool sg_plan_check_names(struct sg_arena *arena, struct sg_diags *diags,
			 const struct sg_plan *plans, size_t count)
{
	unsigned before = diags->errors;
	size_t n = 0;
	for (size_t i = 0; i < count; i++)
		n += plans[i].name_count;
	struct sg_name_table t;
	struct clash k = {0};
	if (!sg_name_table_init(arena, &t, n)) {
		diags->oom = true;
		return false;
	}
	for (size_t i = 0; i < count; i++)
		for (size_t j = 0; j < plans[i].name_count; j++) {
			const struct sg_name_def *first;
			if (!sg_name_table_add(arena, &t, &plans[i].names[j], &first)) {
				diags->oom = true;
				return false;
			}
			if (first)
				report_clash(diags, &k, first, &plans[i].names[j]);
		}
	return diags->errors == before;
}
