{{! slot_union.h.tpl: the accessors of a union slot (int32 | string) }}
/** Which type {{name}} holds (while it is set). */
static inline {{kind_ctype}} {{fn_kind}}(const {{cname}} *o)
{
{{#inherited}}
	return {{parent_fn_kind}}(&o->slot_base);
{{/inherited}}
{{^inherited}}
	return ({{kind_ctype}})o->{{path}}.kind;
{{/inherited}}
}
{{#alts}}
{{#alt_by_value}}
/** {{name}} as {{alt_type}}: its value while it holds one, else 0. */
static inline {{alt_ctype}} {{alt_get}}(const {{cname}} *o)
{
{{#inherited}}
	return {{alt_parent_get}}(&o->slot_base);
{{/inherited}}
{{^inherited}}
	return o->{{path}}.kind == {{alt_constant}} ? o->{{path}}.as.{{alt_member}} : ({{alt_ctype}})0;
{{/inherited}}
}
/** Set {{name}} to @p v, a {{alt_type}}. */
static inline void {{alt_set}}({{cname}} *o, {{alt_ctype}} v)
{
{{#inherited}}
	{{alt_parent_set}}(&o->slot_base, v);
{{/inherited}}
{{^inherited}}
	slot_value_fini(&o->{{path}}, &{{union_desc}});
	o->{{path}}.kind = {{alt_constant}};
	o->{{path}}.as.{{alt_member}} = v;
	o->{{bits}} |= {{mask}};
{{/inherited}}
}
{{/alt_by_value}}
{{#alt_string}}
/** {{name}} as a string, borrowed, while it holds one; else NULL. */
static inline const char *{{alt_get}}(const {{cname}} *o)
{
{{#inherited}}
	return {{alt_parent_get}}(&o->slot_base);
{{/inherited}}
{{^inherited}}
	return o->{{path}}.kind == {{alt_constant}} ? o->{{path}}.as.{{alt_member}} : NULL;
{{/inherited}}
}
/** Set {{name}} to a copy of the string @p v; unchanged on failure: SLOT_ETYPE
 * for NULL, SLOT_ENOMEM. */
static inline int {{alt_set}}({{cname}} *o, const char *v)
{
{{#inherited}}
	return {{alt_parent_set}}(&o->slot_base, v);
{{/inherited}}
{{^inherited}}
	char *copy = v ? slot_strdup(v) : NULL;
	if (!copy)
		return v ? SLOT_ENOMEM : SLOT_ETYPE;
	slot_value_fini(&o->{{path}}, &{{union_desc}});
	o->{{path}}.kind = {{alt_constant}};
	o->{{path}}.as.{{alt_member}} = copy;
	o->{{bits}} |= {{mask}};
	return SLOT_OK;
{{/inherited}}
}
{{/alt_string}}
{{#alt_bytes}}
/** {{name}} as bytes, borrowed, while it holds them; else NULL. */
static inline const slot_bytes *{{alt_get}}(const {{cname}} *o)
{
{{#inherited}}
	return {{alt_parent_get}}(&o->slot_base);
{{/inherited}}
{{^inherited}}
	return o->{{path}}.kind == {{alt_constant}} ? &o->{{path}}.as.{{alt_member}} : NULL;
{{/inherited}}
}
/** Set {{name}} to a copy of the @p len bytes at @p data; unchanged on
 * failure: SLOT_ENOMEM, SLOT_ETYPE for a NULL @p data with a @p len. */
static inline int {{alt_set}}({{cname}} *o, const void *data, size_t len)
{
{{#inherited}}
	return {{alt_parent_set}}(&o->slot_base, data, len);
{{/inherited}}
{{^inherited}}
	slot_bytes copy = {NULL, 0};
	int rc = slot_bytes_assign(&copy, data, len);
	if (rc != SLOT_OK)
		return rc;
	slot_value_fini(&o->{{path}}, &{{union_desc}});
	o->{{path}}.kind = {{alt_constant}};
	o->{{path}}.as.{{alt_member}} = copy;
	o->{{bits}} |= {{mask}};
	return SLOT_OK;
{{/inherited}}
}
{{/alt_bytes}}
{{/alts}}
{{#has_clear}}
/** Unset {{name}}, freeing what it held (Python's del). */
static inline void {{fn_clear}}({{cname}} *o)
{
{{#inherited}}
	{{parent_fn_clear}}(&o->slot_base);
{{/inherited}}
{{^inherited}}
	slot_value_fini(&o->{{path}}, &{{union_desc}});
	memset(&o->{{path}}, 0, sizeof o->{{path}});
	o->{{bits}} &= (unsigned char)~{{mask}};
{{/inherited}}
}
{{/has_clear}}
