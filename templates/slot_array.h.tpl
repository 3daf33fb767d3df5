{{! slot_array.h.tpl: the accessors of an array of numbers, bools or enums }}
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
	return o->{{path}}[i];
{{/inherited}}
}
/** Set element @p i of {{name}} to @p v; the array is set. */
static inline void {{fn_set_at}}({{cname}} *o, size_t i, {{elem_ctype}} v)
{
{{#inherited}}
	{{parent_fn_set_at}}(&o->slot_base, i, v);
{{/inherited}}
{{^inherited}}
	o->{{path}}[i] = v;
	o->{{bits}} |= {{mask}};
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
	memset(o->{{path}}, 0, sizeof o->{{path}});
	o->{{bits}} &= (unsigned char)~{{mask}};
{{/inherited}}
}
{{/has_clear}}
