/* tpl.h - a small logic-less template engine.
 *
 * Knows nothing of schemas: it fills text with values from a data tree of
 * strings, booleans, lists and maps, by name.
 *
 *   {{name}}              the string value `name`
 *   {{#name}}...{{/name}} a list: the body once per item, the item's names
 *                         in scope; a boolean: the body once if true
 *   {{^name}}...{{/name}} the body once if `name` is false or an empty list
 *   {{! text }}           a comment
 *   {{> file}}            another template, compiled in place (a partial)
 *   {{>* name}}           the partial the string value `name` names, chosen
 *                         as the template renders (compiled on first use)
 *   {{@first}} {{@last}}  booleans, true on a list's first and last item
 *
 * A line holding only a section, close, comment or partial tag (and white
 * space) vanishes whole (a partial's own text takes its place), so templates can read as the C they produce.  Names are
 * looked up from the innermost item outwards; an unknown name, an
 * unclosed or mismatched section, or an unterminated tag is an error at
 * the template's file and line.
 */
#ifndef SLOTGEN_TPL_H
#define SLOTGEN_TPL_H

#include "diag.h"

enum tpl_kind { TPL_STRING, TPL_BOOL, TPL_LIST, TPL_MAP };

/** A value of the data tree.  All of it lives in one arena. */
struct tpl_value {
	enum tpl_kind kind;
	const char *string;
	bool boolean;
	struct tpl_entry *first, **tail; /**< list items (no key) or map entries */
	size_t count;
};

struct tpl_entry {
	struct tpl_entry *next;
	const char *key; /**< NULL for list items */
	struct tpl_value *value;
};

/** A new empty map or list, or NULL (arena out of memory). */
struct tpl_value *tpl_map(struct sg_arena *a);
struct tpl_value *tpl_list(struct sg_arena *a);
/** Set a key of a map.  @p key and @p s are borrowed: they must outlive the tree. */
void tpl_put_string(struct sg_arena *a, struct tpl_value *map, const char *key, const char *s);
void tpl_put_bool(struct sg_arena *a, struct tpl_value *map, const char *key, bool b);
void tpl_put(struct sg_arena *a, struct tpl_value *map, const char *key, struct tpl_value *v);
/** A new map appended to @p list, or NULL. */
struct tpl_value *tpl_append_map(struct sg_arena *a, struct tpl_value *list);

struct tpl_node;
struct tpl_cache;

/** A compiled template. */
struct tpl_template {
	const char *name; /**< file name, for diagnostics */
	struct tpl_node *body;
	struct tpl_cache *cache; /**< partials named by {{>* name}}, compiled as met */
};

/** Where a template's partials come from. */
struct tpl_partials {
	/** The file name and text of the partial @p name; false for none.
	 * Both must outlive the templates compiled with it. */
	bool (*find)(void *ctx, const char *name, const char **file, const char **text,
		     size_t *len);
	void *ctx;
};

/** How deep partials may include partials: deeper is taken for a cycle. */
#define TPL_MAX_PARTIAL_DEPTH 16

/**
 * Compile @p text (a template file's content, @p len bytes; no NUL needed
 * after it), and every partial it names, in place.
 * \param name borrowed; must outlive the template.
 * \param partials where to find partials; NULL for none.
 * \param[out] out owned by @p arena; untouched on failure.
 */
bool tpl_compile(struct sg_arena *arena, struct sg_diags *diags, const char *name,
		 const char *text, size_t len, const struct tpl_partials *partials,
		 struct tpl_template *out) SG_CHECKRET;

/** Render @p t with @p data, appending to @p out. */
bool tpl_render(const struct tpl_template *t, const struct tpl_value *data, struct sg_buf *out,
		struct sg_diags *diags) SG_CHECKRET;

#endif
