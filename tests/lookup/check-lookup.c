/*
 * check-lookup.c - every kind of generated lookup against a scan of the
 * names: the sets of names.c (a bucket per length, buckets picked by the
 * hash, the whole name hashed, a table by length; names of 1 to 255
 * bytes, at the word and memcmp boundaries of the comparison).  Each name
 * is looked up as it is, cut short at every length, extended, and with
 * each byte changed; and random bytes of every length from 0 to 300.
 * Counted names are copied to buffers of exactly their length, so that a
 * read past them shows under valgrind (meson test --setup valgrind).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../check-run.h"
#include "lk.h"

/* The sets, each as a class and as an enum of the same names. */
static const struct {
	const slot_class *cls;
	const slot_enum *values;
} sets[] = {
	{&lk_uneven_class, &lk_uneven_value_enum},   {&lk_crowded_class, &lk_crowded_value_enum},
	{&lk_longest_class, &lk_longest_value_enum}, {&lk_spread_class, &lk_spread_value_enum},
	{&lk_lengths_class, &lk_lengths_value_enum}, {&lk_boundary_class, &lk_boundary_value_enum},
};
#define NSETS (sizeof sets / sizeof sets[0])

/* The scan: each set's names and their lengths, in schema order. */
static size_t lens[NSETS][300];

static unsigned long checked;

/* Look the @p len bytes at @p s up in set @p k's class and enum, counted
 * (from a buffer of exactly @p len bytes) and, when they hold no NUL, as
 * a C string, and compare with a scan of the names. */
static void check_in(size_t k, const char *s, size_t len)
{
	const slot_class *cls = sets[k].cls;
	const slot_enum *e = sets[k].values;
	int want = -1;
	for (size_t i = 0; i < cls->count; i++)
		if (lens[k][i] == len && memcmp(cls->fields[i].name, s, len) == 0)
			want = (int)i;
	char *exact = malloc(len ? len : 1);
	ck_assert_ptr_nonnull(exact);
	memcpy(exact, s, len);
	const slot_field *f = slot_lookupn(cls, exact, len);
	ck_assert_msg(f == (want < 0 ? NULL : &cls->fields[want]), "%s: '%.*s' (%zu bytes)",
		      cls->name, (int)len, s, len);
	ck_assert_msg(slot_enum_valuen(e, exact, len) == want, "%s: '%.*s' (%zu bytes)", e->name,
		      (int)len, s, len);
	free(exact);
	if (!memchr(s, '\0', len)) {
		char *z = malloc(len + 1);
		ck_assert_ptr_nonnull(z);
		memcpy(z, s, len);
		z[len] = '\0';
		ck_assert_ptr_eq(slot_lookup(cls, z), f);
		ck_assert_int_eq(slot_enum_value(e, z), want);
		free(z);
	}
	checked++;
}

static void setup(void)
{
	for (size_t k = 0; k < NSETS; k++) {
		ck_assert_uint_le(sets[k].cls->count, 300);
		ck_assert_uint_eq(sets[k].values->count, sets[k].cls->count);
		for (size_t i = 0; i < sets[k].cls->count; i++) {
			lens[k][i] = strlen(sets[k].cls->fields[i].name);
			ck_assert_str_eq(sets[k].values->names[i], sets[k].cls->fields[i].name);
		}
	}
}

/* Every name of set @p k: itself, every shorter start of it, itself with
 * a byte more, and itself with each byte changed. */
static void check_near(size_t k)
{
	char buf[300];
	const slot_class *cls = sets[k].cls;
	for (size_t i = 0; i < cls->count; i++) {
		const char *name = cls->fields[i].name;
		size_t n = lens[k][i];
		memcpy(buf, name, n);
		for (size_t len = 0; len <= n; len++)
			check_in(k, buf, len);
		buf[n] = 'x';
		check_in(k, buf, n + 1);
		buf[n] = '\0';
		check_in(k, buf, n + 1);
		for (size_t at = 0; at < n; at++) {
			/* A byte names have, and one they never have. */
			buf[at] = name[at] == 'a' ? 'b' : 'a';
			check_in(k, buf, n);
			buf[at] = at % 2 ? '\0' : (char)0xff;
			check_in(k, buf, n);
			buf[at] = name[at];
		}
	}
}

START_TEST(test_every_name_and_its_neighbours)
{
	for (size_t k = 0; k < NSETS; k++)
		check_near(k);
	ck_assert_uint_gt(checked, 100000);
}
END_TEST

START_TEST(test_random_bytes_of_every_length)
{
	unsigned long long state = 0x9e3779b97f4a7c15ULL;
	char buf[301];
	for (size_t len = 0; len <= 300; len++)
		for (int round = 0; round < 20; round++) {
			for (size_t i = 0; i < len; i++) {
				state ^= state >> 12;
				state ^= state << 25;
				state ^= state >> 27;
				/* Mostly the names' bytes, now and then any byte. */
				unsigned r = (unsigned)((state * 0x2545f4914f6cdd1dULL) >> 40);
				buf[i] = r % 8 ? "abxyz_019"[r % 9] : (char)(r >> 8);
			}
			for (size_t k = 0; k < NSETS; k++)
				check_in(k, buf, len);
		}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("lookup");
	TCase *tc = tcase_create("all");
	tcase_set_timeout(tc, 600);
	tcase_add_unchecked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_every_name_and_its_neighbours);
	tcase_add_test(tc, test_random_bytes_of_every_length);
	suite_add_tcase(s, tc);
	return check_run(s);
}
