/*
 * Row 3: the generated static inline accessors of game_player's int32 slot
 * "score" against plain struct field access.  Each loop reaches one of
 * eight players through a pointer the compiler cannot see through (an
 * empty asm that "changes" it), so no access is hoisted, merged or
 * deleted; the loops differ only in the access itself.
 */
#include "cells.h"

#define NOINLINE __attribute__((noinline, noipa))
#define OPAQUE(p) __asm__("" : "+r"(p))

NOINLINE int64_t inline_get_accessor(game_player *ps, size_t n)
{
	int64_t acc = 0;
	for (size_t i = 0; i < n; i++) {
		game_player *p = &ps[i & 7];
		OPAQUE(p);
		acc += game_player_get_score(p);
	}
	return acc;
}

NOINLINE int64_t inline_get_direct(game_player *ps, size_t n)
{
	int64_t acc = 0;
	for (size_t i = 0; i < n; i++) {
		game_player *p = &ps[i & 7];
		OPAQUE(p);
		acc += p->score;
	}
	return acc;
}

NOINLINE void inline_set_accessor(game_player *ps, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		game_player *p = &ps[i & 7];
		OPAQUE(p);
		game_player_set_score(p, (int32_t)i);
	}
}

NOINLINE void inline_set_direct(game_player *ps, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		game_player *p = &ps[i & 7];
		OPAQUE(p);
		p->score = (int32_t)i;
	}
}

/* What a hand-written struct with a presence bit would do: the same work
 * as the generated setter. */
NOINLINE void inline_set_direct_bit(game_player *ps, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		game_player *p = &ps[i & 7];
		OPAQUE(p);
		p->score = (int32_t)i;
		p->slot_bits[0] |= 0x02u;
	}
}

/* A slot declared `clear: false` has no presence bit: its setter is the
 * plain store. */
NOINLINE void inline_set_total_accessor(bench_tally *ts, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		bench_tally *t = &ts[i & 7];
		OPAQUE(t);
		bench_tally_set_total(t, (int32_t)i);
	}
}

NOINLINE void inline_set_total_direct(bench_tally *ts, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		bench_tally *t = &ts[i & 7];
		OPAQUE(t);
		t->total = (int32_t)i;
	}
}
