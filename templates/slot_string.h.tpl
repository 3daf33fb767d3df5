{{! slot_string.h.tpl: the accessors of a string slot: a char array (max_length), or a slot_str }}
/** {{name}}'s value, borrowed; NULL when unset. */
static inline {{get_decl}}(const {{cname}} *o)
{
{{#inherited}}
	return {{parent_fn_get}}(&o->slot_base);
{{/inherited}}
{{^inherited}}
{{#inline_string}}
	return o->{{path}};
{{/inline_string}}
{{^inline_string}}
	return slot_str_get(&o->{{path}});
{{/inline_string}}
{{/inherited}}
}
{{^readonly}}
/** Set {{name}} to a copy of @p v; unchanged on failure: SLOT_ETYPE for NULL,
 * {{#inline_string}}SLOT_ERANGE for a string too long{{/inline_string}}{{^inline_string}}SLOT_ENOMEM{{/inline_string}}. */
static inline {{set_decl}}({{cname}} *o, {{param}})
{
{{#inherited}}
	return {{parent_fn_set}}(&o->slot_base, v);
{{/inherited}}
{{^inherited}}
{{#inline_string}}
	int rc = slot_string_put(o->{{path}}, sizeof o->{{path}}, v);
{{/inline_string}}
{{^inline_string}}
	int rc = slot_str_assign(&o->{{path}}, v);
{{/inline_string}}
{{#has_bit}}
	if (rc == SLOT_OK)
		o->{{bits}} |= {{mask}};
{{/has_bit}}
	return rc;
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
{{#inline_string}}
	memset(o->{{path}}, 0, sizeof o->{{path}});
{{/inline_string}}
{{^inline_string}}
	slot_str_fini(&o->{{path}});
{{/inline_string}}
	o->{{bits}} &= (unsigned char)~{{mask}};
{{/inherited}}
}
{{/has_clear}}
