/* phash.h - perfect hashing of a fixed set of names, at generation time.
 *
 * The hash reads a name's length and the bytes at a few positions chosen
 * for the set (as gperf does), or every byte when no small choice tells
 * the names apart; it then maps the names one to one onto a table with a
 * displacement per bucket ("hash and displace").  A lookup is one hash of
 * the name, two table reads and at most one string comparison, hits and
 * misses alike.  The generated lookups compute the same function
 * (templates/source.c.tpl); the two must not drift apart.
 */
#ifndef SLOTGEN_PHASH_H
#define SLOTGEN_PHASH_H

#include <stdint.h>

#include "util.h"

/** Most positions a hash reads before it reads the whole name instead. */
#define SG_PHASH_MAX_POSITIONS 8
/** `npos` value meaning: hash every byte of the name. */
#define SG_PHASH_ALL_BYTES 255u
/** A table entry that holds no name. */
#define SG_PHASH_EMPTY UINT32_MAX

struct sg_phash {
	uint32_t seed;
	unsigned npos;                              /**< or SG_PHASH_ALL_BYTES */
	int positions[SG_PHASH_MAX_POSITIONS];      /**< >= 0 from the start, < 0 from the end */
	uint32_t nbuckets; /**< 0: no displacement, the hash alone is perfect */
	uint32_t *disp;  /**< nbuckets displacements */
	uint32_t size;   /**< table entries, a power of two */
	size_t min_len, max_len; /**< of the names: any other length is a miss */
	uint32_t *table; /**< size entries: a name's index, or SG_PHASH_EMPTY */
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
uint32_t sg_phash_hash(const struct sg_phash *ph, const char *name, size_t len);

/** The table index @p name lands on. */
uint32_t sg_phash_slot(const struct sg_phash *ph, const char *name);

#endif
