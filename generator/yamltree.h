/* yamltree.h - a YAML document as a tree of nodes with locations.
 *
 * The only file of the generator that knows libyaml.  Nodes live in the
 * caller's arena.  Aliases are refused (a schema never needs them, and
 * refusing them makes alias bombs impossible); nesting is bounded.
 */
#ifndef SLOTGEN_YAMLTREE_H
#define SLOTGEN_YAMLTREE_H

#include "diag.h"

enum sg_node_kind { SG_NODE_SCALAR, SG_NODE_SEQUENCE, SG_NODE_MAPPING, SG_NODE__COUNT };

struct sg_node {
	enum sg_node_kind kind;
	struct sg_loc loc;
	/* Scalars: the text (NUL-terminated, may hold NULs: see len). */
	const char *text;
	size_t len;
	bool quoted; /**< written with quotes or as a block: never a number */
	/* Sequences: the items.  Mappings: the keys, each with its value. */
	struct sg_node *first;
	size_t count;
	struct sg_node *next;  /**< next item or key of the parent */
	struct sg_node *value; /**< for a mapping key, its value */
};

/** Deepest nesting of collections accepted. */
#define SG_YAML_MAX_DEPTH 64

/**
 * Parse one YAML document from @p data.
 * \param file  name used in diagnostics; borrowed, must outlive the tree.
 * \param[out] root  the document's top node, owned by @p arena; untouched
 *                   on failure.
 * \return true on success; false after reporting to @p diags.
 */
bool sg_yaml_parse(struct sg_arena *arena, struct sg_diags *diags, const char *file,
		   const char *data, size_t len, struct sg_node **root) SG_CHECKRET;

/** Name of a node kind, for messages: "a scalar", "a sequence", "a mapping". */
const char *sg_node_kind_name(enum sg_node_kind kind);

#endif
