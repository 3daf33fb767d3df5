/*
 * cells.h - the functions bench/run measures, declared once: driver.c calls
 * them, and each file that defines one includes this, so that the compiler
 * checks the definitions against what the driver calls.
 */
#ifndef BENCH_CELLS_H
#define BENCH_CELLS_H

#include <stddef.h>
#include <stdint.h>

#include "bench.h" /* generated from bench.yaml: the S4 ... S256 and Tally classes */
#include "game.h"

/* Lookup methods a to d: the entry of a name in a set of 4 to 256, or NULL. */
#define CELLS_LOOKUPS(m)                            \
	const void *m##_lookup_4(const char *s);    \
	const void *m##_lookup_16(const char *s);   \
	const void *m##_lookup_64(const char *s);   \
	const void *m##_lookup_256(const char *s);
CELLS_LOOKUPS(slotgen)
CELLS_LOOKUPS(linear)
CELLS_LOOKUPS(bsearch)
CELLS_LOOKUPS(gperf)
#undef CELLS_LOOKUPS

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
