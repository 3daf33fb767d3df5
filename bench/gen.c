/*
 * gen.c - the names the lookup benchmark uses, written as the inputs of
 * every method: a slotgen schema, gperf keyword files and a C header.
 *
 *     gen OUTDIR
 *
 * Four name sets, each at the sizes 4, 16, 64 and 256; the set of size N
 * is the first N names of the set's pool of 512 (so the sets nest), and
 * everything comes from fixed seeds: the same files every run.
 *
 *  - words: two common words joined by '_' ("health_max", "pos_x",
 *    "owner_id"): 32 prefixes times 16 suffixes, shuffled.  Misses are,
 *    alternately, a pool name in no set (names 256..511) and a name of the
 *    set with one letter changed.  The set slotgen's lookup was tuned on.
 *  - uneven: random identifiers of 1 to 120 bytes, every length as likely.
 *  - long: random identifiers of 33 to 128 bytes.
 *  - prefix: a shared prefix of 24, 31 or 40 bytes, '_', a tail of 1 to
 *    10 bytes and, for every other name, one of two shared suffixes of 11
 *    and 12 bytes: names apart only somewhere in the middle.
 *
 * The last three are data slotgen's code was not shaped for; they have two
 * kinds of misses, max(N, 16) of each: names of the set with their length
 * changed (a byte deleted or inserted, cut short, or extended by up to 16
 * bytes) and names of the set with one byte changed (the same length).
 *
 * Writes OUTDIR/bench.yaml (module bench: a class per set and size, S4 ...
 * S256 for words, U, L and P for the others, one int32 slot per name),
 * OUTDIR/gp_SET_N.gperf (keywords, value = index), OUTDIR/names.h (the
 * queries of every set, size and kind; the sorted index of words) and
 * OUTDIR/sets.h (the list of the classes, for the code that calls them).
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define POOL 512
#define MAXNAME 160 /* longest name plus a change, with its NUL */
static const unsigned sizes[] = {4, 16, 64, 256};
#define NSIZES (sizeof sizes / sizeof sizes[0])

static unsigned long long rng_state;
static unsigned rng(unsigned n)
{
	/* xorshift64*: fixed seeds, the same sequence everywhere */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (unsigned)((rng_state * 0x2545f4914f6cdd1dULL) >> 33) % n;
}

static char pool[POOL][MAXNAME];

static bool in_first(const char *s, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		if (strcmp(pool[i], s) == 0)
			return true;
	return false;
}

/* ---- words ------------------------------------------------------------------ */

static const char *const prefixes[32] = {
	"health", "mana",   "pos",    "vel",   "owner",  "target", "team",  "score",
	"level",  "name",   "spawn",  "armor", "damage", "speed",  "cooldown", "ammo",
	"shield", "xp",     "gold",   "item",  "quest",  "guild",  "zone",  "path",
	"anim",   "sound",  "light",  "camera", "input", "net",    "ping",  "session",
};
static const char *const suffixes[16] = {
	"x",     "y",    "z",    "id",    "max",  "min",  "count", "time",
	"rate",  "flags", "index", "kind", "ms",  "base", "delta", "state",
};

static void make_words(void)
{
	rng_state = 0x2545f4914f6cdd1dULL;
	for (int i = 0; i < POOL; i++)
		snprintf(pool[i], sizeof pool[i], "%s_%s", prefixes[i / 16], suffixes[i % 16]);
	for (int i = POOL - 1; i > 0; i--) { /* Fisher-Yates */
		unsigned j = rng((unsigned)i + 1);
		char tmp[MAXNAME];
		memcpy(tmp, pool[i], sizeof tmp);
		memcpy(pool[i], pool[j], sizeof tmp);
		memcpy(pool[j], tmp, sizeof tmp);
	}
}

/* Name @p s with one letter changed (the k-th try picks another position),
 * into @p out: never a name of the pool, so a miss for every set. */
static void mutate_word(const char *s, unsigned k, char *out)
{
	size_t len = strlen(s);
	for (unsigned t = 0;; t++) {
		strcpy(out, s);
		size_t p = (len / 2 + k + t) % len;
		if (out[p] == '_')
			continue;
		out[p] = (char)('a' + (out[p] - 'a' + 1 + (int)k + (int)(t / len)) % 26);
		if (!in_first(out, POOL))
			return;
	}
}

/* ---- random identifiers -------------------------------------------------------- */

static const char ident[] = "abcdefghijklmnopqrstuvwxyz0123456789_";

/* A byte of an identifier at position @p i of @p len after @p prev: a
 * letter first, no "__", no '_' last (slotgen's rules for names). */
static char ident_byte(size_t i, size_t len, char prev)
{
	for (;;) {
		char c = ident[rng(i ? 37 : 26)];
		if (c == '_' && (prev == '_' || i + 1 == len))
			continue;
		return c;
	}
}

/* @p len random identifier bytes at @p out, following @p prev. */
static void random_bytes(char *out, size_t at, size_t len, size_t total)
{
	for (size_t i = at; i < at + len; i++)
		out[i] = ident_byte(i, total, i ? out[i - 1] : 0);
}

/* Names of @p lo to @p hi bytes, every length as likely. */
static void make_random(unsigned long long seed, size_t lo, size_t hi)
{
	rng_state = seed;
	for (unsigned i = 0; i < POOL;) {
		size_t len = lo + rng((unsigned)(hi - lo + 1));
		random_bytes(pool[i], 0, len, len);
		pool[i][len] = '\0';
		if (!in_first(pool[i], i))
			i++;
	}
}

static void make_prefixed(unsigned long long seed)
{
	static const size_t head_lens[3] = {24, 31, 40}, tail_lens[2] = {11, 12};
	char heads[3][48], tails[2][16];
	rng_state = seed;
	for (int k = 0; k < 3; k++) {
		random_bytes(heads[k], 0, head_lens[k], head_lens[k]);
		heads[k][head_lens[k]] = '\0';
	}
	for (int k = 0; k < 2; k++) {
		random_bytes(tails[k], 0, tail_lens[k], tail_lens[k]);
		tails[k][tail_lens[k]] = '\0';
		tails[k][0] = 'a' + (char)rng(26); /* after '_' */
	}
	for (unsigned i = 0; i < POOL;) {
		char mid[16];
		size_t n = 1 + rng(10);
		random_bytes(mid, 0, n, n + 1);
		mid[0] = 'a' + (char)rng(26);
		if (mid[n - 1] == '_')
			mid[n - 1] = 'z';
		mid[n] = '\0';
		unsigned tail = rng(4);
		snprintf(pool[i], sizeof pool[i], "%s_%s%s%s", heads[rng(3)], mid,
			 tail < 2 ? "_" : "", tail < 2 ? tails[tail] : "");
		if (!in_first(pool[i], i))
			i++;
	}
}

/* Names of 100 bytes alike but for 8 bytes 12 apart, each 'a' or 'b': all
 * 256 such names, shuffled, then those of 101 bytes with a 'c' at the
 * end.  No 7 reads of up to 8 bytes tell 256 of them apart. */
static void make_scattered(unsigned long long seed)
{
	rng_state = seed;
	char base[101];
	random_bytes(base, 0, 100, 100);
	base[100] = '\0';
	for (unsigned i = 0; i < POOL; i++) {
		snprintf(pool[i], sizeof pool[i], "%s%s", base, i < 256 ? "" : "c");
		for (unsigned b = 0; b < 8; b++)
			pool[i][5 + 12 * b] = (i & 255) >> b & 1 ? 'b' : 'a';
	}
	for (unsigned i = 255; i > 0; i--) { /* Fisher-Yates, the first 256 */
		unsigned j = rng(i + 1);
		char tmp[MAXNAME];
		memcpy(tmp, pool[i], sizeof tmp);
		memcpy(pool[i], pool[j], sizeof tmp);
		memcpy(pool[j], tmp, sizeof tmp);
	}
}

/* A miss for the first @p n names: name @p j of them with its length
 * changed, into @p out. */
static void other_length(unsigned n, unsigned j, char *out)
{
	const char *s = pool[j % n];
	size_t len = strlen(s);
	do {
		size_t at = rng((unsigned)len + 1), k;
		strcpy(out, s);
		switch (rng(4)) {
		case 0: /* a byte deleted */
			if (len < 2)
				continue;
			at = at < len ? at : len - 1;
			memmove(out + at, out + at + 1, len - at);
			break;
		case 1: /* a byte inserted */
			memmove(out + at + 1, out + at, len - at + 1);
			out[at] = ident[rng(26)];
			break;
		case 2: /* cut short */
			if (len < 2)
				continue;
			out[1 + rng((unsigned)len - 1)] = '\0';
			break;
		default: /* extended */
			k = 1 + rng(16);
			random_bytes(out, len, k, len + k + 1);
			out[len + k] = '\0';
			break;
		}
	} while (strlen(out) == len || in_first(out, n));
}

/* A miss for the first @p n names: name @p j of them with one byte
 * changed, into @p out. */
static void same_length(unsigned n, unsigned j, char *out)
{
	const char *s = pool[j % n];
	size_t len = strlen(s);
	do {
		strcpy(out, s);
		size_t at = rng((unsigned)len);
		out[at] = ident[rng(at ? 36 : 26)];
	} while (in_first(out, n));
}

/* ---- output --------------------------------------------------------------------- */

static FILE *open_out(const char *dir, const char *name)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	if (!f) {
		perror(path);
		exit(1);
	}
	return f;
}

static void close_out(FILE *f)
{
	if (ferror(f) || fclose(f) != 0) {
		perror("gen: write");
		exit(1);
	}
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* One entry of names.h's index of queries. */
struct query_kind {
	const char *set, *kind;
	unsigned size, count;
};

static void array(FILE *h, const char *name, char (*names)[MAXNAME], unsigned n)
{
	fprintf(h, "static const char *const %s[%u] = {\n", name, n);
	for (unsigned i = 0; i < n; i++)
		fprintf(h, "\t\"%s\",\n", names[i]);
	fprintf(h, "};\n");
}

static const struct set {
	const char *name;
	char cls; /* the class's letter: S4, U16, ... */
	unsigned long long seed;
} sets[] = {
	{"words", 'S', 0},
	{"uneven", 'U', 0x9e3779b97f4a7c15ULL},
	{"long", 'L', 0xd1b54a32d192ed03ULL},
	{"prefix", 'P', 0x8cb92ba72f3d8dd7ULL},
	{"scattered", 'X', 0x94d049bb133111ebULL},
};
#define NSETS (sizeof sets / sizeof sets[0])

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: gen OUTDIR\n");
		return 2;
	}
	const char *dir = argv[1];
	static char miss[POOL][MAXNAME];

	FILE *y = open_out(dir, "bench.yaml");
	fprintf(y, "slotgen: 1\nmodule: bench\ndoc: Classes of 4 to 256 int32 slots for bench/run.\n"
		   "classes:\n");
	FILE *h = open_out(dir, "names.h");
	fprintf(h, "/* names.h: written by bench/gen.c; see there. */\n"
		   "struct bench_queries {\n"
		   "\tconst char *set, *kind;\n"
		   "\tunsigned size, count;\n"
		   "\tconst char *const *names;\n"
		   "};\n");
	static struct query_kind index[NSETS * NSIZES * 3];
	unsigned nindex = 0;
	for (size_t s = 0; s < NSETS; s++) {
		const struct set *st = &sets[s];
		if (s == 0)
			make_words();
		else if (st->cls == 'P')
			make_prefixed(st->seed);
		else if (st->cls == 'X')
			make_scattered(st->seed);
		else if (st->cls == 'U')
			make_random(st->seed, 1, 120);
		else
			make_random(st->seed, 33, 128);
		for (size_t z = 0; z < NSIZES; z++) {
			unsigned n = sizes[z], nmiss = n < 16 ? 16 : n;
			char id[64];

			fprintf(y, "  %c%u:\n    slots:\n", st->cls, n);
			for (unsigned i = 0; i < n; i++)
				fprintf(y, "      %s: int32\n", pool[i]);

			snprintf(id, sizeof id, "gp_%s_%u.gperf", st->name, n);
			FILE *g = open_out(dir, id);
			fprintf(g, "struct gp_entry { const char *name; int index; };\n%%%%\n");
			for (unsigned i = 0; i < n; i++)
				fprintf(g, "%s, %u\n", pool[i], i);
			fprintf(g, "%%%%\n");
			close_out(g);

			fprintf(h, "\n");
			if (s == 0) { /* the names of the linear scan and the binary search */
				fprintf(h, "#define NHITS_%u %u\n", n, n);
				snprintf(id, sizeof id, "hits_%u", n);
				array(h, id, pool, n);
				for (unsigned j = 0; j < nmiss; j++) {
					if (j % 2 == 0)
						snprintf(miss[j], MAXNAME, "%s", pool[256 + (j / 2) % 256]);
					else
						mutate_word(pool[(j / 2) % n], (j / 2) / n, miss[j]);
				}
				snprintf(id, sizeof id, "miss_%u", n);
				array(h, id, miss, nmiss);
				static char sorted[256][MAXNAME];
				memcpy(sorted, pool, n * sizeof *sorted);
				qsort(sorted, n, sizeof *sorted, cmp_name);
				snprintf(id, sizeof id, "sorted_%u", n);
				array(h, id, sorted, n);
				index[nindex++] = (struct query_kind){st->name, "hit", n, n};
				index[nindex++] = (struct query_kind){st->name, "miss", n, nmiss};
				continue;
			}
			snprintf(id, sizeof id, "%s_%u_hit", st->name, n);
			array(h, id, pool, n);
			index[nindex++] = (struct query_kind){st->name, "hit", n, n};
			for (unsigned j = 0; j < nmiss; j++)
				other_length(n, j, miss[j]);
			snprintf(id, sizeof id, "%s_%u_misslen", st->name, n);
			array(h, id, miss, nmiss);
			index[nindex++] = (struct query_kind){st->name, "misslen", n, nmiss};
			for (unsigned j = 0; j < nmiss; j++)
				same_length(n, j, miss[j]);
			snprintf(id, sizeof id, "%s_%u_misssame", st->name, n);
			array(h, id, miss, nmiss);
			index[nindex++] = (struct query_kind){st->name, "misssame", n, nmiss};
		}
	}
	/* For the inline rows: a slot without a presence bit. */
	fprintf(y, "  Tally:\n    slots:\n      total: {type: int32, default: 0, clear: false}\n");
	close_out(y);

	fprintf(h, "\n/* Every set, size and kind of query. */\n"
		   "static const struct bench_queries bench_queries[%u] = {\n", nindex);
	for (unsigned i = 0; i < nindex; i++) {
		const char *arr = index[i].set;
		char name[64];
		if (strcmp(arr, "words") == 0)
			snprintf(name, sizeof name, "%s_%u", strcmp(index[i].kind, "hit") ? "miss" : "hits",
				 index[i].size);
		else
			snprintf(name, sizeof name, "%s_%u_%s", arr, index[i].size, index[i].kind);
		fprintf(h, "\t{\"%s\", \"%s\", %u, %u, %s},\n", index[i].set, index[i].kind,
			index[i].size, index[i].count, name);
	}
	fprintf(h, "};\n");
	FILE *x = open_out(dir, "sets.h");
	fprintf(x, "/* sets.h: written by bench/gen.c; see there. */\n"
		   "/* X(set, size, class): the classes of bench.yaml, one per set and size. */\n"
		   "#define BENCH_CLASSES(X)");
	for (size_t s = 0; s < NSETS; s++)
		for (size_t z = 0; z < NSIZES; z++)
			fprintf(x, " \\\n\tX(%s, %u, %c%u)", sets[s].name, sizes[z], sets[s].cls + 32,
				sizes[z]);
	fprintf(x, "\n");
	close_out(x);
	close_out(h);
	return 0;
}
