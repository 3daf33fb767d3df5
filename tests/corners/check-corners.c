/* check-corners.c - generated code at its corners: string defaults,
 * readonly strings, classes needing init parameters, arrays of strings and
 * of classes, a parent with no slots of its own. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check-run.h"
/* slot_same_name is tested here too: the lookups' internals. */
#define SLOTGEN_LOOKUP_INTERNALS
#include "corners.h"

START_TEST(test_scalar_defaults_at_their_limits)
{
	corners_scalars s;
	ck_assert_int_eq(corners_scalars_init(&s), SLOT_OK);
	ck_assert(corners_scalars_get_b(&s));
	ck_assert_int_eq(corners_scalars_get_i8(&s), INT8_MIN);
	ck_assert_int_eq(corners_scalars_get_i16(&s), INT16_MAX);
	ck_assert_int_eq(corners_scalars_get_i32(&s), INT32_MIN);
	ck_assert(corners_scalars_get_i64(&s) == INT64_MIN);
	ck_assert_uint_eq(corners_scalars_get_u8(&s), UINT8_MAX);
	ck_assert_uint_eq(corners_scalars_get_u16(&s), UINT16_MAX);
	ck_assert_uint_eq(corners_scalars_get_u32(&s), UINT32_MAX);
	ck_assert(corners_scalars_get_u64(&s) == UINT64_MAX);
	ck_assert(isinf(corners_scalars_get_f(&s)) && corners_scalars_get_f(&s) < 0);
	ck_assert(corners_scalars_get_d(&s) == 6.02214076e23);
	ck_assert(isnan(corners_scalars_get_n(&s)));
	ck_assert_str_eq(corners_scalars_get_s(&s), "tab\tquote\" backslash\\ ?\?= \xc3\xa9");
	ck_assert_int_eq(corners_scalars_get_e(&s), CORNERS_LEVEL_HIGH);
	/* The default is the object's own copy: it can be replaced and freed. */
	ck_assert_int_eq(corners_scalars_set_s(&s, "other"), SLOT_OK);
	ck_assert_str_eq(corners_scalars_get_s(&s), "other");
	corners_scalars_fini(&s);
	ck_assert(!corners_scalars_has_s(&s));
}
END_TEST

START_TEST(test_readonly_string_is_copied_by_init)
{
	char key[] = "k-1";
	corners_keyed k;
	ck_assert_int_eq(corners_keyed_init(&k, key, CORNERS_LEVEL_MID), SLOT_OK);
	key[0] = 'X';
	ck_assert_str_eq(corners_keyed_get_key(&k), "k-1");
	ck_assert_int_eq(corners_keyed_get_tag(&k), CORNERS_LEVEL_MID);
	ck_assert(corners_keyed_has_key(&k));
	ck_assert(!corners_keyed_has_hits(&k));
	slot_value v = {SLOT_STRING, 1, NULL, NULL, {.s = "new"}, 0, NULL};
	ck_assert_int_eq(slot_set(&k, &corners_keyed_class, "key", &v), SLOT_EREADONLY);
	ck_assert_int_eq(slot_clear(&k, &corners_keyed_class, "tag"), SLOT_EREADONLY);
	corners_keyed *heap = corners_keyed_new("k-2", CORNERS_LEVEL_LOW);
	ck_assert_ptr_nonnull(heap);
	ck_assert_str_eq(corners_keyed_get_key(heap), "k-2");
	corners_keyed_free(heap);
	corners_keyed_fini(&k);
}
END_TEST

/* Strings kept in the object (max_length): no allocation, a bound checked
 * everywhere a string comes in, and the bytes past the string zeroed. */
START_TEST(test_strings_kept_in_the_object)
{
	static const char zero[16];
	corners_tagged t, u;
	ck_assert_int_eq(corners_tagged_init(&t, "sixteen bytes ab"), SLOT_ERANGE);
	ck_assert_ptr_null(slot_next_set(&t, &corners_tagged_class, NULL));
	ck_assert_int_eq(corners_tagged_init(&t, NULL), SLOT_ETYPE);
	ck_assert_int_eq(corners_tagged_init(&t, "fifteen bytes a"), SLOT_OK);
	ck_assert_str_eq(corners_tagged_get_key(&t), "fifteen bytes a");
	ck_assert_str_eq(corners_tagged_get_code(&t), "abc");
	ck_assert_str_eq(corners_tagged_get_full(&t), "ab");
	ck_assert(!corners_tagged_has_label(&t));

	/* Accessors. */
	ck_assert_int_eq(corners_tagged_set_label(&t, "abc"), SLOT_OK);
	ck_assert_int_eq(corners_tagged_set_label(&t, "abcd"), SLOT_ERANGE);
	ck_assert_int_eq(corners_tagged_set_label(&t, NULL), SLOT_ETYPE);
	ck_assert_str_eq(corners_tagged_get_label(&t), "abc");
	ck_assert_int_eq(corners_tagged_set_label(&t, "x"), SLOT_OK);
	ck_assert(memcmp(t.label, "x\0\0\0", 4) == 0);
	corners_tagged_clear_label(&t);
	ck_assert(!corners_tagged_has_label(&t));
	ck_assert(memcmp(t.label, zero, sizeof t.label) == 0);
	ck_assert_int_eq(corners_tagged_set_words_at(&t, 1, "four"), SLOT_OK);
	ck_assert_int_eq(corners_tagged_set_words_at(&t, 2, "fives"), SLOT_ERANGE);
	ck_assert_str_eq(corners_tagged_get_words_at(&t, 0), "");
	ck_assert_str_eq(corners_tagged_get_words_at(&t, 1), "four");

	/* By name: the value borrows the object's bytes. */
	char msg[128];
	slot_value v = {SLOT_STRING, 1, NULL, NULL, {.s = "yes"}, 0, NULL};
	ck_assert_int_eq(slot_set(&t, &corners_tagged_class, "label", &v), SLOT_OK);
	ck_assert_int_eq(slot_get(&t, &corners_tagged_class, "label", &v), SLOT_OK);
	ck_assert_ptr_eq(v.as.s, t.label);
	v.as.s = "four";
	ck_assert_int_eq(slot_set(&t, &corners_tagged_class, "label", &v), SLOT_ERANGE);
	slot_strerror(msg, sizeof msg, SLOT_ERANGE, SLOT_OP_SET, &corners_tagged_class, "label", &v);
	ck_assert_str_eq(msg, "string too long for 'Tagged' attribute 'label' (at most 3 bytes)");
	ck_assert_str_eq(corners_tagged_get_label(&t), "yes");

	/* A whole array by name: char[5] elements, as slot_get gives them. */
	ck_assert_int_eq(slot_get(&t, &corners_tagged_class, "words", &v), SLOT_OK);
	ck_assert_uint_eq(v.size, 5);
	ck_assert_uint_eq(v.count, 3);
	char words[3][5] = {"one", "two", "six"};
	memcpy(words[1] + 4, "Z", 1); /* "two" ends before the byte after it */
	v.as.p = words;
	ck_assert_int_eq(slot_set(&t, &corners_tagged_class, "words", &v), SLOT_OK);
	ck_assert_str_eq(corners_tagged_get_words_at(&t, 2), "six");
	ck_assert(memcmp(t.words[1], "two\0\0", 5) == 0);
	memcpy(words[0], "fives", 5); /* no NUL in the element */
	ck_assert_int_eq(slot_set(&t, &corners_tagged_class, "words", &v), SLOT_ERANGE);
	ck_assert_str_eq(corners_tagged_get_words_at(&t, 0), "one");
	const char *pointers[3] = {"a", "b", "c"};
	slot_value ptrs = {SLOT_STRING, 3, NULL, NULL, {.p = pointers}, 0, NULL};
	ck_assert_int_eq(slot_set(&t, &corners_tagged_class, "words", &ptrs), SLOT_ETYPE);

	/* Copy, equality, repr. */
	ck_assert_int_eq(corners_tagged_copy(&u, &t), SLOT_OK);
	ck_assert(corners_tagged_equal(&t, &u));
	ck_assert_int_eq(corners_tagged_set_words_at(&u, 0, "two"), SLOT_OK);
	ck_assert(!corners_tagged_equal(&t, &u));
	corners_tagged_repr(msg, sizeof msg, &u);
	ck_assert_str_eq(msg, "Tagged(code='abc', label='yes', key='fifteen bytes a', "
			      "words=['two', 'two', 'six'], full='ab')");
	ck_assert_int_eq(slot_clear(&u, &corners_tagged_class, "words"), SLOT_OK);
	ck_assert(memcmp(u.words, zero, sizeof u.words) == 0);
	corners_tagged_fini(&u);
	corners_tagged_fini(&t);
	ck_assert(memcmp(&t, zero, sizeof t < sizeof zero ? sizeof t : sizeof zero) == 0);
}
END_TEST

/* clear: false - always set, no presence bit, no clear; by name, deleting
 * it is deleting a frozen field. */
START_TEST(test_slots_that_cannot_be_cleared)
{
	corners_counter c, d;
	char msg[160];
	corners_counter_init(&c); /* "none" is kept in the object: init cannot fail */
	ck_assert(corners_counter_has_hits(&c));
	ck_assert_int_eq(corners_counter_get_hits(&c), 0);
	ck_assert(!corners_counter_has_misses(&c));
	corners_counter_set_hits(&c, 7);
	ck_assert_int_eq(corners_counter_get_hits(&c), 7);
	ck_assert_int_eq(corners_counter_set_tag(&c, "some"), SLOT_OK);
	ck_assert_int_eq(corners_counter_set_code(&c, "abcd"), SLOT_ERANGE);

	/* The name table: mask 0 and the flag; set whatever the bytes say. */
	const slot_field *f = slot_lookup(&corners_counter_class, "hits");
	ck_assert_uint_eq(f->mask, 0);
	ck_assert(f->flags & SLOT_ALWAYS_SET);
	ck_assert(slot_is_set(&c, f));
	ck_assert(slot_has(&c, &corners_counter_class, "ratio"));
	ck_assert_int_eq(slot_clear(&c, &corners_counter_class, "hits"), SLOT_EREADONLY);
	slot_strerror(msg, sizeof msg, SLOT_EREADONLY, SLOT_OP_CLEAR, &corners_counter_class, "hits",
		      NULL);
	ck_assert_str_eq(msg, "cannot delete field 'hits'");
	ck_assert_int_eq(corners_counter_get_hits(&c), 7);
	slot_value v = {SLOT_INT32, 1, NULL, NULL, {.i = 9}, 0, NULL};
	ck_assert_int_eq(slot_set(&c, &corners_counter_class, "hits", &v), SLOT_OK);
	ck_assert_int_eq(slot_get(&c, &corners_counter_class, "hits", &v), SLOT_OK);
	ck_assert_int_eq(v.as.i, 9);
	ck_assert_int_eq(slot_clear(&c, &corners_counter_class, "misses"), SLOT_ENOATTR);

	/* Always in repr, equality and iteration. */
	corners_counter_repr(msg, sizeof msg, &c);
	ck_assert_str_eq(msg, "Counter(hits=9, ratio=0.5, tag='some', code='ab')");
	ck_assert_int_eq(corners_counter_copy(&d, &c), SLOT_OK);
	ck_assert(corners_counter_equal(&c, &d));
	corners_counter_set_hits(&d, 10);
	ck_assert(!corners_counter_equal(&c, &d));
	size_t n = 0;
	for (f = slot_next_set(&c, &corners_counter_class, NULL); f;
	     f = slot_next_set(&c, &corners_counter_class, f))
		n++;
	ck_assert_uint_eq(n, 4);
	corners_counter_fini(&d);
	corners_counter_fini(&c);

	/* A class whose slots all lack a bit has no slot_bits member. */
	ck_assert_uint_eq(sizeof(corners_fixed), 1);
	corners_fixed x;
	corners_fixed_init(&x);
	ck_assert_uint_eq(corners_fixed_get_one(&x), 1);
	ck_assert(slot_has(&x, &corners_fixed_class, "one"));
}
END_TEST

START_TEST(test_nested_classes_and_arrays)
{
	corners_holder h;
	corners_holder_init(&h);
	ck_assert(!corners_holder_has_named(&h));
	corners_named *n = corners_holder_mut_named(&h);
	ck_assert_ptr_nonnull(n);
	ck_assert(corners_holder_has_named(&h));
	ck_assert_str_eq(corners_named_get_label(n), "unnamed");
	corners_named *second = corners_holder_mut_nameds_at(&h, 1);
	ck_assert_ptr_nonnull(second);
	ck_assert_str_eq(corners_named_get_label(corners_holder_get_nameds_at(&h, 0)), "unnamed");
	ck_assert_int_eq(corners_named_set_label(second, "two"), SLOT_OK);

	/* Keyed needs init parameters: no mut, a deep-copying set instead. */
	corners_keyed k;
	ck_assert_int_eq(corners_keyed_init(&k, "key", CORNERS_LEVEL_LOW), SLOT_OK);
	ck_assert_int_eq(corners_holder_set_keyed(&h, &k), SLOT_OK);
	corners_keyed_fini(&k);
	ck_assert_str_eq(corners_keyed_get_key(corners_holder_get_keyed(&h)), "key");

	ck_assert(!corners_holder_has_words(&h));
	ck_assert_int_eq(corners_holder_set_words_at(&h, 2, "third"), SLOT_OK);
	ck_assert(corners_holder_has_words(&h));
	ck_assert_ptr_null(corners_holder_get_words_at(&h, 0));
	ck_assert_str_eq(corners_holder_get_words(&h)[2], "third");
	ck_assert_int_eq(corners_holder_set_words_at(&h, 2, "3rd"), SLOT_OK);
	ck_assert_int_eq(corners_holder_set_words_at(&h, 0, NULL), SLOT_ETYPE);

	corners_holder_set_bytes_at(&h, 15, 0xAB);
	ck_assert_uint_eq(corners_holder_get_bytes_at(&h, 15), 0xAB);
	corners_holder_clear_bytes(&h);
	ck_assert(!corners_holder_has_bytes(&h));
	ck_assert_uint_eq(corners_holder_get_bytes_at(&h, 15), 0);

	/* A deep copy owns its own strings. */
	corners_holder copy;
	ck_assert_int_eq(corners_holder_copy(&copy, &h), SLOT_OK);
	ck_assert_ptr_ne(copy.words[2], h.words[2]);
	ck_assert_str_eq(copy.words[2], "3rd");
	ck_assert_ptr_ne(corners_named_get_label(corners_holder_get_nameds_at(&copy, 1)),
			 corners_named_get_label(second));
	corners_holder_clear_words(&h);
	ck_assert_str_eq(corners_holder_get_words_at(&copy, 2), "3rd");
	corners_holder_fini(&copy);
	corners_holder_fini(&h);
}
END_TEST

START_TEST(test_by_name_arrays_and_objects)
{
	corners_holder h;
	corners_holder_init(&h);
	const char *words[3] = {"a", NULL, "c"};
	slot_value v = {SLOT_STRING, 3, NULL, NULL, {.p = words}, 0, NULL};
	ck_assert_int_eq(slot_set(&h, &corners_holder_class, "words", &v), SLOT_OK);
	ck_assert_str_eq(corners_holder_get_words_at(&h, 2), "c");
	ck_assert_ptr_ne(corners_holder_get_words_at(&h, 0), words[0]);
	v.count = 2;
	ck_assert_int_eq(slot_set(&h, &corners_holder_class, "words", &v), SLOT_ETYPE);
	char msg[128];
	slot_strerror(msg, sizeof msg, SLOT_ETYPE, SLOT_OP_SET, &corners_holder_class, "words", &v);
	ck_assert_str_eq(msg, "'Holder' attribute 'words' must be string[3], not string[2]");

	corners_named named;
	corners_named_init(&named);
	ck_assert_int_eq(corners_named_set_label(&named, "by name"), SLOT_OK);
	slot_value obj = {SLOT_OBJECT, 1, NULL, &corners_named_class, {.p = &named}, 0, NULL};
	ck_assert_int_eq(slot_set(&h, &corners_holder_class, "named", &obj), SLOT_OK);
	corners_named_fini(&named);
	ck_assert_str_eq(corners_named_get_label(corners_holder_get_named(&h)), "by name");
	slot_value got;
	ck_assert_int_eq(slot_get(&h, &corners_holder_class, "named", &got), SLOT_OK);
	ck_assert_ptr_eq(got.class_type, &corners_named_class);
	ck_assert_ptr_eq(got.as.p, corners_holder_get_named(&h));
	ck_assert_int_eq(slot_clear(&h, &corners_holder_class, "named"), SLOT_OK);
	ck_assert(!corners_holder_has_named(&h));
	corners_holder_fini(&h);
}
END_TEST

START_TEST(test_parent_without_slots)
{
	corners_leaf leaf;
	corners_leaf_init(&leaf);
	ck_assert_uint_eq(corners_marker_class.count, corners_holder_class.count);
	ck_assert_uint_eq(corners_leaf_class.count, corners_holder_class.count + 1);
	ck_assert_ptr_eq(corners_leaf_class.parent, &corners_marker_class);
	ck_assert_ptr_eq(corners_marker_class.parent, &corners_holder_class);
	ck_assert_int_eq(corners_leaf_set_words_at(&leaf, 0, "w"), SLOT_OK);
	corners_holder *as_holder = (corners_holder *)&leaf;
	ck_assert_str_eq(corners_holder_get_words_at(as_holder, 0), "w");
	ck_assert_ptr_nonnull(slot_lookup(&corners_leaf_class, "last"));
	ck_assert_ptr_nonnull(slot_lookup(&corners_leaf_class, "keys"));
	ck_assert_ptr_null(slot_lookup(&corners_empty_class, "x"));
	ck_assert_ptr_null(slot_next(&corners_empty_class, NULL));
	corners_leaf_fini(&leaf);
}
END_TEST

static const slot_class *const all_classes[] = {
	&corners_empty_class, &corners_scalars_class, &corners_keyed_class, &corners_named_class,
	&corners_holder_class, &corners_marker_class, &corners_leaf_class, &corners_spelled_class,
	&corners_tagged_class, &corners_counter_class, &corners_fixed_class,
};

/* Every slot is found by its name; near misses are not. */
START_TEST(test_lookup_every_slot_and_near_misses)
{
	char near[256];
	for (size_t c = 0; c < sizeof all_classes / sizeof *all_classes; c++) {
		const slot_class *cls = all_classes[c];
		for (const slot_field *f = slot_next(cls, NULL); f; f = slot_next(cls, f)) {
			ck_assert_ptr_eq(slot_lookup(cls, f->name), f);
			snprintf(near, sizeof near, "%s_", f->name);
			ck_assert_ptr_null(slot_lookup(cls, near));
			snprintf(near, sizeof near, "%.*s", (int)strlen(f->name) - 1, f->name);
			ck_assert(!slot_lookup(cls, near) || strcmp(slot_lookup(cls, near)->name, near) == 0);
			snprintf(near, sizeof near, "%sX", f->name);
			near[0] = 'Z';
			ck_assert_ptr_null(slot_lookup(cls, near));
		}
		ck_assert_ptr_null(slot_lookup(cls, ""));
		/* Every byte counts: one changed byte anywhere is another name. */
		for (const slot_field *f = slot_next(cls, NULL); f; f = slot_next(cls, f)) {
			size_t n = strlen(f->name);
			for (size_t i = 0; i < n; i++) {
				static const unsigned char other[] = {'a', 'Z', '_', 0x80, 0xff};
				for (size_t k = 0; k < sizeof other; k++) {
					memcpy(near, f->name, n + 1);
					if ((unsigned char)near[i] == other[k])
						continue;
					near[i] = (char)other[k];
					const slot_field *g = slot_lookup(cls, near);
					ck_assert(!g || strcmp(g->name, near) == 0);
				}
			}
		}
		memset(near, 'q', sizeof near - 1);
		near[sizeof near - 1] = '\0';
		ck_assert_ptr_null(slot_lookup(cls, near));
	}
}
END_TEST

/* A name given with its length: found in a buffer of exactly its bytes (no
 * NUL after it, so that a sanitizer sees any read past them) and as the
 * start of a longer text; a NUL inside, a byte short or empty, not found. */
START_TEST(test_lookup_by_length)
{
	for (size_t c = 0; c < sizeof all_classes / sizeof *all_classes; c++) {
		const slot_class *cls = all_classes[c];
		for (const slot_field *f = slot_next(cls, NULL); f; f = slot_next(cls, f)) {
			size_t n = strlen(f->name);
			char *exact = malloc(n), *longer = malloc(n + 4);
			ck_assert(exact && longer);
			memcpy(exact, f->name, n);
			memcpy(longer, f->name, n);
			memcpy(longer + n, "XYZ", 4);
			ck_assert_ptr_eq(slot_lookupn(cls, exact, n), f);
			ck_assert_ptr_eq(slot_lookupn(cls, longer, n), f);
			ck_assert_ptr_null(slot_lookupn(cls, longer, n + 1));
			const slot_field *g = slot_lookupn(cls, exact, n - 1);
			ck_assert(!g || (strlen(g->name) == n - 1 && memcmp(g->name, exact, n - 1) == 0));
			for (size_t i = 0; i < n; i++) {
				longer[i] = '\0';
				ck_assert_ptr_null(slot_lookupn(cls, longer, n));
				longer[i] = f->name[i];
			}
			free(exact);
			free(longer);
		}
		ck_assert_ptr_null(slot_lookupn(cls, "", 0));
	}
	const slot_enum *e = &corners_phase_enum;
	for (size_t v = 0; v < e->count; v++) {
		size_t n = strlen(e->names[v]);
		char *exact = malloc(n);
		ck_assert_ptr_nonnull(exact);
		memcpy(exact, e->names[v], n);
		ck_assert_int_eq(slot_enum_valuen(e, exact, n), (int)v);
		ck_assert_int_eq(slot_enum_valuen(e, exact, n - 1), -1);
		exact[n - 1] = '\0';
		ck_assert_int_eq(slot_enum_valuen(e, exact, n), -1);
		free(exact);
	}
	ck_assert_int_eq(slot_enum_valuen(&corners_level_enum, "highest", 4), CORNERS_LEVEL_HIGH);
	ck_assert_int_eq(slot_enum_valuen(&corners_level_enum, "high", 0), -1);
}
END_TEST

/* The by-name calls split in two: a lookup, then the same call on the
 * field, which takes a missing field (a lookup's NULL) as an unknown name. */
START_TEST(test_calls_on_a_looked_up_field)
{
	corners_keyed k;
	ck_assert_int_eq(corners_keyed_init(&k, "key", CORNERS_LEVEL_LOW), SLOT_OK);
	const slot_field *hits = slot_lookupn(&corners_keyed_class, "hits=3", 4);
	ck_assert_ptr_nonnull(hits);
	slot_value v = {SLOT_UINT32, 1, NULL, NULL, {.u = 3}, 0, NULL}, out;
	ck_assert_int_eq(slot_get_field(&k, hits, &out), SLOT_ENOATTR); /* unset */
	ck_assert_int_eq(slot_set_field(&k, hits, &v), SLOT_OK);
	ck_assert_uint_eq(corners_keyed_get_hits(&k), 3);
	ck_assert_int_eq(slot_get_field(&k, hits, &out), SLOT_OK);
	ck_assert_int_eq(out.type, SLOT_UINT32);
	ck_assert_uint_eq(out.as.u, 3);
	ck_assert_int_eq(slot_clear_field(&k, hits), SLOT_OK);
	ck_assert(!corners_keyed_has_hits(&k));
	ck_assert_int_eq(slot_clear_field(&k, hits), SLOT_ENOATTR);
	const slot_field *none = slot_lookupn(&corners_keyed_class, "hits", 3);
	ck_assert_ptr_null(none);
	ck_assert_int_eq(slot_get_field(&k, none, &out), SLOT_ENOATTR);
	ck_assert_int_eq(slot_set_field(&k, none, &v), SLOT_ENOATTR);
	ck_assert_int_eq(slot_clear_field(&k, none), SLOT_ENOATTR);
	/* The messages for a counted name print its bytes, not what follows. */
	char msg[96];
	slot_strerrorn(msg, sizeof msg, SLOT_ENOATTR, SLOT_OP_GET, &corners_keyed_class, "hitz=3", 4,
		       NULL);
	ck_assert_str_eq(msg, "'Keyed' object has no attribute 'hitz'");
	slot_value text = {SLOT_STRING, 1, NULL, NULL, {.s = "x"}, 0, NULL};
	ck_assert_int_eq(slot_set_field(&k, hits, &text), SLOT_ETYPE);
	slot_strerrorn(msg, sizeof msg, SLOT_ETYPE, SLOT_OP_SET, &corners_keyed_class, "hits=3", 4,
		       &text);
	ck_assert_str_eq(msg, "'Keyed' attribute 'hits' must be uint32, not string");
	ck_assert_int_eq(slot_strerrorn(msg, sizeof msg, SLOT_EREADONLY, SLOT_OP_CLEAR,
					&corners_keyed_class, "key!", 3, NULL),
			 (int)strlen("cannot delete field 'key'"));
	ck_assert_str_eq(msg, "cannot delete field 'key'");
	/* A value whose type is no slot_type: named "?", not read past the table. */
	slot_value odd = {(slot_type)99, 1, NULL, NULL, {.u = 1}, 0, NULL};
	ck_assert_int_eq(slot_set_field(&k, hits, &odd), SLOT_ETYPE);
	slot_strerrorn(msg, sizeof msg, SLOT_ETYPE, SLOT_OP_SET, &corners_keyed_class, "hits", 4,
		       &odd);
	ck_assert_str_eq(msg, "'Keyed' attribute 'hits' must be uint32, not ?");
	corners_keyed_fini(&k);
}
END_TEST

/* The lookups' comparison reads exactly the n bytes of each name, and
 * tells apart names that differ in any one of them (a name here is an
 * allocation of its own size, so that a sanitizer sees any byte past it). */
START_TEST(test_same_name_reads_every_byte_and_no_more)
{
	for (size_t n = 0; n <= 40; n++) {
		char *a = malloc(n ? n : 1), *b = malloc(n ? n : 1);
		ck_assert(a && b);
		for (size_t i = 0; i < n; i++)
			a[i] = b[i] = (char)('a' + i % 26);
		ck_assert(slot_same_name(a, b, n));
		for (size_t i = 0; i < n; i++) {
			b[i] = '#';
			ck_assert(!slot_same_name(a, b, n));
			ck_assert(!slot_same_name(b, a, n));
			b[i] = a[i];
		}
		free(a);
		free(b);
	}
}
END_TEST

START_TEST(test_enum_names_both_ways)
{
	ck_assert_int_eq(slot_enum_value(&corners_level_enum, "low"), CORNERS_LEVEL_LOW);
	ck_assert_int_eq(slot_enum_value(&corners_level_enum, "high"), CORNERS_LEVEL_HIGH);
	ck_assert_int_eq(slot_enum_value(&corners_level_enum, "hig"), -1);
	ck_assert_int_eq(slot_enum_value(&corners_level_enum, ""), -1);
	ck_assert_int_eq(slot_enum_value(&corners_mode_enum, "off"), CORNERS_MODE_OFF);
	ck_assert_str_eq(slot_enum_name(&corners_level_enum, CORNERS_LEVEL_MID), "mid");
	ck_assert_ptr_null(slot_enum_name(&corners_level_enum, 3));
	ck_assert_ptr_null(slot_enum_name(&corners_level_enum, -1));
	ck_assert_int_eq(slot_enum_value(&corners_phase_enum, "waiting_for_the_final_player"),
			 CORNERS_PHASE_WAITING_FOR_THE_FINAL_PLAYER);
	ck_assert_int_eq(slot_enum_value(&corners_phase_enum, "waiting_for_the_first_player"),
			 CORNERS_PHASE_WAITING_FOR_THE_FIRST_PLAYER);
	ck_assert_int_eq(slot_enum_value(&corners_phase_enum, "waiting_for_the_firsT_player"), -1);
	ck_assert_int_eq(slot_enum_value(&corners_phase_enum, "waiting_for_the_first_playe"), -1);
	ck_assert_int_eq(slot_enum_value(&corners_phase_enum, "go"), CORNERS_PHASE_GO);
	ck_assert_int_eq(slot_enum_value(&corners_phase_enum, "gO"), -1);
}
END_TEST

START_TEST(test_repr_like_a_dataclass)
{
	corners_scalars s;
	ck_assert_int_eq(corners_scalars_init(&s), SLOT_OK);
	char buf[512];
	size_t n = corners_scalars_repr(buf, sizeof buf, &s);
	ck_assert_str_eq(buf, "Scalars(b=True, i8=-128, i16=32767, i32=-2147483648, "
			      "i64=-9223372036854775808, u8=255, u16=65535, u32=4294967295, "
			      "u64=18446744073709551615, f=-inf, d=6.02214076e+23, n=nan, "
			      "s='tab\\tquote\" backslash\\\\ ?\?= \xc3\xa9', e=high)");
	ck_assert_uint_eq(n, strlen(buf));
	/* snprintf's rules: truncated, terminated, the whole length returned. */
	char small[8];
	ck_assert_uint_eq(corners_scalars_repr(small, sizeof small, &s), n);
	ck_assert_str_eq(small, "Scalars");
	ck_assert_uint_eq(corners_scalars_repr(NULL, 0, &s), n);
	/* Unset slots are left out; quotes follow Python's choice. */
	corners_scalars_clear_i8(&s);
	ck_assert_int_eq(corners_scalars_set_s(&s, "it's"), SLOT_OK);
	corners_scalars_set_d(&s, 0.1);
	corners_scalars_repr(buf, sizeof buf, &s);
	ck_assert_ptr_null(strstr(buf, "i8="));
	ck_assert_ptr_nonnull(strstr(buf, "d=0.1, n=nan, s=\"it's\", e=high)"));
	corners_scalars_fini(&s);

	corners_holder h;
	corners_holder_init(&h);
	ck_assert_int_eq(corners_holder_set_words_at(&h, 1, "b"), SLOT_OK);
	corners_holder_set_levels_at(&h, 0, CORNERS_LEVEL_MID);
	ck_assert_ptr_nonnull(corners_holder_mut_named(&h));
	corners_holder_repr(buf, sizeof buf, &h);
	ck_assert_str_eq(buf, "Holder(named=Named(label='unnamed'), words=[None, 'b', None], "
			      "levels=[mid, low])");
	corners_holder_fini(&h);
}
END_TEST

START_TEST(test_equality_like_a_dataclass)
{
	corners_holder a, b;
	corners_holder_init(&a);
	corners_holder_init(&b);
	ck_assert(corners_holder_equal(&a, &b));
	ck_assert_int_eq(corners_holder_set_words_at(&a, 0, "same"), SLOT_OK);
	ck_assert(!corners_holder_equal(&a, &b)); /* set against unset */
	char text[] = "same";
	ck_assert_int_eq(corners_holder_set_words_at(&b, 0, text), SLOT_OK);
	ck_assert(corners_holder_equal(&a, &b)); /* by content, not pointer */
	corners_holder_mut_nameds_at(&a, 1);
	corners_holder_mut_nameds_at(&b, 1);
	ck_assert(corners_holder_equal(&a, &b));
	ck_assert_int_eq(corners_named_set_label(corners_holder_mut_nameds_at(&b, 0), "x"), SLOT_OK);
	ck_assert(!corners_holder_equal(&a, &b)); /* nested, element by element */
	corners_holder copy;
	ck_assert_int_eq(corners_holder_copy(&copy, &b), SLOT_OK);
	ck_assert(corners_holder_equal(&copy, &b));
	corners_holder_fini(&copy);
	corners_holder_fini(&a);
	corners_holder_fini(&b);

	corners_scalars s, t;
	ck_assert_int_eq(corners_scalars_init(&s), SLOT_OK);
	ck_assert_int_eq(corners_scalars_init(&t), SLOT_OK);
	ck_assert(!corners_scalars_equal(&s, &t)); /* slot n is NaN: equal to nothing */
	corners_scalars_clear_n(&s);
	corners_scalars_clear_n(&t);
	ck_assert(corners_scalars_equal(&s, &t));
	corners_scalars_fini(&s);
	corners_scalars_fini(&t);
}
END_TEST

START_TEST(test_iterate_set_slots_and_get_or)
{
	corners_keyed k;
	ck_assert_int_eq(corners_keyed_init(&k, "key", CORNERS_LEVEL_LOW), SLOT_OK);
	const slot_field *f = slot_next_set(&k, &corners_keyed_class, NULL);
	ck_assert_str_eq(f->name, "key");
	f = slot_next_set(&k, &corners_keyed_class, f);
	ck_assert_str_eq(f->name, "tag");
	ck_assert_ptr_null(slot_next_set(&k, &corners_keyed_class, f)); /* hits is unset */
	slot_value dflt = {SLOT_UINT32, 1, NULL, NULL, {.u = 7}, 0, NULL}, v;
	ck_assert_int_eq(slot_get_or(&k, &corners_keyed_class, "hits", &dflt, &v), SLOT_OK);
	ck_assert_uint_eq(v.as.u, 7);
	ck_assert_int_eq(slot_get_or(&k, &corners_keyed_class, "nope", &dflt, &v), SLOT_OK);
	ck_assert_uint_eq(v.as.u, 7);
	corners_keyed_set_hits(&k, 3);
	ck_assert_int_eq(slot_get_or(&k, &corners_keyed_class, "hits", &dflt, &v), SLOT_OK);
	ck_assert_uint_eq(v.as.u, 3);
	ck_assert(slot_has(&k, &corners_keyed_class, "hits"));
	ck_assert(!slot_has(&k, &corners_keyed_class, "nope"));
	corners_keyed_fini(&k);
}
END_TEST

START_TEST(test_element_setter_for_classes_with_init_parameters)
{
	corners_holder h;
	corners_holder_init(&h);
	corners_keyed k;
	ck_assert_int_eq(corners_keyed_init(&k, "a", CORNERS_LEVEL_LOW), SLOT_OK);
	ck_assert_int_eq(corners_holder_set_keys_at(&h, 1, &k), SLOT_OK);
	ck_assert_int_eq(corners_holder_set_keys_at(&h, 1, &k), SLOT_OK); /* replaces, frees */
	corners_keyed_fini(&k);
	ck_assert(corners_holder_has_keys(&h));
	ck_assert_str_eq(corners_keyed_get_key(corners_holder_get_keys_at(&h, 1)), "a");
	/* The other element is empty: every slot unset. */
	ck_assert_ptr_null(slot_next_set(corners_holder_get_keys_at(&h, 0), &corners_keyed_class, NULL));
	corners_holder_fini(&h);

	corners_keyed bad;
	ck_assert_int_eq(corners_keyed_init(&bad, NULL, CORNERS_LEVEL_LOW), SLOT_ETYPE);
}
END_TEST

START_TEST(test_type_error_messages)
{
	char msg[128];
	slot_value null_string = {SLOT_STRING, 1, NULL, NULL, {.s = NULL}, 0, NULL};
	slot_strerror(msg, sizeof msg, SLOT_ETYPE, SLOT_OP_SET, &corners_keyed_class, "hits",
		      &null_string);
	ck_assert_str_eq(msg, "'Keyed' attribute 'hits' must be uint32, not NULL");
	slot_value empty = {SLOT_UINT32, 0, NULL, NULL, {.p = NULL}, 0, NULL};
	slot_strerror(msg, sizeof msg, SLOT_ETYPE, SLOT_OP_SET, &corners_keyed_class, "hits", &empty);
	ck_assert_str_eq(msg, "'Keyed' attribute 'hits' must be uint32, not uint32[0]");
	slot_value level = {SLOT_ENUM, 1, &corners_level_enum, NULL, {.i = 0}, 0, NULL};
	slot_strerror(msg, sizeof msg, SLOT_ETYPE, SLOT_OP_SET, &corners_holder_class, "words",
		      &level);
	ck_assert_str_eq(msg, "'Holder' attribute 'words' must be string[3], not Level[1]");
}
END_TEST

/* The class descriptor builds objects by itself: defaults on, readonly and
 * other slots unset (what loaders start from). */
START_TEST(test_defaults_through_the_table)
{
	corners_scalars s;
	ck_assert_int_eq(corners_scalars_class.defaults(&s), SLOT_OK);
	ck_assert_int_eq(corners_scalars_get_i8(&s), INT8_MIN);
	ck_assert_str_eq(corners_scalars_get_s(&s), "tab\tquote\" backslash\\ ?\?= \xc3\xa9");
	corners_scalars_fini(&s);
	corners_keyed k;
	ck_assert_int_eq(corners_keyed_class.defaults(&k), SLOT_OK);
	ck_assert(!corners_keyed_has_key(&k));
	ck_assert_ptr_null(slot_next_set(&k, &corners_keyed_class, NULL));
	corners_keyed_fini(&k);
}
END_TEST

/* Slots named after keywords and macros keep their names everywhere but in
 * C: members namespace_, errno_, EOF_, init's parameters o_ and rc_. */
START_TEST(test_slots_named_after_keywords)
{
	corners_manifest m;
	ck_assert_int_eq(corners_manifest_init(&m, "kube-system", -5, 9, "ok"), SLOT_OK);
	ck_assert_str_eq(slot_str_get(&m.namespace_), "kube-system");
	ck_assert_int_eq(m.errno_, -5);
	ck_assert_uint_eq(m.o, 9);
	ck_assert_str_eq(corners_manifest_get_rc(&m), "ok");
	ck_assert_int_eq(corners_manifest_get_class(&m), 7);
	ck_assert_int_eq(corners_manifest_set_template(&m, "deployment"), SLOT_OK);
	corners_manifest_set_default(&m, CORNERS_VERB_DELETE);
	corners_manifest_set_new_at(&m, 1, true);
	corners_manifest_set_EOF(&m, 0.5);
	slot_value v;
	ck_assert_int_eq(slot_get(&m, &corners_manifest_class, "namespace", &v), SLOT_OK);
	ck_assert_str_eq(v.as.s, "kube-system");
	ck_assert_int_eq(slot_get(&m, &corners_manifest_class, "EOF", &v), SLOT_OK);
	ck_assert(v.as.d == 0.5);
	char buf[512];
	corners_manifest_repr(buf, sizeof buf, &m);
	ck_assert_str_eq(buf, "Manifest(namespace='kube-system', template='deployment', class=7, "
			      "default=delete, new=[False, True], errno=-5, EOF=0.5, o=9, rc='ok')");
	ck_assert_int_eq(slot_enum_value(&corners_verb_enum, "errno"), CORNERS_VERB_ERRNO);
	corners_manifest_fini(&m);
}
END_TEST

/* A string slot keeps up to 14 bytes in the object, more on the heap:
 * the same string either way to every accessor. */
START_TEST(test_short_strings_in_the_object)
{
	corners_scalars a;
	corners_scalars_init(&a);
	ck_assert_int_eq(corners_scalars_set_s(&a, ""), SLOT_OK);
	ck_assert_str_eq(corners_scalars_get_s(&a), "");
	ck_assert_int_eq(corners_scalars_set_s(&a, "fourteen bytes"), SLOT_OK);
	ck_assert_ptr_eq(corners_scalars_get_s(&a), a.s.b); /* in the object */
	ck_assert_int_eq(corners_scalars_set_s(&a, "fifteen bytes!!"), SLOT_OK);
	ck_assert_ptr_ne(corners_scalars_get_s(&a), a.s.b); /* on the heap */
	ck_assert_str_eq(corners_scalars_get_s(&a), "fifteen bytes!!");
	corners_scalars b;
	ck_assert_int_eq(corners_scalars_copy(&b, &a), SLOT_OK);
	ck_assert_ptr_ne(corners_scalars_get_s(&b), corners_scalars_get_s(&a));
	ck_assert_str_eq(corners_scalars_get_s(&b), "fifteen bytes!!");
	ck_assert_int_eq(corners_scalars_set_s(&a, "short"), SLOT_OK); /* frees the heap copy */
	ck_assert_str_eq(corners_scalars_get_s(&b), "fifteen bytes!!");
	slot_value v;
	ck_assert_int_eq(slot_get(&b, &corners_scalars_class, "s", &v), SLOT_OK);
	ck_assert_str_eq(v.as.s, "fifteen bytes!!");
	corners_scalars_clear_s(&a);
	ck_assert_ptr_null(corners_scalars_get_s(&a));
	corners_scalars_fini(&b);
	corners_scalars_fini(&a);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("corners");
	TCase *tc = tcase_create("all");
	tcase_add_test(tc, test_scalar_defaults_at_their_limits);
	tcase_add_test(tc, test_readonly_string_is_copied_by_init);
	tcase_add_test(tc, test_strings_kept_in_the_object);
	tcase_add_test(tc, test_slots_that_cannot_be_cleared);
	tcase_add_test(tc, test_nested_classes_and_arrays);
	tcase_add_test(tc, test_by_name_arrays_and_objects);
	tcase_add_test(tc, test_parent_without_slots);
	tcase_add_test(tc, test_lookup_every_slot_and_near_misses);
	tcase_add_test(tc, test_same_name_reads_every_byte_and_no_more);
	tcase_add_test(tc, test_lookup_by_length);
	tcase_add_test(tc, test_calls_on_a_looked_up_field);
	tcase_add_test(tc, test_enum_names_both_ways);
	tcase_add_test(tc, test_repr_like_a_dataclass);
	tcase_add_test(tc, test_equality_like_a_dataclass);
	tcase_add_test(tc, test_iterate_set_slots_and_get_or);
	tcase_add_test(tc, test_element_setter_for_classes_with_init_parameters);
	tcase_add_test(tc, test_type_error_messages);
	tcase_add_test(tc, test_defaults_through_the_table);
	tcase_add_test(tc, test_slots_named_after_keywords);
	tcase_add_test(tc, test_short_strings_in_the_object);
	suite_add_tcase(s, tc);
	return check_run(s);
}
