/* phash.c - perfect hashing of a fixed set of names. */
#include "phash.h"

#include <stdlib.h>
#include <string.h>

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

/* The byte at position p (from the end when negative), or 0 past either end. */
static unsigned byte_at(const char *name, size_t len, int p)
{
	size_t i = p >= 0 ? (size_t)p : len - (size_t)-p;
	if (p < 0 && (size_t)-p > len)
		return 0;
	return i < len ? (unsigned char)name[i] : 0;
}

uint32_t sg_phash_hash(const struct sg_phash *ph, const char *name, size_t len)
{
	uint32_t h = (ph->seed ^ (uint32_t)len) * 0x01000193u;
	if (ph->npos == SG_PHASH_ALL_BYTES) {
		for (size_t i = 0; i < len; i++)
			h = (h ^ (unsigned char)name[i]) * 0x01000193u;
	} else {
		for (unsigned k = 0; k < ph->npos; k++)
			h = (h ^ byte_at(name, len, ph->positions[k])) * 0x01000193u;
	}
	h ^= h >> 16;
	return h;
}

static uint32_t bucket_of(const struct sg_phash *ph, uint32_t h)
{
	return (uint32_t)(((uint64_t)h * ph->nbuckets) >> 32);
}

uint32_t sg_phash_slot(const struct sg_phash *ph, const char *name)
{
	uint32_t h = sg_phash_hash(ph, name, strlen(name));
	if (!ph->nbuckets)
		return h & (ph->size - 1);
	return (h ^ ph->disp[bucket_of(ph, h)]) & (ph->size - 1);
}

/* ---- choosing positions ----------------------------------------------------- */

/* How many distinct (length, bytes at positions) tuples the names make,
 * counted by sorting their signatures. */
static size_t distinct(const char *const *names, const size_t *lens, size_t n,
		       const int *pos, unsigned npos, uint64_t *sig)
{
	for (size_t i = 0; i < n; i++) {
		/* An exact signature: length and up to 7 bytes fit in 64 bits. */
		uint64_t s = lens[i] > 0xff ? 0xff : lens[i];
		for (unsigned k = 0; k < npos; k++)
			s = (s << 8) | byte_at(names[i], lens[i], pos[k]);
		sig[i] = s;
	}
	qsort(sig, n, sizeof *sig, cmp_u64);
	size_t d = n ? 1 : 0;
	for (size_t i = 1; i < n; i++)
		d += sig[i] != sig[i - 1];
	return d;
}

/*
 * Greedily add the position that tells most names apart, until all are
 * apart.  Lengths over 255 share a signature byte, so the names must
 * also be apart by the positions alone when that matters; past 7
 * positions the whole name is hashed instead.
 */
static void choose_positions(struct sg_phash *ph, const char *const *names, const size_t *lens,
			     size_t n, uint64_t *sig)
{
	size_t maxlen = 0;
	for (size_t i = 0; i < n; i++)
		if (lens[i] > maxlen)
			maxlen = lens[i];
	ph->npos = 0;
	size_t best_d = distinct(names, lens, n, ph->positions, 0, sig);
	while (best_d < n && ph->npos < 7) {
		int best_p = 0;
		bool best_safe = false;
		size_t before = best_d;
		int span = maxlen > 64 ? 64 : (int)maxlen;
		for (int p = -span; p < span; p++) {
			ph->positions[ph->npos] = p;
			size_t d = distinct(names, lens, n, ph->positions, ph->npos + 1, sig);
			/* Among equals, a position inside the shortest name: the
			 * generated lookup reads it without a bounds test. */
			bool safe = (p >= 0 ? (size_t)p + 1 : (size_t)-p) <= ph->min_len;
			if (d > best_d || (d == best_d && d > before && safe && !best_safe)) {
				best_d = d;
				best_p = p;
				best_safe = safe;
			}
		}
		if (best_d == before)
			break; /* no single position helps: hash every byte */
		ph->positions[ph->npos++] = best_p;
	}
	if (best_d < n)
		ph->npos = SG_PHASH_ALL_BYTES;
}

/* ---- placing names ------------------------------------------------------------ */

/* Try one seed and table size; true when every name found its own entry.
 * @p start has nbuckets + 1 entries, @p members n. */
static bool place(struct sg_phash *ph, const uint32_t *hashes, size_t n, uint32_t *start,
		  uint32_t *members)
{
	const uint32_t mask = ph->size - 1;
	/* The names of each bucket, contiguous: a counting sort. */
	memset(start, 0, (ph->nbuckets + 1) * sizeof *start);
	for (size_t i = 0; i < n; i++)
		start[bucket_of(ph, hashes[i]) + 1]++;
	uint32_t largest = 0;
	for (uint32_t b = 0; b < ph->nbuckets; b++) {
		if (start[b + 1] > largest)
			largest = start[b + 1];
		start[b + 1] += start[b];
	}
	for (size_t i = 0; i < n; i++) {
		uint32_t b = bucket_of(ph, hashes[i]);
		uint32_t at = start[b];
		while (at < start[b + 1] && members[at] != SG_PHASH_EMPTY)
			at++;
		members[at] = (uint32_t)i;
	}
	for (uint32_t i = 0; i < ph->size; i++)
		ph->table[i] = SG_PHASH_EMPTY;
	memset(ph->disp, 0, ph->nbuckets * sizeof *ph->disp);
	/* Largest buckets first: they are the hardest to place. */
	for (uint32_t want = largest; want > 0; want--) {
		for (uint32_t b = 0; b < ph->nbuckets; b++) {
			const uint32_t *m = members + start[b];
			uint32_t count = start[b + 1] - start[b], d, j;
			if (count != want)
				continue;
			for (d = 0; d <= mask; d++) {
				for (j = 0; j < count; j++) {
					uint32_t slot = (hashes[m[j]] ^ d) & mask;
					if (ph->table[slot] != SG_PHASH_EMPTY)
						break;
					ph->table[slot] = m[j];
				}
				if (j == count)
					break;
				while (j--) /* undo this try */
					ph->table[(hashes[m[j]] ^ d) & mask] = SG_PHASH_EMPTY;
			}
			if (d > mask)
				return false;
			ph->disp[b] = d;
		}
	}
	return true;
}

static bool hashes_distinct(const uint32_t *hashes, size_t n, uint32_t *scratch)
{
	memcpy(scratch, hashes, n * sizeof *scratch);
	qsort(scratch, n, sizeof *scratch, cmp_u32);
	for (size_t i = 1; i < n; i++)
		if (scratch[i] == scratch[i - 1])
			return false;
	return true;
}

/* Few names may need no displacement: a seed under which the hash alone
 * puts each on its own entry, in a table of two to four times their number.
 * One step less per lookup. */
static bool build_direct(struct sg_arena *arena, const char *const *names, const size_t *lens,
			 size_t n, uint32_t *hashes, struct sg_phash *ph)
{
	if (n > 16)
		return false;
	for (uint32_t size = 2; size < 4 * n || size < 2; size *= 2) {
		if (size < 2 * n)
			continue;
		uint32_t *table = sg_arena_alloc(arena, size * sizeof *table);
		if (!table)
			return false;
		for (uint32_t attempt = 0; attempt < 4096; attempt++) {
			ph->seed = attempt * 0x9e3779b9u;
			for (uint32_t i = 0; i < size; i++)
				table[i] = SG_PHASH_EMPTY;
			size_t i;
			for (i = 0; i < n; i++) {
				hashes[i] = sg_phash_hash(ph, names[i], lens[i]);
				uint32_t slot = hashes[i] & (size - 1);
				if (table[slot] != SG_PHASH_EMPTY)
					break;
				table[slot] = (uint32_t)i;
			}
			if (i == n) {
				ph->size = size;
				ph->table = table;
				ph->nbuckets = 0;
				ph->disp = NULL;
				return true;
			}
		}
	}
	return false;
}

bool sg_phash_build(struct sg_arena *arena, const char *const *names, size_t n,
		    struct sg_phash *out)
{
	struct sg_phash ph;
	memset(&ph, 0, sizeof ph);
	size_t *lens = sg_arena_alloc(arena, (n + 1) * sizeof *lens);
	uint64_t *sig = sg_arena_alloc(arena, (n + 1) * sizeof *sig);
	uint32_t *hashes = sg_arena_alloc(arena, (n + 1) * sizeof *hashes);
	uint32_t *scratch = sg_arena_alloc(arena, (n + 1) * sizeof *scratch);
	if (!lens || !sig || !hashes || !scratch)
		return false;
	ph.min_len = n ? SIZE_MAX : 0;
	for (size_t i = 0; i < n; i++) {
		lens[i] = strlen(names[i]);
		if (lens[i] < ph.min_len)
			ph.min_len = lens[i];
		if (lens[i] > ph.max_len)
			ph.max_len = lens[i];
	}
	ph.lens = lens;
	choose_positions(&ph, names, lens, n, sig);
	if (build_direct(arena, names, lens, n, hashes, &ph)) {
		*out = ph;
		return true;
	}

	ph.nbuckets = (uint32_t)(n / 2 + 1);
	ph.size = 1;
	while (ph.size < n + n / 4 + 1)
		ph.size *= 2;
	uint32_t *start = sg_arena_alloc(arena, (ph.nbuckets + 1) * sizeof *start);
	uint32_t *members = sg_arena_alloc(arena, (n + 1) * sizeof *members);
	ph.disp = sg_arena_alloc(arena, ph.nbuckets * sizeof *ph.disp);
	if (!start || !members || !ph.disp)
		return false;
	/*
	 * Seeds in turn.  A seed under which two names hash alike cannot work
	 * at any size: only a failure to place names makes the table bigger
	 * (sixteen such failures at one size), and never past 64 times the
	 * names, where placing is all but certain.
	 */
	ph.table = sg_arena_alloc(arena, ph.size * sizeof *ph.table);
	if (!ph.table)
		return false;
	unsigned misplaced = 0;
	for (uint32_t attempt = 0;; attempt++) {
		ph.seed = attempt * 0x9e3779b9u;
		for (size_t i = 0; i < n; i++)
			hashes[i] = sg_phash_hash(&ph, names[i], lens[i]);
		if (!hashes_distinct(hashes, n, scratch))
			continue;
		for (size_t i = 0; i < n; i++)
			members[i] = SG_PHASH_EMPTY;
		if (place(&ph, hashes, n, start, members))
			break;
		if (++misplaced % 16 == 0 && ph.size < 64 * (n + 1)) {
			ph.size *= 2;
			ph.table = sg_arena_alloc(arena, ph.size * sizeof *ph.table);
			if (!ph.table)
				return false;
		}
	}
	*out = ph;
	return true;
}
