{{! slot_bytes.h.tpl: the accessors of a bytes slot }}
/** {{name}}'s bytes, borrowed, their number in @p len (if not NULL); NULL and 0
 * when unset or empty. */
static inline const unsigned char *{{fn_get}}(const {{cname}} *o, size_t *len)
{
{{#inherited}}
	return {{parent_fn_get}}(&o->slot_base, len);
{{/inherited}}
{{^inherited}}
	if (len)
		*len = o->{{path}}.len;
	return o->{{path}}.data;
{{/inherited}}
}
/** Set {{name}} to a copy of the @p len bytes at @p data; unchanged on failure:
 * SLOT_ENOMEM, or SLOT_ETYPE for a NULL @p data with a @p len. */
static inline int {{fn_set}}({{cname}} *o, const void *data, size_t len)
{
{{#inherited}}
	return {{parent_fn_set}}(&o->slot_base, data, len);
{{/inherited}}
{{^inherited}}
	int rc = slot_bytes_assign(&o->{{path}}, data, len);
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
	slot_free(o->{{path}}.data);
	o->{{path}}.data = NULL;
	o->{{path}}.len = 0;
	o->{{bits}} &= (unsigned char)~{{mask}};
{{/inherited}}
}
{{/has_clear}}
