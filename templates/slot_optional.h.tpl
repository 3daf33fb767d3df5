{{! slot_optional.h.tpl: the accessors of an optional child (Class | None) }}
/** {{name}}'s child, borrowed; NULL when it is None or unset. */
static inline {{get_decl}}(const {{cname}} *o)
{
{{#inherited}}
	return {{parent_fn_get}}(&o->slot_base);
{{/inherited}}
{{^inherited}}
	return o->{{path}};
{{/inherited}}
}
{{#has_mut}}
/** {{name}}'s child, to change in place: made (with {{elem_ctype}}'s defaults)
 * when it is None or unset, and {{name}} is set; NULL if that fails. */
static inline {{elem_ctype}} *{{fn_ensure}}({{cname}} *o)
{
{{#inherited}}
	return {{parent_fn_ensure}}(&o->slot_base);
{{/inherited}}
{{^inherited}}
	if (!o->{{path}} && !(o->{{path}} = {{elem_fn_new}}()))
		return NULL;
	o->{{bits}} |= {{mask}};
	return o->{{path}};
{{/inherited}}
}
{{/has_mut}}
/** Set {{name}} to a deep copy of @p v, or to None for NULL; unchanged on
 * failure (SLOT_ENOMEM). */
static inline {{set_decl}}({{cname}} *o, const {{elem_ctype}} *v)
{
{{#inherited}}
	return {{parent_fn_set}}(&o->slot_base, v);
{{/inherited}}
{{^inherited}}
	{{elem_ctype}} *copy = NULL;
	if (v) {
		copy = ({{elem_ctype}} *)slot_malloc(sizeof *copy);
		if (!copy)
			return SLOT_ENOMEM;
		int rc = {{elem_fn_copy}}(copy, v);
		if (rc != SLOT_OK) {
			slot_free(copy);
			return rc;
		}
	}
	{{elem_fn_free}}(o->{{path}});
	o->{{path}} = copy;
	o->{{bits}} |= {{mask}};
	return SLOT_OK;
{{/inherited}}
}
/** Take {{name}}'s child, which the caller then owns (free it with
 * {{elem_fn_free}}); {{name}} is None afterwards, if it was set.  NULL when it
 * had none. */
static inline {{elem_ctype}} *{{fn_take}}({{cname}} *o)
{
{{#inherited}}
	return {{parent_fn_take}}(&o->slot_base);
{{/inherited}}
{{^inherited}}
	{{elem_ctype}} *child = o->{{path}};
	o->{{path}} = NULL;
	return child;
{{/inherited}}
}
{{#has_clear}}
/** Unset {{name}}, freeing its child (Python's del). */
static inline void {{fn_clear}}({{cname}} *o)
{
{{#inherited}}
	{{parent_fn_clear}}(&o->slot_base);
{{/inherited}}
{{^inherited}}
	{{elem_fn_free}}(o->{{path}});
	o->{{path}} = NULL;
	o->{{bits}} &= (unsigned char)~{{mask}};
{{/inherited}}
}
{{/has_clear}}
