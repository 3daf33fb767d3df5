/* phash.h - perfect hashing of a fixed set of names, at generation time.
 *
 * The bytes at a few positions chosen for the set (as gperf does, but 1,
 * 2, 4 or 8 bytes at each), or the whole name when no small choice tells
 * the names apart, make a 64-bit hash.  The names of one length form a
 * bucket, or, when a length has many names, the hash picks the bucket;
 * each bucket has a displacement that maps its names one to one onto a
 * table ("hash and displace").  A lookup reads the bucket's displacement
 * (with a bucket per length, a length no name has is a miss there, before
 * any byte is read), hashes, reads one table entry and makes at most one
 * comparison.  Where the lengths alone tell the names apart, the lookup
 * reads no byte at all.  The generated lookups compute the same function
 * (templates/source.c.tpl); the two must not drift apart.
 */
#ifndef SLOTGEN_PHASH_H
#define SLOTGEN_PHASH_H

#include <stdint.h>

#include "util.h"

/** Most reads a hash makes before it reads the whole name instead: past
 * 16 reads of up to 8 bytes, reading every word costs about as much. */
#define SG_PHASH_MAX_POSITIONS 16
/** `npos` value meaning: hash the whole name, 8 bytes at a time, then its
 * last bytes one by one (or every byte one by one: `bytewise`). */
#define SG_PHASH_ALL_BYTES 255u
/** A table entry that holds no name. */
#define SG_PHASH_EMPTY UINT32_MAX
/** The displacement of a bucket no name falls in, when there is a bucket
 * per length (a lookup tests for it); with hashed buckets it is 0. */
#define SG_PHASH_NO_BUCKET UINT32_MAX
/** The hash's multiplier, after each byte (2^64 over the golden ratio). */
#define SG_PHASH_MUL UINT64_C(0x9e3779b97f4a7c15)

/**
 * A part of a name the hash reads: @p width bytes (1, 2, 4 or 8) taken as a
 * little-endian number, @p offset bytes after the start (offset >= 0) or
 * starting at len + offset (offset < 0, counted from the end); 0 when the
 * name is too short to hold them.
 */
struct sg_phash_pos {
	int offset;
	unsigned width;
};

struct sg_phash {
	uint64_t seed;                                  /**< the hash's start */
	unsigned npos;                                  /**< or SG_PHASH_ALL_BYTES */
	struct sg_phash_pos positions[SG_PHASH_MAX_POSITIONS];
	/** Each step rotates the hash by 31 bits before it mixes in a read:
	 * set when the plain steps failed to place the names (a difference
	 * confined to the top bits of reads stays in the top bits). */
	bool rotate;
	/** With SG_PHASH_ALL_BYTES: every byte one at a time, not 8 at a
	 * time.  The last resort, when rotating failed too: a byte enters the
	 * hash at its low end, where a difference reaches every bit above,
	 * for any seed. */
	bool bytewise;
	size_t min_len, max_len; /**< of the names: any other length is a miss */
	/** 0: a bucket per length from min_len to max_len, so that a lookup
	 * reads a displacement before any byte of the name (and one of a
	 * length no name has stops it there); used when no length has more
	 * than 8 names.  Otherwise 2^bucket_bits buckets picked by the hash
	 * (the bits below those that pick the entry), the length mixed into
	 * the hash first. */
	unsigned bucket_bits;
	uint32_t nbuckets; /**< max_len - min_len + 1, or 2^bucket_bits */
	uint32_t *disp;    /**< nbuckets displacements, or SG_PHASH_NO_BUCKET */
	uint32_t size;     /**< table entries, a power of two, at least 2 */
	unsigned shift;    /**< 64 - log2(size): the hash's top bits pick the entry */
	uint32_t *table;   /**< size entries: a name's index, or SG_PHASH_EMPTY */
	const size_t *lens; /**< the names' lengths, by index */
};

/**
 * Build a perfect hash of the @p n distinct @p names.  Always succeeds
 * unless memory runs out; deterministic (same names, same tables).
 * \param[out] out  arrays owned by @p arena.
 */
bool sg_phash_build(struct sg_arena *arena, const char *const *names, size_t n,
		    struct sg_phash *out) SG_CHECKRET;

/** The hash of @p name (of @p len bytes) under @p ph. */
uint64_t sg_phash_hash(const struct sg_phash *ph, const char *name, size_t len);

/** What the hash reads of @p name (of @p len bytes) at @p pos. */
uint64_t sg_phash_read(const char *name, size_t len, struct sg_phash_pos pos);

/** How far into a name a read at @p pos reaches: the shortest length that
 * holds it. */
size_t sg_phash_reach(struct sg_phash_pos pos);

/** The table index @p name lands on, or SG_PHASH_EMPTY when its length
 * or its bucket has no name. */
uint32_t sg_phash_slot(const struct sg_phash *ph, const char *name);

#endif
