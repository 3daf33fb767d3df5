/* slotgen.h - the generator as a library: schema files in, C text out.
 *
 * main.c is a thin shell over sg_generate(); tests call the phases
 * (load.h, check.h, plan.h, emit.h, output.h) or this, directly.
 */
#ifndef SLOTGEN_SLOTGEN_H
#define SLOTGEN_SLOTGEN_H

#include "diag.h"
#include "load.h"

struct sg_options {
	const char *out_dir;             /**< where MODULE.h and MODULE.c go; "." by default */
	const char *header_path;         /**< the header's path instead (one schema only) */
	const char *source_path;         /**< the source's path instead (one schema only) */
	const char *depfile;             /**< write Makefile-style dependencies here, or NULL */
	struct sg_load_options load;
	bool check;                      /**< write nothing; report stale outputs */
	bool yaml;                       /**< also MODULE_yaml.h and MODULE_yaml.c */
	bool python;                     /**< also MODULE_python.c, a CPython extension module */
	bool runtime;                    /**< also slotgen_runtime.h and .c, into out_dir;
					      with yaml, slotgen_yaml.h and .c too; with
					      python, slotgen_python.h and .c */
};

/** One generated file, rendered in memory. */
struct sg_output {
	char *path;   /**< caller-owned */
	struct sg_buf text;
};

/** Every output of a run, and every schema file it read. */
struct sg_outputs {
	struct sg_output *files;
	size_t count;
	char **inputs; /**< caller-owned, in the order read (imports first) */
	size_t input_count;
};

/**
 * Load, check, plan and emit the schemas at @p paths (none is fine with
 * opts->runtime); render every output in memory, writing nothing.  The
 * runtime's files, with opts->runtime, come first.
 * \param[out] out  the rendered files; caller-owned, free with
 *                  sg_outputs_fini(); empty on failure.
 * \return true when no error was reported.
 */
bool sg_generate(const struct sg_options *opts, const char *const *paths, size_t count,
		 struct sg_diags *diags, struct sg_outputs *out) SG_CHECKRET;

void sg_outputs_fini(struct sg_outputs *out);

/**
 * Load and check the schemas at @p paths, then print to @p out, for every
 * class of each one: its size, alignment, padding, the minimum its members
 * allow, and its size in schema order.  Writes no file.
 * \return true when no error was reported.
 */
bool sg_layout_report(const struct sg_options *opts, const char *const *paths, size_t count,
		      struct sg_diags *diags, FILE *out) SG_CHECKRET;

/**
 * The depfile text for @p out: `FIRST_OUTPUT: SCHEMA...`, paths escaped
 * for Make and Ninja.  Appended to @p text.
 */
void sg_depfile_text(const struct sg_outputs *out, struct sg_buf *text);

/**
 * Write every output (only those whose content changed), then the
 * depfile if opts->depfile is set; or, with opts->check, compare the
 * outputs and report each stale or missing file, writing nothing.
 * \return 0 when all is written or up to date, 1 when a file is stale
 *         (check) or a write failed.
 */
int sg_commit(const struct sg_options *opts, const struct sg_outputs *out,
	      struct sg_diags *diags, FILE *report);

#endif
