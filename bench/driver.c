/*
 * driver.c - the loops bench/run times and counts, and its table.
 *
 *     driver list             the cells, one id a line
 *     driver count ID ITERS   run cell ID for ITERS operations (for callgrind)
 *     driver time             every cell: median ns per operation of 11
 *                             timed loops, as "ID ns VALUE" lines
 *     driver table FILE       the table, from "ID ns|ir VALUE" and
 *                             "note KEY TEXT" lines
 *
 * A lookup cell calls one method's function (each in its own translation
 * unit, so never inlined here) through the same loop: one indirect call
 * per query, the result added to a sum so that no call can be dropped.
 * Queries are copies of the names on the heap, 1024 of them cycling over
 * the hits (or the misses) of one size in their fixed order.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cells.h"
#include "names.h"

#define NOIPA __attribute__((noinline, noipa))
#define Q 1024 /* queries per size and kind; every count of names divides it */
#define REPS 11
#define TARGET_NS 20e6 /* length of one timed loop */

typedef const void *(*lookup_fn)(const char *);

enum { SIZES = 4, METHODS = 4 };
static const unsigned sizes[SIZES] = {4, 16, 64, 256};
static const char *const methods[METHODS] = {"slotgen", "linear", "bsearch", "gperf"};
static const char *const method_names[METHODS] = {"slotgen", "linear strcmp", "binary search",
						  "gperf"};
static const lookup_fn fns[METHODS][SIZES] = {
	{slotgen_lookup_4, slotgen_lookup_16, slotgen_lookup_64, slotgen_lookup_256},
	{linear_lookup_4, linear_lookup_16, linear_lookup_64, linear_lookup_256},
	{bsearch_lookup_4, bsearch_lookup_16, bsearch_lookup_64, bsearch_lookup_256},
	{gperf_lookup_4, gperf_lookup_16, gperf_lookup_64, gperf_lookup_256},
};

enum { K_LOOKUP, K_GET, K_SET, K_GETN, K_SETN, K_INL_GET, K_INL_SET, K_INL_TALLY };

typedef struct cell {
	char id[48];
	int kind;
	lookup_fn fn;
	const char **q;
	int64_t (*get)(game_player *, size_t);
	void (*set)(game_player *, size_t);
	void (*tally)(bench_tally *, size_t);
} cell;

static cell cells[64];
static size_t ncells;
static const char **queries[SIZES][2];
static game_player players[8];
static bench_tally tallies[8];
/* By name, the name "score" is one of 16 copies spread over a page: glibc's
 * strcmp takes a slower path when the page offsets of its two arguments,
 * OR'ed, come near the end of a page, so one copy would measure its luck. */
#define NCOPIES 16
static const char *score_names[NCOPIES];
static size_t score_lens[NCOPIES]; /* the length each name carries, for getn and setn */

static const char *heap_copy(const char *s)
{
	char *p = malloc(strlen(s) + 1);
	if (!p)
		abort();
	return strcpy(p, s);
}

static const char **make_queries(const char *const *names, size_t n)
{
	const char **q = malloc(Q * sizeof *q);
	const char **copies = malloc(n * sizeof *copies);
	if (!q || !copies)
		abort();
	for (size_t i = 0; i < n; i++)
		copies[i] = heap_copy(names[i]);
	for (size_t i = 0; i < Q; i++)
		q[i] = copies[i % n];
	return q;
}

static cell *add(int kind, const char *id)
{
	cell *c = &cells[ncells++];
	memset(c, 0, sizeof *c);
	snprintf(c->id, sizeof c->id, "%s", id);
	c->kind = kind;
	return c;
}

static void setup(void)
{
	bsearch_init();
	queries[0][0] = make_queries(hits_4, NHITS_4);
	queries[0][1] = make_queries(miss_4, NMISS_4);
	queries[1][0] = make_queries(hits_16, NHITS_16);
	queries[1][1] = make_queries(miss_16, NMISS_16);
	queries[2][0] = make_queries(hits_64, NHITS_64);
	queries[2][1] = make_queries(miss_64, NMISS_64);
	queries[3][0] = make_queries(hits_256, NHITS_256);
	queries[3][1] = make_queries(miss_256, NMISS_256);
	for (int z = 0; z < SIZES; z++)
		for (int k = 0; k < 2; k++)
			for (int m = 0; m < METHODS; m++) {
				char id[48];
				snprintf(id, sizeof id, "lookup/%s/%u/%s", methods[m], sizes[z],
					 k ? "miss" : "hit");
				cell *c = add(K_LOOKUP, id);
				c->fn = fns[m][z];
				c->q = queries[z][k];
			}
	cell *c = add(K_LOOKUP, "null");
	c->fn = null_lookup;
	c->q = queries[1][0];
	add(K_GET, "byname/get");
	add(K_SET, "byname/set");
	add(K_GETN, "byname/getn");
	add(K_SETN, "byname/setn");
	add(K_INL_GET, "inline/get/accessor")->get = inline_get_accessor;
	add(K_INL_GET, "inline/get/direct")->get = inline_get_direct;
	add(K_INL_SET, "inline/set/accessor")->set = inline_set_accessor;
	add(K_INL_SET, "inline/set/direct")->set = inline_set_direct;
	add(K_INL_SET, "inline/set/direct_bit")->set = inline_set_direct_bit;
	add(K_INL_TALLY, "inline/set_total/accessor")->tally = inline_set_total_accessor;
	add(K_INL_TALLY, "inline/set_total/direct")->tally = inline_set_total_direct;

	for (int i = 0; i < 8; i++) {
		game_player_init(&players[i], (uint64_t)i);
		game_player_set_score(&players[i], i);
		bench_tally_init(&tallies[i]);
	}
	char *page = aligned_alloc(4096, 4096);
	if (!page)
		abort();
	for (int k = 0; k < NCOPIES; k++) {
		score_names[k] = strcpy(page + k * (4096 / NCOPIES) + 8 * k, "score");
		score_lens[k] = strlen(score_names[k]);
	}
	/* Every lookup finds what it should, before anything is measured. */
	for (int z = 0; z < SIZES; z++)
		for (int m = 0; m < METHODS; m++)
			for (size_t i = 0; i < Q; i++) {
				const char *h = queries[z][0][i], *x = queries[z][1][i];
				const char *const *f = fns[m][z](h);
				if (!f || strcmp(*f, h) != 0 || fns[m][z](x)) {
					fprintf(stderr, "driver: %s %u: wrong result for %s or %s\n",
						methods[m], sizes[z], h, x);
					exit(1);
				}
			}
	if (byname_set(&players[0], score_names[3], 7) != SLOT_OK ||
	    byname_get(&players[0], score_names[5]) != 7 ||
	    byname_setn(&players[0], score_names[2], score_lens[2], 8) != SLOT_OK ||
	    byname_getn(&players[0], score_names[4], score_lens[4]) != 8 ||
	    byname_getn(&players[0], score_names[4], score_lens[4] - 1) != -1) {
		fprintf(stderr, "driver: getting or setting score by name failed\n");
		exit(1);
	}
}

static NOIPA uintptr_t run_lookup(lookup_fn fn, const char *const *q, size_t iters)
{
	uintptr_t acc = 0;
	for (size_t i = 0; i < iters; i++)
		acc += (uintptr_t)fn(q[i & (Q - 1)]);
	return acc;
}

static NOIPA uintptr_t run_get(game_player *p, const char *const *names, size_t iters)
{
	uintptr_t acc = 0;
	for (size_t i = 0; i < iters; i++)
		acc += (uintptr_t)byname_get(p, names[i & (NCOPIES - 1)]);
	return acc;
}

static NOIPA uintptr_t run_set(game_player *p, const char *const *names, size_t iters)
{
	uintptr_t acc = 0;
	for (size_t i = 0; i < iters; i++)
		acc += (uintptr_t)byname_set(p, names[i & (NCOPIES - 1)], (int64_t)(i & 1023));
	return acc;
}

static NOIPA uintptr_t run_getn(game_player *p, const char *const *names, const size_t *lens,
				size_t iters)
{
	uintptr_t acc = 0;
	for (size_t i = 0; i < iters; i++)
		acc += (uintptr_t)byname_getn(p, names[i & (NCOPIES - 1)], lens[i & (NCOPIES - 1)]);
	return acc;
}

static NOIPA uintptr_t run_setn(game_player *p, const char *const *names, const size_t *lens,
				size_t iters)
{
	uintptr_t acc = 0;
	for (size_t i = 0; i < iters; i++)
		acc += (uintptr_t)byname_setn(p, names[i & (NCOPIES - 1)], lens[i & (NCOPIES - 1)],
					      (int64_t)(i & 1023));
	return acc;
}

static volatile uintptr_t sink;

static void run(const cell *c, size_t iters)
{
	switch (c->kind) {
	case K_LOOKUP: sink += run_lookup(c->fn, (const char *const *)c->q, iters); break;
	case K_GET: sink += run_get(&players[0], score_names, iters); break;
	case K_SET: sink += run_set(&players[0], score_names, iters); break;
	case K_GETN: sink += run_getn(&players[0], score_names, score_lens, iters); break;
	case K_SETN: sink += run_setn(&players[0], score_names, score_lens, iters); break;
	case K_INL_GET: sink += (uintptr_t)c->get(players, iters); break;
	case K_INL_SET: c->set(players, iters); break;
	case K_INL_TALLY: c->tally(tallies, iters); break;
	}
}

static double now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static double timed(const cell *c, size_t iters)
{
	double t0 = now_ns();
	run(c, iters);
	return now_ns() - t0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Time the cells whose id starts with @p prefix ("" for all). */
static void time_cells(const char *prefix)
{
	static size_t iters[64];
	static double samples[64][REPS];
	size_t len = strlen(prefix), kept = 0;
	for (size_t c = 0; c < ncells; c++)
		if (strncmp(cells[c].id, prefix, len) == 0)
			cells[kept++] = cells[c];
	ncells = kept;
	for (size_t c = 0; c < ncells; c++) { /* calibrate: one loop ~ TARGET_NS */
		size_t n = Q;
		double t;
		while ((t = timed(&cells[c], n)) < TARGET_NS / 8)
			n *= 2;
		n = (size_t)((double)n * TARGET_NS / t);
		iters[c] = (n + Q - 1) / Q * Q; /* whole passes over the queries */
	}
	/* Repetitions interleave the cells, so that a noisy moment of the
	 * machine spreads over all of them rather than hitting one. */
	for (int r = 0; r < REPS; r++)
		for (size_t c = 0; c < ncells; c++)
			samples[c][r] = timed(&cells[c], iters[c]) / (double)iters[c];
	for (size_t c = 0; c < ncells; c++) {
		qsort(samples[c], REPS, sizeof(double), cmp_double);
		printf("%s ns %.3f\n", cells[c].id, samples[c][REPS / 2]);
	}
}

/* ---- the table ------------------------------------------------------------ */

#define MAXR 128
static struct {
	char id[48], what[8];
	double v;
} res[MAXR];
static size_t nres;
static struct {
	char key[32], text[200];
} notes[32];
static size_t nnotes;

/* The value @p what ("ns" or "ir") of cell @p id, or -1 when missing. */
static double val(const char *id, const char *what)
{
	for (size_t i = 0; i < nres; i++)
		if (strcmp(res[i].id, id) == 0 && strcmp(res[i].what, what) == 0)
			return res[i].v;
	return -1;
}

static const char *note(const char *key)
{
	for (size_t i = 0; i < nnotes; i++)
		if (strcmp(notes[i].key, key) == 0)
			return notes[i].text;
	return NULL;
}

static void read_results(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		perror(path);
		exit(1);
	}
	char line[512];
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, "note ", 5) == 0 && nnotes < 32) {
			char *k = line + 5, *t = strchr(k, ' ');
			if (!t)
				continue;
			*t++ = '\0';
			snprintf(notes[nnotes].key, sizeof notes[nnotes].key, "%.31s", k);
			snprintf(notes[nnotes].text, sizeof notes[nnotes].text, "%.199s", t);
			nnotes++;
		} else if (nres < MAXR &&
			   sscanf(line, "%47s %7s %lf", res[nres].id, res[nres].what, &res[nres].v) == 3) {
			nres++;
		}
	}
	fclose(f);
}

static void fmt(char *buf, size_t size, double v, int prec)
{
	if (v < 0)
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%.*f", prec, v);
}

static void ratio(char *buf, size_t size, double a, double b)
{
	if (a < 0 || b <= 0)
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%.2f", a / b);
}

/*
 * One row of the table: slotgen's cell (its ns and Ir shown when @p first,
 * the first row of a test), a comparator's, and the ratios comparator /
 * slotgen; @p rns, when at least 0, is the time ratio as measured (a median
 * of ratios), not ns / sns.  A value below zero was not measured and shows
 * as "-".
 */
static void print_row(const char *test, bool first, double sns, double sir, const char *versus,
		      double ns, double ir, double r, const char *target)
{
	char a[16] = "", b[16] = "", vns[16], vir[16], rns[16], rir[16];
	if (first) {
		fmt(a, sizeof a, sns, 2);
		fmt(b, sizeof b, sir, 1);
	}
	fmt(vns, sizeof vns, ns, 2);
	fmt(vir, sizeof vir, ir, 1);
	if (r >= 0)
		fmt(rns, sizeof rns, r, 2);
	else
		ratio(rns, sizeof rns, ns, sns);
	ratio(rir, sizeof rir, ir, sir);
	printf("| %-27s | %10s | %10s | %-22s | %8s | %8s | %8s | %8s | %-28s |\n", test, a, b,
	       versus, vns, vir, rns, rir, target);
}

static void print_table(void)
{
	const char *machine = note("machine");
	printf("slotgen benchmark: %s\n", machine ? machine : "");
	printf("ns = median wall time per operation of %d timed loops; Ir = instructions per "
	       "operation (callgrind, difference of two loop lengths);\n"
	       "ratio = versus / slotgen: above 1, slotgen is cheaper.\n\n",
	       REPS);
	printf("| %-27s | %10s | %10s | %-22s | %8s | %8s | %8s | %8s | %-28s |\n", "test",
	       "slotgen ns", "slotgen Ir", "versus", "ns", "Ir", "ns ratio", "Ir ratio", "target");
	printf("|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n", "-----------------------------", "-----------:",
	       "-----------:", "------------------------", "---------:", "---------:", "---------:",
	       "---------:", "------------------------------");
	for (int z = 0; z < SIZES; z++)
		for (int k = 0; k < 2; k++) {
			char test[48], sg[48];
			snprintf(test, sizeof test, "lookup, %u names, %s", sizes[z], k ? "misses" : "hits");
			snprintf(sg, sizeof sg, "lookup/slotgen/%u/%s", sizes[z], k ? "miss" : "hit");
			double sns = val(sg, "ns"), sir = val(sg, "ir");
			for (int m = 1; m < METHODS; m++) {
				char id[48], target[64] = "";
				snprintf(id, sizeof id, "lookup/%s/%u/%s", methods[m], sizes[z],
					 k ? "miss" : "hit");
				double ns = val(id, "ns"), ir = val(id, "ir");
				if (m == 3 && (sir < 0 || ir < 0))
					snprintf(target, sizeof target, "Ir <= gperf: ?");
				else if (m == 3 && sir <= ir)
					snprintf(target, sizeof target, "Ir <= gperf: met");
				else if (m == 3)
					snprintf(target, sizeof target, "Ir <= gperf: NOT met, +%.0f%%",
						 (sir / ir - 1) * 100);
				print_row(m == 1 ? test : "", m == 1, sns, sir, method_names[m], ns, ir,
					  -1, target);
			}
		}

	/* By name against CPython, measured in alternating rounds: the ratio
	 * is the median over the rounds of CPython's time over slotgen's. */
	static const struct {
		const char *test, *sg, *py, *call;
	} byname[] = {
		{"get int32 by name", "byname/get", "py/get", "getattr"},
		{"  name and length known", "byname/getn", "py/get", "getattr"},
		{"set int32 by name", "byname/set", "py/set", "setattr"},
		{"  name and length known", "byname/setn", "py/set", "setattr"},
	};
	const char *py = note("python");
	for (size_t i = 0; i < sizeof byname / sizeof byname[0]; i++) {
		double sns = val(byname[i].sg, "ns"), pns = val(byname[i].py, "ns"),
		       r = val(byname[i].sg, "pyratio");
		char vs[48], target[64];
		if (py)
			snprintf(vs, sizeof vs, "%s %s", py, byname[i].call);
		else
			snprintf(vs, sizeof vs, "CPython: no python3");
		snprintf(target, sizeof target, ">= 3x faster: %s",
			 r < 0 ? "skipped" : r >= 3 ? "met" : "NOT met");
		/* CPython has no Ir here: -1 shows as "-". */
		print_row(byname[i].test, true, sns, val(byname[i].sg, "ir"), vs, pns, -1, r, target);
	}

	/* Inline accessors against direct access: the ratio is direct / accessor. */
	static const struct {
		const char *test, *sg, *versus, *vs, *target;
	} inl[] = {
		{"inline get_score", "inline/get/accessor", "p->score", "inline/get/direct", "same Ir"},
		{"inline set_score", "inline/set/accessor", "p->score = v", "inline/set/direct", "same Ir"},
		{"", NULL, "p->score = v; p->bit", "inline/set/direct_bit", "same Ir"},
		{"inline set_total, no bit", "inline/set_total/accessor", "t->total = v",
		 "inline/set_total/direct", "same Ir"},
	};
	for (size_t i = 0; i < sizeof inl / sizeof inl[0]; i++) {
		const char *sg = inl[i].sg ? inl[i].sg : inl[i - 1].sg;
		double sns = val(sg, "ns"), sir = val(sg, "ir"), ns = val(inl[i].vs, "ns"),
		       ir = val(inl[i].vs, "ir");
		char target[64];
		if (sir < 0 || ir < 0)
			snprintf(target, sizeof target, "%s: ?", inl[i].target);
		else if (sir - ir < 0.05 && ir - sir < 0.05)
			snprintf(target, sizeof target, "%s: %s", inl[i].target, inl[i].sg ? "met" : "yes");
		else
			snprintf(target, sizeof target, "%s: %s, %+.1f Ir", inl[i].target,
				 inl[i].sg ? "NOT met" : "no", sir - ir);
		print_row(inl[i].test, inl[i].sg != NULL, sns, sir, inl[i].versus, ns, ir, -1, target);
	}

	char ns[16], ir[16];
	fmt(ns, sizeof ns, val("null", "ns"), 2);
	fmt(ir, sizeof ir, val("null", "ir"), 1);
	printf("\nEvery lookup row includes the loop and one indirect call: an empty function "
	       "there costs %s ns, %s Ir.\n", ns, ir);
	for (size_t i = 0; i < nnotes; i++)
		if (strcmp(notes[i].key, "machine") != 0 && strcmp(notes[i].key, "python") != 0)
			printf("%s\n", notes[i].text);
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "table") == 0) {
		read_results(argv[2]);
		print_table();
		return 0;
	}
	setup();
	if (argc == 2 && strcmp(argv[1], "list") == 0) {
		for (size_t c = 0; c < ncells; c++)
			puts(cells[c].id);
		return 0;
	}
	if ((argc == 2 || argc == 3) && strcmp(argv[1], "time") == 0) {
		time_cells(argc == 3 ? argv[2] : "");
		return 0;
	}
	if (argc == 4 && strcmp(argv[1], "count") == 0) {
		size_t iters = strtoull(argv[3], NULL, 10);
		for (size_t c = 0; c < ncells; c++)
			if (strcmp(cells[c].id, argv[2]) == 0) {
				run(&cells[c], iters);
				return 0;
			}
		fprintf(stderr, "driver: no cell %s\n", argv[2]);
		return 2;
	}
	fprintf(stderr, "usage: driver list | count ID ITERS | time [PREFIX] | table FILE\n");
	return 2;
}
