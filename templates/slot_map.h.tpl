{{! slot_map.h.tpl: the accessors of a dict slot (string keys, in insertion order) }}
/** The number of entries of {{name}}; 0 when unset. */
static inline size_t {{fn_len}}(const {{cname}} *o)
{
{{#inherited}}
	return {{parent_fn_len}}(&o->slot_base);
{{/inherited}}
{{^inherited}}
	return o->{{path}}.len;
{{/inherited}}
}
/** The value of @p key in {{name}}, borrowed; NULL when it has none. */
static inline {{value_get_decl}}(const {{cname}} *o, const char *key)
{
{{#inherited}}
	return {{parent_fn_get}}(&o->slot_base, key);
{{/inherited}}
{{^inherited}}
{{#item_string}}
	const slot_str *v = (const slot_str *)slot_map_find(&o->{{path}}, &{{item_desc}}, key);
	return v ? slot_str_get(v) : NULL;
{{/item_string}}
{{^item_string}}
	return (const {{item_ctype}} *)slot_map_find(&o->{{path}}, &{{item_desc}}, key);
{{/item_string}}
{{/inherited}}
}
/** Whether {{name}} has an entry for @p key (Python's `key in d`). */
static inline bool {{fn_contains}}(const {{cname}} *o, const char *key)
{
{{#inherited}}
	return {{parent_fn_contains}}(&o->slot_base, key);
{{/inherited}}
{{^inherited}}
	return slot_map_find(&o->{{path}}, &{{item_desc}}, key) != NULL;
{{/inherited}}
}
{{#item_mut}}
/** The value of @p key in {{name}}, to change in place; NULL when it has none. */
static inline {{item_ctype}} *{{fn_mut}}({{cname}} *o, const char *key)
{
{{#inherited}}
	return {{parent_fn_mut}}(&o->slot_base, key);
{{/inherited}}
{{^inherited}}
	return ({{item_ctype}} *)slot_map_find(&o->{{path}}, &{{item_desc}}, key);
{{/inherited}}
}
{{/item_mut}}
/** Set @p key of {{name}} (a copy of each), which is set: a new key goes last,
 * a known one keeps its place.  Unchanged on failure: SLOT_ENOMEM, SLOT_ETYPE
 * for a NULL key{{#item_string}} or value{{/item_string}}. */
static inline int {{fn_put}}({{cname}} *o, const char *key, {{item_param}})
{
{{#inherited}}
	return {{parent_fn_put}}(&o->slot_base, key, v);
{{/inherited}}
{{^inherited}}
{{#item_string}}
	slot_str s = slot_str_lend(v);
{{/item_string}}
	int rc = slot_map_put(&o->{{path}}, &{{item_desc}}, key, {{item_ref}});
	if (rc == SLOT_OK)
		o->{{bits}} |= {{mask}};
	return rc;
{{/inherited}}
}
/** Remove @p key and its value from {{name}} (Python's del d[key]); SLOT_EKEY
 * when it has none. */
static inline int {{fn_delete}}({{cname}} *o, const char *key)
{
{{#inherited}}
	return {{parent_fn_delete}}(&o->slot_base, key);
{{/inherited}}
{{^inherited}}
	return slot_map_delete(&o->{{path}}, &{{item_desc}}, key);
{{/inherited}}
}
/** The key of entry @p i of {{name}} (i < its length), in insertion order. */
static inline const char *{{fn_key_at}}(const {{cname}} *o, size_t i)
{
{{#inherited}}
	return {{parent_fn_key_at}}(&o->slot_base, i);
{{/inherited}}
{{^inherited}}
	return slot_map_key_at(&o->{{path}}, &{{item_desc}}, i);
{{/inherited}}
}
/** The value of entry @p i of {{name}} (i < its length){{^item_by_value}}, borrowed{{/item_by_value}}. */
static inline {{item_get_decl}}(const {{cname}} *o, size_t i)
{
{{#inherited}}
	return {{parent_fn_value_at}}(&o->slot_base, i);
{{/inherited}}
{{^inherited}}
{{#item_by_value}}
	return *(const {{item_ctype}} *)slot_map_value_at(&o->{{path}}, &{{item_desc}}, i);
{{/item_by_value}}
{{#item_string}}
	return slot_str_get((const slot_str *)slot_map_value_at(&o->{{path}}, &{{item_desc}}, i));
{{/item_string}}
{{^item_by_value}}
{{^item_string}}
	return (const {{item_ctype}} *)slot_map_value_at(&o->{{path}}, &{{item_desc}}, i);
{{/item_string}}
{{/item_by_value}}
{{/inherited}}
}
/** Make room in {{name}} for @p n entries in all; the dict is set (empty, if it
 * was unset).  SLOT_ENOMEM, unchanged, on failure. */
static inline int {{fn_reserve}}({{cname}} *o, size_t n)
{
{{#inherited}}
	return {{parent_fn_reserve}}(&o->slot_base, n);
{{/inherited}}
{{^inherited}}
	if (slot_map_reserve(&o->{{path}}, &{{item_desc}}, n) != SLOT_OK)
		return SLOT_ENOMEM;
	o->{{bits}} |= {{mask}};
	return SLOT_OK;
{{/inherited}}
}
/** Make {{name}} an empty dict, set (Python's d.clear()); its room stays. */
static inline void {{fn_empty}}({{cname}} *o)
{
{{#inherited}}
	{{parent_fn_empty}}(&o->slot_base);
{{/inherited}}
{{^inherited}}
	slot_map_empty(&o->{{path}}, &{{item_desc}});
	o->{{bits}} |= {{mask}};
{{/inherited}}
}
{{#has_clear}}
/** Unset {{name}}, freeing its entries and its room (Python's del). */
static inline void {{fn_clear}}({{cname}} *o)
{
{{#inherited}}
	{{parent_fn_clear}}(&o->slot_base);
{{/inherited}}
{{^inherited}}
	slot_map_fini(&o->{{path}}, &{{item_desc}});
	o->{{bits}} &= (unsigned char)~{{mask}};
{{/inherited}}
}
{{/has_clear}}
