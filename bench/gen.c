/*
 * gen.c - the names the lookup benchmark uses, written as the inputs of
 * every method: a slotgen schema, gperf keyword files and a C header.
 *
 *     gen OUTDIR
 *
 * Names are two common words joined by '_' ("health_max", "pos_x",
 * "owner_id"): 32 prefixes times 16 suffixes make a pool of 512, shuffled
 * with a fixed seed.  The set of size N is the first N names of the pool
 * (so the sets nest); names 256..511 are never in any set.  Misses for a
 * set are, alternately, one of those unused names and a name of the set
 * with one letter changed; there are max(N, 16) of them.  Everything is
 * deterministic: the same files every run.
 *
 * Writes OUTDIR/bench.yaml (module bench, classes S4 S16 S64 S256, one
 * int32 slot per name), OUTDIR/gp_N.gperf (keywords, value = index) and
 * OUTDIR/names.h (hits, misses and the sorted index of each size).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

#define POOL 512
static const unsigned sizes[] = {4, 16, 64, 256};
#define NSIZES (sizeof sizes / sizeof sizes[0])

static char pool[POOL][32];

static unsigned long long rng_state = 0x2545f4914f6cdd1dULL;
static unsigned rng(unsigned n)
{
	/* xorshift64*: fixed seed, same sequence everywhere */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (unsigned)((rng_state * 0x2545f4914f6cdd1dULL) >> 33) % n;
}

static int in_pool(const char *s)
{
	for (int i = 0; i < POOL; i++)
		if (strcmp(pool[i], s) == 0)
			return 1;
	return 0;
}

/* Name @p s with one letter changed (the k-th try picks another position),
 * into @p out: never a name of the pool, so a miss for every set. */
static void mutate(const char *s, unsigned k, char *out)
{
	size_t len = strlen(s);
	for (unsigned t = 0;; t++) {
		strcpy(out, s);
		size_t p = (len / 2 + k + t) % len;
		if (out[p] == '_')
			continue;
		out[p] = (char)('a' + (out[p] - 'a' + 1 + (int)k + (int)(t / len)) % 26);
		if (!in_pool(out))
			return;
	}
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

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

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: gen OUTDIR\n");
		return 2;
	}
	const char *dir = argv[1];
	for (int i = 0; i < POOL; i++)
		snprintf(pool[i], sizeof pool[i], "%s_%s", prefixes[i / 16], suffixes[i % 16]);
	for (int i = POOL - 1; i > 0; i--) { /* Fisher-Yates */
		unsigned j = rng((unsigned)i + 1);
		char tmp[32];
		memcpy(tmp, pool[i], sizeof tmp);
		memcpy(pool[i], pool[j], sizeof tmp);
		memcpy(pool[j], tmp, sizeof tmp);
	}

	FILE *y = open_out(dir, "bench.yaml");
	fprintf(y, "slotgen: 1\nmodule: bench\ndoc: Classes of 4 to 256 int32 slots for bench/run.\n"
		   "classes:\n");
	FILE *h = open_out(dir, "names.h");
	fprintf(h, "/* names.h: written by bench/gen.c; see there. */\n");
	for (size_t z = 0; z < NSIZES; z++) {
		unsigned n = sizes[z], nmiss = n < 16 ? 16 : n;

		fprintf(y, "  S%u:\n    slots:\n", n);
		for (unsigned i = 0; i < n; i++)
			fprintf(y, "      %s: int32\n", pool[i]);

		char gname[32];
		snprintf(gname, sizeof gname, "gp_%u.gperf", n);
		FILE *g = open_out(dir, gname);
		fprintf(g, "struct gp%u_entry { const char *name; int index; };\n%%%%\n", n);
		for (unsigned i = 0; i < n; i++)
			fprintf(g, "%s, %u\n", pool[i], i);
		fprintf(g, "%%%%\n");
		close_out(g);

		fprintf(h, "\n#define NHITS_%u %u\nstatic const char *const hits_%u[%u] = {\n", n, n, n, n);
		for (unsigned i = 0; i < n; i++)
			fprintf(h, "\t\"%s\",\n", pool[i]);
		fprintf(h, "};\n#define NMISS_%u %u\nstatic const char *const miss_%u[%u] = {\n", n, nmiss,
			n, nmiss);
		for (unsigned j = 0; j < nmiss; j++) {
			char m[32];
			if (j % 2 == 0)
				snprintf(m, sizeof m, "%s", pool[256 + (j / 2) % 256]);
			else
				mutate(pool[(j / 2) % n], (j / 2) / n, m);
			fprintf(h, "\t\"%s\",\n", m);
		}
		const char *sorted[256];
		for (unsigned i = 0; i < n; i++)
			sorted[i] = pool[i];
		qsort(sorted, n, sizeof *sorted, cmp_str);
		fprintf(h, "};\nstatic const char *const sorted_%u[%u] = {\n", n, n);
		for (unsigned i = 0; i < n; i++)
			fprintf(h, "\t\"%s\",\n", sorted[i]);
		fprintf(h, "};\n");
	}
	/* For the inline rows: a slot without a presence bit. */
	fprintf(y, "  Tally:\n    slots:\n      total: {type: int32, default: 0, clear: false}\n");
	close_out(y);
	close_out(h);
	return 0;
}
