/* check-lists.c - lists and bytes, as a C programmer uses them
 * (tests/schemas/lists.yaml): every accessor and every failure, deep copy
 * and equality, repr as Python prints, by-name access. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "../alloc/failing.h"
#include "../check-run.h"
#include "lists.h"

START_TEST(test_numbers_append_insert_remove)
{
	lists_bag b;
	lists_bag_init(&b);
	ck_assert(!lists_bag_has_ints(&b));
	ck_assert_uint_eq(lists_bag_len_ints(&b), 0);
	ck_assert_ptr_null(lists_bag_get_ints(&b));
	for (int32_t i = 0; i < 1000; i++)
		ck_assert_int_eq(lists_bag_append_ints(&b, i * 3), SLOT_OK);
	ck_assert(lists_bag_has_ints(&b));
	ck_assert_uint_eq(lists_bag_len_ints(&b), 1000);
	const int32_t *all = lists_bag_get_ints(&b);
	for (int32_t i = 0; i < 1000; i++)
		ck_assert_int_eq(all[i], i * 3);
	lists_bag_set_ints_at(&b, 5, -1);
	ck_assert_int_eq(lists_bag_get_ints_at(&b, 5), -1);
	ck_assert_int_eq(lists_bag_insert_ints_at(&b, 0, 7), SLOT_OK);
	ck_assert_int_eq(lists_bag_insert_ints_at(&b, 1001, 8), SLOT_OK); /* at the end */
	ck_assert_int_eq(lists_bag_insert_ints_at(&b, 1003, 9), SLOT_EINDEX);
	ck_assert_uint_eq(lists_bag_len_ints(&b), 1002);
	ck_assert_int_eq(lists_bag_get_ints_at(&b, 0), 7);
	ck_assert_int_eq(lists_bag_get_ints_at(&b, 1), 0);
	ck_assert_int_eq(lists_bag_get_ints_at(&b, 1001), 8);
	ck_assert_int_eq(lists_bag_remove_ints_at(&b, 0), SLOT_OK);
	ck_assert_int_eq(lists_bag_remove_ints_at(&b, 1001), SLOT_EINDEX);
	ck_assert_int_eq(lists_bag_get_ints_at(&b, 0), 0);
	ck_assert_int_eq(lists_bag_reserve_ints(&b, 5000), SLOT_OK);
	ck_assert_uint_ge(b.ints.cap, 5000);
	ck_assert_uint_eq(lists_bag_len_ints(&b), 1001);
	/* Emptied, a list is set and holds nothing, as after l.clear(). */
	lists_bag_empty_ints(&b);
	ck_assert(lists_bag_has_ints(&b));
	ck_assert_uint_eq(lists_bag_len_ints(&b), 0);
	/* Cleared, it is unset, as after del o.l: not the same as []. */
	lists_bag_clear_ints(&b);
	ck_assert(!lists_bag_has_ints(&b));
	/* Room makes a list set: appends into it need not set the bit. */
	ck_assert_int_eq(lists_bag_reserve_ints(&b, 10), SLOT_OK);
	ck_assert(lists_bag_has_ints(&b));
	ck_assert_uint_eq(lists_bag_len_ints(&b), 0);
	lists_bag_clear_ints(&b);
	ck_assert_int_eq(lists_bag_append_ints(&b, 1), SLOT_OK);
	ck_assert(lists_bag_has_ints(&b));
	lists_bag_clear_ints(&b);
	const int32_t some[] = {4, 5, 6};
	ck_assert_int_eq(lists_bag_set_ints(&b, some, 3), SLOT_OK);
	ck_assert_int_eq(lists_bag_get_ints_at(&b, 2), 6);
	lists_bag_empty_colors(&b);
	ck_assert_int_eq(lists_bag_append_colors(&b, LISTS_COLOR_BLUE), SLOT_OK);
	ck_assert_int_eq(lists_bag_append_flags(&b, true), SLOT_OK);
	ck_assert_int_eq(lists_bag_append_reals(&b, 0.5), SLOT_OK);
	char buf[256];
	lists_bag_repr(buf, sizeof buf, &b);
	ck_assert_str_eq(buf, "Bag(ints=[4, 5, 6], flags=[True], reals=[0.5], colors=[blue])");
	lists_bag_fini(&b);
}
END_TEST

START_TEST(test_strings_are_copied_and_owned)
{
	lists_bag b;
	lists_bag_init(&b);
	char word[8] = "alpha";
	ck_assert_int_eq(lists_bag_append_names(&b, word), SLOT_OK);
	strcpy(word, "beta");
	ck_assert_str_eq(lists_bag_get_names_at(&b, 0), "alpha");
	ck_assert_int_eq(lists_bag_append_names(&b, NULL), SLOT_ETYPE);
	ck_assert_int_eq(lists_bag_insert_names_at(&b, 0, word), SLOT_OK);
	ck_assert_int_eq(lists_bag_set_names_at(&b, 1, "it's"), SLOT_OK);
	ck_assert_int_eq(lists_bag_set_names_at(&b, 2, "x"), SLOT_EINDEX);
	ck_assert_int_eq(lists_bag_set_names_at(&b, 0, NULL), SLOT_ETYPE);
	ck_assert_str_eq(slot_str_get(&lists_bag_get_names(&b)[0]), "beta");
	const char *with_null[] = {"a", NULL};
	ck_assert_int_eq(lists_bag_set_names(&b, with_null, 2), SLOT_ETYPE);
	ck_assert_uint_eq(lists_bag_len_names(&b), 2); /* unchanged */
	char buf[128];
	lists_bag_repr(buf, sizeof buf, &b);
	ck_assert_str_eq(buf, "Bag(names=['beta', \"it's\"])");
	ck_assert_int_eq(lists_bag_remove_names_at(&b, 0), SLOT_OK);
	ck_assert_str_eq(lists_bag_get_names_at(&b, 0), "it's");
	lists_bag_fini(&b);
}
END_TEST

START_TEST(test_bytes_hold_any_byte)
{
	lists_bag b;
	lists_bag_init(&b);
	size_t len = 99;
	ck_assert_ptr_null(lists_bag_get_payload(&b, &len));
	ck_assert_uint_eq(len, 0);
	static const unsigned char raw[] = {0, 'a', 'b', 0xff, '\'', '\n'};
	ck_assert_int_eq(lists_bag_set_payload(&b, raw, sizeof raw), SLOT_OK);
	const unsigned char *got = lists_bag_get_payload(&b, &len);
	ck_assert_uint_eq(len, sizeof raw);
	ck_assert_mem_eq(got, raw, sizeof raw);
	ck_assert_ptr_ne(got, raw);
	ck_assert_int_eq(lists_bag_set_payload(&b, NULL, 3), SLOT_ETYPE);
	ck_assert_uint_eq(b.payload.len, sizeof raw);
	char buf[128];
	lists_bag_repr(buf, sizeof buf, &b);
	ck_assert_str_eq(buf, "Bag(payload=b\"\\x00ab\\xff'\\n\")");
	/* Empty bytes are set: b'' is not an unset slot. */
	ck_assert_int_eq(lists_bag_set_payload(&b, NULL, 0), SLOT_OK);
	ck_assert(lists_bag_has_payload(&b));
	lists_bag_repr(buf, sizeof buf, &b);
	ck_assert_str_eq(buf, "Bag(payload=b'')");
	slot_bytes blob = {(unsigned char *)"xy", 2};
	ck_assert_int_eq(lists_bag_append_blobs(&b, &blob), SLOT_OK);
	ck_assert_uint_eq(lists_bag_get_blobs_at(&b, 0)->len, 2);
	lists_bag_clear_payload(&b);
	ck_assert(!lists_bag_has_payload(&b));
	lists_bag_fini(&b);
}
END_TEST

START_TEST(test_objects_and_lists_of_lists)
{
	lists_bag b;
	lists_bag_init(&b);
	lists_point p;
	lists_point_init(&p);
	lists_point_set_x(&p, 1);
	lists_point_set_y(&p, 2);
	ck_assert_int_eq(lists_bag_append_points(&b, &p), SLOT_OK);
	lists_point_set_x(&p, 5);
	ck_assert_int_eq(lists_point_get_x(lists_bag_get_points_at(&b, 0)), 1);
	lists_point_set_y(lists_bag_mut_points_at(&b, 0), 9);
	ck_assert_int_eq(lists_point_get_y(lists_bag_get_points_at(&b, 0)), 9);
	/* A row of the grid: a list in a list, through the runtime's calls. */
	slot_list row = {NULL, 0, 0};
	int16_t cells[] = {1, 2};
	ck_assert_int_eq(slot_list_assign(&row, lists_bag_grid_elem.elem, cells, 2), SLOT_OK);
	ck_assert_int_eq(lists_bag_append_grid(&b, &row), SLOT_OK);
	slot_list_fini(&row, lists_bag_grid_elem.elem);
	lists_bag_empty_grid(&b);
	ck_assert_int_eq(lists_bag_append_grid(&b, &row), SLOT_OK); /* an empty row */
	int16_t more = 3;
	ck_assert_int_eq(slot_list_insert(lists_bag_mut_grid_at(&b, 0), lists_bag_grid_elem.elem, 0,
					  &more),
			 SLOT_OK);
	char buf[256];
	lists_bag_repr(buf, sizeof buf, &b);
	ck_assert_str_eq(buf, "Bag(points=[Point(x=1, y=9)], grid=[[3]])");
	/* Copies are deep; equality compares element by element. */
	lists_bag c;
	ck_assert_int_eq(lists_bag_copy(&c, &b), SLOT_OK);
	ck_assert(lists_bag_equal(&b, &c));
	lists_point_set_x(lists_bag_mut_points_at(&c, 0), 4);
	ck_assert(!lists_bag_equal(&b, &c));
	ck_assert_int_eq(lists_point_get_x(lists_bag_get_points_at(&b, 0)), 1);
	lists_bag_fini(&c);
	lists_bag_fini(&b);
}
END_TEST

START_TEST(test_inherited_lists_and_trees)
{
	lists_labeled l;
	lists_labeled_init(&l);
	ck_assert_int_eq(lists_labeled_append_ints(&l, 3), SLOT_OK);
	ck_assert_int_eq(lists_labeled_append_labels(&l, "x"), SLOT_OK);
	ck_assert_uint_eq(lists_labeled_len_ints(&l), 1);
	char buf[128];
	lists_labeled_repr(buf, sizeof buf, &l);
	ck_assert_str_eq(buf, "Labeled(ints=[3], labels=['x'])");
	lists_labeled_fini(&l);

	lists_node root, leaf;
	lists_node_init(&root);
	lists_node_init(&leaf);
	lists_node_set_value(&leaf, 2);
	ck_assert_int_eq(lists_node_append_children(&root, &leaf), SLOT_OK);
	ck_assert_int_eq(lists_node_append_children(lists_node_mut_children_at(&root, 0), &leaf),
			 SLOT_OK);
	lists_node_repr(buf, sizeof buf, &root);
	ck_assert_str_eq(buf, "Node(children=[Node(value=2, children=[Node(value=2)])])");
	lists_node_fini(&leaf);
	lists_node_fini(&root);
}
END_TEST

START_TEST(test_by_name)
{
	lists_bag b;
	lists_bag_init(&b);
	int32_t some[] = {1, 2, 3};
	slot_value v = {SLOT_LIST, 3, NULL, NULL, {.p = some}, sizeof(int32_t), &lists_bag_ints_elem};
	ck_assert_int_eq(slot_set(&b, &lists_bag_class, "ints", &v), SLOT_OK);
	some[0] = 9; /* a copy was stored */
	ck_assert_int_eq(lists_bag_get_ints_at(&b, 0), 1);
	slot_value got;
	ck_assert_int_eq(slot_get(&b, &lists_bag_class, "ints", &got), SLOT_OK);
	ck_assert_int_eq(got.type, SLOT_LIST);
	ck_assert_uint_eq(got.count, 3);
	ck_assert_ptr_eq(got.as.p, lists_bag_get_ints(&b)); /* lent */
	ck_assert(slot_elem_same(got.elem, &lists_bag_ints_elem));
	v.elem = &lists_bag_colors_elem; /* a list of another kind */
	ck_assert_int_eq(slot_set(&b, &lists_bag_class, "ints", &v), SLOT_ETYPE);
	slot_bytes raw = {(unsigned char *)"\0z", 2};
	slot_value bytes = {SLOT_BYTES, 1, NULL, NULL, {.p = &raw}, 0, NULL};
	ck_assert_int_eq(slot_set(&b, &lists_bag_class, "payload", &bytes), SLOT_OK);
	ck_assert_int_eq(slot_get(&b, &lists_bag_class, "payload", &got), SLOT_OK);
	ck_assert_uint_eq(((const slot_bytes *)got.as.p)->len, 2);
	ck_assert_int_eq(slot_set(&b, &lists_bag_class, "ints", &bytes), SLOT_ETYPE);
	ck_assert_int_eq(slot_clear(&b, &lists_bag_class, "ints"), SLOT_OK);
	ck_assert(!lists_bag_has_ints(&b));
	ck_assert_int_eq(slot_get(&b, &lists_bag_class, "ints", &got), SLOT_ENOATTR);
	lists_bag_fini(&b);
}
END_TEST

/* A bag holding one of everything, for the failure tests. */
static void fill(lists_bag *b)
{
	lists_bag_init(b);
	ck_assert_int_eq(lists_bag_append_ints(b, 1), SLOT_OK);
	ck_assert_int_eq(lists_bag_append_names(b, "one"), SLOT_OK);
	ck_assert_int_eq(lists_bag_append_names(b, "two"), SLOT_OK);
	slot_bytes blob = {(unsigned char *)"ab", 2};
	ck_assert_int_eq(lists_bag_append_blobs(b, &blob), SLOT_OK);
	lists_point p;
	lists_point_init(&p);
	ck_assert_int_eq(lists_bag_append_points(b, &p), SLOT_OK);
	slot_list row = {NULL, 0, 0};
	int16_t cells[] = {1, 2};
	ck_assert_int_eq(slot_list_assign(&row, lists_bag_grid_elem.elem, cells, 2), SLOT_OK);
	ck_assert_int_eq(lists_bag_append_grid(b, &row), SLOT_OK);
	slot_list_fini(&row, lists_bag_grid_elem.elem);
	ck_assert_int_eq(lists_bag_set_payload(b, "xyz", 3), SLOT_OK);
}

/* Each allocation of each list call fails in turn: the call returns
 * SLOT_ENOMEM, the bag is as it was, and no block is left behind. */
START_TEST(test_every_allocation_failure_keeps_the_bag)
{
	lists_bag b, before;
	fill(&b);
	ck_assert_int_eq(lists_bag_copy(&before, &b), SLOT_OK);
	long live = A.live;
#define KEPT                                                                                    \
	do {                                                                                    \
		ck_assert(lists_bag_equal(&b, &before));                                        \
		ck_assert_int_eq(A.live, live);                                                 \
	} while (0)
	EVERY_FAILURE(rc = lists_bag_append_names(&b, "three"), KEPT);
	ck_assert_int_eq(lists_bag_remove_names_at(&b, 2), SLOT_OK);
	EVERY_FAILURE(rc = lists_bag_insert_names_at(&b, 0, "zero"), KEPT);
	ck_assert_int_eq(lists_bag_remove_names_at(&b, 0), SLOT_OK);
	EVERY_FAILURE(rc = lists_bag_set_names_at(&b, 1, "deux"), KEPT);
	ck_assert_int_eq(lists_bag_set_names_at(&b, 1, "two"), SLOT_OK);
	const char *words[] = {"a", "b", "c"};
	EVERY_FAILURE(rc = lists_bag_set_names(&b, words, 3), KEPT);
	ck_assert_int_eq(lists_bag_set_names(&b, words + 0, 0), SLOT_OK);
	ck_assert_int_eq(lists_bag_append_names(&b, "one"), SLOT_OK);
	ck_assert_int_eq(lists_bag_append_names(&b, "two"), SLOT_OK);
	/* Growing a list past its room reallocates: numbers by the inline
	 * append, objects through slot_list_insert. */
	lists_bag g;
	lists_bag_init(&g);
	lists_point p;
	lists_point_init(&p);
	for (int32_t i = 0; i < 4; i++) {
		ck_assert_int_eq(lists_bag_append_ints(&g, i), SLOT_OK);
		ck_assert_int_eq(lists_bag_append_points(&g, &p), SLOT_OK);
	}
	ck_assert_uint_eq(g.ints.cap, 4);
	ck_assert_uint_eq(g.points.cap, 4);
	live = A.live;
	EVERY_FAILURE(rc = lists_bag_append_ints(&g, 4), {
		ck_assert_uint_eq(lists_bag_len_ints(&g), 4);
		ck_assert_int_eq(lists_bag_get_ints_at(&g, 3), 3);
		ck_assert_int_eq(A.live, live);
	});
	EVERY_FAILURE(rc = lists_bag_append_points(&g, &p), {
		ck_assert_uint_eq(lists_bag_len_points(&g), 4);
		ck_assert_int_eq(A.live, live);
	});
	ck_assert_uint_eq(lists_bag_len_ints(&g), 5);
	ck_assert_uint_eq(lists_bag_len_points(&g), 5);
	lists_bag_fini(&g);
	live = A.live;
	slot_bytes blob = {(unsigned char *)"cd", 2};
	EVERY_FAILURE(rc = lists_bag_set_blobs_at(&b, 0, &blob), KEPT);
	ck_assert_int_eq(lists_bag_set_blobs_at(&b, 0, &(slot_bytes){(unsigned char *)"ab", 2}),
			 SLOT_OK);
	EVERY_FAILURE(rc = lists_bag_set_payload(&b, "abc", 3), KEPT);
	ck_assert_int_eq(lists_bag_set_payload(&b, "xyz", 3), SLOT_OK);
	ck_assert(lists_bag_equal(&b, &before));
	/* A deep copy fails at each of its allocations without a leak. */
	lists_bag c;
	EVERY_FAILURE(rc = lists_bag_copy(&c, &b), ck_assert_int_eq(A.live, live));
	ck_assert(lists_bag_equal(&b, &c));
	lists_bag_fini(&c);
	/* By name, the same: a list's strings given as it keeps them, lent. */
	slot_str names[] = {slot_str_lend("x"), slot_str_lend("a string past fourteen bytes")};
	slot_value v = {SLOT_LIST, 2, NULL, NULL, {.p = names}, sizeof(slot_str),
			&lists_bag_names_elem};
	EVERY_FAILURE(rc = slot_set(&b, &lists_bag_class, "names", &v), KEPT);
#undef KEPT
	lists_bag_fini(&b);
	lists_bag_fini(&before);
}
END_TEST

START_TEST(test_dicts_keep_insertion_order)
{
	lists_service s;
	lists_service_init(&s);
	ck_assert(!lists_service_has_ports(&s));
	ck_assert_ptr_null(lists_service_get_ports(&s, "http"));
	ck_assert_int_eq(lists_service_put_ports(&s, "http", 80), SLOT_OK);
	ck_assert_int_eq(lists_service_put_ports(&s, "https", 443), SLOT_OK);
	ck_assert_int_eq(lists_service_put_ports(&s, "admin", 8080), SLOT_OK);
	ck_assert(lists_service_has_ports(&s));
	ck_assert_uint_eq(lists_service_len_ports(&s), 3);
	ck_assert_int_eq(*lists_service_get_ports(&s, "https"), 443);
	ck_assert(lists_service_contains_ports(&s, "admin"));
	ck_assert(!lists_service_contains_ports(&s, "ftp"));
	/* A known key keeps its place; its value is replaced. */
	ck_assert_int_eq(lists_service_put_ports(&s, "http", 8000), SLOT_OK);
	ck_assert_str_eq(lists_service_key_ports_at(&s, 0), "http");
	ck_assert_int_eq(lists_service_value_ports_at(&s, 0), 8000);
	ck_assert_int_eq(lists_service_delete_ports(&s, "https"), SLOT_OK);
	ck_assert_int_eq(lists_service_delete_ports(&s, "https"), SLOT_EKEY);
	ck_assert_int_eq(lists_service_put_ports(&s, NULL, 1), SLOT_ETYPE);
	ck_assert_str_eq(lists_service_key_ports_at(&s, 1), "admin");
	char buf[256];
	lists_service_repr(buf, sizeof buf, &s);
	ck_assert_str_eq(buf, "Service(ports={'http': 8000, 'admin': 8080})");
	ck_assert_int_eq(lists_service_put_env(&s, "PATH", "/bin"), SLOT_OK);
	ck_assert_int_eq(lists_service_put_env(&s, "HOME", NULL), SLOT_ETYPE);
	ck_assert_str_eq(lists_service_get_env(&s, "PATH"), "/bin");
	ck_assert_ptr_null(lists_service_get_env(&s, "HOME"));
	lists_service_empty_env(&s);
	ck_assert(lists_service_has_env(&s));
	ck_assert_uint_eq(lists_service_len_env(&s), 0);
	lists_service_clear_env(&s);
	ck_assert(!lists_service_has_env(&s));
	lists_service_fini(&s);
}
END_TEST

/* Past 8 entries a dict is indexed: 2,000 keys are found, deleted from the
 * middle, and the rest found again, in order. */
START_TEST(test_large_dicts)
{
	lists_service s;
	lists_service_init(&s);
	char key[32];
	for (int i = 0; i < 2000; i++) {
		snprintf(key, sizeof key, "key-%d", i);
		ck_assert_int_eq(lists_service_put_weights(&s, key, i * 0.5), SLOT_OK);
	}
	ck_assert_uint_eq(lists_service_len_weights(&s), 2000);
	for (int i = 0; i < 2000; i++) {
		snprintf(key, sizeof key, "key-%d", i);
		const double *w = lists_service_get_weights(&s, key);
		ck_assert_ptr_nonnull(w);
		ck_assert(*w == i * 0.5);
	}
	ck_assert_ptr_null(lists_service_get_weights(&s, "key-2000"));
	for (int i = 0; i < 2000; i += 3) {
		snprintf(key, sizeof key, "key-%d", i);
		ck_assert_int_eq(lists_service_delete_weights(&s, key), SLOT_OK);
	}
	ck_assert_uint_eq(lists_service_len_weights(&s), 1333);
	for (int i = 0; i < 2000; i++) {
		snprintf(key, sizeof key, "key-%d", i);
		ck_assert(lists_service_contains_weights(&s, key) == (i % 3 != 0));
	}
	ck_assert_str_eq(lists_service_key_weights_at(&s, 0), "key-1");
	ck_assert_str_eq(lists_service_key_weights_at(&s, 1332), "key-1999");
	lists_service_fini(&s);
}
END_TEST

START_TEST(test_dicts_of_everything)
{
	lists_service s;
	lists_service_init(&s);
	lists_point p;
	lists_point_init(&p);
	lists_point_set_x(&p, 7);
	ck_assert_int_eq(lists_service_put_points(&s, "origin", &p), SLOT_OK);
	lists_point_set_y(lists_service_mut_points(&s, "origin"), 8);
	ck_assert_int_eq(lists_point_get_y(lists_service_get_points(&s, "origin")), 8);
	slot_list group = {NULL, 0, 0};
	const char *names[] = {"ann", "bob"};
	ck_assert_int_eq(slot_list_assign_texts(&group, lists_service_groups_elem.elem, names, 2),
			 SLOT_OK);
	ck_assert_int_eq(lists_service_put_groups(&s, "admins", &group), SLOT_OK);
	slot_list_fini(&group, lists_service_groups_elem.elem);
	slot_map inner = {NULL, 0, 0, NULL};
	int32_t one = 1;
	ck_assert_int_eq(slot_map_put(&inner, lists_service_nested_elem.elem, "one", &one), SLOT_OK);
	ck_assert_int_eq(lists_service_put_nested(&s, "numbers", &inner), SLOT_OK);
	slot_map_fini(&inner, lists_service_nested_elem.elem);
	slot_bytes blob = {(unsigned char *)"\x01", 1};
	ck_assert_int_eq(lists_service_put_blobs(&s, "b", &blob), SLOT_OK);
	ck_assert_int_eq(lists_service_put_colors(&s, "sky", LISTS_COLOR_BLUE), SLOT_OK);
	ck_assert_int_eq(lists_service_put_flags(&s, "on", true), SLOT_OK);
	char buf[512];
	lists_service_repr(buf, sizeof buf, &s);
	ck_assert_str_eq(buf, "Service(flags={'on': True}, colors={'sky': blue}, blobs={'b': b'\\x01'}, "
			      "points={'origin': Point(x=7, y=8)}, groups={'admins': ['ann', 'bob']}, "
			      "nested={'numbers': {'one': 1}})");
	/* Equal dicts are equal in any order, as in Python. */
	lists_service t;
	ck_assert_int_eq(lists_service_copy(&t, &s), SLOT_OK);
	ck_assert(lists_service_equal(&s, &t));
	ck_assert_int_eq(lists_service_put_colors(&s, "grass", LISTS_COLOR_GREEN), SLOT_OK);
	ck_assert(!lists_service_equal(&s, &t));
	lists_service_empty_colors(&t);
	ck_assert_int_eq(lists_service_put_colors(&t, "grass", LISTS_COLOR_GREEN), SLOT_OK);
	ck_assert_int_eq(lists_service_put_colors(&t, "sky", LISTS_COLOR_BLUE), SLOT_OK);
	ck_assert(lists_service_equal(&s, &t));
	lists_service_fini(&t);
	/* By name, a dict is the slot_map, lent; set stores a deep copy. */
	slot_value got;
	ck_assert_int_eq(slot_get(&s, &lists_service_class, "colors", &got), SLOT_OK);
	ck_assert_int_eq(got.type, SLOT_MAP);
	ck_assert_uint_eq(got.count, 2);
	lists_deployment d;
	lists_deployment_init(&d);
	ck_assert_int_eq(slot_set(&d, &lists_deployment_class, "colors", &got), SLOT_OK);
	ck_assert_int_eq(lists_deployment_value_colors_at(&d, 1), LISTS_COLOR_GREEN);
	got.elem = &lists_service_ports_elem;
	ck_assert_int_eq(slot_set(&d, &lists_deployment_class, "colors", &got), SLOT_ETYPE);
	ck_assert_int_eq(lists_deployment_put_labels(&d, "app", "web"), SLOT_OK);
	ck_assert_int_eq(lists_deployment_append_services(&d, &s), SLOT_OK);
	ck_assert_uint_eq(lists_service_len_points(lists_deployment_get_services_at(&d, 0)), 1);
	lists_deployment_fini(&d);
	lists_service_fini(&s);
}
END_TEST

/* Each allocation of a put (a new key, the growth of the entries, the
 * index made at the ninth entry) and of a copy fails in turn. */
START_TEST(test_every_dict_allocation_failure)
{
	lists_service s, before;
	lists_service_init(&s);
	char key[16];
	for (int i = 0; i < 12; i++) {
		lists_service k;
		ck_assert_int_eq(lists_service_copy(&before, &s), SLOT_OK);
		long live = A.live;
		snprintf(key, sizeof key, "k%d", i);
		EVERY_FAILURE(rc = lists_service_put_env(&s, key, "value"), {
			ck_assert(lists_service_equal(&s, &before));
			ck_assert_int_eq(A.live, live);
		});
		lists_service_fini(&before);
		live = A.live;
		EVERY_FAILURE(rc = lists_service_copy(&k, &s), ck_assert_int_eq(A.live, live));
		lists_service_fini(&k);
	}
	ck_assert_int_eq(lists_service_copy(&before, &s), SLOT_OK);
	long live = A.live;
	EVERY_FAILURE(rc = lists_service_put_env(&s, "k3", "new value"), {
		ck_assert(lists_service_equal(&s, &before));
		ck_assert_int_eq(A.live, live);
	});
	ck_assert_str_eq(lists_service_get_env(&s, "k3"), "new value");
	lists_service_fini(&before);
	lists_service_fini(&s);
}
END_TEST

START_TEST(test_optional_children)
{
	lists_chain c;
	lists_chain_init(&c);
	ck_assert(!lists_chain_has_next(&c));
	ck_assert_ptr_null(lists_chain_get_next(&c));
	lists_chain *next = lists_chain_ensure_next(&c);
	ck_assert_ptr_nonnull(next);
	ck_assert(lists_chain_has_next(&c));
	ck_assert_ptr_eq(lists_chain_ensure_next(&c), next); /* made once */
	lists_chain_set_value(next, 2);
	char buf[256];
	lists_chain_repr(buf, sizeof buf, &c);
	ck_assert_str_eq(buf, "Chain(next=Chain(value=2))");
	/* None is set, and not the same as unset. */
	ck_assert_int_eq(lists_chain_set_tag(&c, NULL), SLOT_OK);
	ck_assert(lists_chain_has_tag(&c));
	ck_assert_ptr_null(lists_chain_get_tag(&c));
	lists_chain_repr(buf, sizeof buf, &c);
	ck_assert_str_eq(buf, "Chain(next=Chain(value=2), tag=None)");
	lists_tagged t;
	lists_tagged_init(&t, 7);
	ck_assert_int_eq(lists_chain_set_tag(&c, &t), SLOT_OK);
	ck_assert_ptr_ne(lists_chain_get_tag(&c), &t); /* a copy */
	ck_assert_uint_eq(lists_tagged_get_id(lists_chain_get_tag(&c)), 7);
	lists_tagged_fini(&t);
	/* Copies are deep; equality looks through the children. */
	lists_chain d;
	ck_assert_int_eq(lists_chain_copy(&d, &c), SLOT_OK);
	ck_assert(lists_chain_equal(&c, &d));
	lists_chain_set_value(lists_chain_ensure_next(&d), 3);
	ck_assert(!lists_chain_equal(&c, &d));
	/* take hands the child over; the slot is None afterwards. */
	lists_chain *taken = lists_chain_take_next(&d);
	ck_assert_int_eq(lists_chain_get_value(taken), 3);
	ck_assert(lists_chain_has_next(&d));
	ck_assert_ptr_null(lists_chain_get_next(&d));
	lists_chain_free(taken);
	lists_chain_clear_next(&d);
	ck_assert(!lists_chain_has_next(&d));
	/* By name: the child, lent, or NULL for None; set copies. */
	slot_value got;
	ck_assert_int_eq(slot_get(&c, &lists_chain_class, "next", &got), SLOT_OK);
	ck_assert_ptr_eq(got.as.p, lists_chain_get_next(&c));
	ck_assert_int_eq(slot_set(&d, &lists_chain_class, "next", &got), SLOT_OK);
	ck_assert(lists_chain_equal(lists_chain_get_next(&c), lists_chain_get_next(&d)));
	slot_value none = {SLOT_OPTIONAL, 1, NULL, NULL, {.p = NULL}, 0, NULL};
	ck_assert_int_eq(slot_set(&d, &lists_chain_class, "next", &none), SLOT_OK);
	ck_assert(lists_chain_has_next(&d) && !lists_chain_get_next(&d));
	slot_value wrong = {SLOT_OBJECT, 1, NULL, &lists_point_class, {.p = &c}, 0, NULL};
	ck_assert_int_eq(slot_set(&d, &lists_chain_class, "next", &wrong), SLOT_ETYPE);
	lists_chain_fini(&d);
	lists_chain_fini(&c);
}
END_TEST

/* A chain of a million optional children and a tree a million deep through
 * lists are copied, compared and freed without recursion: the C stack
 * stays small. */
START_TEST(test_a_million_deep_is_freed)
{
	lists_chain head, other;
	lists_chain_init(&head);
	lists_chain_init(&other);
	lists_chain *c = &head, *d = &other;
	for (int i = 0; i < 1000000; i++) {
		c = lists_chain_ensure_next(c);
		d = lists_chain_ensure_next(d);
		ck_assert(c && d);
		lists_chain_set_value(c, i);
		lists_chain_set_value(d, i);
	}
	ck_assert(lists_chain_equal(&head, &other));
	lists_chain copy;
	ck_assert_int_eq(lists_chain_copy(&copy, &head), SLOT_OK);
	ck_assert(lists_chain_equal(&copy, &head));
	lists_chain_fini(&copy);
	/* repr writes 256 levels and `...` past them, as reprlib does. */
	static char text[8192];
	size_t written = lists_chain_repr(text, sizeof text, &head);
	ck_assert_uint_lt(written, sizeof text);
	ck_assert_ptr_nonnull(strstr(text, "next=...)"));
	lists_chain_set_value(d, -1); /* the last link differs */
	ck_assert(!lists_chain_equal(&head, &other));
	lists_chain_fini(&other);
	lists_chain_fini(&head);
	ck_assert(!lists_chain_has_next(&head));

	lists_node root, leaf;
	lists_node_init(&root);
	lists_node_init(&leaf);
	lists_node *n = &root;
	for (int i = 0; i < 1000000; i++) {
		ck_assert_int_eq(lists_node_append_children(n, &leaf), SLOT_OK);
		n = lists_node_mut_children_at(n, 0);
	}
	lists_node twin;
	lists_node_init(&twin);
	n = &twin;
	for (int i = 0; i < 1000000; i++) {
		ck_assert_int_eq(lists_node_append_children(n, &leaf), SLOT_OK);
		n = lists_node_mut_children_at(n, 0);
	}
	ck_assert(lists_node_equal(&root, &twin));
	lists_node deep;
	ck_assert_int_eq(lists_node_copy(&deep, &root), SLOT_OK);
	ck_assert(lists_node_equal(&deep, &twin));
	lists_node_fini(&deep);
	lists_node_set_value(n, 5);
	ck_assert(!lists_node_equal(&root, &twin));
	lists_node_fini(&twin);
	lists_node_fini(&root);
	lists_node_fini(&leaf);
}
END_TEST

START_TEST(test_every_optional_allocation_failure)
{
	lists_chain c, before;
	lists_chain_init(&c);
	lists_chain_set_value(lists_chain_ensure_next(&c), 1);
	ck_assert_int_eq(lists_chain_copy(&before, &c), SLOT_OK);
	long live = A.live;
	lists_chain *first = lists_chain_ensure_next(&c), *got = NULL;
	EVERY_FAILURE(rc = (got = lists_chain_ensure_next(first)) ? SLOT_OK : SLOT_ENOMEM, {
		ck_assert(lists_chain_equal(&c, &before));
		ck_assert_int_eq(A.live, live);
	});
	ck_assert_ptr_nonnull(got);
	lists_chain_fini(&before);
	ck_assert_int_eq(lists_chain_copy(&before, &c), SLOT_OK);
	live = A.live;
	EVERY_FAILURE(rc = lists_chain_set_next(&c, &before), {
		ck_assert(lists_chain_equal(&c, &before));
		ck_assert_int_eq(A.live, live);
	});
	lists_chain d;
	live = A.live;
	EVERY_FAILURE(rc = lists_chain_copy(&d, &c), ck_assert_int_eq(A.live, live));
	lists_chain_fini(&d);
	lists_chain_fini(&before);
	lists_chain_fini(&c);
}
END_TEST

/* Unions: the kind follows the value, as Python's int | str does. */
START_TEST(test_unions)
{
	lists_port p;
	lists_port_init(&p);
	ck_assert(!lists_port_has_target(&p));
	lists_port_set_target_int32(&p, 8080);
	ck_assert(lists_port_has_target(&p));
	ck_assert_int_eq(lists_port_kind_target(&p), LISTS_PORT_TARGET_INT32);
	ck_assert_int_eq(lists_port_get_target_int32(&p), 8080);
	ck_assert_ptr_null(lists_port_get_target_string(&p));
	ck_assert_int_eq(lists_port_set_target_string(&p, "http"), SLOT_OK);
	ck_assert_int_eq(lists_port_kind_target(&p), LISTS_PORT_TARGET_STRING);
	ck_assert_str_eq(lists_port_get_target_string(&p), "http");
	ck_assert_int_eq(lists_port_get_target_int32(&p), 0);
	ck_assert_int_eq(lists_port_set_target_string(&p, NULL), SLOT_ETYPE);
	ck_assert_int_eq(lists_port_set_any_bytes(&p, "\0\1", 2), SLOT_OK);
	ck_assert_uint_eq(lists_port_get_any_bytes(&p)->len, 2);
	char buf[128];
	lists_port_repr(buf, sizeof buf, &p);
	ck_assert_str_eq(buf, "Port(target='http', any=b'\\x00\\x01')");
	lists_port_set_any_color(&p, LISTS_COLOR_GREEN);
	lists_port_set_any_bool_(&p, true);
	lists_port_set_any_double_(&p, 0.25);
	lists_port_repr(buf, sizeof buf, &p);
	ck_assert_str_eq(buf, "Port(target='http', any=0.25)");
	/* Copies and equality follow the kind. */
	lists_port q;
	ck_assert_int_eq(lists_port_copy(&q, &p), SLOT_OK);
	ck_assert(lists_port_equal(&p, &q));
	lists_port_set_target_int32(&q, 1);
	ck_assert(!lists_port_equal(&p, &q));
	/* By name, a union gives the value of the type it holds, and takes a
	 * value of any of its types: a number goes to the first that fits. */
	slot_value got;
	ck_assert_int_eq(slot_get(&p, &lists_port_class, "target", &got), SLOT_OK);
	ck_assert_int_eq(got.type, SLOT_STRING);
	ck_assert_str_eq(got.as.s, "http");
	slot_value big = {SLOT_INT64, 1, NULL, NULL, {.i = 443}, 0, NULL};
	ck_assert_int_eq(slot_set(&p, &lists_port_class, "target", &big), SLOT_OK);
	ck_assert_int_eq(lists_port_kind_target(&p), LISTS_PORT_TARGET_INT32);
	ck_assert_int_eq(lists_port_get_target_int32(&p), 443);
	big.as.i = 1ll << 40;
	ck_assert_int_eq(slot_set(&p, &lists_port_class, "target", &big), SLOT_ERANGE);
	ck_assert_int_eq(lists_port_get_target_int32(&p), 443);
	slot_value name = {SLOT_STRING, 1, NULL, NULL, {.s = "https"}, 0, NULL};
	ck_assert_int_eq(slot_set(&p, &lists_port_class, "target", &name), SLOT_OK);
	ck_assert_str_eq(lists_port_get_target_string(&p), "https");
	slot_value real = {SLOT_DOUBLE, 1, NULL, NULL, {.d = 1.5}, 0, NULL};
	ck_assert_int_eq(slot_set(&p, &lists_port_class, "target", &real), SLOT_ETYPE);
	ck_assert_int_eq(slot_set(&p, &lists_port_class, "any", &big), SLOT_OK);
	ck_assert_int_eq(slot_get(&p, &lists_port_class, "any", &got), SLOT_OK);
	ck_assert_int_eq(got.type, SLOT_UINT64);
	lists_port_clear_target(&p);
	ck_assert(!lists_port_has_target(&p));
	lists_port_fini(&q);
	lists_port_fini(&p);
}
END_TEST

/* SLOT_ETYPE and SLOT_ERANGE messages name the types as the schema
 * spells them: a list's elements, a dict's values, a union's types, a
 * child's class. */
static const char *set_message(void *obj, const slot_class *cls, const char *name,
			       const slot_value *v, int want)
{
	static char msg[256];
	int rc = slot_set(obj, cls, name, v);
	ck_assert_int_eq(rc, want);
	ck_assert_int_lt(slot_strerror(msg, sizeof msg, rc, SLOT_OP_SET, cls, name, v),
			 (int)sizeof msg);
	return msg;
}

START_TEST(test_type_messages)
{
	lists_bag b;
	lists_bag_init(&b);
	int16_t some[] = {1, 2, 3};
	slot_value v = {SLOT_LIST, 3, NULL, NULL, {.p = some}, 0, &lists_bag_grid_elem};
	ck_assert_str_eq(set_message(&b, &lists_bag_class, "ints", &v, SLOT_ETYPE),
			 "'Bag' attribute 'ints' must be list[int32], not list[list[int16]]");
	v.elem = &lists_bag_colors_elem;
	ck_assert_str_eq(set_message(&b, &lists_bag_class, "ints", &v, SLOT_ETYPE),
			 "'Bag' attribute 'ints' must be list[int32], not list[Color]");
	v.elem = NULL;
	ck_assert_str_eq(set_message(&b, &lists_bag_class, "points", &v, SLOT_ETYPE),
			 "'Bag' attribute 'points' must be list[Point], not list");
	const char *names[] = {"a", NULL};
	slot_value strings = {SLOT_LIST, 2, NULL, NULL, {.p = names}, 0, &lists_bag_names_elem};
	ck_assert_str_eq(set_message(&b, &lists_bag_class, "names", &strings, SLOT_ETYPE),
			 "'Bag' attribute 'names' must be list[string], not list[string] holding NULL");
	ck_assert_str_eq(set_message(&b, &lists_bag_class, "payload", &strings, SLOT_ETYPE),
			 "'Bag' attribute 'payload' must be bytes, not list[string]");
	slot_bytes none = {NULL, 3};
	slot_value bytes = {SLOT_BYTES, 1, NULL, NULL, {.p = &none}, 0, NULL};
	ck_assert_str_eq(set_message(&b, &lists_bag_class, "payload", &bytes, SLOT_ETYPE),
			 "'Bag' attribute 'payload' must be bytes, not bytes holding NULL");
	bytes.as.p = NULL;
	ck_assert_str_eq(set_message(&b, &lists_bag_class, "payload", &bytes, SLOT_ETYPE),
			 "'Bag' attribute 'payload' must be bytes, not NULL");
	slot_value one = {SLOT_INT32, 1, NULL, NULL, {.i = 1}, 0, NULL};
	ck_assert_str_eq(set_message(&b, &lists_bag_class, "grid", &one, SLOT_ETYPE),
			 "'Bag' attribute 'grid' must be list[list[int16]], not int32");
	lists_bag_fini(&b);

	lists_deployment d;
	lists_deployment_init(&d);
	slot_map m = {0};
	slot_value map = {SLOT_MAP, 0, NULL, NULL, {.p = &m}, 0, &lists_service_ports_elem};
	ck_assert_str_eq(set_message(&d, &lists_deployment_class, "groups", &map, SLOT_ETYPE),
			 "'Deployment' attribute 'groups' must be dict[string, list[string]], "
			 "not dict[string, uint16]");
	ck_assert_str_eq(set_message(&d, &lists_deployment_class, "services", &map, SLOT_ETYPE),
			 "'Deployment' attribute 'services' must be list[Service], "
			 "not dict[string, uint16]");
	map.as.p = NULL;
	ck_assert_str_eq(set_message(&d, &lists_deployment_class, "ports", &map, SLOT_ETYPE),
			 "'Deployment' attribute 'ports' must be dict[string, uint16], not NULL");
	lists_deployment_fini(&d);

	lists_chain c;
	lists_chain_init(&c);
	lists_point p;
	lists_point_init(&p);
	slot_value child = {SLOT_OBJECT, 1, NULL, &lists_point_class, {.p = &p}, 0, NULL};
	ck_assert_str_eq(set_message(&c, &lists_chain_class, "next", &child, SLOT_ETYPE),
			 "'Chain' attribute 'next' must be Chain | None, not Point");
	child.type = SLOT_OPTIONAL;
	ck_assert_str_eq(set_message(&c, &lists_chain_class, "tag", &child, SLOT_ETYPE),
			 "'Chain' attribute 'tag' must be Tagged | None, not Point | None");
	child.as.p = NULL;
	ck_assert_str_eq(set_message(&c, &lists_chain_class, "value", &child, SLOT_ETYPE),
			 "'Chain' attribute 'value' must be int32, not None");
	lists_chain_fini(&c);

	lists_port q;
	lists_port_init(&q);
	slot_value real = {SLOT_DOUBLE, 1, NULL, NULL, {.d = 1.5}, 0, NULL};
	ck_assert_str_eq(set_message(&q, &lists_port_class, "target", &real, SLOT_ETYPE),
			 "'Port' attribute 'target' must be int32 | string, not double");
	slot_value null = {SLOT_STRING, 1, NULL, NULL, {.s = NULL}, 0, NULL};
	ck_assert_str_eq(set_message(&q, &lists_port_class, "target", &null, SLOT_ETYPE),
			 "'Port' attribute 'target' must be int32 | string, not NULL");
	slot_value big = {SLOT_UINT64, 1, NULL, NULL, {.u = 1ull << 40}, 0, NULL};
	ck_assert_str_eq(set_message(&q, &lists_port_class, "target", &big, SLOT_ERANGE),
			 "value out of range for 'Port' attribute 'target' (int32 | string)");
	ck_assert_str_eq(set_message(&q, &lists_port_class, "any", &strings, SLOT_ETYPE),
			 "'Port' attribute 'any' must be bool | uint64 | double | Color | bytes | "
			 "string, not list[string]");
	int32_t three[3] = {0};
	slot_value array = {SLOT_INT32, 3, NULL, NULL, {.p = three}, 0, NULL};
	ck_assert_str_eq(set_message(&q, &lists_port_class, "target", &array, SLOT_ETYPE),
			 "'Port' attribute 'target' must be int32 | string, not int32[3]");
	ck_assert(!lists_port_has_target(&q));
	lists_port_fini(&q);
}
END_TEST

/* A key for slot_map_add: short ones are kept in the slot_str, long ones
 * (every third) on the heap. */
static slot_str map_key(const char *name, int i)
{
	char text[64];
	snprintf(text, sizeof text, i % 3 ? "%s" : "%s, a key past fourteen bytes", name);
	slot_str key;
	memset(&key, 0, sizeof key);
	ck_assert_int_eq(slot_str_assign(&key, text), SLOT_OK);
	return key;
}

/* slot_map_add, the loaders' call: it moves the key in, refuses one the
 * dict holds (the key is then the caller's), and gives a zeroed value to
 * fill; past 8 entries the index finds the keys it added; a failed growth
 * leaves the dict as it was. */
START_TEST(test_map_add_takes_the_key)
{
	const slot_elem *e = &lists_service_weights_elem;
	lists_service s, before;
	lists_service_init(&s);
	char name[32];
	for (int i = 0; i < 20; i++) {
		void *value = NULL;
		snprintf(name, sizeof name, "w%d", i);
		slot_str key = map_key(name, i);
		ck_assert_int_eq(slot_map_add(&s.weights, e, &key, &value), SLOT_OK);
		ck_assert_ptr_null(slot_str_get(&key)); /* moved */
		ck_assert(*(double *)value == 0);
		*(double *)value = i;
		key = map_key(name, i);
		ck_assert_int_eq(slot_map_add(&s.weights, e, &key, &value), SLOT_EKEY);
		ck_assert_ptr_nonnull(slot_str_get(&key)); /* still the caller's */
		slot_str_fini(&key);
	}
	slot_str none;
	memset(&none, 0, sizeof none);
	ck_assert_int_eq(slot_map_add(&s.weights, e, &none, NULL), SLOT_ETYPE);
	lists_service_clear_weights(&s);
	lists_service_put_weights(&s, "w0", 0.0); /* set, and so owned by the slot */
	for (int i = 1; i < 20; i++) {
		void *value;
		snprintf(name, sizeof name, "w%d", i);
		slot_str key = map_key(name, i);
		ck_assert_int_eq(slot_map_add(&s.weights, e, &key, &value), SLOT_OK);
		*(double *)value = i;
	}
	for (int i = 0; i < 20; i++) {
		snprintf(name, sizeof name, "w%d", i);
		char text[64];
		snprintf(text, sizeof text, i % 3 || i == 0 ? "%s" : "%s, a key past fourteen bytes",
			 name);
		ck_assert(*lists_service_get_weights(&s, text) == i);
		ck_assert_str_eq(lists_service_key_weights_at(&s, (size_t)i), text);
	}
	ck_assert_int_eq(lists_service_copy(&before, &s), SLOT_OK);
	long live = A.live;
	slot_str key = map_key("new, and long", 0);
	void *value;
	EVERY_FAILURE(rc = slot_map_add(&s.weights, e, &key, &value), {
		ck_assert(lists_service_equal(&s, &before));
		ck_assert_int_eq(A.live, live + 1);
	});
	lists_service_fini(&before);
	lists_service_fini(&s);
}
END_TEST

/* slot_str_adopt, the loaders' call: a short string is copied into the
 * slot_str and the block left to its owner; a long one is taken (the
 * caller's pointer cleared) or copied, and a failed copy changes nothing. */
START_TEST(test_str_adopt_keeps_short_takes_long)
{
	slot_str s;
	char *text = slot_strdup("fourteen bytes");
	char *block = text;
	ck_assert_int_eq(slot_str_adopt(&s, &text, strlen(text), true), SLOT_OK);
	ck_assert_ptr_eq(text, block); /* still the caller's */
	ck_assert_str_eq(slot_str_get(&s), "fourteen bytes");
	ck_assert(slot_str_get(&s) == s.b); /* in the slot_str */
	slot_free(text);
	slot_str_fini(&s);
	text = slot_strdup("fifteen bytes!!");
	block = text;
	ck_assert_int_eq(slot_str_adopt(&s, &text, strlen(block), true), SLOT_OK);
	ck_assert_ptr_null(text); /* taken */
	ck_assert(slot_str_get(&s) == block);
	slot_str_fini(&s);
	text = slot_strdup("fifteen bytes!!");
	memset(&s, 0, sizeof s);
	long live = A.live;
	EVERY_FAILURE(rc = slot_str_adopt(&s, &text, strlen(text), false), {
		ck_assert_ptr_null(slot_str_get(&s));
		ck_assert_int_eq(A.live, live);
	});
	ck_assert_ptr_nonnull(text); /* copied */
	ck_assert_str_eq(slot_str_get(&s), text);
	ck_assert(slot_str_get(&s) != text);
	slot_free(text);
	slot_str_fini(&s);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("lists");
	TCase *tc = tcase_create("all");
	tcase_add_test(tc, test_numbers_append_insert_remove);
	tcase_add_test(tc, test_strings_are_copied_and_owned);
	tcase_add_test(tc, test_bytes_hold_any_byte);
	tcase_add_test(tc, test_objects_and_lists_of_lists);
	tcase_add_test(tc, test_inherited_lists_and_trees);
	tcase_add_test(tc, test_by_name);
	tcase_add_test(tc, test_dicts_keep_insertion_order);
	tcase_add_test(tc, test_large_dicts);
	tcase_add_test(tc, test_dicts_of_everything);
	tcase_add_test(tc, test_optional_children);
	tcase_add_test(tc, test_a_million_deep_is_freed);
	tcase_add_test(tc, test_unions);
	tcase_add_test(tc, test_type_messages);
	suite_add_tcase(s, tc);
	TCase *failures = tcase_create("failures");
	tcase_add_checked_fixture(failures, counting_setup, counting_teardown);
	tcase_add_test(failures, test_every_allocation_failure_keeps_the_bag);
	tcase_add_test(failures, test_every_dict_allocation_failure);
	tcase_add_test(failures, test_every_optional_allocation_failure);
	tcase_add_test(failures, test_map_add_takes_the_key);
	tcase_add_test(failures, test_str_adopt_keeps_short_takes_long);
	suite_add_tcase(s, failures);
	return check_run(s);
}
