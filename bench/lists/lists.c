/* lists.c - appending 10,000,000 int32 to a generated list slot against
 * hand-written realloc vectors, and the bytes of lists; see
 * docs/performance.md (bench/run-lists runs it).
 *   lists time N ROUNDS   each way in turn, ROUNDS rounds after one round of
 *                         warming up; a line a way: name, median seconds,
 *                         median over the rounds of the round's time over
 *                         its group's vector growing by half again, the same
 *                         over the doubling vector (appends to an empty list
 *                         only, else -), fastest and slowest seconds
 *   lists once WAY N      one run of WAY, for callgrind --toggle-collect=
 *                         its region (the way's name less _apart)
 *   lists mem N           `kind key value` lines: the bytes of a list slot
 *                         and of lists of N int32, strings and objects
 * The regions, each a function of that name:
 *   append_slotgen, append_vec15, append_vec2   N appends to an empty list
 *   refill_slotgen, refill_vec                  N appends into kept room
 *   sum_slotgen, sum_vec15                      N appends, then their sum
 * A way runs a region on an object at the start of a 64-byte line, or, for
 * the ways named _apart, where the list's length and the presence byte
 * fall in two lines (see place()). */
#define _GNU_SOURCE
#include <malloc.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "listbench.h"

#define NOINLINE __attribute__((noinline, noipa))

/* The hand-written vector: what a C programmer writes without slotgen. */
typedef struct vec {
	int32_t *p;
	size_t len, cap;
} vec;

/* Out of line, as slot_list_reserve is, so that the loops compare the
 * appends themselves.  vec15_grow grows as slot_list_reserve does: by half
 * again, from 4. */
static NOINLINE int vec15_grow(vec *v)
{
	size_t cap = v->cap + v->cap / 2;
	if (cap < 4)
		cap = 4;
	int32_t *p = realloc(v->p, cap * sizeof *p);
	if (!p)
		return -1;
	v->p = p;
	v->cap = cap;
	return 0;
}

static NOINLINE int vec2_grow(vec *v)
{
	size_t cap = v->cap ? 2 * v->cap : 4;
	int32_t *p = realloc(v->p, cap * sizeof *p);
	if (!p)
		return -1;
	v->p = p;
	v->cap = cap;
	return 0;
}

static inline int vec15_push(vec *v, int32_t x)
{
	if (v->len == v->cap && vec15_grow(v))
		return -1;
	v->p[v->len++] = x;
	return 0;
}

static inline int vec2_push(vec *v, int32_t x)
{
	if (v->len == v->cap && vec2_grow(v))
		return -1;
	v->p[v->len++] = x;
	return 0;
}

/* Element i: not a constant, and every one read back by the checks. */
static inline int32_t value(uint32_t i)
{
	return (int32_t)(i * 2654435761u);
}

/* ---- the measured regions --------------------------------------------------
 * Each takes the list's owner by pointer, as user code does; a failed
 * append stops the program, as it must stop user code's loop. */

NOINLINE void append_slotgen(listbench_series *o, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		if (listbench_series_append_values(o, value(i)) != SLOT_OK)
			abort();
}

NOINLINE void append_vec15(vec *v, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		if (vec15_push(v, value(i)))
			abort();
}

NOINLINE void append_vec2(vec *v, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		if (vec2_push(v, value(i)))
			abort();
}

/* Into kept room: the list was filled and emptied, so no append grows it. */
NOINLINE void refill_slotgen(listbench_series *o, uint32_t n)
{
	append_slotgen(o, n);
}

NOINLINE void refill_vec(vec *v, uint32_t n)
{
	append_vec15(v, n);
}

NOINLINE int64_t sum_slotgen(listbench_series *o, uint32_t n)
{
	append_slotgen(o, n);
	int64_t s = 0;
	size_t len = listbench_series_len_values(o);
	for (size_t i = 0; i < len; i++)
		s += listbench_series_get_values_at(o, i);
	return s;
}

NOINLINE int64_t sum_vec15(vec *v, uint32_t n)
{
	append_vec15(v, n);
	int64_t s = 0;
	for (size_t i = 0; i < v->len; i++)
		s += v->p[i];
	return s;
}

/* ---- the ways ----------------------------------------------------------- */

enum { APPEND_VEC15, APPEND_VEC2, APPEND_SLOTGEN, APPEND_SLOTGEN_APART, REFILL_VEC,
       REFILL_SLOTGEN, REFILL_SLOTGEN_APART, SUM_VEC15, SUM_SLOTGEN, NWAYS };
static const char *const way_names[NWAYS] = {
	"append_vec15", "append_vec2", "append_slotgen", "append_slotgen_apart", "refill_vec",
	"refill_slotgen", "refill_slotgen_apart", "sum_vec15", "sum_slotgen"};
/* The vector growing by half again of each way's group: its ratios' baseline. */
static const int baseline[NWAYS] = {APPEND_VEC15, APPEND_VEC15, APPEND_VEC15, APPEND_VEC15,
				    REFILL_VEC, REFILL_VEC, REFILL_VEC, SUM_VEC15, SUM_VEC15};

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static int64_t sum_of(const int32_t *p, size_t len)
{
	int64_t s = 0;
	for (size_t i = 0; i < len; i++)
		s += p[i];
	return s;
}

static void verify(int64_t got, int64_t want, const char *way)
{
	if (got != want) {
		fprintf(stderr, "lists: %s: wrong elements\n", way);
		exit(1);
	}
}

/* Where the object goes in its 128-byte block, which starts a 64-byte line.
 * The cost of the generated append's presence-bit store depends on whether
 * the byte it changes shares a cache line with the list's length: at 0 it
 * does (the byte follows the 16-byte list), at the offset returned for
 * apart (48 for this class) the length ends one line and the byte starts
 * the next.  An object malloc places at a random multiple of 16 is one or
 * the other. */
static size_t place(bool apart)
{
	if (!apart)
		return 0;
	size_t len = offsetof(listbench_series, values) + offsetof(slot_list, len);
	size_t bits = offsetof(listbench_series, slot_bits);
	for (size_t off = 16; off < 64; off += 16)
		if ((off + len) / 64 != (off + bits) / 64)
			return off;
	fprintf(stderr, "lists: no placement splits the length from the presence byte\n");
	exit(1);
}

/* Build the way's list, run its region between two readings of the clock,
 * check every element and free the list: the region's seconds.  The checks
 * read all the region wrote, so that none of it is dead. */
static double run_way(int w, uint32_t n, int64_t want)
{
	static unsigned char *block;
	if (!block && !(block = aligned_alloc(64, 128)))
		exit(1);
	bool apart = w == APPEND_SLOTGEN_APART || w == REFILL_SLOTGEN_APART;
	bool gen = w == APPEND_SLOTGEN || w == REFILL_SLOTGEN || w == SUM_SLOTGEN || apart;
	listbench_series *o = (listbench_series *)(block + place(apart));
	vec *v = (vec *)block;
	double t0 = 0, t1 = 0;
	if (gen)
		listbench_series_init(o);
	else
		*v = (vec){NULL, 0, 0};
	if (w == REFILL_SLOTGEN || w == REFILL_SLOTGEN_APART) {
		append_slotgen(o, n);
		listbench_series_empty_values(o);
	} else if (w == REFILL_VEC) {
		append_vec15(v, n);
		v->len = 0;
	}
	switch (w) {
	case APPEND_VEC15:
		t0 = now(), append_vec15(v, n), t1 = now();
		break;
	case APPEND_VEC2:
		t0 = now(), append_vec2(v, n), t1 = now();
		break;
	case APPEND_SLOTGEN:
	case APPEND_SLOTGEN_APART:
		t0 = now(), append_slotgen(o, n), t1 = now();
		break;
	case REFILL_VEC:
		t0 = now(), refill_vec(v, n), t1 = now();
		break;
	case REFILL_SLOTGEN:
	case REFILL_SLOTGEN_APART:
		t0 = now(), refill_slotgen(o, n), t1 = now();
		break;
	case SUM_VEC15: {
		int64_t s;
		t0 = now(), s = sum_vec15(v, n), t1 = now();
		verify(s, want, way_names[w]);
		break;
	}
	case SUM_SLOTGEN: {
		int64_t s;
		t0 = now(), s = sum_slotgen(o, n), t1 = now();
		verify(s, want, way_names[w]);
		break;
	}
	}
	if (gen) {
		if (listbench_series_len_values(o) != n || !listbench_series_has_values(o))
			exit(1);
		verify(sum_of(listbench_series_get_values(o), n), want, way_names[w]);
		listbench_series_fini(o);
	} else {
		if (v->len != n)
			exit(1);
		verify(sum_of(v->p, n), want, way_names[w]);
		free(v->p);
	}
	return t1 - t0;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *x, int n)
{
	qsort(x, (size_t)n, sizeof *x, cmp);
	return n % 2 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;
}

static int64_t expect(uint32_t n)
{
	int64_t s = 0;
	for (uint32_t i = 0; i < n; i++)
		s += value(i);
	return s;
}

static int time_ways(uint32_t n, int rounds)
{
	int64_t want = expect(n);
	double(*t)[NWAYS] = calloc((size_t)rounds, sizeof *t);
	double *col = calloc((size_t)rounds, sizeof *col);
	if (!t || !col || rounds < 1)
		return 1;
	/* Rounds of each way in turn after a round of warming up (which also
	 * settles glibc's mmap threshold): a drift of the machine's speed
	 * reaches every way alike, and each round's ratios compare runs made
	 * side by side. */
	for (int r = -1; r < rounds; r++)
		for (int w = 0; w < NWAYS; w++) {
			double s = run_way(w, n, want);
			if (r >= 0)
				t[r][w] = s;
		}
	for (int w = 0; w < NWAYS; w++) {
		for (int r = 0; r < rounds; r++)
			col[r] = t[r][w] / t[r][baseline[w]];
		double ratio = median(col, rounds);
		char by2[32] = "-";
		if (baseline[w] == APPEND_VEC15) {
			for (int r = 0; r < rounds; r++)
				col[r] = t[r][w] / t[r][APPEND_VEC2];
			snprintf(by2, sizeof by2, "%.4f", median(col, rounds));
		}
		for (int r = 0; r < rounds; r++)
			col[r] = t[r][w];
		double m = median(col, rounds);
		printf("%s %.6f %.4f %s %.6f %.6f\n", way_names[w], m, ratio, by2, col[0],
		       col[rounds - 1]);
	}
	free(t);
	free(col);
	return 0;
}

/* ---- memory ----------------------------------------------------------------- */

static size_t heap_in_use(void)
{
	struct mallinfo2 m = mallinfo2();
	return m.uordblks + m.hblkhd;
}

/* The list slot's bytes, then for each kind of element, after n appends:
 * its bytes in the list, the list's length and room, malloc_usable_size of
 * its buffer, and the heap the list took in all (glibc's mallinfo2: the
 * buffer, and for strings the copy of each, with malloc's overhead). */
static int memory(uint32_t n)
{
	listbench_lists o;
	listbench_lists_init(&o);
	printf("c list %zu\n", sizeof(slot_list));
	printf("c n %u\n", n);
	for (int kind = 0; kind < 3; kind++) {
		static const char *const names[3] = {"int", "str", "obj"};
		static const size_t elem[3] = {sizeof(int32_t), sizeof(slot_str),
					       sizeof(listbench_point)};
		const slot_list *l = kind == 0 ? &o.ints : kind == 1 ? &o.names : &o.points;
		size_t before = heap_in_use();
		for (uint32_t i = 0; i < n; i++) {
			int rc;
			if (kind == 0) {
				rc = listbench_lists_append_ints(&o, (int32_t)(1000 + i));
			} else if (kind == 1) {
				char s[16];
				snprintf(s, sizeof s, "s%07u", i % 10000000); /* 8 bytes, as lists.py's */
				rc = listbench_lists_append_names(&o, s);
			} else {
				listbench_point p;
				listbench_point_init(&p);
				listbench_point_set_x(&p, (int32_t)(1000 + i));
				listbench_point_set_y(&p, (int32_t)(1000 + n + i));
				rc = listbench_lists_append_points(&o, &p);
				listbench_point_fini(&p);
			}
			if (rc != SLOT_OK)
				return 1;
		}
		size_t heap = heap_in_use() - before;
		printf("%s elem %zu\n", names[kind], elem[kind]);
		printf("%s len %u\n", names[kind], l->len);
		printf("%s cap %u\n", names[kind], l->cap);
		printf("%s usable %zu\n", names[kind], malloc_usable_size(l->items));
		printf("%s heap %zu\n", names[kind], heap);
		if (kind == 1) { /* a string of up to 14 bytes is kept in its slot_str */
			const slot_str *first = (const slot_str *)l->items;
			const char *s = slot_str_get(first);
			bool heap = s < first->b || s >= first->b + sizeof first->b;
			printf("str owned %zu\n",
			       heap ? malloc_usable_size((void *)s) + sizeof(size_t) : 0);
		}
	}
	listbench_lists_fini(&o);
	/* The hand-written vectors' room after as many appends. */
	vec v15 = {NULL, 0, 0}, v2 = {NULL, 0, 0};
	append_vec15(&v15, n);
	append_vec2(&v2, n);
	printf("vec15 cap %zu\nvec15 usable %zu\n", v15.cap, malloc_usable_size(v15.p));
	printf("vec2 cap %zu\nvec2 usable %zu\n", v2.cap, malloc_usable_size(v2.p));
	free(v15.p);
	free(v2.p);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "time") == 0)
		return time_ways((uint32_t)strtoul(argv[2], NULL, 10), atoi(argv[3]));
	if (argc == 3 && strcmp(argv[1], "mem") == 0)
		return memory((uint32_t)strtoul(argv[2], NULL, 10));
	if (argc == 4 && strcmp(argv[1], "once") == 0) {
		uint32_t n = (uint32_t)strtoul(argv[3], NULL, 10);
		for (int w = 0; w < NWAYS; w++)
			if (strcmp(argv[2], way_names[w]) == 0) {
				run_way(w, n, expect(n));
				return 0;
			}
	}
	fprintf(stderr, "usage: lists time N ROUNDS | lists once WAY N | lists mem N\n");
	return 2;
}
