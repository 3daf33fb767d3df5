/* util.c - allocation, arenas, buffers and reading files. */
#include "util.h"

#include <errno.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static long fail_at = -1; /* allocation index that starts failing */
static long alloc_count;

long sg_alloc_fail_after(long n)
{
	long made = alloc_count;
	alloc_count = 0;
	fail_at = n;
	return made;
}

static bool should_fail(void)
{
	long n = alloc_count++;
	return fail_at >= 0 && n >= fail_at;
}

void *sg_malloc(size_t size)
{
	if (should_fail())
		return NULL;
	return malloc(size ? size : 1);
}

void *sg_realloc(void *p, size_t size)
{
	if (should_fail())
		return NULL;
	return realloc(p, size ? size : 1);
}

void sg_free(void *p)
{
	free(p);
}

/* Blocks are at least this big; larger requests get a block of their own. */
#define BLOCK_SIZE 16384

struct sg_arena_block {
	struct sg_arena_block *next;
	size_t used, cap;
	max_align_t data[];
};

void sg_arena_init(struct sg_arena *a)
{
	a->head = NULL;
	a->failed = false;
}

void sg_arena_fini(struct sg_arena *a)
{
	struct sg_arena_block *b = a->head;
	while (b) {
		struct sg_arena_block *next = b->next;
		sg_free(b);
		b = next;
	}
	sg_arena_init(a);
}

void *sg_arena_alloc(struct sg_arena *a, size_t size)
{
	const size_t align = sizeof(max_align_t);
	size = (size + align - 1) / align * align;
	struct sg_arena_block *b = a->head;
	if (!b || b->cap - b->used < size) {
		size_t cap = size > BLOCK_SIZE ? size : BLOCK_SIZE;
		b = sg_malloc(sizeof *b + cap);
		if (!b) {
			a->failed = true;
			return NULL;
		}
		b->used = 0;
		b->cap = cap;
		/* A big one-off block goes behind the head so the head keeps
		 * serving small requests. */
		if (a->head && size > BLOCK_SIZE) {
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	void *p = (char *)b->data + b->used;
	b->used += size;
	memset(p, 0, size);
	return p;
}

char *sg_arena_strndup(struct sg_arena *a, const char *s, size_t n)
{
	char *p = sg_arena_alloc(a, n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

char *sg_arena_strdup(struct sg_arena *a, const char *s)
{
	return sg_arena_strndup(a, s, strlen(s));
}

char *sg_arena_printf(struct sg_arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		a->failed = true;
		return NULL;
	}
	char *p = sg_arena_alloc(a, (size_t)n + 1);
	if (p) {
		va_start(ap, fmt);
		vsnprintf(p, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	return p;
}

void sg_buf_init(struct sg_buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
	b->failed = false;
}

void sg_buf_fini(struct sg_buf *b)
{
	sg_free(b->data);
	sg_buf_init(b);
}

static bool buf_reserve(struct sg_buf *b, size_t extra)
{
	if (b->failed)
		return false;
	if (b->cap - b->len > extra)
		return true;
	size_t cap = b->cap ? b->cap : 256;
	while (cap - b->len <= extra)
		cap *= 2;
	char *p = sg_realloc(b->data, cap);
	if (!p) {
		b->failed = true;
		return false;
	}
	b->data = p;
	b->cap = cap;
	return true;
}

void sg_buf_append(struct sg_buf *b, const char *s, size_t n)
{
	if (!buf_reserve(b, n))
		return;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void sg_buf_puts(struct sg_buf *b, const char *s)
{
	sg_buf_append(b, s, strlen(s));
}

void sg_buf_putc(struct sg_buf *b, char c)
{
	sg_buf_append(b, &c, 1);
}

void sg_buf_vprintf(struct sg_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0) {
		b->failed = true;
		return;
	}
	if (!buf_reserve(b, (size_t)n))
		return;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void sg_buf_printf(struct sg_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sg_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

size_t sg_edit_distance(const char *a, const char *b, size_t cap)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return cap;
	size_t row[65];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			size_t best = diag + cost;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			if (up + 1 < best)
				best = up + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb] < cap ? row[lb] : cap;
}

int sg_read_file(const char *path, size_t limit, char **data, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return errno;
	struct stat st;
	int err = 0;
	if (fstat(fileno(f), &st) != 0)
		err = errno;
	else if (S_ISDIR(st.st_mode))
		err = EISDIR;
	char *buf = NULL;
	size_t n = 0, cap = 0;
	bool end = false;
	while (!err && !end) {
		if (cap - n < 4096 + 1) {
			cap = cap ? cap * 2 : 8192;
			char *p = sg_realloc(buf, cap);
			if (!p) {
				err = ENOMEM;
				break;
			}
			buf = p;
		}
		errno = 0;
		size_t got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
		if (n > limit)
			err = EFBIG;
		else if (got == 0 && ferror(f))
			err = errno ? errno : EIO;
		else
			end = got == 0;
	}
	fclose(f);
	if (err) {
		sg_free(buf);
		return err;
	}
	buf[n] = '\0'; /* buf is allocated: the loop ran at least once */
	*data = buf;
	*len = n;
	return 0;
}
