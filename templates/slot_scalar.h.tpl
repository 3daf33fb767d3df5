{{! slot_scalar.h.tpl: the accessors of a number, bool or enum slot }}
/** {{name}}'s value; its zero when unset. */
static inline {{get_decl}}(const {{cname}} *o)
{
{{#inherited}}
	return {{parent_fn_get}}(&o->slot_base);
{{/inherited}}
{{^inherited}}
	return o->{{path}};
{{/inherited}}
}
{{^readonly}}
/** Set {{name}} to @p v. */
static inline {{set_decl}}({{cname}} *o, {{param}})
{
{{#inherited}}
	{{parent_fn_set}}(&o->slot_base, v);
{{/inherited}}
{{^inherited}}
	o->{{path}} = v;
{{#has_bit}}
	o->{{bits}} |= {{mask}};
{{/has_bit}}
{{/inherited}}
}
{{/readonly}}
{{#has_clear}}
/** Unset {{name}}, freeing what it owned (Python's del). */
static inline void {{fn_clear}}({{cname}} *o)
{
{{#inherited}}
	{{parent_fn_clear}}(&o->slot_base);
{{/inherited}}
{{^inherited}}
	o->{{path}} = {{zero}};
	o->{{bits}} &= (unsigned char)~{{mask}};
{{/inherited}}
}
{{/has_clear}}
