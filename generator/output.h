/* output.h - writing generated files safely.
 *
 * A file whose content is unchanged is left alone (mtime included); a
 * changed one is written to a temporary file beside it and renamed into
 * place, so no reader ever sees half a file.
 */
#ifndef SLOTGEN_OUTPUT_H
#define SLOTGEN_OUTPUT_H

#include "diag.h"

enum sg_write_result { SG_WRITE_UNCHANGED, SG_WRITE_WRITTEN, SG_WRITE_FAILED };

/** Whether the file at @p path holds exactly @p data. */
bool sg_file_equals(const char *path, const char *data, size_t len);

/**
 * How the file at @p path differs from @p data, for --check: 0 when it
 * holds exactly @p data, -1 when it cannot be read (missing), else the
 * first line (1-based) that differs.
 */
long sg_file_first_difference(const char *path, const char *data, size_t len);

/**
 * Make the file at @p path hold @p data.  Errors go to @p diags; on error
 * the file at @p path is as it was.
 */
enum sg_write_result sg_write_file(struct sg_diags *diags, const char *path, const char *data,
				   size_t len) SG_CHECKRET;

#endif
