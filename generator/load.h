/* load.h - schema files and their imports to a program model.
 *
 * Reads each file named, parses it (yamltree.c), builds its module
 * (schema.c), then follows its imports: first beside the importing file,
 * then in each include directory in turn.  A file reached twice is loaded
 * once; an import cycle is an error.
 */
#ifndef SLOTGEN_LOAD_H
#define SLOTGEN_LOAD_H

#include "model.h"

/** Largest schema file read, in bytes. */
#define SG_MAX_SCHEMA_BYTES (16u << 20)

/**
 * Reads a schema file: sg_read_file()'s contract.  Tests and the fuzzer
 * supply their own, to load from memory.
 */
typedef int (*sg_reader)(void *ctx, const char *path, size_t limit, char **data, size_t *len);

struct sg_load_options {
	const char *const *include_dirs; /**< borrowed */
	size_t include_count;
	sg_reader read;    /**< NULL: read files with sg_read_file() */
	void *read_ctx;
	/** NULL: a path exists when stat() says so.  Set with @p read. */
	bool (*exists)(void *ctx, const char *path);
};

/**
 * Load the schemas at @p paths (the roots) and everything they import.
 * \param[out] out  the modules, imports before importers; owned by
 *                  @p arena; untouched on failure.
 * \return true when no error was reported.
 */
bool sg_load(struct sg_arena *arena, struct sg_diags *diags, const struct sg_load_options *opts,
	     const char *const *paths, size_t count, struct sg_program *out) SG_CHECKRET;

#endif
