/* names.h - the rule from schema names to C identifiers.
 *
 * Module `game`, class `Player`, slot `score`, enum `Team`, value `red`:
 *   type game_player, functions game_player_<verb>_score,
 *   type game_team, constant GAME_TEAM_RED.
 * Class and enum names go to snake case (HTTPServer -> http_server); module
 * and slot names are used as written.  The checker and the planner both
 * use these functions, so what is checked is what is emitted.
 */
#ifndef SLOTGEN_NAMES_H
#define SLOTGEN_NAMES_H

#include "model.h"

/** Why @p name cannot be a schema identifier, or NULL when it can. */
const char *sg_identifier_problem(const char *name);
/** Why @p name cannot be a slot's or an enum value's name, or NULL when it
 * can: an identifier that may also be a C or C++ keyword or a C library
 * macro (the C spellings of these names never stand alone). */
const char *sg_member_name_problem(const char *name);
/** Whether @p name is a keyword of C or C++. */
bool sg_is_keyword(const char *name);

/** The struct member of slot @p s: its name, with `_` after a C or C++
 * keyword or a C library macro (namespace_, errno_).  Schema names never
 * end in `_`, so the spelling is no other slot's. */
const char *sg_slot_member(struct sg_arena *arena, const struct sg_slot *s);
/** The name of @p s's parameter of init: its member, with `_` after one of
 * the names init's own code uses (`o`, `rc`). */
const char *sg_slot_param(struct sg_arena *arena, const struct sg_slot *s);

/** CamelCase to snake_case, in @p arena. */
char *sg_snake(struct sg_arena *arena, const char *name);
/** Upper-case copy, in @p arena. */
char *sg_upper(struct sg_arena *arena, const char *name);

/** The macros of module @p m's files: what the plan writes and the
 * checker checks (SLOTGEN_GAME_H, SLOTGEN_GAME_YAML_H, GAME_SLOTGEN_FORMAT). */
char *sg_module_guard(struct sg_arena *arena, const struct sg_module *m);
char *sg_module_yaml_guard(struct sg_arena *arena, const struct sg_module *m);
char *sg_module_format_macro(struct sg_arena *arena, const struct sg_module *m);
/** The names MODULE_python.c defines (slotgen --python): CPython's entry
 * point PyInit_game, and its tables game_python_<what> (classes, enums,
 * module); recorded whether or not the run writes the file, as the YAML
 * names are, so that adding --python later cannot break a schema. */
char *sg_module_py_init(struct sg_arena *arena, const struct sg_module *m);
char *sg_module_py_table(struct sg_arena *arena, const struct sg_module *m, const char *what);

/** The C type of a class: module_snake (game_player). */
char *sg_class_cname(struct sg_arena *arena, const struct sg_class *c);
/** The C type of an enum (game_team). */
char *sg_enum_cname(struct sg_arena *arena, const struct sg_enum *e);
/** The C constant of an enum value (GAME_TEAM_RED). */
char *sg_enum_value_cname(struct sg_arena *arena, const struct sg_enum *e, size_t i);

/** A class's (or enum's) declaration @p suffix, one of the lists below:
 * game_player_init.  Every name a template spells comes from here. */
char *sg_decl_cname(struct sg_arena *arena, const char *type_cname, const char *suffix);
/** A slot's function @p verb: game_player_get_score; with @p at, the
 * element's: game_player_get_inventory_at. */
char *sg_slot_fn_cname(struct sg_arena *arena, const char *class_cname, const char *verb,
		       const char *slot, bool at);

/** Suffixes of the class-level identifiers: game_player_<suffix>. */
extern const char *const sg_class_suffixes[];
/** Suffixes of the enum-level identifiers: game_team_<suffix>. */
extern const char *const sg_enum_suffixes[];
/** Verbs of the per-slot functions: game_player_<verb>_score. */
extern const char *const sg_slot_verbs[];
/** Verbs of the per-element functions of arrays: game_player_<verb>_inventory_at. */
extern const char *const sg_slot_at_verbs[];

/** Verbs of the functions only list slots have: game_service_append_ports. */
extern const char *const sg_list_verbs[];
/** ... and of their per-element ones: game_service_insert_ports_at. */
extern const char *const sg_list_at_verbs[];
/** Verbs of the functions only dict slots have: game_service_put_env. */
extern const char *const sg_map_verbs[];
/** ... and of their per-entry ones, in insertion order: game_service_key_env_at. */
extern const char *const sg_map_at_verbs[];
/** Verbs of the functions only optional children have: game_node_ensure_next. */
extern const char *const sg_optional_verbs[];
/** ... and unions: game_service_kind_port (and get, set for each type:
 * game_service_get_port_int32). */
extern const char *const sg_union_verbs[];

/** The name of the descriptor of the elements of list slot @p slot of
 * class @p class_cname, @p depth lists down (1 for the slot's own
 * elements): game_service_ports_elem, game_grid_cells_elem_2. */
char *sg_slot_elem_cname(struct sg_arena *arena, const char *class_cname, const char *slot,
			 unsigned depth);

/** The number of entries (before the NULL) of one of the lists above. */
size_t sg_name_count(const char *const *list);
/** The index of @p entry in @p list, which must hold it. */
size_t sg_name_index(const char *const *list, const char *entry);

/** The runtime's files, one pair for a whole program (slotgen --runtime):
 * their names, as generated files include them. */
#define SG_RUNTIME_HEADER "slotgen_runtime.h"
#define SG_RUNTIME_SOURCE "slotgen_runtime.c"
/** The YAML runtime's files (slotgen --runtime --yaml). */
#define SG_YAML_RUNTIME_HEADER "slotgen_yaml.h"
#define SG_YAML_RUNTIME_SOURCE "slotgen_yaml.c"
/** The Python runtime's files (slotgen --runtime --python): the glue every
 * generated extension module is built with. */
#define SG_PYTHON_RUNTIME_HEADER "slotgen_python.h"
#define SG_PYTHON_RUNTIME_SOURCE "slotgen_python.c"

/** A name and what defines it: for duplicates and C-name collisions. */
struct sg_name_def {
	const char *name;        /**< the name looked up: a schema name or a C identifier */
	const char *what;        /**< "slot", "class", ... for messages */
	const char *schema_name; /**< the schema's name that gives it */
	struct sg_loc loc;       /**< where that name is written */
	const void *owner;       /**< what declares it */
};

/** Names to their definitions: open addressing, at most half full,
 * doubling as names come; every allocation in an arena. */
struct sg_name_table {
	struct sg_name_def *slots;
	size_t cap, count;
};

/** An empty table sized for @p n names (a hint); false when memory ran out. */
bool sg_name_table_init(struct sg_arena *arena, struct sg_name_table *t, size_t n) SG_CHECKRET;
/** Insert @p e (copied), or set @p *first to the entry already named so
 * (and insert nothing).  False when memory ran out. */
bool sg_name_table_add(struct sg_arena *arena, struct sg_name_table *t,
		       const struct sg_name_def *e, const struct sg_name_def **first) SG_CHECKRET;
/** The entry named @p name, or NULL. */
const struct sg_name_def *sg_name_table_find(const struct sg_name_table *t, const char *name);

/** Whether @p name is a macro of the C library headers generated code includes. */
bool sg_is_libc_macro(const char *name);

#endif
