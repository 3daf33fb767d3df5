/* phash.c - perfect hashing of a fixed set of names. */
#include "phash.h"

#include <stdlib.h>
#include <string.h>

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

size_t sg_phash_reach(struct sg_phash_pos pos)
{
	return pos.offset >= 0 ? (size_t)pos.offset + pos.width : (size_t)-(long)pos.offset;
}

uint64_t sg_phash_read(const char *name, size_t len, struct sg_phash_pos pos)
{
	if (sg_phash_reach(pos) > len)
		return 0;
	const unsigned char *at = (const unsigned char *)name +
				  (pos.offset >= 0 ? (size_t)pos.offset : len - sg_phash_reach(pos));
	uint64_t v = 0;
	for (unsigned k = pos.width; k-- > 0;)
		v = v << 8 | at[k];
	return v;
}

/*
 * One step of the hash: @p v mixed into @p h.  A multiplication carries a
 * difference only upwards, so names apart only in the top bits of what is
 * read can meet in the top bits of the hash; a hash that rotates first
 * (by 31, so that a difference in the top bit, which a multiplication
 * leaves alone, cannot meet the same byte read again) brings the bits the
 * last multiplication filled down for the next one.
 */
static uint64_t step(const struct sg_phash *ph, uint64_t h, uint64_t v)
{
	if (ph->rotate)
		h = h << 31 | h >> 33;
	return (h ^ v) * SG_PHASH_MUL;
}

uint64_t sg_phash_hash(const struct sg_phash *ph, const char *name, size_t len)
{
	uint64_t h = ph->bucket_bits ? (ph->seed ^ len) * SG_PHASH_MUL : ph->seed;
	if (ph->npos == SG_PHASH_ALL_BYTES) {
		size_t i = 0;
		for (; !ph->bytewise && i + 8 <= len; i += 8)
			h = step(ph, h, sg_phash_read(name + i, 8, (struct sg_phash_pos){0, 8}));
		for (; i < len; i++)
			h = step(ph, h, (unsigned char)name[i]);
	} else {
		for (unsigned k = 0; k < ph->npos; k++)
			h = step(ph, h, sg_phash_read(name, len, ph->positions[k]));
	}
	return h;
}

/* The bucket of a name of @p len bytes (min_len to max_len) and hash @p h. */
static uint32_t bucket_of(const struct sg_phash *ph, uint64_t h, size_t len)
{
	if (!ph->bucket_bits)
		return (uint32_t)(len - ph->min_len);
	return (uint32_t)(h >> (ph->shift - ph->bucket_bits)) & (ph->nbuckets - 1);
}

/* The entry hash @p h picks before its bucket's displacement. */
static uint32_t first_slot(const struct sg_phash *ph, uint64_t h)
{
	return (uint32_t)(h >> ph->shift);
}

uint32_t sg_phash_slot(const struct sg_phash *ph, const char *name)
{
	size_t len = strlen(name);
	if (len < ph->min_len || len > ph->max_len)
		return SG_PHASH_EMPTY;
	uint64_t h = sg_phash_hash(ph, name, len);
	uint32_t d = ph->disp[bucket_of(ph, h, len)];
	if (d == SG_PHASH_NO_BUCKET)
		return SG_PHASH_EMPTY;
	return first_slot(ph, h) ^ d;
}

/* ---- choosing positions ----------------------------------------------------- */

/* A name, the group it is in so far, and the value a candidate reads. */
struct keyed {
	uint64_t value;
	uint32_t group;
	uint32_t name;
};

static int cmp_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	if (x->group != y->group)
		return (x->group > y->group) - (x->group < y->group);
	return (x->value > y->value) - (x->value < y->value);
}

/*
 * Make @p group the groups the names fall into when each group is split
 * by what a read at @p pos gives, numbered from 0; return their number.
 * @p scratch has n entries.
 */
static size_t regroup(const char *const *names, const size_t *lens, size_t n,
		      struct sg_phash_pos pos, uint32_t *group, struct keyed *scratch)
{
	for (size_t i = 0; i < n; i++)
		scratch[i] = (struct keyed){sg_phash_read(names[i], lens[i], pos), group[i], (uint32_t)i};
	qsort(scratch, n, sizeof *scratch, cmp_keyed);
	size_t d = 0;
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || cmp_keyed(&scratch[i], &scratch[i - 1]) != 0)
			d++;
		group[scratch[i].name] = (uint32_t)(d - 1);
	}
	return d;
}

/*
 * How many groups the names would fall into, split as regroup() would:
 * counted in a hash set of (group, value) pairs, for every candidate
 * read, so without sorting.  @p set has @p mask + 1 entries, a power of
 * two at least twice n; @p first has an entry per group.
 * \param[out] varies  the bits in which values of one group differ.
 */
static size_t count_split(const char *const *names, const size_t *lens, size_t n,
			  struct sg_phash_pos pos, const uint32_t *group, struct keyed *set,
			  size_t mask, struct keyed *first, uint64_t *varies)
{
	memset(set, 0, (mask + 1) * sizeof *set);
	memset(first, 0, n * sizeof *first);
	size_t d = 0;
	*varies = 0;
	for (size_t i = 0; i < n; i++) {
		uint64_t v = sg_phash_read(names[i], lens[i], pos);
		struct keyed *f = &first[group[i]];
		if (f->name)
			*varies |= v ^ f->value;
		else
			*f = (struct keyed){v, group[i], 1};
		/* name holds 1 + the group: 0 marks a free entry. */
		size_t at = (size_t)(((v ^ (uint64_t)group[i] << 40) * SG_PHASH_MUL) >> 32) & mask;
		while (set[at].name && (set[at].group != group[i] || set[at].value != v))
			at = (at + 1) & mask;
		if (!set[at].name) {
			set[at] = (struct keyed){v, group[i], 1};
			d++;
		}
	}
	return d;
}

/* The lowest bit set in @p v (64 for none). */
static unsigned lowest_bit(uint64_t v)
{
	unsigned b = 0;
	while (b < 64 && !(v >> b & 1))
		b++;
	return b;
}

/*
 * Whether candidate read (@p d groups, @p safe, values differing in @p
 * varies) beats the best so far (@p best_*), given @p before groups.
 * More groups first.  Among equals, a read inside the shortest name: the
 * generated lookup makes it without a bounds test.  Then the read whose
 * values differ from their lowest bits: a multiplication carries a
 * difference only upwards, so values apart only in their top byte would
 * reach little more than the top byte of the hash.  Then the first found,
 * the widest, which a changed byte of a miss most often falls in.
 */
static bool better(size_t d, bool safe, uint64_t varies, size_t best_d, bool best_safe,
		   uint64_t best_varies, size_t before)
{
	if (d != best_d)
		return d > best_d;
	if (d == before)
		return false;
	if (safe != best_safe)
		return safe;
	return lowest_bit(varies) < lowest_bit(best_varies);
}

/*
 * Greedily add the read that tells most names of one length apart, until
 * all are apart: 1, 2, 4 or 8 bytes from either end, anywhere within the
 * longest name.  Past SG_PHASH_MAX_POSITIONS reads the whole name is
 * hashed instead.
 */
static bool choose_positions(struct sg_phash *ph, struct sg_arena *arena, const char *const *names,
			     const size_t *lens, size_t n)
{
	static const unsigned widths[] = {8, 4, 2, 1};
	size_t mask = 1;
	while (mask + 1 < 2 * n)
		mask = mask * 2 + 1;
	uint32_t *group = sg_arena_alloc(arena, (n + 1) * sizeof *group);
	struct keyed *scratch = sg_arena_alloc(arena, (n + 1) * sizeof *scratch);
	struct keyed *set = sg_arena_alloc(arena, (mask + 1) * sizeof *set);
	struct keyed *first = sg_arena_alloc(arena, (n + 1) * sizeof *first);
	if (!group || !scratch || !set || !first)
		return false;
	/* Names of different lengths are in different buckets, or hash apart
	 * by their lengths: they need not be told apart by what is read, so
	 * the groups start as the lengths (numbered from 0 by regroup). */
	for (size_t i = 0; i < n; i++)
		group[i] = lens[i] > UINT32_MAX ? UINT32_MAX : (uint32_t)lens[i];
	size_t d = regroup(names, lens, n, (struct sg_phash_pos){0, 0}, group, scratch);
	int span = ph->max_len > 255 ? 255 : (int)ph->max_len;
	ph->npos = 0;
	while (d < n && ph->npos < SG_PHASH_MAX_POSITIONS) {
		struct sg_phash_pos best = {0, 0};
		size_t best_d = d;
		bool best_safe = false;
		uint64_t best_varies = UINT64_MAX;
		for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++) {
			int width = (int)widths[w];
			for (int p = -span; p + width <= span; p++) {
				struct sg_phash_pos pos = {p, (unsigned)width};
				if (p < 0 && p > -width)
					continue; /* would run past the end */
				bool safe = sg_phash_reach(pos) <= ph->min_len;
				if (best_d == n &&
				    (best_safe > safe || (best_safe == safe && (best_varies & 1))))
					continue; /* it could not do better */
				uint64_t varies;
				size_t pd = count_split(names, lens, n, pos, group, set, mask, first,
							&varies);
				if (better(pd, safe, varies, best_d, best_safe, best_varies, d)) {
					best = pos;
					best_d = pd;
					best_safe = safe;
					best_varies = varies;
				}
			}
		}
		if (best_d == d)
			break; /* no single read helps: hash the whole name */
		d = regroup(names, lens, n, best, group, scratch);
		ph->positions[ph->npos++] = best;
	}
	if (d < n)
		ph->npos = SG_PHASH_ALL_BYTES;
	return true;
}

/* ---- placing names ------------------------------------------------------------ */

/* Try one seed and table size; true when every name found its own entry.
 * @p hashes are the names' hashes, @p start has nbuckets + 1 entries,
 * @p members n. */
static bool place(struct sg_phash *ph, const uint64_t *hashes, const size_t *lens, size_t n,
		  uint32_t *start, uint32_t *members)
{
	const uint32_t mask = ph->size - 1;
	/* The names of each bucket, contiguous: a counting sort. */
	memset(start, 0, (ph->nbuckets + 1) * sizeof *start);
	for (size_t i = 0; i < n; i++)
		start[bucket_of(ph, hashes[i], lens[i]) + 1]++;
	uint32_t largest = 0;
	for (uint32_t b = 0; b < ph->nbuckets; b++) {
		if (start[b + 1] > largest)
			largest = start[b + 1];
		start[b + 1] += start[b];
	}
	for (size_t i = 0; i < n; i++)
		members[i] = SG_PHASH_EMPTY;
	for (size_t i = 0; i < n; i++) {
		uint32_t b = bucket_of(ph, hashes[i], lens[i]);
		uint32_t at = start[b];
		while (members[at] != SG_PHASH_EMPTY)
			at++;
		members[at] = (uint32_t)i;
	}
	for (uint32_t i = 0; i < ph->size; i++)
		ph->table[i] = SG_PHASH_EMPTY;
	for (uint32_t b = 0; b < ph->nbuckets; b++)
		ph->disp[b] = ph->bucket_bits ? 0 : SG_PHASH_NO_BUCKET;
	/* Largest buckets first: they are the hardest to place. */
	for (uint32_t want = largest; want > 0; want--) {
		for (uint32_t b = 0; b < ph->nbuckets; b++) {
			const uint32_t *m = members + start[b];
			uint32_t count = start[b + 1] - start[b], d, j;
			if (count != want)
				continue;
			for (d = 0; d <= mask; d++) {
				for (j = 0; j < count; j++) {
					uint32_t slot = first_slot(ph, hashes[m[j]]) ^ d;
					if (ph->table[slot] != SG_PHASH_EMPTY)
						break;
					ph->table[slot] = m[j];
				}
				if (j == count)
					break;
				while (j--) /* undo this try */
					ph->table[first_slot(ph, hashes[m[j]]) ^ d] = SG_PHASH_EMPTY;
			}
			if (d > mask)
				return false;
			ph->disp[b] = d;
		}
	}
	return true;
}

/* Whether the names of each bucket pick distinct entries before the
 * displacement: no displacement can part two that do not.  @p scratch has
 * n entries. */
static bool apart_in_buckets(const struct sg_phash *ph, const uint64_t *hashes, const size_t *lens,
			     size_t n, uint64_t *scratch)
{
	for (size_t i = 0; i < n; i++)
		scratch[i] = (uint64_t)bucket_of(ph, hashes[i], lens[i]) << 32 | first_slot(ph, hashes[i]);
	qsort(scratch, n, sizeof *scratch, cmp_u64);
	for (size_t i = 1; i < n; i++)
		if (scratch[i] == scratch[i - 1])
			return false;
	return true;
}

/* The table size for @p n names and its shift. */
static void set_size(struct sg_phash *ph, uint32_t size)
{
	unsigned log = 0;
	while ((1u << log) < size)
		log++;
	ph->size = size;
	ph->shift = 64 - log;
}

bool sg_phash_build(struct sg_arena *arena, const char *const *names, size_t n,
		    struct sg_phash *out)
{
	struct sg_phash ph;
	memset(&ph, 0, sizeof ph);
	size_t *lens = sg_arena_alloc(arena, (n + 1) * sizeof *lens);
	uint64_t *sig = sg_arena_alloc(arena, (n + 1) * sizeof *sig);
	uint64_t *hashes = sg_arena_alloc(arena, (n + 1) * sizeof *hashes);
	uint32_t *members = sg_arena_alloc(arena, (n + 1) * sizeof *members);
	if (!lens || !sig || !hashes || !members)
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
	if (!choose_positions(&ph, arena, names, lens, n))
		return false;

	/*
	 * A bucket per length, unless a length has more than 8 names: then
	 * buckets picked by the hash, a power of two at least half the names
	 * (two names to a bucket on average).
	 */
	size_t largest = 0;
	uint32_t *count = sg_arena_alloc(arena, (ph.max_len + 1) * sizeof *count);
	if (!count)
		return false;
	memset(count, 0, (ph.max_len + 1) * sizeof *count);
	for (size_t i = 0; i < n; i++)
		if (++count[lens[i]] > largest)
			largest = count[lens[i]];
	if (largest > 8)
		while (((size_t)1 << ph.bucket_bits) < n / 2)
			ph.bucket_bits++;
	ph.nbuckets = ph.bucket_bits ? (uint32_t)1 << ph.bucket_bits
				     : (uint32_t)(ph.max_len - ph.min_len + 1);

	uint32_t size = 2;
	while (size < n + n / 4 + 1)
		size *= 2;
	set_size(&ph, size);
	uint32_t *start = sg_arena_alloc(arena, (ph.nbuckets + 1) * sizeof *start);
	ph.disp = sg_arena_alloc(arena, ph.nbuckets * sizeof *ph.disp);
	ph.table = sg_arena_alloc(arena, ph.size * sizeof *ph.table);
	if (!start || !ph.disp || !ph.table)
		return false;
	/*
	 * Seeds in turn.  Each failure to part or place the names counts;
	 * sixteen at one size make the table twice as big, never past 64
	 * times the names, where placing is all but certain.  After 256
	 * failures the hash rotates at each step, after 256 more it reads
	 * every byte one at a time (bytewise), where a difference reaches
	 * every bit above it for any seed.
	 */
	unsigned failures = 0;
	for (uint64_t attempt = 0;; attempt++) {
		if (failures == 256 && !ph.bytewise) {
			if (ph.rotate) {
				ph.npos = SG_PHASH_ALL_BYTES;
				ph.bytewise = true;
			}
			ph.rotate = true;
			failures = 0;
		}
		ph.seed = attempt * SG_PHASH_MUL;
		for (size_t i = 0; i < n; i++)
			hashes[i] = sg_phash_hash(&ph, names[i], lens[i]);
		if (apart_in_buckets(&ph, hashes, lens, n, sig) &&
		    place(&ph, hashes, lens, n, start, members))
			break;
		if (++failures % 16 == 0 && ph.size < 64 * (n + 1)) {
			set_size(&ph, ph.size * 2);
			ph.table = sg_arena_alloc(arena, ph.size * sizeof *ph.table);
			if (!ph.table)
				return false;
		}
	}
	*out = ph;
	return true;
}
