/* util.h - allocation, arenas, growable buffers and reading files.
 *
 * Every allocation of the generator goes through sg_malloc() or
 * sg_realloc(), so that a test can make the n-th one fail
 * (sg_alloc_fail_after).  Failure is reported by returning NULL; nothing
 * here aborts.
 */
#ifndef SLOTGEN_UTIL_H
#define SLOTGEN_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#define SG_CHECKRET __attribute__((warn_unused_result))
#define SG_PRINTF(f, a) __attribute__((format(printf, f, a)))

/** Allocate @p size bytes; NULL on failure (or when a test says so). */
void *sg_malloc(size_t size);
/** Resize @p p; NULL on failure, @p p untouched then. */
void *sg_realloc(void *p, size_t size);
void sg_free(void *p);

/**
 * Make allocation number @p n (counting from 0, from now on) and every
 * later one fail; a negative @p n turns failure injection off.
 * Returns how many allocations were made since the previous call.
 */
long sg_alloc_fail_after(long n);

/**
 * An arena: many small allocations freed at once.  The model, the plan
 * and the template data of one run live in one arena.
 */
struct sg_arena {
	struct sg_arena_block *head;
	bool failed; /**< an allocation failed; sticky */
};

void sg_arena_init(struct sg_arena *a);
/** Free every block of @p a; @p a is empty and reusable afterwards. */
void sg_arena_fini(struct sg_arena *a);
/** Zeroed memory owned by @p a, or NULL (and a->failed set). */
void *sg_arena_alloc(struct sg_arena *a, size_t size);
/** Copy of @p n bytes of @p s plus a NUL, owned by @p a. */
char *sg_arena_strndup(struct sg_arena *a, const char *s, size_t n);
char *sg_arena_strdup(struct sg_arena *a, const char *s);
/** printf into the arena. */
char *sg_arena_printf(struct sg_arena *a, const char *fmt, ...) SG_PRINTF(2, 3);

/** A growable byte buffer, always NUL-terminated once non-empty. */
struct sg_buf {
	char *data;
	size_t len, cap;
	bool failed; /**< an append failed; the content is incomplete */
};

void sg_buf_init(struct sg_buf *b);
void sg_buf_fini(struct sg_buf *b);
void sg_buf_append(struct sg_buf *b, const char *s, size_t n);
void sg_buf_puts(struct sg_buf *b, const char *s);
void sg_buf_putc(struct sg_buf *b, char c);
void sg_buf_printf(struct sg_buf *b, const char *fmt, ...) SG_PRINTF(2, 3);
void sg_buf_vprintf(struct sg_buf *b, const char *fmt, va_list ap) SG_PRINTF(2, 0);

/**
 * Read the whole file at @p path into a malloc'd, NUL-terminated buffer.
 * \param[out] data  caller-owned (free with sg_free); untouched on failure.
 * \param[out] len   its length, without the NUL; untouched on failure.
 * \return 0, or an errno value (EFBIG past @p limit bytes, EISDIR for a
 *         directory).
 */
int sg_read_file(const char *path, size_t limit, char **data, size_t *len) SG_CHECKRET;

/** Levenshtein distance, capped at @p cap (for "did you mean"). */
size_t sg_edit_distance(const char *a, const char *b, size_t cap);

#endif
