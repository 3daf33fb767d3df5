/* check-phash.c - perfect hashing: every name its own entry, always. */
#include "phash.h"
#include "support.h"

/* Build over @p names and check the hash is perfect and finds each name. */
static struct sg_phash build_checked(const char *const *names, size_t n)
{
	struct sg_phash ph;
	ck_assert(sg_phash_build(&T.arena, names, n, &ph));
	ck_assert_uint_eq(ph.size & (ph.size - 1), 0);
	ck_assert_uint_ge(ph.size, n);
	size_t used = 0;
	for (uint32_t i = 0; i < ph.size; i++)
		used += ph.table[i] != SG_PHASH_EMPTY;
	ck_assert_uint_eq(used, n);
	for (size_t i = 0; i < n; i++) {
		uint32_t slot = sg_phash_slot(&ph, names[i]);
		ck_assert_msg(ph.table[slot] == i, "'%s' lands on entry %u, which holds %u", names[i],
			      slot, ph.table[slot]);
	}
	return ph;
}

static uint32_t rng_state;

static uint32_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}

/* @p n distinct random identifiers of 1 to @p maxlen characters. */
static const char **random_names(size_t n, size_t maxlen)
{
	const char **names = sg_arena_alloc(&T.arena, n * sizeof *names);
	for (size_t i = 0; i < n;) {
		size_t len = 1 + rng() % maxlen;
		char *s = sg_arena_alloc(&T.arena, len + 1);
		for (size_t k = 0; k < len; k++)
			s[k] = "abcdefghijklmnopqrstuvwxyz_0123456789"[rng() % (k ? 37 : 26)];
		size_t j = 0;
		while (j < i && strcmp(names[j], s) != 0)
			j++;
		if (j == i)
			names[i++] = s;
	}
	return names;
}

START_TEST(test_small_sets)
{
	static const char *const one[] = {"x"};
	static const char *const game[] = {"id", "pos", "name", "score", "level",
					   "nickname", "team", "inventory", "alive"};
	build_checked(one, 1);
	struct sg_phash ph = build_checked(game, 9);
	ck_assert_uint_le(ph.npos, 3); /* a few bytes tell these apart */
	build_checked(NULL, 0);
}
END_TEST

/* Whether a read at @p pos of a name of @p len bytes takes byte @p i. */
static bool reads_byte(struct sg_phash_pos pos, size_t len, size_t i)
{
	size_t start = pos.offset >= 0 ? (size_t)pos.offset : len - sg_phash_reach(pos);
	return sg_phash_reach(pos) <= len && start <= i && i < start + pos.width;
}

START_TEST(test_names_differing_in_one_middle_byte)
{
	static const char *const names[] = {"value_a_x", "value_b_x", "value_c_x", "value_d_x"};
	struct sg_phash ph = build_checked(names, 4);
	ck_assert_uint_eq(ph.npos, 1);
	ck_assert(reads_byte(ph.positions[0], 9, 6));
}
END_TEST

/* Length and byte mixed so that no choice of seed could separate them
 * would loop forever: these once did. */
START_TEST(test_length_and_byte_never_cancel)
{
	static const char *const units[] = {"meter", "kilometer", "mile", "nautical_mile"};
	build_checked(units, 4);
	rng_state = 7;
	for (int round = 0; round < 200; round++)
		build_checked(random_names(3 + round % 5, 14), 3 + round % 5);
}
END_TEST

START_TEST(test_numbered_names)
{
	const char **names = sg_arena_alloc(&T.arena, 1000 * sizeof *names);
	for (int i = 0; i < 1000; i++)
		names[i] = sg_arena_printf(&T.arena, "field_%d", i);
	build_checked(names, 1000);
}
END_TEST

/* @p count names of @p len bytes, alike but for byte @p at. */
static const char **alike_but_one_byte(size_t count, size_t len, size_t at)
{
	const char **names = sg_arena_alloc(&T.arena, count * sizeof *names);
	for (size_t i = 0; i < count; i++) {
		char *s = sg_arena_alloc(&T.arena, len + 1);
		memset(s, 'a', len);
		s[len] = '\0';
		s[at] = (char)('b' + i);
		names[i] = s;
	}
	return names;
}

START_TEST(test_long_names_apart_only_far_in)
{
	/* 300 bytes alike but for byte 150: one read there tells them apart. */
	struct sg_phash ph = build_checked(alike_but_one_byte(3, 300, 150), 3);
	ck_assert_uint_eq(ph.npos, 1);
	ck_assert(reads_byte(ph.positions[0], 300, 150));
	/* Byte 300 of 600 is out of reach from either end (255 bytes): the
	 * whole name is hashed. */
	ph = build_checked(alike_but_one_byte(3, 600, 300), 3);
	ck_assert_uint_eq(ph.npos, SG_PHASH_ALL_BYTES);
}
END_TEST

/* @p count names of @p len bytes: "n" and the number, padded with 'x'. */
static const char **numbered(size_t count, size_t len)
{
	const char **names = sg_arena_alloc(&T.arena, count * sizeof *names);
	for (size_t i = 0; i < count; i++) {
		char *s = sg_arena_alloc(&T.arena, len + 1);
		memset(s, 'x', len);
		s[len] = '\0';
		char num[24];
		int k = snprintf(num, sizeof num, "n%zu", i);
		memcpy(s, num, (size_t)k);
		names[i] = s;
	}
	return names;
}

START_TEST(test_a_bucket_per_length_up_to_eight_names)
{
	/* 8 names of one length and one of another: a bucket per length, and
	 * a length between them is no bucket at all. */
	const char **names = numbered(9, 6);
	names[8] = "abcd";
	struct sg_phash ph = build_checked(names, 9);
	ck_assert_uint_eq(ph.bucket_bits, 0);
	ck_assert_uint_eq(ph.nbuckets, 3); /* lengths 4 to 6 */
	ck_assert_uint_eq(ph.disp[1], SG_PHASH_NO_BUCKET);
	ck_assert_uint_eq(sg_phash_slot(&ph, "n1xxx"), SG_PHASH_EMPTY);
	ck_assert_uint_eq(sg_phash_slot(&ph, "n1xxxxx"), SG_PHASH_EMPTY);
	/* A ninth name of that length: the hash picks the buckets. */
	ph = build_checked(numbered(9, 6), 9);
	ck_assert_uint_gt(ph.bucket_bits, 0);
	ck_assert_uint_eq(ph.nbuckets, 1u << ph.bucket_bits);
}
END_TEST

START_TEST(test_lengths_alone_read_no_byte)
{
	static const char *const names[] = {"a", "bb", "ccc", "long_name_of_twenty", "x1234"};
	struct sg_phash ph = build_checked(names, 5);
	ck_assert_uint_eq(ph.npos, 0);
	ck_assert_uint_eq(ph.bucket_bits, 0);
}
END_TEST

START_TEST(test_names_of_the_greatest_length)
{
	/* 255 bytes, the most the checker allows, apart at the start, the
	 * middle or the end: one read each. */
	static const size_t at[3] = {0, 127, 254};
	const char **names = sg_arena_alloc(&T.arena, 9 * sizeof *names);
	for (size_t k = 0; k < 3; k++)
		memcpy(names + 3 * k, alike_but_one_byte(3, 255, at[k]), 3 * sizeof *names);
	struct sg_phash ph = build_checked(names, 9);
	ck_assert_uint_le(ph.npos, 3);
	ck_assert_uint_eq(ph.max_len, 255);
}
END_TEST

START_TEST(test_whole_name_past_sixteen_reads)
{
	/* 256 names of 100 bytes apart in 8 bytes 12 apart, each 'a' or 'b':
	 * a read of at most 8 bytes sees one of them, so it takes 8 reads. */
	const char **names = sg_arena_alloc(&T.arena, 256 * sizeof *names);
	for (size_t i = 0; i < 256; i++) {
		char *s = sg_arena_alloc(&T.arena, 101);
		memset(s, 'x', 100);
		s[100] = '\0';
		for (unsigned b = 0; b < 8; b++)
			s[5 + 12 * b] = i >> b & 1 ? 'b' : 'a';
		names[i] = s;
	}
	struct sg_phash ph = build_checked(names, 256);
	ck_assert_uint_eq(ph.npos, 8);
	/* 18 names of 255 bytes, one with no 'y' and each other with a 'y'
	 * at its own place, 15 apart: a read tells one name from the rest,
	 * 17 reads would be needed, so the whole name is hashed. */
	names = sg_arena_alloc(&T.arena, 18 * sizeof *names);
	for (size_t i = 0; i < 18; i++) {
		char *s = sg_arena_alloc(&T.arena, 256);
		memset(s, 'x', 255);
		s[255] = '\0';
		if (i)
			s[15 * (i - 1)] = 'y';
		names[i] = s;
	}
	ph = build_checked(names, 18);
	ck_assert_uint_eq(ph.npos, SG_PHASH_ALL_BYTES);
}
END_TEST

START_TEST(test_random_sets_of_every_size)
{
	rng_state = 12345;
	for (size_t n = 1; n <= 300; n += 7)
		build_checked(random_names(n, 12), n);
	build_checked(random_names(1000, 20), 1000);
	build_checked(random_names(4000, 3), 4000); /* short names: many alike */
}
END_TEST

START_TEST(test_deterministic)
{
	rng_state = 99;
	const char **names = random_names(200, 10);
	struct sg_phash a = build_checked(names, 200), b = build_checked(names, 200);
	ck_assert_uint_eq(a.seed, b.seed);
	ck_assert_uint_eq(a.size, b.size);
	ck_assert_int_eq(memcmp(a.table, b.table, a.size * sizeof *a.table), 0);
	ck_assert_int_eq(memcmp(a.disp, b.disp, a.nbuckets * sizeof *a.disp), 0);
}
END_TEST

RUN_SUITE("phash", test_small_sets, test_length_and_byte_never_cancel, test_names_differing_in_one_middle_byte, test_numbered_names,
	  test_long_names_apart_only_far_in, test_a_bucket_per_length_up_to_eight_names,
	  test_lengths_alone_read_no_byte, test_names_of_the_greatest_length,
	  test_whole_name_past_sixteen_reads, test_random_sets_of_every_size, test_deterministic)
