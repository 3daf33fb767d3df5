{{! slot_string_array.h.tpl: the accessors of an array of strings }}
{{^inline_string}}
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
{{/inline_string}}
/** Element @p i of {{name}} (i < {{count}}). */
static inline {{get_at_decl}}(const {{cname}} *o, size_t i)
{
{{#inherited}}
	return {{parent_fn_get_at}}(&o->slot_base, i);
{{/inherited}}
{{^inherited}}
	return o->{{path}}[i];
{{/inherited}}
}
/** Set element @p i to a copy of @p v; unchanged on failure. */
static inline int {{fn_set_at}}({{cname}} *o, size_t i, const char *v)
{
{{#inherited}}
	return {{parent_fn_set_at}}(&o->slot_base, i, v);
{{/inherited}}
{{^inherited}}
{{#inline_string}}
	int rc = slot_string_put(o->{{path}}[i], sizeof o->{{path}}[i], v);
{{/inline_string}}
{{^inline_string}}
	int rc = slot_string_assign(&o->{{path}}[i], v);
{{/inline_string}}
	if (rc == SLOT_OK)
		o->{{bits}} |= {{mask}};
	return rc;
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
{{^inline_string}}
	for (size_t k = 0; k < {{count}}; k++)
		slot_free(o->{{path}}[k]);
{{/inline_string}}
	memset(o->{{path}}, 0, sizeof o->{{path}});
	o->{{bits}} &= (unsigned char)~{{mask}};
{{/inherited}}
}
{{/has_clear}}
