/*
 * cells.h - the functions bench/run measures, declared once: driver.c calls
 * them, and each file that defines one includes this, so that the compiler
 * checks the definitions against what the driver calls.
 */
#ifndef BENCH_CELLS_H
#define BENCH_CELLS_H

#include <stddef.h>
#include <stdint.h>

#include "bench.h" /* generated from bench.yaml: a class per set and size, and Tally */
#include "game.h"
#include "sets.h" /* written by gen.c: BENCH_CLASSES */

typedef const void *(*lookup_fn)(const char *);

/* Method a, slotgen: the entry of a name in each class of bench.yaml, or
 * NULL, as slotgen_SET_SIZE (slotgen_words_4, ..., slotgen_prefix_256). */
#define CELLS_SLOTGEN(set, n, c) const void *slotgen_##set##_##n(const char *s);
BENCH_CLASSES(CELLS_SLOTGEN)
#undef CELLS_SLOTGEN

/* Methods b and c, on the words set alone. */
#define CELLS_LOOKUPS(m)                            \
	const void *m##_lookup_4(const char *s);    \
	const void *m##_lookup_16(const char *s);   \
	const void *m##_lookup_64(const char *s);   \
	const void *m##_lookup_256(const char *s);
CELLS_LOOKUPS(linear)
CELLS_LOOKUPS(bsearch)
#undef CELLS_LOOKUPS

/* Method d, gperf: one function per set, size and option set, listed in
 * gperf_fns.c, which bench/run writes with the options it tried. */
struct gperf_fn {
	const char *set;
	unsigned size;
	unsigned option;   /* index into gperf_options */
	lookup_fn fn;
};
extern const struct gperf_fn gperf_fns[];
extern const unsigned gperf_nfns;
extern const char *const gperf_options[]; /* as given to gperf, after its common options */
extern const unsigned gperf_noptions;

/* An empty function: the cost of the call and the loop. */
const void *null_lookup(const char *s);
/* Sorts the binary search's index, once, before anything is measured. */
void bsearch_init(void);

/* By name through the runtime: game_player's int32 slot "score", by its
 * C string and by its bytes and length. */
int64_t byname_get(const game_player *p, const char *name);
int byname_set(game_player *p, const char *name, int64_t x);
int64_t byname_getn(const game_player *p, const char *name, size_t len);
int byname_setn(game_player *p, const char *name, size_t len, int64_t x);

/* Loops over the inline accessors and over direct field access. */
int64_t inline_get_accessor(game_player *ps, size_t n);
int64_t inline_get_direct(game_player *ps, size_t n);
void inline_set_accessor(game_player *ps, size_t n);
void inline_set_direct(game_player *ps, size_t n);
void inline_set_direct_bit(game_player *ps, size_t n);
void inline_set_total_accessor(bench_tally *ts, size_t n);
void inline_set_total_direct(bench_tally *ts, size_t n);

#endif
