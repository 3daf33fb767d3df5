{{! slot_object.h.tpl: the accessors of a slot that holds an object of a class, by value }}
/** {{name}}, borrowed; every slot unset when {{name}} is. */
static inline {{get_decl}}(const {{cname}} *o)
{
{{#inherited}}
	return {{parent_fn_get}}(&o->slot_base);
{{/inherited}}
{{^inherited}}
	return &o->{{path}};
{{/inherited}}
}
{{#has_mut}}
/** {{name}}, to change in place; set (initialised) if it was unset.{{#mut_fallible}}  NULL if that init fails.{{/mut_fallible}} */
static inline {{elem_ctype}} *{{fn_mut}}({{cname}} *o)
{
{{#inherited}}
	return {{parent_fn_mut}}(&o->slot_base);
{{/inherited}}
{{^inherited}}
	if (!{{fn_has}}(o)) {
{{#mut_fallible}}
		if ({{elem_fn_init}}(&o->{{path}}) != SLOT_OK)
			return NULL;
{{/mut_fallible}}
{{^mut_fallible}}
		{{elem_fn_init}}(&o->{{path}});
{{/mut_fallible}}
		o->{{bits}} |= {{mask}};
	}
	return &o->{{path}};
{{/inherited}}
}
{{/has_mut}}
/** Set {{name}} to a deep copy of @p v; unchanged on failure. */
static inline {{set_decl}}({{cname}} *o, const {{elem_ctype}} *v)
{
{{#inherited}}
	return {{parent_fn_set}}(&o->slot_base, v);
{{/inherited}}
{{^inherited}}
	{{elem_ctype}} copy;
	int rc = {{elem_fn_copy}}(&copy, v);
	if (rc != SLOT_OK)
		return rc;
	if ({{fn_has}}(o))
		{{elem_fn_fini}}(&o->{{path}});
	o->{{path}} = copy;
	o->{{bits}} |= {{mask}};
	return SLOT_OK;
{{/inherited}}
}
{{#has_clear}}
/** Unset {{name}}, freeing what it owned (Python's del). */
static inline void {{fn_clear}}({{cname}} *o)
{
{{#inherited}}
	{{parent_fn_clear}}(&o->slot_base);
{{/inherited}}
{{^inherited}}
	if ({{fn_has}}(o))
		{{elem_fn_fini}}(&o->{{path}});
	o->{{bits}} &= (unsigned char)~{{mask}};
{{/inherited}}
}
{{/has_clear}}
