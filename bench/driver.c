/*
 * driver.c - the loops bench/run times and counts, and its table.
 *
 *     driver list             the cells, one id a line
 *     driver count ID ITERS   run cell ID for ITERS operations (for callgrind)
 *     driver count-all K1 K2  under callgrind: for each cell id read from
 *                             stdin, run K1 then K2 operations, each between
 *                             a zeroing and a dump of the counts named
 *                             "ID K1" and "ID K2"
 *     driver time [PREFIX|-]  every cell (whose id starts with PREFIX, or
 *                             whose id is read from stdin): median ns per
 *                             operation of 11 timed loops, as "ID ns VALUE"
 *     driver pick FILE        the lookup cells worth timing, given the Ir in
 *                             FILE: slotgen's, the linear scan's and the
 *                             binary search's, and gperf's best option set
 *     driver table FILE       the table, from "ID ns|ir VALUE" and
 *                             "note KEY TEXT" lines
 *
 * A lookup cell calls one method's function on one set of names of one
 * size (each function in its own translation unit, so never inlined here)
 * through the same loop: one indirect call per query, the result added to
 * a sum so that no call can be dropped.  Queries are copies of the names
 * on the heap, 1024 of them cycling over one kind of query (hits, or one
 * kind of misses) in their fixed order.  Cell ids are
 * lookup/METHOD/SET/SIZE/KIND, METHOD being slotgen, linear, bsearch or
 * gperfK (gperf with its K-th option set, gperf_options[K]).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <valgrind/callgrind.h>

#include "cells.h"
#include "names.h"

#define NOIPA __attribute__((noinline, noipa))
#define Q 1024 /* queries per size and kind; every count of names divides it */
#define REPS 11
#define TARGET_NS 20e6 /* length of one timed loop */

static const struct {
	const char *set;
	unsigned size;
	lookup_fn fn;
} slotgen_fns[] = {
#define SLOTGEN_FN(set, n, c) {#set, n, slotgen_##set##_##n},
	BENCH_CLASSES(SLOTGEN_FN)
#undef SLOTGEN_FN
};

/* The linear scan and the binary search, on the words set. */
enum { SIZES = 4 };
static const unsigned sizes[SIZES] = {4, 16, 64, 256};
static const lookup_fn words_fns[2][SIZES] = {
	{linear_lookup_4, linear_lookup_16, linear_lookup_64, linear_lookup_256},
	{bsearch_lookup_4, bsearch_lookup_16, bsearch_lookup_64, bsearch_lookup_256},
};

/* The sets of names, in the table's order, and the kinds of queries. */
static const char *const sets[] = {"words", "uneven", "long", "prefix", "scattered"};
#define NSETS (sizeof sets / sizeof sets[0])
static const struct {
	const char *kind, *words, *label;
} kinds[] = {
	{"hit", "hits", "hits"},
	{"miss", "misses", "misses"},
	{"misslen", NULL, "misses, other length"},
	{"misssame", NULL, "misses, same length"},
};
#define NKINDS (sizeof kinds / sizeof kinds[0])

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

#define MAXCELLS 1024
static cell cells[MAXCELLS];
static size_t ncells;
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
	if (ncells == MAXCELLS) {
		fprintf(stderr, "driver: more than %d cells\n", MAXCELLS);
		exit(1);
	}
	cell *c = &cells[ncells++];
	memset(c, 0, sizeof *c);
	snprintf(c->id, sizeof c->id, "%s", id);
	c->kind = kind;
	return c;
}

/* A lookup cell for @p fn on the queries @p q of @p b; its method is @p m. */
static void add_lookup(const char *m, lookup_fn fn, const struct bench_queries *b, const char **q)
{
	char id[48];
	snprintf(id, sizeof id, "lookup/%s/%s/%u/%s", m, b->set, b->size, b->kind);
	cell *c = add(K_LOOKUP, id);
	c->fn = fn;
	c->q = q;
	/* Every lookup finds what it should, before anything is measured. */
	bool hit = strcmp(b->kind, "hit") == 0;
	for (unsigned i = 0; i < b->count; i++) {
		const char *const *f = fn(q[i]);
		if (hit ? !f || strcmp(*f, q[i]) != 0 : f != NULL) {
			fprintf(stderr, "driver: %s: wrong result for %s\n", id, q[i]);
			exit(1);
		}
	}
}

static void setup(void)
{
	bsearch_init();
	for (size_t k = 0; k < sizeof bench_queries / sizeof bench_queries[0]; k++) {
		const struct bench_queries *b = &bench_queries[k];
		const char **q = make_queries(b->names, b->count);
		for (size_t i = 0; i < sizeof slotgen_fns / sizeof slotgen_fns[0]; i++)
			if (strcmp(slotgen_fns[i].set, b->set) == 0 && slotgen_fns[i].size == b->size)
				add_lookup("slotgen", slotgen_fns[i].fn, b, q);
		for (int z = 0; z < SIZES; z++)
			if (strcmp(b->set, "words") == 0 && sizes[z] == b->size) {
				add_lookup("linear", words_fns[0][z], b, q);
				add_lookup("bsearch", words_fns[1][z], b, q);
			}
		for (unsigned i = 0; i < gperf_nfns; i++)
			if (strcmp(gperf_fns[i].set, b->set) == 0 && gperf_fns[i].size == b->size) {
				char m[16];
				snprintf(m, sizeof m, "gperf%u", gperf_fns[i].option);
				add_lookup(m, gperf_fns[i].fn, b, q);
			}
	}
	cell *c = add(K_LOOKUP, "null");
	c->fn = null_lookup;
	c->q = make_queries(hits_16, NHITS_16);
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

/* Keep the cells whose id starts with @p prefix, or, for "-", whose id is
 * a line of stdin. */
static void select_cells(const char *prefix)
{
	static char wanted[MAXCELLS][48];
	size_t nwanted = 0, kept = 0;
	bool from_stdin = strcmp(prefix, "-") == 0;
	if (from_stdin) {
		char line[128];
		while (nwanted < MAXCELLS && fgets(line, sizeof line, stdin)) {
			line[strcspn(line, "\n")] = '\0';
			snprintf(wanted[nwanted++], sizeof wanted[0], "%.47s", line);
		}
	}
	for (size_t c = 0; c < ncells; c++) {
		bool keep = !from_stdin && strncmp(cells[c].id, prefix, strlen(prefix)) == 0;
		for (size_t w = 0; w < nwanted && !keep; w++)
			keep = strcmp(cells[c].id, wanted[w]) == 0;
		if (keep)
			cells[kept++] = cells[c];
	}
	ncells = kept;
}

/* Time the cells whose id starts with @p prefix ("" for all; "-": the ids
 * read from stdin). */
static void time_cells(const char *prefix)
{
	static size_t iters[MAXCELLS];
	static double samples[MAXCELLS][REPS];
	select_cells(prefix);
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

/*
 * Under callgrind, the instructions of @p k1 and of @p k2 operations of
 * every cell whose id is read from stdin, each dumped under the name "ID
 * K": bench/run takes the difference.  One process for all the cells,
 * where one per cell would spend most of its time starting valgrind.
 */
static void count_cells(size_t k1, size_t k2)
{
	select_cells("-");
	for (size_t c = 0; c < ncells; c++) {
		char name[80];
		CALLGRIND_ZERO_STATS;
		run(&cells[c], k1);
		snprintf(name, sizeof name, "%.47s %zu", cells[c].id, k1);
		CALLGRIND_DUMP_STATS_AT(name);
		CALLGRIND_ZERO_STATS;
		run(&cells[c], k2);
		snprintf(name, sizeof name, "%.47s %zu", cells[c].id, k2);
		CALLGRIND_DUMP_STATS_AT(name);
	}
}

/* ---- the table ------------------------------------------------------------ */

#define MAXR 4096
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

/* The id of lookup cell @p method / @p set / @p size / @p kind, in @p id. */
static void lookup_id(char id[48], const char *method, const char *set, unsigned size,
		      const char *kind)
{
	snprintf(id, 48, "lookup/%s/%s/%u/%s", method, set, size, kind);
}

/* The option set (an index into gperf_options) under which gperf took the
 * fewest Ir on the queries @p kind of @p set at @p size, its id in @p id;
 * -1 when none was counted. */
static int best_gperf(char id[48], const char *set, unsigned size, const char *kind)
{
	int best = -1;
	double best_ir = 0;
	for (unsigned o = 0; o < gperf_noptions; o++) {
		char m[16], g[48];
		snprintf(m, sizeof m, "gperf%u", o);
		lookup_id(g, m, set, size, kind);
		double ir = val(g, "ir");
		if (ir >= 0 && (best < 0 || ir < best_ir)) {
			best = (int)o;
			best_ir = ir;
			memcpy(id, g, 48);
		}
	}
	return best;
}

/* "gperf" and option set @p o, as the table shows it. */
static const char *gperf_label(int o)
{
	static char label[64];
	snprintf(label, sizeof label, "gperf%s%s", o >= 0 && *gperf_options[o] ? " " : "",
		 o >= 0 ? gperf_options[o] : "");
	return label;
}

static bool has_kind(const char *set, const char *kind)
{
	for (size_t k = 0; k < sizeof bench_queries / sizeof bench_queries[0]; k++)
		if (strcmp(bench_queries[k].set, set) == 0 && strcmp(bench_queries[k].kind, kind) == 0)
			return true;
	return false;
}

/* The lookup cells worth timing: slotgen's, the linear scan's and the
 * binary search's, and gperf's best option set by Ir, for every row. */
static void pick(void)
{
	for (size_t s = 0; s < NSETS; s++)
		for (int z = 0; z < SIZES; z++)
			for (size_t k = 0; k < NKINDS; k++) {
				char id[48];
				if (!has_kind(sets[s], kinds[k].kind))
					continue;
				lookup_id(id, "slotgen", sets[s], sizes[z], kinds[k].kind);
				puts(id);
				if (s == 0) {
					lookup_id(id, "linear", sets[s], sizes[z], kinds[k].kind);
					puts(id);
					lookup_id(id, "bsearch", sets[s], sizes[z], kinds[k].kind);
					puts(id);
				}
				if (best_gperf(id, sets[s], sizes[z], kinds[k].kind) >= 0)
					puts(id);
			}
}

/* The target's cell: slotgen's Ir @p sir against gperf's @p ir. */
static void gperf_target(char *buf, size_t size, double sir, double ir)
{
	if (sir < 0 || ir < 0)
		snprintf(buf, size, "Ir <= gperf: ?");
	else if (sir <= ir)
		snprintf(buf, size, "Ir <= gperf: met");
	else
		snprintf(buf, size, "Ir <= gperf: NOT met, +%.0f%%", (sir / ir - 1) * 100);
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
	static const char *const words_methods[] = {"linear", "bsearch", NULL};
	static const char *const words_names[] = {"linear strcmp", "binary search", NULL};
	double worst = 0;
	char worst_at[96] = "";
	for (int z = 0; z < SIZES; z++)
		for (int k = 0; k < 2; k++) {
			char test[48], sg[48];
			snprintf(test, sizeof test, "lookup, %u names, %s", sizes[z], kinds[k].words);
			lookup_id(sg, "slotgen", "words", sizes[z], kinds[k].kind);
			double sns = val(sg, "ns"), sir = val(sg, "ir");
			for (int m = 0; m < 3; m++) {
				char id[48], target[64] = "";
				const char *versus = words_names[m];
				if (words_methods[m]) {
					lookup_id(id, words_methods[m], "words", sizes[z], kinds[k].kind);
				} else {
					versus = gperf_label(best_gperf(id, "words", sizes[z], kinds[k].kind));
					gperf_target(target, sizeof target, sir, val(id, "ir"));
					if (sir >= 0 && val(id, "ir") > 0 && sir / val(id, "ir") > worst) {
						worst = sir / val(id, "ir");
						snprintf(worst_at, sizeof worst_at, "words, %u names, %s",
							 sizes[z], kinds[k].label);
					}
				}
				print_row(m == 0 ? test : "", m == 0, sns, sir, versus, val(id, "ns"),
					  val(id, "ir"), -1, target);
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

	/* The other sets: slotgen against gperf's best option set, by row. */
	printf("\nLookups on the other name sets (bench/gen.c), against gperf with the option set "
	       "that took the fewest Ir on each row:\n\n");
	printf("| %-9s | %5s | %-20s | %10s | %10s | %-22s | %8s | %8s | %8s | %8s | %-28s |\n",
	       "set", "names", "queries", "slotgen ns", "slotgen Ir", "versus", "ns", "Ir",
	       "ns ratio", "Ir ratio", "target");
	printf("|-----------|------:|----------------------|-----------:|-----------:|------------------------"
	       "|---------:|---------:|---------:|---------:|------------------------------|\n");
	for (size_t s = 1; s < NSETS; s++)
		for (int z = 0; z < SIZES; z++)
			for (size_t k = 0; k < NKINDS; k++) {
				char sg[48], id[48], target[64], names[8], r1[16], r2[16];
				if (!has_kind(sets[s], kinds[k].kind))
					continue;
				lookup_id(sg, "slotgen", sets[s], sizes[z], kinds[k].kind);
				int o = best_gperf(id, sets[s], sizes[z], kinds[k].kind);
				double sns = val(sg, "ns"), sir = val(sg, "ir");
				double ns = o >= 0 ? val(id, "ns") : -1, ir = o >= 0 ? val(id, "ir") : -1;
				gperf_target(target, sizeof target, sir, ir);
				if (sir >= 0 && ir > 0 && sir / ir > worst) {
					worst = sir / ir;
					snprintf(worst_at, sizeof worst_at, "%s, %u names, %s", sets[s],
						 sizes[z], kinds[k].label);
				}
				snprintf(names, sizeof names, "%u", sizes[z]);
				char a[16], b[16], c[16], d[16];
				fmt(a, sizeof a, sns, 2);
				fmt(b, sizeof b, sir, 1);
				fmt(c, sizeof c, ns, 2);
				fmt(d, sizeof d, ir, 1);
				ratio(r1, sizeof r1, ns, sns);
				ratio(r2, sizeof r2, ir, sir);
				printf("| %-9s | %5s | %-20s | %10s | %10s | %-22s | %8s | %8s | %8s | %8s | "
				       "%-28s |\n",
				       z == 0 && k == 0 ? sets[s] : "", k == 0 ? names : "", kinds[k].label, a,
				       b, gperf_label(o), c, d, r1, r2, target);
			}
	if (worst > 0)
		printf("\nslotgen's lookup against gperf's best: at most %.3fx gperf's Ir (%s)%s.\n",
		       worst, worst_at, worst <= 1 ? ": no more instructions at any row" : "");

	/* Every option set tried, so that the choice can be checked. */
	printf("\ngperf's option sets, Ir per lookup (common options: %s; * the fewest on the row):\n\n",
	       note("gperfcommon") ? note("gperfcommon") : "?");
	printf("| %-9s | %5s | %-20s |", "set", "names", "queries");
	for (unsigned o = 0; o < gperf_noptions; o++)
		printf(" %-13s |", *gperf_options[o] ? gperf_options[o] : "(none)");
	printf(" %10s |\n|-----------|------:|----------------------|", "slotgen");
	for (unsigned o = 0; o <= gperf_noptions; o++)
		printf("%s", o < gperf_noptions ? "--------------:|" : "-----------:|\n");
	for (size_t s = 0; s < NSETS; s++)
		for (int z = 0; z < SIZES; z++)
			for (size_t k = 0; k < NKINDS; k++) {
				char id[48], names[8];
				if (!has_kind(sets[s], kinds[k].kind))
					continue;
				int o = best_gperf(id, sets[s], sizes[z], kinds[k].kind);
				snprintf(names, sizeof names, "%u", sizes[z]);
				printf("| %-9s | %5s | %-20s |", z == 0 && k == 0 ? sets[s] : "",
				       k == 0 ? names : "", kinds[k].label);
				for (unsigned g = 0; g < gperf_noptions; g++) {
					char m[16], v[16];
					snprintf(m, sizeof m, "gperf%u", g);
					lookup_id(id, m, sets[s], sizes[z], kinds[k].kind);
					fmt(v, sizeof v, val(id, "ir"), 1);
					printf(" %12s%s |", v, (int)g == o ? "*" : " ");
				}
				lookup_id(id, "slotgen", sets[s], sizes[z], kinds[k].kind);
				char v[16];
				fmt(v, sizeof v, val(id, "ir"), 1);
				printf(" %10s |\n", v);
			}

	char ns[16], ir[16];
	fmt(ns, sizeof ns, val("null", "ns"), 2);
	fmt(ir, sizeof ir, val("null", "ir"), 1);
	printf("\nEvery lookup row includes the loop and one indirect call: an empty function "
	       "there costs %s ns, %s Ir.\n", ns, ir);
	for (size_t i = 0; i < nnotes; i++)
		if (strcmp(notes[i].key, "machine") != 0 && strcmp(notes[i].key, "python") != 0 &&
		    strcmp(notes[i].key, "gperfcommon") != 0)
			printf("%s\n", notes[i].text);
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "table") == 0) {
		read_results(argv[2]);
		print_table();
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "pick") == 0) {
		read_results(argv[2]);
		pick();
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
	if (argc == 4 && strcmp(argv[1], "count-all") == 0) {
		count_cells(strtoull(argv[2], NULL, 10), strtoull(argv[3], NULL, 10));
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
	fprintf(stderr, "usage: driver list | count ID ITERS | count-all K1 K2 | time [PREFIX|-] |"
			" pick FILE | table FILE\n");
	return 2;
}
