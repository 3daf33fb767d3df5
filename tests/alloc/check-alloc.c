/* check-alloc.c - every allocation goes through the program's allocator
 * (slot_set_allocator): an arena serves a whole program, and a failure
 * injected at each allocation in turn leaves the object as it was, with
 * nothing leaked. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check-run.h"
#include "failing.h"

#include "corners_yaml.h"
#include "game_yaml.h"
#include "lists_yaml.h"

static game_player make_player(void)
{
	game_player p;
	game_player_init(&p, 7);
	ck_assert_int_eq(game_player_set_name(&p, "Ace"), SLOT_OK);
	ck_assert_int_eq(game_player_set_nickname(&p, "the one who was there first"), SLOT_OK);
	return p;
}

START_TEST(test_setters_keep_the_object)
{
	game_player p = make_player();
	long live = A.live;
	EVERY_FAILURE(rc = game_player_set_name(&p, "Bea"), {
		ck_assert_str_eq(game_player_get_name(&p), "Ace");
		ck_assert_int_eq(A.live, live);
	});
	ck_assert_str_eq(game_player_get_name(&p), "Bea");
	slot_value v = {SLOT_STRING, 1, NULL, NULL, {.s = "Cy"}, 0, NULL};
	EVERY_FAILURE(rc = slot_set(&p, &game_player_class, "nickname", &v), {
		ck_assert_str_eq(game_player_get_nickname(&p), "the one who was there first");
		ck_assert_int_eq(A.live, live);
	});
	ck_assert_str_eq(game_player_get_nickname(&p), "Cy");
	game_player_fini(&p);
}
END_TEST

START_TEST(test_init_copy_and_new_leak_nothing)
{
	corners_keyed k;
	EVERY_FAILURE(rc = corners_keyed_init(&k, "a key", CORNERS_LEVEL_MID),
		      ck_assert_int_eq(A.live, 0));
	corners_keyed_fini(&k);
	ck_assert_int_eq(A.live, 0);

	game_player p = make_player(), q;
	long live = A.live;
	EVERY_FAILURE(rc = game_player_copy(&q, &p), ck_assert_int_eq(A.live, live));
	ck_assert(game_player_equal(&p, &q));
	game_player_fini(&q);

	game_player *heap = NULL;
	EVERY_FAILURE(rc = (heap = game_player_new(9)) ? SLOT_OK : SLOT_ENOMEM,
		      ck_assert_int_eq(A.live, live));
	game_player_free(heap);
	game_player_fini(&p);
}
END_TEST

START_TEST(test_yaml_leaks_nothing_and_keeps_outputs)
{
	static const char doc[] = "id: 3\nname: Ace\nnickname: first\nscore: 12\n";
	game_player p;
	EVERY_FAILURE(rc = game_player_load_yaml(&p, doc, sizeof doc - 1, NULL),
		      ck_assert_int_eq(A.live, 0));
	ck_assert_str_eq(game_player_get_nickname(&p), "first");

	char *text = (char *)&text; /* a canary: untouched on failure */
	size_t len = 0;
	long live = A.live;
	EVERY_FAILURE(rc = game_player_dump_yaml(&p, &text, &len), {
		ck_assert_ptr_eq(text, (char *)&text);
		ck_assert_int_eq(A.live, live);
	});
	ck_assert_ptr_nonnull(strstr(text, "name: \"Ace\""));

	game_player *all = (game_player *)&all;
	size_t count = 99;
	static const char list[] = "- {id: 1, name: a}\n- {id: 2, name: b}\n- {id: 3}\n";
	EVERY_FAILURE(rc = game_player_load_yaml_list(&all, &count, list, sizeof list - 1, NULL), {
		ck_assert_ptr_eq(all, (game_player *)&all);
		ck_assert_uint_eq(count, 99);
		ck_assert_int_eq(A.live, live + 1);
	});
	ck_assert_uint_eq(count, 3);
	ck_assert_str_eq(game_player_get_name(&all[1]), "b");
	for (size_t i = 0; i < count; i++)
		game_player_fini(&all[i]);
	slot_free(all);
	slot_free(text);
	game_player_fini(&p);
}
END_TEST

/* ---- an arena: one buffer, nothing freed until the end --------------------- */

static struct {
	unsigned char *base;
	size_t used, cap;
	long blocks;
} R;

#define ARENA_ALIGN 16

static void *r_allocate(size_t size, void *ctx)
{
	(void)ctx;
	size_t need = ARENA_ALIGN + (size + ARENA_ALIGN - 1) / ARENA_ALIGN * ARENA_ALIGN;
	if (R.cap - R.used < need)
		return NULL;
	unsigned char *p = R.base + R.used;
	memcpy(p, &size, sizeof size); /* the block's size, for reallocate */
	R.used += need;
	R.blocks++;
	return p + ARENA_ALIGN;
}

static void *r_reallocate(void *ptr, size_t size, void *ctx)
{
	size_t old;
	memcpy(&old, (unsigned char *)ptr - ARENA_ALIGN, sizeof old);
	void *p = r_allocate(size, ctx);
	if (p)
		memcpy(p, ptr, old < size ? old : size);
	return p;
}

static void r_release(void *ptr, void *ctx)
{
	(void)ptr;
	(void)ctx;
}

START_TEST(test_an_arena_serves_a_whole_program)
{
	static unsigned char buffer[1 << 20];
	R.base = buffer;
	R.used = 0;
	R.cap = sizeof buffer;
	R.blocks = 0;
	slot_allocator arena = {r_allocate, r_reallocate, r_release, &R};
	slot_set_allocator(&arena);
	ck_assert_ptr_eq(slot_get_allocator()->ctx, &R);
	ck_assert(!slot_allocator_is_libc());

	struct {
		char text[4096];
		size_t len;
	} doc = {{0}, 0};
	for (int i = 0; i < 50; i++)
		doc.len += (size_t)snprintf(doc.text + doc.len, sizeof doc.text - doc.len,
					    "- {id: %d, name: player %d, nickname: %s%d}\n", i, i,
					    i % 2 ? "n" : "the player known as ", i);
	game_player *all;
	size_t count;
	ck_assert_int_eq(game_player_load_yaml_list(&all, &count, doc.text, doc.len, NULL), SLOT_OK);
	ck_assert_uint_eq(count, 50);
	ck_assert(buffer + R.used > (unsigned char *)all && (unsigned char *)all > buffer);
	ck_assert_str_eq(game_player_get_name(&all[49]), "player 49");
	/* Strings of up to 14 bytes are kept in the object; longer ones come
	 * from the arena too: they are not libyaml's. */
	const char *name = game_player_get_name(&all[10]);
	ck_assert_ptr_eq(name, all[10].name.b);
	const char *nick = game_player_get_nickname(&all[10]);
	ck_assert_str_eq(nick, "the player known as 10");
	ck_assert((const unsigned char *)nick > buffer &&
		  (const unsigned char *)nick < buffer + R.used);
	game_player copy;
	ck_assert_int_eq(game_player_copy(&copy, &all[3]), SLOT_OK);
	ck_assert(game_player_equal(&copy, &all[3]));
	char *text;
	ck_assert_int_eq(game_player_dump_yaml(&copy, &text, NULL), SLOT_OK);
	ck_assert_ptr_nonnull(strstr(text, "name: \"player 3\""));
	game_player_fini(&copy);
	for (size_t i = 0; i < count; i++)
		game_player_fini(&all[i]);
	ck_assert_int_ge(R.blocks, 25); /* 25 long strings, and the array as it grew */
	slot_set_allocator(NULL);
	ck_assert(slot_allocator_is_libc());
}
END_TEST

/* Lists and bytes through YAML: a failure at each allocation of a load
 * (strings, bytes, objects, a list as it grows, the rows of a grid)
 * leaves nothing allocated and the object empty; of a dump, the object
 * and the output as they were. */
START_TEST(test_yaml_lists_and_bytes_leak_nothing)
{
	static const char doc[] = "names: [alpha, beta, gamma, delta, epsilon, zeta]\n"
				  "blobs: [!!binary AGFi, !!binary \"\", !!binary //79/A==]\n"
				  "points: [{x: 1, y: 2}, {x: 3}, {}, {y: 4}, {x: 5, y: 6}]\n"
				  "grid:\n- [1, 2, 3, 4, 5, 6]\n- []\n- [7]\n"
				  "payload: !!binary |\n  AAECAwQFBgcI\n  CQoL\n";
	lists_bag b, again;
	EVERY_FAILURE(rc = lists_bag_load_yaml(&b, doc, sizeof doc - 1, NULL), {
		ck_assert_int_eq(A.live, 0);
		ck_assert_ptr_null(slot_next_set(&b, &lists_bag_class, NULL));
	});
	ck_assert_uint_eq(lists_bag_len_names(&b), 6);
	ck_assert_str_eq(lists_bag_get_names_at(&b, 5), "zeta");
	ck_assert_uint_eq(lists_bag_get_blobs_at(&b, 2)->len, 4);
	ck_assert_uint_eq(lists_bag_len_points(&b), 5);
	ck_assert_uint_eq(lists_bag_get_grid_at(&b, 0)->len, 6);
	size_t n;
	ck_assert_ptr_nonnull(lists_bag_get_payload(&b, &n));
	ck_assert_uint_eq(n, 12);

	char *text = (char *)&text; /* a canary: untouched on failure */
	size_t len = 0;
	long live = A.live;
	EVERY_FAILURE(rc = lists_bag_dump_yaml(&b, &text, &len), {
		ck_assert_ptr_eq(text, (char *)&text);
		ck_assert_int_eq(A.live, live);
	});
	ck_assert_ptr_nonnull(strstr(text, "payload: !!binary \"AAECAwQFBgcICQoL\"\n"));
	ck_assert_int_eq(lists_bag_load_yaml(&again, text, len, NULL), SLOT_OK);
	ck_assert(lists_bag_equal(&b, &again));
	lists_bag_fini(&again);
	slot_free(text);
	lists_bag_fini(&b);
}
END_TEST

/* Dicts, optional children and unions through YAML: a failure at each
 * allocation of a load (keys, the entries as they grow, the index made at
 * the ninth, values, the objects of a list, the children of a chain, the
 * strings and bytes of unions) leaves nothing allocated and the object
 * empty; of a dump, the object and the output as they were. */
START_TEST(test_yaml_dicts_chains_and_unions_leak_nothing)
{
	static const char deployment[] =
		"env: {PATH: /bin, HOME: /root, \"yes\": \"no\"}\n"
		"ports: {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10}\n"
		"points:\n  o: {x: 1, y: 2}\n  p: {}\n"
		"blobs: {b: !!binary AGFi}\n"
		"groups: {admins: [ann, bob], nobody: []}\n"
		"nested: {n: {one: 1, two: 2}}\n"
		"labels: {app: web, tier: front}\n"
		"services: [{env: {a: b}}, {}, {groups: {x: [y]}}]\n";
	static const char chain[] = "value: 1\nnext: {value: 2, next: {value: 3, next: ~, "
				    "tag: {id: 7}}}\ntag: ~\n";
	static const char ports[] = "- {target: 8080, any: \"a string\"}\n"
				    "- {target: http, any: !!binary AAECAwQF}\n"
				    "- {target: \"8080\", any: 1.5}\n"
				    "- {any: red}\n";
	lists_deployment d, d2;
	EVERY_FAILURE(rc = lists_deployment_load_yaml(&d, deployment, sizeof deployment - 1, NULL), {
		ck_assert_int_eq(A.live, 0);
		ck_assert_ptr_null(slot_next_set(&d, &lists_deployment_class, NULL));
	});
	ck_assert_uint_eq(lists_deployment_len_ports(&d), 10);
	ck_assert_uint_eq(lists_deployment_len_services(&d), 3);
	ck_assert_str_eq(lists_deployment_get_labels(&d, "tier"), "front");
	lists_chain c, c2;
	long live = A.live;
	EVERY_FAILURE(rc = lists_chain_load_yaml(&c, chain, sizeof chain - 1, NULL), {
		ck_assert_int_eq(A.live, live);
		ck_assert_ptr_null(slot_next_set(&c, &lists_chain_class, NULL));
	});
	ck_assert_int_eq(lists_tagged_get_id(lists_chain_get_tag(lists_chain_get_next(
				 lists_chain_get_next(&c)))), 7);
	live = A.live;
	lists_port *all = (lists_port *)&all;
	size_t count = 99;
	EVERY_FAILURE(rc = lists_port_load_yaml_list(&all, &count, ports, sizeof ports - 1, NULL), {
		ck_assert_ptr_eq(all, (lists_port *)&all);
		ck_assert_uint_eq(count, 99);
		ck_assert_int_eq(A.live, live);
	});
	ck_assert_uint_eq(count, 4);
	ck_assert_str_eq(lists_port_get_target_string(&all[1]), "http");
	ck_assert_uint_eq(lists_port_get_any_bytes(&all[1])->len, 6);

	char *text = (char *)&text; /* a canary: untouched on failure */
	size_t len = 0;
	live = A.live;
	EVERY_FAILURE(rc = lists_deployment_dump_yaml(&d, &text, &len), {
		ck_assert_ptr_eq(text, (char *)&text);
		ck_assert_int_eq(A.live, live);
	});
	ck_assert_int_eq(lists_deployment_load_yaml(&d2, text, len, NULL), SLOT_OK);
	ck_assert(lists_deployment_equal(&d, &d2));
	lists_deployment_fini(&d2);
	slot_free(text);
	text = (char *)&text;
	EVERY_FAILURE(rc = lists_chain_dump_yaml(&c, &text, &len), {
		ck_assert_ptr_eq(text, (char *)&text);
		ck_assert_int_eq(A.live, live);
	});
	ck_assert_int_eq(lists_chain_load_yaml(&c2, text, len, NULL), SLOT_OK);
	ck_assert(lists_chain_equal(&c, &c2));
	lists_chain_fini(&c2);
	slot_free(text);
	text = (char *)&text;
	EVERY_FAILURE(rc = lists_port_dump_yaml_list(all, count, &text, &len), {
		ck_assert_ptr_eq(text, (char *)&text);
		ck_assert_int_eq(A.live, live);
	});
	ck_assert_ptr_nonnull(strstr(text, "- {target: \"http\", any: !!binary \"AAECAwQF\"}\n"));
	slot_free(text);
	for (size_t i = 0; i < count; i++)
		lists_port_fini(&all[i]);
	slot_free(all);
	lists_chain_fini(&c);
	lists_deployment_fini(&d);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("alloc");
	TCase *tc = tcase_create("failures");
	tcase_add_checked_fixture(tc, counting_setup, counting_teardown);
	tcase_add_test(tc, test_setters_keep_the_object);
	tcase_add_test(tc, test_init_copy_and_new_leak_nothing);
	tcase_add_test(tc, test_yaml_leaks_nothing_and_keeps_outputs);
	tcase_add_test(tc, test_yaml_lists_and_bytes_leak_nothing);
	tcase_add_test(tc, test_yaml_dicts_chains_and_unions_leak_nothing);
	suite_add_tcase(s, tc);
	TCase *arena = tcase_create("arena");
	tcase_add_test(arena, test_an_arena_serves_a_whole_program);
	suite_add_tcase(s, arena);
	return check_run(s);
}
