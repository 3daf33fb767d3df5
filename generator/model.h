/* model.h - the schema model: what the schema files say, with locations.
 *
 * The loader builds it (names and types as written); the checker resolves
 * types, parents and defaults in place and reports every problem.  All of
 * it lives in one arena; nothing here owns memory of its own.
 */
#ifndef SLOTGEN_MODEL_H
#define SLOTGEN_MODEL_H

#include <stdint.h>

#include "diag.h"
#include "yamltree.h"

/** Longest schema name accepted, in bytes. */
#define SG_MAX_NAME 255u
/** Deepest nesting of classes, by value and by inheritance together. */
#define SG_MAX_CLASS_DEPTH 64u
/** Most slots of all classes of a run together, inherited ones counted in
 * every class that has them: bounds the accessors generated. */
#define SG_MAX_TOTAL_SLOTS (1u << 17)
/** Largest C object a class may make, in bytes. */
#define SG_MAX_OBJECT_BYTES (1ull << 30)

/** Largest `array:` element count accepted. */
#define SG_MAX_ARRAY 16777216u
/** Most bytes of a string kept in the object (`max_length`). */
#define SG_MAX_INLINE_STRING 65535u
/** Deepest chain of imports (a schema importing one that imports ...). */
#define SG_MAX_IMPORT_DEPTH 64u

/** The version of the schema format this generator reads. */
#define SG_FORMAT_VERSION 1

enum sg_type {
	SG_TYPE_BOOL,
	SG_TYPE_INT8,
	SG_TYPE_INT16,
	SG_TYPE_INT32,
	SG_TYPE_INT64,
	SG_TYPE_UINT8,
	SG_TYPE_UINT16,
	SG_TYPE_UINT32,
	SG_TYPE_UINT64,
	SG_TYPE_FLOAT,
	SG_TYPE_DOUBLE,
	SG_TYPE_STRING,
	SG_TYPE_BYTES,
	SG_TYPE_ENUM,
	SG_TYPE_CLASS,
	SG_TYPE_LIST, /**< list[T]: not a name of its own */
	SG_TYPE_MAP,  /**< dict[string, T] */
	SG_TYPE_OPTIONAL, /**< Class | None: an owned child by pointer, or none */
	SG_TYPE_UNION,    /**< int32 | string: one of a few types, and which */
	SG_TYPE__COUNT
};

/** The type of the elements of a list (or the values of a dict), as the
 * checker resolved it. */
struct sg_vtype {
	enum sg_type type;
	struct sg_enum *enm;   /**< for SG_TYPE_ENUM */
	struct sg_class *cls;  /**< for SG_TYPE_CLASS */
	struct sg_vtype *elem; /**< for SG_TYPE_LIST: its own elements; SG_TYPE_MAP: its values */
};

/** Most types of a union. */
#define SG_MAX_UNION 8u

/** Deepest nesting of list[...] and dict[...] in one type. */
#define SG_MAX_TYPE_DEPTH 8u

struct sg_module;
struct sg_class;

struct sg_enum_value {
	const char *name;
	struct sg_loc loc;
};

struct sg_enum {
	const char *name;
	struct sg_loc loc;
	const char *doc; /**< NULL when the schema gives none */
	struct sg_enum_value *values;
	size_t count;
	struct sg_module *module;
};

/** A name as written, with where it was written. */
struct sg_ref {
	const char *name;
	struct sg_loc loc;
};

/** A default value once checked against its slot's type. */
union sg_value {
	bool b;
	int64_t i;
	uint64_t u;
	double d;
	const char *s;
	size_t e; /**< index of an enum value */
};

struct sg_slot {
	const char *name;
	struct sg_loc loc;
	struct sg_ref type_ref;
	bool type_quoted;           /**< the type was written in quotes: columns start one later */
	const char *doc;
	bool readonly;
	uint32_t array;             /**< element count; 0 for a single value */
	struct sg_loc array_loc;
	uint32_t max_length;        /**< a string kept in the object: its most bytes; 0: malloc'd */
	struct sg_loc max_length_loc;
	bool always_set;            /**< `clear: false`: no clear, no presence bit */
	struct sg_loc clear_loc;
	const struct sg_node *def;  /**< the default as written, or NULL */
	struct sg_class *owner;

	/* Filled by the checker. */
	enum sg_type type;
	struct sg_enum *enm;    /**< for SG_TYPE_ENUM */
	struct sg_class *cls;   /**< for SG_TYPE_CLASS and SG_TYPE_OPTIONAL */
	struct sg_vtype *elem;  /**< for SG_TYPE_LIST: its elements; SG_TYPE_MAP: its values */
	struct sg_vtype *alts;  /**< for SG_TYPE_UNION: its types, as written */
	size_t alt_count;
	bool resolved;          /**< the type above is known */
	union sg_value value;   /**< the default, when def is set */
};

/** Where a class's members go: see layout.h. */
struct sg_layout {
	uint64_t size, align;
	uint64_t padding; /**< bytes of padding, inside and at the end */
	uint64_t minimum; /**< the sum of the members' sizes, rounded up to align */
};

struct sg_class {
	const char *name;
	struct sg_loc loc;
	const char *doc;
	struct sg_ref *bases; /**< `extends`, as written */
	size_t base_count;
	struct sg_slot *slots;
	size_t count;
	struct sg_module *module;
	bool layout_declared; /**< `layout: declared`: members in schema order */

	/* Filled by the checker. */
	size_t id;            /**< its index among the program's classes */
	struct sg_class *parent;
	struct sg_layout layout; /**< of its C struct, as layout.c lays it out (LP64) */
	uint32_t *order;         /**< its own members in memory order (count + 1 entries:
				  *   slot indices, and count for the presence bytes) */
};

struct sg_import {
	const char *path; /**< as written */
	struct sg_loc loc;
	struct sg_module *module; /**< set by the loader */
};

struct sg_module {
	const char *path;      /**< the file as opened, for diagnostics */
	const char *file_name; /**< its last component, for the generated banner */
	const char *name;
	struct sg_loc loc;
	const char *doc;
	struct sg_import *imports;
	size_t import_count;
	struct sg_enum *enums;
	size_t enum_count;
	struct sg_class *classes;
	size_t class_count;
	bool root; /**< named on the command line: output is generated for it */
};

/** Every module of a run, each after the modules it imports. */
struct sg_program {
	struct sg_module **modules;
	size_t count;
};

/** The schema spelling of a built-in type ("int32"), or NULL for enums and classes. */
const char *sg_type_name(enum sg_type type);

/**
 * Build a module from a parsed schema document.  Reports unknown keys,
 * nodes of the wrong kind and a missing or unsupported format version.
 * \param[out] out  filled even on failure (as far as the document allows); owned by @p arena.
 * \return true when no error was reported.
 */
bool sg_schema_read(struct sg_arena *arena, struct sg_diags *diags, const char *path,
		    const struct sg_node *doc, struct sg_module *out) SG_CHECKRET;

#endif
