{{! slot_object_array.h.tpl: the accessors of an array of objects, by value }}
/** The {{count}} elements of {{name}}. */
static inline {{get_decl}}(const {{cname}} *o)
{
{{#inherited}}
	return {{parent_fn_get}}(&o->slot_base);
{{/inherited}}
{{^inherited}}
	return o->{{path}};
{{/inherited}}
}
/** Element @p i of {{name}} (i < {{count}}). */
static inline {{get_at_decl}}(const {{cname}} *o, size_t i)
{
{{#inherited}}
	return {{parent_fn_get_at}}(&o->slot_base, i);
{{/inherited}}
{{^inherited}}
	return &o->{{path}}[i];
{{/inherited}}
}
/** Set element @p i to a deep copy of @p v; unchanged on failure.  Other
 * elements of an unset array stay empty (every slot unset). */
static inline int {{fn_set_at}}({{cname}} *o, size_t i, const {{elem_ctype}} *v)
{
{{#inherited}}
	return {{parent_fn_set_at}}(&o->slot_base, i, v);
{{/inherited}}
{{^inherited}}
	{{elem_ctype}} copy;
	int rc = {{elem_fn_copy}}(&copy, v);
	if (rc != SLOT_OK)
		return rc;
	{{elem_fn_fini}}(&o->{{path}}[i]);
	o->{{path}}[i] = copy;
	o->{{bits}} |= {{mask}};
	return SLOT_OK;
{{/inherited}}
}
{{#has_mut}}
/** Element @p i, to change in place; the array is set (initialised) if it
 * was unset.{{#mut_fallible}}  NULL if that init fails.{{/mut_fallible}} */
static inline {{elem_ctype}} *{{fn_mut_at}}({{cname}} *o, size_t i)
{
{{#inherited}}
	return {{parent_fn_mut_at}}(&o->slot_base, i);
{{/inherited}}
{{^inherited}}
	if (!{{fn_has}}(o)) {
		for (size_t k = 0; k < {{count}}; k++) {
{{#mut_fallible}}
			if ({{elem_fn_init}}(&o->{{path}}[k]) != SLOT_OK) {
				while (k--)
					{{elem_fn_fini}}(&o->{{path}}[k]);
				return NULL;
			}
{{/mut_fallible}}
{{^mut_fallible}}
			{{elem_fn_init}}(&o->{{path}}[k]);
{{/mut_fallible}}
		}
		o->{{bits}} |= {{mask}};
	}
	return &o->{{path}}[i];
{{/inherited}}
}
{{/has_mut}}
{{#has_clear}}
/** Unset {{name}}, freeing what it owned (Python's del). */
static inline void {{fn_clear}}({{cname}} *o)
{
{{#inherited}}
	{{parent_fn_clear}}(&o->slot_base);
{{/inherited}}
{{^inherited}}
	if ({{fn_has}}(o))
		for (size_t k = 0; k < {{count}}; k++)
			{{elem_fn_fini}}(&o->{{path}}[k]);
	memset(o->{{path}}, 0, sizeof o->{{path}});
	o->{{bits}} &= (unsigned char)~{{mask}};
{{/inherited}}
}
{{/has_clear}}
