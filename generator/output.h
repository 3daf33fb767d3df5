/* output.h - writing generated files safely.
 *
 * A file whose content is unchanged is left alone (mtime included).  A
 * changed one is staged: its new text written to a temporary file beside
 * it.  Only when every file of a run is staged are the temporary files
 * renamed into place, so a run that fails changes nothing, and no reader
 * ever sees half a file.
 */
#ifndef SLOTGEN_OUTPUT_H
#define SLOTGEN_OUTPUT_H

#include "diag.h"

/**
 * Compare the file at @p path with @p data, reading it in pieces, however
 * long it is.
 * \param[out] line  0 when the file holds exactly @p data, else the first
 *                   line (1-based) that differs; untouched on failure.
 * \return 0, or the errno value that kept the file from being read
 *         (ENOENT when there is none, EISDIR for a directory).
 */
int sg_file_compare(const char *path, const char *data, size_t len, long *line) SG_CHECKRET;

/** A file about to be replaced; see sg_stage(). */
struct sg_staged {
	const char *path; /**< borrowed from the caller of sg_stage() */
	char *tmp;        /**< the new text's temporary file; NULL when unchanged */
};

/**
 * Stage @p data for @p path: unless the file already holds it, write it to
 * a temporary file in the same directory.  The new file will have the
 * permissions of the one it replaces, or 0666 less the umask for a new
 * one, as a compiler's output would.
 * \param[out] s  filled on success (free with sg_publish() or sg_discard());
 *                holds nothing to free on failure.
 * \return false, with the error in @p diags, when the file cannot be written.
 */
bool sg_stage(struct sg_diags *diags, const char *path, const char *data, size_t len,
	      struct sg_staged *s) SG_CHECKRET;

/** Rename @p s's temporary file into place; false, with the error in
 * @p diags, when that fails (the temporary file is removed then). */
bool sg_publish(struct sg_diags *diags, struct sg_staged *s) SG_CHECKRET;

/** Remove @p s's temporary file, if any: the file at its path is as it was. */
void sg_discard(struct sg_staged *s);

#endif
