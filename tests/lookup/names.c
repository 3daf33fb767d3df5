/*
 * names.c - writes the schema of the lookup test (check-lookup.c) and of
 * the lookup fuzz harness: name sets that reach every kind of generated
 * lookup and every edge of each, from a fixed seed.
 *
 *     lookup-names OUT.yaml
 *
 * Module lk; per set a class (one int32 slot per name) and an enum
 * (SetValue) of the same names:
 *   Uneven    300 names of 1 to 120 bytes: a bucket per length, reads
 *             past the shortest name (bounds tests);
 *   Crowded   200 names of 10 bytes and three of 1 to 3: buckets picked
 *             by the hash, the length mixed in;
 *   Longest   names of 255 bytes (the most the checker allows) alike but
 *             for one byte at the start, the middle or the end, and names
 *             of 1, 2, 253 and 254 bytes;
 *   Spread    256 names of 100 bytes, alike but for 8 bytes 12 apart,
 *             each 'a' or 'b' (8 reads), and 18 names of 255 bytes, one
 *             all 'x' and each other with a 'y' at its own place, 15
 *             apart: a read tells one from the rest, 17 would be needed,
 *             so the whole name is hashed;
 *   Lengths   24 names of distinct lengths from 17 to 60: a table by
 *             length, memcmp after the first 8 bytes;
 *   Boundary  pairs of names of 7, 8, 9, 15, 16 and 17 bytes, the word
 *             and memcmp boundaries of the comparison, apart in their
 *             first or last byte, and names of 1 to 6 bytes.
 * Names are identifiers: a letter first, no "__", no '_' last, none
 * starting with "slot".
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXN 300

static unsigned long long rng_state = 0x853c49e6748fea9bULL;
static unsigned rng(unsigned n)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (unsigned)((rng_state * 0x2545f4914f6cdd1dULL) >> 33) % n;
}

static char names[MAXN][256];
static unsigned count;

static bool known(const char *s)
{
	for (unsigned i = 0; i < count; i++)
		if (strcmp(names[i], s) == 0)
			return true;
	return false;
}

static void add(const char *s)
{
	if (count == MAXN || known(s) || strncmp(s, "slot", 4) == 0) {
		fprintf(stderr, "lookup-names: cannot add '%s'\n", s);
		exit(1);
	}
	snprintf(names[count++], sizeof names[0], "%s", s);
}

/* A random identifier of @p len bytes into @p out. */
static void random_name(char *out, size_t len)
{
	static const char chars[] = "abcdefghijklmnopqrstuvwxyz0123456789_";
	for (size_t i = 0; i < len; i++) {
		char c = chars[rng(i ? 37 : 26)];
		if (c == '_' && (out[i - 1] == '_' || i + 1 == len))
			c = 'q';
		out[i] = c;
	}
	out[len] = '\0';
	if (strncmp(out, "slot", 4) == 0)
		out[0] = 'z';
}

static void add_random(unsigned n, size_t lo, size_t hi)
{
	char s[256];
	for (unsigned added = 0; added < n;) {
		random_name(s, lo + rng((unsigned)(hi - lo + 1)));
		if (!known(s)) {
			add(s);
			added++;
		}
	}
}

/* A name of @p len bytes of 'x' with byte @p at set to @p c. */
static void add_alike(size_t len, size_t at, char c)
{
	char s[256];
	memset(s, 'x', len);
	s[len] = '\0';
	s[at] = c;
	add(s);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: lookup-names OUT.yaml\n");
		return 2;
	}
	FILE *f = fopen(argv[1], "w");
	if (!f) {
		perror(argv[1]);
		return 1;
	}
	static char sets[6][MAXN][256];
	static unsigned counts[6];
	static const char *const set_names[6] = {"Uneven", "Crowded", "Longest",
						 "Spread", "Lengths", "Boundary"};
	for (int k = 0; k < 6; k++) {
		count = 0;
		switch (k) {
		case 0:
			add_random(300, 1, 120);
			break;
		case 1:
			add_random(200, 10, 10);
			add("a");
			add("bb");
			add("ccc");
			break;
		case 2:
			for (char c = 'a'; c <= 'j'; c++) {
				add_alike(255, 0, c);
				add_alike(255, 127, c);
				add_alike(255, 254, c);
			}
			add_alike(254, 0, 'y');
			add_alike(253, 252, 'y');
			add("x");
			add("xy");
			break;
		case 3:
			for (unsigned i = 0; i < 256; i++) {
				char s[101];
				memset(s, 'x', 100);
				s[100] = '\0';
				for (unsigned b = 0; b < 8; b++)
					s[5 + 12 * b] = i >> b & 1 ? 'b' : 'a';
				add(s);
			}
			add_alike(255, 0, 'x');
			for (size_t at = 0; at < 17 * 15; at += 15)
				add_alike(255, at, 'y');
			break;
		case 4: {
			bool used[61] = {false};
			while (count < 24) {
				size_t len = 17 + rng(44);
				if (used[len])
					continue;
				used[len] = true;
				char s[61];
				random_name(s, len);
				add(s);
			}
			break;
		}
		default:
			for (size_t len = 1; len <= 6; len++)
				add_random(1, len, len);
			static const size_t lens[] = {7, 8, 9, 15, 16, 17};
			for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
				add_alike(lens[i], 0, 'a');
				add_alike(lens[i], 0, 'b');
				add_alike(lens[i], lens[i] - 1, 'c');
			}
			break;
		}
		memcpy(sets[k], names, sizeof names);
		counts[k] = count;
	}

	fprintf(f, "slotgen: 1\nmodule: lk\ndoc: Name sets for the lookup test; written by "
		   "tests/lookup/names.c.\nenums:\n");
	for (int k = 0; k < 6; k++) {
		fprintf(f, "  %sValue:\n    values:\n", set_names[k]);
		for (unsigned i = 0; i < counts[k]; i++)
			fprintf(f, "      - %s\n", sets[k][i]);
	}
	fprintf(f, "classes:\n");
	for (int k = 0; k < 6; k++) {
		fprintf(f, "  %s:\n    slots:\n", set_names[k]);
		for (unsigned i = 0; i < counts[k]; i++)
			fprintf(f, "      %s: int32\n", sets[k][i]);
	}
	if (ferror(f) || fclose(f) != 0) {
		perror(argv[1]);
		return 1;
	}
	return 0;
}
