/* emit.h - a module's plan to C text, through the built-in templates.
 *
 * Turns the plan into template data (names, types, literals) and renders
 * templates/header.h.tpl and templates/source.c.tpl (and the YAML and
 * runtime templates).  Never validates or changes the model.
 */
#ifndef SLOTGEN_EMIT_H
#define SLOTGEN_EMIT_H

#include "plan.h"

/**
 * The version of the generated code's shape, written into every generated
 * file: slotgen_runtime.h's SLOTGEN_RUNTIME_H, which every header and the
 * runtime's own source check, and each header's MODULE_SLOTGEN_FORMAT,
 * which its .c files check.  Raise it whenever files generated before and
 * after a change could be compiled together and disagree (version 3:
 * lookups take the length; version 4: slot_strerror takes the operation;
 * version 5: the runtime is its own pair of files, compiled once; version
 * 6: lookups hash by length and call the runtime's slot_field_named).
 */
#define SG_CODE_VERSION 7

/** A template built into the binary (templates.c, made at build time). */
struct sg_template_file {
	const char *name;
	const char *text; /**< NUL-terminated */
	size_t len;
};

extern const struct sg_template_file sg_template_files[];
extern const size_t sg_template_count;

/**
 * Render the header and source of @p plan, appending to @p header and
 * @p source.  Template errors are reported to @p diags.
 */
bool sg_emit(struct sg_arena *arena, struct sg_diags *diags, const struct sg_plan *plan,
	     struct sg_buf *header, struct sg_buf *source) SG_CHECKRET;

/**
 * Render MODULE_yaml.h and MODULE_yaml.c of @p plan: loading and dumping
 * objects with libyaml, driven by the name tables (slotgen --yaml).
 */
bool sg_emit_yaml(struct sg_arena *arena, struct sg_diags *diags, const struct sg_plan *plan,
		  struct sg_buf *header, struct sg_buf *source) SG_CHECKRET;

/**
 * Render the runtime, slotgen_runtime.h and slotgen_runtime.c, appending to
 * @p header and @p source: the same text for every program.
 */
bool sg_emit_runtime(struct sg_arena *arena, struct sg_diags *diags, struct sg_buf *header,
		     struct sg_buf *source) SG_CHECKRET;

/** Render the YAML runtime, slotgen_yaml.h and slotgen_yaml.c, likewise. */
bool sg_emit_yaml_runtime(struct sg_arena *arena, struct sg_diags *diags, struct sg_buf *header,
			  struct sg_buf *source) SG_CHECKRET;

/**
 * Render MODULE_python.c of @p plan: the CPython extension module whose
 * types are the module's classes (slotgen --python); tables for the
 * Python runtime.
 */
bool sg_emit_python(struct sg_arena *arena, struct sg_diags *diags, const struct sg_plan *plan,
		    struct sg_buf *source) SG_CHECKRET;

/** Render the Python runtime, slotgen_python.h and slotgen_python.c, likewise. */
bool sg_emit_python_runtime(struct sg_arena *arena, struct sg_diags *diags,
			    struct sg_buf *header, struct sg_buf *source) SG_CHECKRET;

/** Append @p s to @p b as the body of a C string literal (no quotes). */
void sg_c_escape(struct sg_buf *b, const char *s);

/** The width generated lines keep to, where a break reads better. */
#define SG_WRAP_WIDTH 100

/**
 * Append @p text (@p len bytes of C) to @p out, each line longer than
 * SG_WRAP_WIDTH columns (a tab to the next multiple of 8) broken after a
 * comma: the shallowest comma that fits, continued under the bracket it
 * is inside (or at the line's indentation outside any).  When no comma
 * fits, the line breaks after its first bracket, the rest a tab deeper.
 * Comments, preprocessor lines and string literals are never broken; a
 * line with no comma stays long.
 */
void sg_c_wrap(struct sg_buf *out, const char *text, size_t len);

#endif
