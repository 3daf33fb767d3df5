/* plan.h - what will be emitted for a module: C names, members, presence
 * bits, the sorted name index, init's parameters.
 *
 * Built from a checked model; emit.c turns it into template data without
 * deciding anything itself.
 */
#ifndef SLOTGEN_PLAN_H
#define SLOTGEN_PLAN_H

#include "model.h"
#include "names.h"
#include "layout.h"
#include "phash.h"

/** What a list holds: the elements of a list slot, or of a list in a list. */
struct sg_plan_elem {
	const struct sg_vtype *type;
	const char *ctype;          /**< C type of one: int32_t, char *, slot_bytes, slot_list,
				     *   game_item */
	const char *desc;           /**< its descriptor (a static slot_elem of the source):
				     *   game_service_ports_elem */
	const char *type_ref;       /**< its enum's or class's name table, or "NULL" */
	const char **class_fns;     /**< class elements: the class's declarations; else NULL */
	struct sg_plan_elem *elem;  /**< a list's elements; else NULL */
	unsigned depth;             /**< 1 for a slot's own elements */
};

/** One type of a union slot. */
struct sg_plan_alt {
	const struct sg_vtype *type;
	const char *member;   /**< its member of the union's `as`: int32, string, bool_, team */
	const char *constant; /**< its kind: GAME_SERVICE_PORT_INT32 */
	const char *ctype;    /**< its C type: int32_t, char *, slot_bytes, game_team */
	const char *type_ref; /**< its enum's name table, "&game_team_enum", or "NULL" */
	const char *get, *set; /**< its accessors: game_service_get_port_int32, ... */
	const char *parent_get, *parent_set; /**< inherited: the parent's; else NULL */
};

/** A union slot's C types and its types. */
struct sg_plan_union {
	const char *cname;      /**< the struct of kind and value: game_service_port */
	const char *kind_cname; /**< the enum of its kinds: game_service_port_kind */
	const char *alts_desc;  /**< the descriptors of its types: game_service_port_alts */
	const char *desc;       /**< the union's descriptor: game_service_port_elem */
	struct sg_plan_alt *alts;
	size_t count;
};

/** A slot as a class sees it: its own, or inherited. */
struct sg_plan_slot {
	const struct sg_slot *slot;
	bool inherited;
	const char *member;      /**< its member: its name, or "namespace_" for a keyword */
	const char *param;       /**< its parameter of init: its member, or "o_", "rc_" */
	const char *path;        /**< member access from the object: "slot_base.id" */
	const char *bits_member; /**< the presence byte array: "slot_base.slot_bits" */
	unsigned bit_byte;       /**< index into it */
	unsigned mask;           /**< the bit; 0 for none (`clear: false`) */
	const char *elem_ctype;  /**< C type of one value: "int32_t", "char *", "game_vec2" */
	const char *elem_cname;  /**< for classes: the class's C name */
	const char *type_ref;    /**< its enum's or class's name table, "&game_team_enum", or "NULL" */
	const char *default_constant; /**< an enum default's constant, GAME_TEAM_RED, or NULL */
	bool mut;                /**< class-typed, and its class inits without parameters */
	bool mut_fallible;       /**< ... and that init may fail (it copies a string) */
	const char **fns;        /**< its functions, one a verb of sg_slot_verbs:
				  *   game_player_get_score, ... */
	const char **at_fns;     /**< arrays: one a verb of sg_slot_at_verbs; else NULL */
	const char **parent_fns, **parent_at_fns; /**< inherited slots: the parent's
						    *   (forwarded to); else NULL */
	const char **elem_fns;   /**< class-typed: the class's declarations, as
				  *   sg_plan_class.fns; else NULL */
	const char **list_fns, **list_at_fns; /**< lists: a verb of sg_list_verbs,
					       *   sg_list_at_verbs; dicts: of sg_map_verbs,
					       *   sg_map_at_verbs; optional children: of
					       *   sg_optional_verbs (no at); else NULL */
	const char **parent_list_fns, **parent_list_at_fns; /**< inherited ones: the parent's */
	struct sg_plan_elem *list; /**< lists: what they hold; dicts: their values; else NULL */
	struct sg_plan_union *un;  /**< unions: its types; else NULL */
};

struct sg_plan_class {
	const struct sg_class *cls;
	const char *cname;
	const char **fns;         /**< its declarations, one a suffix of sg_class_suffixes:
				   *   game_player_init, game_player_class, ... */
	const char *parent_cname; /**< NULL without a parent */
	const char **parent_class_fns; /**< the parent's fns; NULL without a parent */
	struct sg_plan_slot *slots; /**< inherited first, then own; schema order */
	size_t count, own_first;
	unsigned bits_bytes;        /**< size of own slot_bits; 0 for none */
	struct sg_phash hash;       /**< slot names (inherited too) to indices into slots */
	bool init_fallible;         /**< init copies a string (readonly or default): it may fail */
	bool init_enomem;           /**< ... into a heap copy: SLOT_ENOMEM */
	bool init_etype;            /**< ... given as a parameter: SLOT_ETYPE for NULL */
	bool init_erange;           /**< ... given, with a max_length: SLOT_ERANGE */
	bool init_has_params;
};

struct sg_plan_enum {
	const struct sg_enum *enm;
	const char *cname;
	const char **fns;           /**< its declarations, one a suffix of sg_enum_suffixes */
	const char **constants;
	struct sg_phash hash;       /**< value names to values */
};

struct sg_plan {
	const struct sg_module *module;
	/** Where each output is written: DIR/game.h, or the path given. */
	const char *header_path, *source_path, *yaml_header_path, *yaml_source_path;
	const char *python_source_path; /**< the extension module's source: DIR/game_python.c */
	/** The same files' names, as the generated files include each other:
	 * game.h, game.c, game_yaml.h, game_yaml.c by default. */
	const char *header, *source;
	const char *yaml_header, *yaml_source;
	const char *python_source;
	const char *guard, *yaml_guard; /**< SLOTGEN_GAME_H, SLOTGEN_GAME_YAML_H */
	const char *format_macro;    /**< GAME_SLOTGEN_FORMAT */
	/** MODULE_python.c's names: PyInit_game, and its tables
	 * game_python_classes, game_python_enums, game_python_module. */
	const char *py_init, *py_classes, *py_enums, *py_module;
	struct sg_plan_enum *enums;
	struct sg_plan_class *classes;
	bool forward;               /**< a class holds one by pointer, in a list or in a dict:
				     *   every class is declared before any is defined */
	const char **includes;      /**< headers of imported modules */
	size_t include_count;
	/** Every C identifier and macro the module's files define, each with
	 * the schema name that gives it: what sg_plan_check_names checks. */
	struct sg_name_def *names;
	size_t name_count, name_cap;
};

/** Where a module's files go. */
struct sg_plan_where {
	const char *dir;         /**< for MODULE.h, MODULE.c, ...; NULL for "." */
	const char *header_path; /**< the header's path instead, or NULL */
	const char *source_path; /**< the source's path instead, or NULL */
};

/**
 * Plan the output of @p m, to be written where @p where says (NULL: the
 * current directory).  With a header or source path given, the YAML files
 * take its name with `_yaml` before the extension: hs/api.h, hs/api_yaml.h;
 * the Python module's source `_python`: hs/api_python.c.
 * \return false only when memory ran out.
 */
bool sg_plan_module(struct sg_arena *arena, const struct sg_module *m,
		    const struct sg_plan_where *where, struct sg_plan *out) SG_CHECKRET;

/**
 * Report every C identifier that two plans of one run (or two names of
 * one plan) define, at the schema's line and column of the later one,
 * with a note at the first.  Every module the run reads takes part, the
 * imported ones too: their headers are included beside the others.
 * \return false when any collides or memory ran out.
 */
bool sg_plan_check_names(struct sg_arena *arena, struct sg_diags *diags,
			 const struct sg_plan *plans, size_t count) SG_CHECKRET;

#endif
