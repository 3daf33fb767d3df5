/* diag.h - diagnostics, collected rather than fatal.
 *
 * Every phase reports problems here with the location of the schema text
 * they concern; the driver prints them all and writes nothing if any is
 * an error.
 */
#ifndef SLOTGEN_DIAG_H
#define SLOTGEN_DIAG_H

#include <stdio.h>

#include "util.h"

/** A place in a schema file.  @c file is borrowed (it outlives the model). */
struct sg_loc {
	const char *file;
	unsigned line, col; /**< 1-based; 0 when the whole file is meant */
};

enum sg_severity { SG_ERROR, SG_NOTE };

struct sg_diag {
	struct sg_diag *next;
	enum sg_severity severity;
	struct sg_loc loc;
	char *message;
};

/** All diagnostics of one run, in the order they were reported. */
struct sg_diags {
	struct sg_diag *head, **tail;
	unsigned errors;
	bool oom; /**< a diagnostic could not be recorded */
};

void sg_diags_init(struct sg_diags *d);
void sg_diags_fini(struct sg_diags *d);

void sg_error(struct sg_diags *d, struct sg_loc loc, const char *fmt, ...)
	SG_PRINTF(3, 4);
void sg_note(struct sg_diags *d, struct sg_loc loc, const char *fmt, ...)
	SG_PRINTF(3, 4);

/** Print as `file:line:col: error: message`, one a line. */
void sg_diags_print(const struct sg_diags *d, FILE *out);

#endif
