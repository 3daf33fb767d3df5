{{! slot_list.h.tpl: the accessors of a list slot }}
/** The number of elements of {{name}}; 0 when unset. */
static inline size_t {{fn_len}}(const {{cname}} *o)
{
{{#inherited}}
	return {{parent_fn_len}}(&o->slot_base);
{{/inherited}}
{{^inherited}}
	return o->{{path}}.len;
{{/inherited}}
}
/** The elements of {{name}}, borrowed and contiguous; NULL when it holds none. */
static inline {{items_decl}}(const {{cname}} *o)
{
{{#inherited}}
	return {{parent_fn_get}}(&o->slot_base);
{{/inherited}}
{{^inherited}}
	return (const {{item_ctype}} *)o->{{path}}.items;
{{/inherited}}
}
/** Element @p i of {{name}} (i < its length){{^item_by_value}}, borrowed{{/item_by_value}}. */
static inline {{item_get_decl}}(const {{cname}} *o, size_t i)
{
{{#inherited}}
	return {{parent_fn_get_at}}(&o->slot_base, i);
{{/inherited}}
{{^inherited}}
{{#item_by_value}}
	return ((const {{item_ctype}} *)o->{{path}}.items)[i];
{{/item_by_value}}
{{#item_string}}
	return slot_str_get(&((const slot_str *)o->{{path}}.items)[i]);
{{/item_string}}
{{^item_by_value}}
{{^item_string}}
	return &((const {{item_ctype}} *)o->{{path}}.items)[i];
{{/item_string}}
{{/item_by_value}}
{{/inherited}}
}
{{#item_mut}}
/** Element @p i of {{name}} (i < its length), to change in place. */
static inline {{item_ctype}} *{{fn_mut_at}}({{cname}} *o, size_t i)
{
{{#inherited}}
	return {{parent_fn_mut_at}}(&o->slot_base, i);
{{/inherited}}
{{^inherited}}
	return &(({{item_ctype}} *)o->{{path}}.items)[i];
{{/inherited}}
}
{{/item_mut}}
{{#item_by_value}}
/** Set element @p i of {{name}} (i < its length) to @p v. */
static inline void {{fn_set_at}}({{cname}} *o, size_t i, {{item_param}})
{
{{#inherited}}
	{{parent_fn_set_at}}(&o->slot_base, i, v);
{{/inherited}}
{{^inherited}}
	(({{item_ctype}} *)o->{{path}}.items)[i] = v;
{{/inherited}}
}
/** Append @p v to {{name}}, which is set; SLOT_ENOMEM, unchanged, on failure. */
static inline int {{fn_append}}({{cname}} *o, {{item_param}})
{
{{#inherited}}
	return {{parent_fn_append}}(&o->slot_base, v);
{{/inherited}}
{{^inherited}}
	slot_list *l = &o->{{path}};
	/* A list with room is set (see reserve): the bit is set where room is
	 * made, not on every append. */
	if (l->len == l->cap) {
		if (slot_list_reserve(l, sizeof v, 1) != SLOT_OK)
			return SLOT_ENOMEM;
		o->{{bits}} |= {{mask}};
	}
	(({{item_ctype}} *)l->items)[l->len++] = v;
	return SLOT_OK;
{{/inherited}}
}
{{/item_by_value}}
{{^item_by_value}}
/** Set element @p i of {{name}} to a copy of @p v; unchanged on failure:
 * SLOT_EINDEX past its end, SLOT_ENOMEM{{#item_string}}, SLOT_ETYPE for NULL{{/item_string}}. */
static inline int {{fn_set_at}}({{cname}} *o, size_t i, {{item_param}})
{
{{#inherited}}
	return {{parent_fn_set_at}}(&o->slot_base, i, v);
{{/inherited}}
{{^inherited}}
{{#item_string}}
	slot_str s = slot_str_lend(v);
{{/item_string}}
	return slot_list_put(&o->{{path}}, &{{item_desc}}, i, {{item_ref}});
{{/inherited}}
}
/** Append a copy of @p v to {{name}}, which is set; unchanged on failure:
 * SLOT_ENOMEM{{#item_string}}, SLOT_ETYPE for NULL{{/item_string}}. */
static inline int {{fn_append}}({{cname}} *o, {{item_param}})
{
{{#inherited}}
	return {{parent_fn_append}}(&o->slot_base, v);
{{/inherited}}
{{^inherited}}
{{#item_string}}
	slot_str s = slot_str_lend(v);
{{/item_string}}
	int rc = slot_list_insert(&o->{{path}}, &{{item_desc}}, o->{{path}}.len, {{item_ref}});
	if (rc == SLOT_OK)
		o->{{bits}} |= {{mask}};
	return rc;
{{/inherited}}
}
{{/item_by_value}}
/** Insert a copy of @p v before element @p i of {{name}} (i <= its length),
 * which is set; unchanged on failure: SLOT_EINDEX, SLOT_ENOMEM{{#item_string}}, SLOT_ETYPE{{/item_string}}. */
static inline int {{fn_insert_at}}({{cname}} *o, size_t i, {{item_param}})
{
{{#inherited}}
	return {{parent_fn_insert_at}}(&o->slot_base, i, v);
{{/inherited}}
{{^inherited}}
{{#item_string}}
	slot_str s = slot_str_lend(v);
{{/item_string}}
	int rc = slot_list_insert(&o->{{path}}, &{{item_desc}}, i, {{item_ref}});
	if (rc == SLOT_OK)
		o->{{bits}} |= {{mask}};
	return rc;
{{/inherited}}
}
/** Remove element @p i of {{name}}, freeing what it owned; SLOT_EINDEX past its end. */
static inline int {{fn_remove_at}}({{cname}} *o, size_t i)
{
{{#inherited}}
	return {{parent_fn_remove_at}}(&o->slot_base, i);
{{/inherited}}
{{^inherited}}
	return slot_list_remove(&o->{{path}}, &{{item_desc}}, i);
{{/inherited}}
}
/** Make room in {{name}} for @p n elements in all; the list is set (empty, if
 * it was unset).  SLOT_ENOMEM, unchanged, on failure. */
static inline int {{fn_reserve}}({{cname}} *o, size_t n)
{
{{#inherited}}
	return {{parent_fn_reserve}}(&o->slot_base, n);
{{/inherited}}
{{^inherited}}
	size_t len = o->{{path}}.len;
	if (n > len && slot_list_reserve(&o->{{path}}, sizeof({{item_ctype}}), n - len) != SLOT_OK)
		return SLOT_ENOMEM;
	o->{{bits}} |= {{mask}};
	return SLOT_OK;
{{/inherited}}
}
/** Make {{name}} an empty list, set (Python's list.clear()); its room stays. */
static inline void {{fn_empty}}({{cname}} *o)
{
{{#inherited}}
	{{parent_fn_empty}}(&o->slot_base);
{{/inherited}}
{{^inherited}}
	slot_list_empty(&o->{{path}}, &{{item_desc}});
	o->{{bits}} |= {{mask}};
{{/inherited}}
}
/** Set {{name}} to copies of the @p n elements at @p items; unchanged on failure:
 * SLOT_ENOMEM{{#item_string}}, SLOT_ETYPE for a NULL element{{/item_string}}. */
static inline int {{fn_set}}({{cname}} *o, {{items_param}}, size_t n)
{
{{#inherited}}
	return {{parent_fn_set}}(&o->slot_base, items, n);
{{/inherited}}
{{^inherited}}
{{#item_string}}
	int rc = slot_list_assign_texts(&o->{{path}}, &{{item_desc}}, items, n);
{{/item_string}}
{{^item_string}}
	int rc = slot_list_assign(&o->{{path}}, &{{item_desc}}, items, n);
{{/item_string}}
	if (rc == SLOT_OK)
		o->{{bits}} |= {{mask}};
	return rc;
{{/inherited}}
}
{{#has_clear}}
/** Unset {{name}}, freeing its elements and its room (Python's del). */
static inline void {{fn_clear}}({{cname}} *o)
{
{{#inherited}}
	{{parent_fn_clear}}(&o->slot_base);
{{/inherited}}
{{^inherited}}
	slot_list_fini(&o->{{path}}, &{{item_desc}});
	o->{{bits}} &= (unsigned char)~{{mask}};
{{/inherited}}
}
{{/has_clear}}
