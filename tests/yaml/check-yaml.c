/* check-yaml.c - objects to and from YAML through the generated loaders
 * and dumpers (slotgen --yaml): strict loading, errors with line and
 * column, and load(dump(x)) == x for randomly filled objects. */
#include <check.h>
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <float.h>
#include <stdlib.h>
#include <string.h>

#include "../check-run.h"
#include "corners_yaml.h"
#include "fleet_yaml.h"
#include "game_yaml.h"
#include "lists_yaml.h"
#include "mixer_yaml.h"

static int load_player(game_player *p, const char *text, slot_yaml_error *err)
{
	return game_player_load_yaml(p, text, strlen(text), err);
}

START_TEST(test_load_values_defaults_and_unset)
{
	game_player p;
	slot_yaml_error err;
	ck_assert_int_eq(load_player(&p, "id: 42\nname: Ace\npos: {x: 1.5}\nteam: red\n"
					"inventory: [1, 2]\nscore: -7\n",
				     &err),
			 SLOT_OK);
	ck_assert(game_player_get_id(&p) == 42); /* readonly: loading builds the object */
	ck_assert_str_eq(game_player_get_name(&p), "Ace");
	ck_assert_int_eq(game_player_get_score(&p), -7);
	ck_assert_int_eq(game_player_get_team(&p), GAME_TEAM_RED);
	ck_assert(game_player_get_pos(&p)->x == 1.5f);
	ck_assert(game_player_get_pos(&p)->y == 0.0f); /* Vec2's own default */
	ck_assert_uint_eq(game_player_get_inventory_at(&p, 1), 2);
	ck_assert_uint_eq(game_player_get_inventory_at(&p, 2), 0);
	ck_assert_uint_eq(game_player_get_level(&p), 1); /* absent: its default */
	ck_assert(game_player_get_alive(&p));
	ck_assert(!game_player_has_nickname(&p)); /* absent, no default: unset */
	game_player_fini(&p);
}
END_TEST

/* The error a bad document @p text must give (@p want, at @p line and
 * @p column, saying @p message), as load returned it (@p rc, @p err). */
static void assert_error(const char *text, int want, unsigned long line, unsigned long column,
			 const char *message, int rc, const slot_yaml_error *err)
{
	ck_assert_msg(rc == want, "%s: %d: %s", text, rc, err->message);
	ck_assert_int_eq(err->status, want);
	ck_assert_str_eq(err->message, message);
	ck_assert_msg(err->line == line && err->column == column, "%s: at %lu:%lu", text,
		      err->line, err->column);
}

static const struct {
	const char *text;
	int status;
	unsigned long line, column;
	const char *message;
} bad[] = {
	{"scroe: 1\n", SLOT_ENOATTR, 1, 1, "'Player' object has no attribute 'scroe'; did you mean 'score'?"},
	{"name: x\nzzz: 1\n", SLOT_ENOATTR, 2, 1, "'Player' object has no attribute 'zzz'"},
	{"\"score\\0\": 1\n", SLOT_ENOATTR, 1, 1, "a key holds a NUL character"},
	{"score: 3000000000\n", SLOT_ERANGE, 1, 8, "value 3000000000 out of range for 'Player' attribute 'score' (int32)"},
	{"level: -1\n", SLOT_ERANGE, 1, 8, "value -1 out of range for 'Player' attribute 'level' (uint8)"},
	{"score: 99999999999999999999\n", SLOT_ERANGE, 1, 8, "value 99999999999999999999 out of range for 'Player' attribute 'score' (int32)"},
	{"level: -99999999999999999999\n", SLOT_ERANGE, 1, 8, "value -99999999999999999999 out of range for 'Player' attribute 'level' (uint8)"},
	{"score: 1e3\n", SLOT_ETYPE, 1, 8, "'Player' attribute 'score' must be a whole number (int32), not '1e3'"},
	{"score: .inf\n", SLOT_ETYPE, 1, 8, "'Player' attribute 'score' must be a whole number (int32), not '.inf'"},
	{"score: 1_000\n", SLOT_ETYPE, 1, 8, "'Player' attribute 'score' must be a whole number (int32), not '1_000'"},
	{"score: 0o17\n", SLOT_ETYPE, 1, 8, "'Player' attribute 'score' must be a whole number (int32), not '0o17'"},
	{"pos: {x: nan}\n", SLOT_ETYPE, 1, 10, "'Vec2' attribute 'x' must be a number (float), not 'nan'"},
	{"pos: {x: inf}\n", SLOT_ETYPE, 1, 10, "'Vec2' attribute 'x' must be a number (float), not 'inf'"},
	{"pos: {x: -Infinity}\n", SLOT_ETYPE, 1, 10, "'Vec2' attribute 'x' must be a number (float), not '-Infinity'"},
	{"pos: {x: 0x10}\n", SLOT_ETYPE, 1, 10, "'Vec2' attribute 'x' must be a number (float), not '0x10'"},
	{"pos: {x: 1e39}\n", SLOT_ERANGE, 1, 10, "value 1e39 out of range for 'Vec2' attribute 'x' (float)"},
	{"pos: {x: 1e-50}\n", SLOT_ERANGE, 1, 10, "value 1e-50 out of range for 'Vec2' attribute 'x' (float)"},
	{"pos: {x: 3.4028236e38}\n", SLOT_ERANGE, 1, 10, "value 3.4028236e38 out of range for 'Vec2' attribute 'x' (float)"},
	{"pos: {y: '1.5'}\n", SLOT_ETYPE, 1, 10, "'Vec2' attribute 'y' must be float, not '1.5'"},
	{"score: 1.5\n", SLOT_ETYPE, 1, 8, "'Player' attribute 'score' must be a whole number (int32), not '1.5'"},
	{"score: '5'\n", SLOT_ETYPE, 1, 8, "'Player' attribute 'score' must be int32, not '5'"},
	{"team: purple\n", SLOT_ERANGE, 1, 7, "'purple' is not a value of enum 'Team'"},
	{"alive: maybe\n", SLOT_ETYPE, 1, 8, "'Player' attribute 'alive' must be true or false, not 'maybe'"},
	{"pos: 5\n", SLOT_ETYPE, 1, 6, "'Player' attribute 'pos' must be a mapping (Vec2), not a scalar"},
	{"pos: {z: 1}\n", SLOT_ENOATTR, 1, 7, "'Vec2' object has no attribute 'z'; did you mean 'x'?"},
	{"name: [a]\n", SLOT_ETYPE, 1, 7, "'Player' attribute 'name' must be string, not a sequence"},
	{"inventory: [1, ~]\n", SLOT_ETYPE, 1, 16, "'Player' attribute 'inventory' must be uint16, not null"},
	{"inventory: 3\n", SLOT_ETYPE, 1, 12, "'Player' attribute 'inventory' must be a sequence, not a scalar"},
	{"inventory: [1, 2, 3, 4, 5, 6, 7, 8, 9]\n", SLOT_ERANGE, 1, 37, "'Player' attribute 'inventory' takes at most 8 elements"},
	{"score: 1\nscore: 2\n", SLOT_ESYNTAX, 2, 1, "duplicate key 'score'"},
	{"name: &a x\nnickname: *a\n", SLOT_ESYNTAX, 2, 11, "aliases are not supported"},
	{"- 1\n", SLOT_ETYPE, 1, 1, "a 'Player' must be a mapping, not a sequence"},
	{"name: \"abc\n", SLOT_ESYNTAX, 2, 1, "found unexpected end of stream while scanning a quoted scalar"},
	{"id: 1\n---\nname: b\n", SLOT_ESYNTAX, 2, 1, "expected one document; found a second one"},
	{"name: a\n", SLOT_ETYPE, 1, 1, "'Player' object is missing readonly attribute 'id'"},
};

START_TEST(test_errors_say_where_and_leave_nothing)
{
	game_player p;
	slot_yaml_error err;
	int rc = load_player(&p, bad[_i].text, &err);
	assert_error(bad[_i].text, bad[_i].status, bad[_i].line, bad[_i].column, bad[_i].message, rc,
		     &err);
	/* Cleanly finished: every slot unset, nothing owned (valgrind checks). */
	ck_assert_ptr_null(slot_next_set(&p, &game_player_class, NULL));
	ck_assert_ptr_null(game_player_get_name(&p));
}
END_TEST

/* ---- round trips ------------------------------------------------------------ */

static unsigned seed;

static unsigned rnd(unsigned n)
{
	seed = seed * 1103515245u + 12345u;
	return (seed >> 8) % n;
}

static void fill(void *obj, const slot_class *cls);
static void fill_element(void *at, const slot_field *f);
static void fill_map(slot_map *m, const slot_elem *e);
static void fill_union(void *at, const slot_field *f);

/* How deep fill is in lists of objects: a tree of Nodes stays small. */
static unsigned fill_depth;

/* A random list of elements of kind @p e into the empty list at @p l. */
static void fill_list(slot_list *l, const slot_elem *e)
{
	slot_field ef = slot_elem_field(e, "element");
	unsigned n = fill_depth > 2 ? 0 : rnd(5);
	fill_depth++;
	ck_assert_int_eq(slot_list_reserve(l, e->size, n), SLOT_OK);
	for (unsigned i = 0; i < n; i++) {
		char *at = (char *)l->items + (size_t)l->len++ * e->size;
		memset(at, 0, e->size);
		fill_element(at, &ef);
	}
	fill_depth--;
}

/* A random dict of values of kind @p e into the empty dict at @p m: keys
 * YAML reads as other things when plain among them. */
static void fill_map(slot_map *m, const slot_elem *e)
{
	static const char *const keys[] = {"a", "b c", "yes", "No", "null", "~", "1", "0x10",
					   "", "\xc3\xa9", "- x", "#", "y", "on", "key: v"};
	slot_field ef = slot_elem_field(e, "value");
	unsigned n = fill_depth > 2 ? 0 : rnd(5);
	fill_depth++;
	for (unsigned i = 0; i < n; i++) {
		void *value;
		slot_str key;
		memset(&key, 0, sizeof key);
		ck_assert_int_eq(slot_str_assign(&key, keys[rnd(sizeof keys / sizeof *keys)]), SLOT_OK);
		if (slot_map_add(m, e, &key, &value) != SLOT_OK) {
			slot_str_fini(&key); /* given twice */
			continue;
		}
		fill_element(value, &ef);
	}
	fill_depth--;
}

/* A random value of one of the types of the union @p f, into the union at
 * @p at, as by-name set stores it: of the type it has. */
static void fill_union(void *at, const slot_field *f)
{
	static const char *const words[] = {"", "8080", "http", "red", "true", "~", "1.5", "1e3"};
	const slot_elem *a = &f->elem->alts[rnd((unsigned)f->elem->alt_count)];
	slot_bytes b = {(unsigned char *)"\x01\xff", rnd(3)};
	slot_value v;
	memset(&v, 0, sizeof v);
	v.type = a->type;
	v.count = 1;
	v.enum_type = a->enum_type;
	switch (a->type) {
	case SLOT_BOOL: v.as.b = rnd(2); break;
	case SLOT_FLOAT: case SLOT_DOUBLE:
		v.as.d = ((double)rnd(2000001) - 1000000.0) / (1 + rnd(1000));
		break;
	case SLOT_STRING: v.as.s = words[rnd(sizeof words / sizeof *words)]; break;
	case SLOT_ENUM: v.as.i = rnd((unsigned)a->enum_type->count); break;
	case SLOT_BYTES: v.as.p = &b; break;
	case SLOT_INT8: case SLOT_INT16: case SLOT_INT32: case SLOT_INT64:
		v.as.i = (int64_t)rnd(200000) - 100000;
		break;
	default: v.as.u = rnd(250000);
	}
	if (slot_store(at, f, &v) != SLOT_OK) { /* out of a small type's range */
		v.as.u = 1;
		ck_assert_int_eq(slot_store(at, f, &v), SLOT_OK);
	}
}

/* A random value of field @p f at @p at (one element). */
static void fill_element(void *at, const slot_field *f)
{
	static const char *const words[] = {"", "a", "it's", "say \"hi\"", "tab\there", "n\nl",
					    "back\\slash", "\xc3\xa9t\xc3\xa9", "123", "true", "~",
					    "\xc2\x85\xe2\x80\xa8"};
	slot_value v;
	memset(&v, 0, sizeof v);
	v.count = 1;
	switch (f->type) {
	case SLOT_BOOL: v.type = SLOT_BOOL; v.as.b = rnd(2); break;
	case SLOT_FLOAT: case SLOT_DOUBLE:
		v.type = SLOT_DOUBLE;
		v.as.d = ((double)rnd(2000001) - 1000000.0) / (1 + rnd(1000));
		break;
	case SLOT_STRING:
		v.type = SLOT_STRING;
		do /* a word that fits a string kept in the object */
			v.as.s = words[rnd(sizeof words / sizeof *words)];
		while ((f->flags & SLOT_INLINE) && strlen(v.as.s) >= f->size);
		break;
	case SLOT_ENUM: v.type = SLOT_ENUM; v.enum_type = f->enum_type; v.as.i = rnd((unsigned)f->enum_type->count); break;
	case SLOT_OBJECT:
		ck_assert_int_eq(f->class_type->defaults(at), SLOT_OK);
		fill(at, f->class_type);
		return;
	case SLOT_BYTES: {
		unsigned char data[16];
		size_t n = rnd(sizeof data + 1);
		for (size_t i = 0; i < n; i++)
			data[i] = (unsigned char)rnd(256);
		ck_assert_int_eq(slot_bytes_assign((slot_bytes *)at, data, n), SLOT_OK);
		return;
	}
	case SLOT_LIST:
		slot_list_fini((slot_list *)at, f->elem);
		fill_list((slot_list *)at, f->elem);
		return;
	case SLOT_MAP:
		slot_map_fini((slot_map *)at, f->elem);
		fill_map((slot_map *)at, f->elem);
		return;
	case SLOT_OPTIONAL: {
		/* None, or a child; a chain stays short. */
		slot_elem e = slot_field_elem(f);
		slot_value_fini(at, &e);
		*(void **)at = NULL;
		if (fill_depth > 3 || rnd(3) == 0)
			return;
		void *child = malloc(f->class_type->size);
		ck_assert_int_eq(f->class_type->defaults(child), SLOT_OK);
		fill_depth++;
		fill(child, f->class_type);
		fill_depth--;
		*(void **)at = child;
		return;
	}
	case SLOT_UNION:
		fill_union(at, f);
		return;
	case SLOT_INT8: case SLOT_INT16: case SLOT_INT32: case SLOT_INT64:
		v.type = SLOT_INT64;
		v.as.i = (int64_t)rnd(200) - 100;
		break;
	default:
		v.type = SLOT_UINT64;
		v.as.u = rnd(250);
	}
	ck_assert_int_eq(slot_store(at, f, &v), SLOT_OK);
}

/* Set, clear or keep each slot of @p obj (at its defaults) at random:
 * slots with a default cleared, readonly ones given or not, elements of
 * arrays of objects left empty (every slot unset, as set_..._at leaves
 * the others). */
static void fill(void *obj, const slot_class *cls)
{
	for (const slot_field *f = slot_next(cls, NULL); f; f = slot_next(cls, f)) {
		char *at = (char *)obj + f->offset;
		unsigned r = rnd(4);
		if (r == 0 && f->mask) {
			if (slot_is_set(obj, f))
				ck_assert_int_eq(slot_clear_field(obj, f), SLOT_OK);
			continue;
		}
		if (r == 1)
			continue; /* as it is: its default, or unset */
		for (size_t k = 0; k < f->count; k++)
			if (f->type != SLOT_OBJECT || rnd(3))
				fill_element(at + k * f->size, f);
		slot_mark(obj, f, true);
	}
	/* A NaN (a default) equals nothing, itself included, as in Python. */
	for (const slot_field *f = slot_next(cls, NULL); f; f = slot_next(cls, f))
		if (f->type == SLOT_DOUBLE && *(double *)(void *)((char *)obj + f->offset) !=
						      *(double *)(void *)((char *)obj + f->offset))
			*(double *)(void *)((char *)obj + f->offset) = 0.5;
}

typedef int (*load_fn)(void *, const char *, size_t, slot_yaml_error *);
typedef int (*dump_fn)(const void *, char **, size_t *);

static void round_trip(const slot_class *cls, load_fn load, dump_fn dump, unsigned rounds)
{
	void *a = malloc(cls->size), *b = malloc(cls->size);
	for (unsigned r = 0; r < rounds; r++) {
		ck_assert_int_eq(cls->defaults(a), SLOT_OK);
		fill(a, cls);
		char *text;
		size_t len;
		slot_yaml_error err;
		ck_assert_int_eq(dump(a, &text, &len), SLOT_OK);
		ck_assert_msg(load(b, text, len, &err) == SLOT_OK, "%s: %lu:%lu: %s\n%s", cls->name,
			      err.line, err.column, err.message, text);
		if (!slot_equal(a, b, cls)) {
			char *again;
			ck_assert_int_eq(dump(b, &again, NULL), SLOT_OK);
			ck_abort_msg("%s changed in a round trip:\n%s\nreloaded:\n%s", cls->name, text,
				     again);
		}
		free(text);
		slot_object_fini(a, cls);
		slot_object_fini(b, cls);
	}
	free(a);
	free(b);
}

#define ROUND_TRIP(cname, rounds)                                                   \
	round_trip(&cname##_class, (load_fn)(void (*)(void))cname##_load_yaml,     \
		   (dump_fn)(void (*)(void))cname##_dump_yaml, rounds)

START_TEST(test_round_trip_random_objects)
{
	seed = 20261124;
	ROUND_TRIP(game_player, 200);
	ROUND_TRIP(fleet_truck, 200);
	ROUND_TRIP(fleet_depot, 50);
	ROUND_TRIP(corners_scalars, 200);
	ROUND_TRIP(corners_holder, 200);
	ROUND_TRIP(corners_leaf, 100);
	ROUND_TRIP(corners_spelled, 50);
	ROUND_TRIP(corners_tagged, 200);
	ROUND_TRIP(corners_counter, 200);
	ROUND_TRIP(mixer_console, 200);
	ROUND_TRIP(mixer_rack, 100);
	ROUND_TRIP(mixer_bounds, 100);
	ROUND_TRIP(lists_bag, 200);
	ROUND_TRIP(lists_labeled, 100);
	ROUND_TRIP(lists_node, 200);
	ROUND_TRIP(lists_service, 200);
	ROUND_TRIP(lists_deployment, 100);
	ROUND_TRIP(lists_chain, 200);
	ROUND_TRIP(lists_port, 300);
}
END_TEST

START_TEST(test_empty_object)
{
	game_vec2 v;
	memset(&v, 0, sizeof v);
	char *text;
	size_t len;
	ck_assert_int_eq(game_vec2_dump_yaml(&v, &text, &len), SLOT_OK);
	/* Left out, they would load as 0.  YAML 1.1 reads a plain y as true. */
	ck_assert_str_eq(text, "x: ~\n\"y\": ~\n");
	slot_yaml_error err;
	game_vec2 w;
	ck_assert_int_eq(game_vec2_load_yaml(&w, text, len, &err), SLOT_OK);
	ck_assert(!game_vec2_has_x(&w) && !game_vec2_has_y(&w));
	free(text);
	ck_assert_int_eq(game_vec2_load_yaml(&w, "{}", 2, &err), SLOT_OK);
	ck_assert(game_vec2_has_x(&w)); /* loading starts from the defaults */
	corners_empty e;
	ck_assert_int_eq(corners_empty_dump_yaml(&e, &text, &len), SLOT_OK);
	ck_assert_str_eq(text, "{}\n");
	free(text);
}
END_TEST

/* Unset slots stay unset through a round trip: those with a default and
 * readonly ones are dumped as `~`, which unsets; elements of an array of
 * objects not given stay empty; a readonly slot left out is an error. */
START_TEST(test_unset_slots_stay_unset)
{
	static const char text[] = "serial: 1\nchs: [{gain: 2}]\nname: ~\n";
	mixer_mixer m, again;
	slot_yaml_error err;
	ck_assert_int_eq(mixer_mixer_load_yaml(&m, text, sizeof text - 1, &err), SLOT_OK);
	ck_assert(!mixer_mixer_has_name(&m)); /* ~ unsets, whatever the default */
	ck_assert(mixer_mixer_get_chs_at(&m, 0)->gain == 2.0f);
	ck_assert_str_eq(mixer_channel_get_label(mixer_mixer_get_chs_at(&m, 0)), "ch");
	ck_assert(!mixer_channel_has_gain(mixer_mixer_get_chs_at(&m, 1))); /* empty */
	char *out;
	size_t len;
	ck_assert_int_eq(mixer_mixer_dump_yaml(&m, &out, &len), SLOT_OK);
	ck_assert_str_eq(out, "serial: 1\nname: ~\npower: \"on\"\n"
			      "chs: [{gain: 2.0, label: \"ch\", power: \"off\"}, "
			      "{gain: ~, label: ~, power: ~}, {gain: ~, label: ~, power: ~}]\n"
			      "level: -.inf\nhits: 0\nmotto: \"yes\"\n");
	ck_assert_msg(mixer_mixer_load_yaml(&again, out, len, &err) == SLOT_OK, "%s", err.message);
	ck_assert(mixer_mixer_equal(&m, &again));
	free(out);
	mixer_mixer_fini(&m);
	mixer_mixer_fini(&again);

	/* A readonly slot: left out, an error at its mapping; ~ unsets it. */
	static const struct {
		const char *text;
		int status;
		unsigned long line, column;
		const char *message;
	} cases[] = {
		{"keys: [{key: a, answer: yes}, {count: 1}]\n", SLOT_ETYPE, 1, 31,
		 "'Keyed' object is missing readonly attribute 'key'"},
		{"one:\n  key: a\n", SLOT_ETYPE, 2, 3,
		 "'Keyed' object is missing readonly attribute 'answer'"},
		{"one: {key: ~, answer: ~}\n", SLOT_OK, 0, 0, ""},
		{"counters: [{hits: ~}]\n", SLOT_ETYPE, 1, 19, "'Counter' attribute 'hits' must be int32, not null"},
		{"counters: [{code: ~}]\n", SLOT_ETYPE, 1, 19, "'Counter' attribute 'code' must be string, not null"},
		{"counters: [{tag: ~}]\n", SLOT_OK, 0, 0, ""},
		{"words: [~]\n", SLOT_ETYPE, 1, 9, "'Rack' attribute 'words' must be string, not null"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		mixer_rack r;
		int rc = mixer_rack_load_yaml(&r, cases[i].text, strlen(cases[i].text), &err);
		ck_assert_msg(rc == cases[i].status, "%s: %s", cases[i].text, err.message);
		if (rc != SLOT_OK) {
			ck_assert_str_eq(err.message, cases[i].message);
			ck_assert_uint_eq(err.line, cases[i].line);
			ck_assert_uint_eq(err.column, cases[i].column);
			continue;
		}
		ck_assert_int_eq(mixer_rack_dump_yaml(&r, &out, &len), SLOT_OK);
		mixer_rack again_rack;
		ck_assert_msg(mixer_rack_load_yaml(&again_rack, out, len, &err) == SLOT_OK, "%s", err.message);
		ck_assert(mixer_rack_equal(&r, &again_rack));
		free(out);
		mixer_rack_fini(&r);
		mixer_rack_fini(&again_rack);
	}
}
END_TEST

START_TEST(test_lists)
{
	static const char text[] = "- {id: 1, name: a, score: 1}\n- {id: 2, name: b}\n- {id: 3}\n";
	game_player *all = NULL;
	size_t n = 99;
	slot_yaml_error err;
	ck_assert_int_eq(game_player_load_yaml_list(&all, &n, text, sizeof text - 1, &err), SLOT_OK);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(game_player_get_name(&all[1]), "b");
	ck_assert_int_eq(game_player_get_score(&all[1]), 0); /* its default */
	ck_assert(!game_player_has_name(&all[2]));
	char *out;
	size_t len;
	ck_assert_int_eq(game_player_dump_yaml_list(all, n, &out, &len), SLOT_OK);
	game_player *again;
	size_t m;
	ck_assert_int_eq(game_player_load_yaml_list(&again, &m, out, len, &err), SLOT_OK);
	ck_assert_uint_eq(m, n);
	for (size_t i = 0; i < n; i++) {
		ck_assert(game_player_equal(&all[i], &again[i]));
		game_player_fini(&all[i]);
		game_player_fini(&again[i]);
	}
	free(all);
	free(again);
	free(out);

	/* An error in the third leaves nothing allocated, the outputs untouched. */
	static const char bad_list[] = "- {id: 1}\n- {id: 2}\n- {id: 3, name: c, level: 999}\n";
	game_player *none = NULL;
	n = 7;
	ck_assert_int_eq(game_player_load_yaml_list(&none, &n, bad_list, sizeof bad_list - 1, &err),
			 SLOT_ERANGE);
	ck_assert_ptr_null(none);
	ck_assert_uint_eq(n, 7);
	ck_assert_uint_eq(err.line, 3);
	ck_assert_uint_eq(err.column, 27);
	ck_assert_int_eq(game_player_load_yaml_list(&none, &n, "name: a\n", 8, &err), SLOT_ETYPE);
	ck_assert_str_eq(err.message, "a list of 'Player' must be a sequence, not a mapping");

	ck_assert_int_eq(game_player_dump_yaml_list(NULL, 0, &out, &len), SLOT_OK);
	ck_assert_str_eq(out, "[]\n");
	ck_assert_int_eq(game_player_load_yaml_list(&all, &n, out, len, &err), SLOT_OK);
	ck_assert_uint_eq(n, 0);
	free(all);
	free(out);
}
END_TEST

START_TEST(test_from_a_file)
{
	FILE *f = tmpfile();
	ck_assert_ptr_nonnull(f);
	fputs("- {id: 1, name: a}\n- {id: 2, name: b, level: 3}\n", f);
	rewind(f);
	game_player *all;
	size_t n;
	slot_yaml_error err;
	ck_assert_int_eq(game_player_load_yaml_list_file(&all, &n, f, &err), SLOT_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(game_player_get_level(&all[1]), 3);
	for (size_t i = 0; i < n; i++)
		game_player_fini(&all[i]);
	free(all);
	rewind(f);
	game_player p;
	ck_assert_int_eq(game_player_load_yaml_file(&p, f, &err), SLOT_ETYPE);
	ck_assert_str_eq(err.message, "a 'Player' must be a mapping, not a sequence");
	fclose(f);
	/* A stream that cannot be read: the object is left empty all the same. */
	f = fopen("/dev/null", "w");
	ck_assert_ptr_nonnull(f);
	memset(&p, 0xa5, sizeof p);
	ck_assert_int_eq(game_player_load_yaml_file(&p, f, &err), SLOT_EIO);
	ck_assert_str_eq(err.message, "cannot read the stream");
	ck_assert_ptr_null(slot_next_set(&p, &game_player_class, NULL));
	ck_assert_ptr_null(game_player_get_name(&p));
	all = NULL;
	ck_assert_int_eq(game_player_load_yaml_list_file(&all, &n, f, &err), SLOT_EIO);
	ck_assert_ptr_null(all);
	fclose(f);
	/* Dumping to a stream, through the runtime: one object, then a list. */
	char *buf = NULL;
	size_t size = 0;
	f = open_memstream(&buf, &size);
	ck_assert_ptr_nonnull(f);
	game_player q;
	game_player_init(&q, 7);
	ck_assert_int_eq(slot_yaml_dump_file(f, &q, &game_player_class), SLOT_OK);
	ck_assert_int_eq(slot_yaml_dump_list_file(f, &q, 1, &game_player_class), SLOT_OK);
	fclose(f);
	char *one = NULL, *list = NULL;
	ck_assert_int_eq(game_player_dump_yaml(&q, &one, NULL), SLOT_OK);
	ck_assert_int_eq(game_player_dump_yaml_list(&q, 1, &list, NULL), SLOT_OK);
	ck_assert_uint_eq(size, strlen(one) + strlen(list));
	ck_assert(memcmp(buf, one, strlen(one)) == 0);
	ck_assert_str_eq(buf + strlen(one), list);
	/* A stream that cannot be written. */
	f = fopen("/dev/null", "r");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(slot_yaml_dump_file(f, &q, &game_player_class), SLOT_EIO);
	fclose(f);
	free(one);
	free(list);
	free(buf);
	game_player_fini(&q);
}
END_TEST

/* Decimals read as strtod reads them into a double and strtof into a
 * float (rounded once), short ones (read without strtod) and long ones
 * alike, with or without an exponent; integers beyond 64 bits too. */
START_TEST(test_decimals_as_strtod)
{
	seed = 7;
	char text[96], num[64];
	for (int i = 0; i < 20000; i++) {
		int digits = 1 + (int)rnd(i % 4 == 0 ? 40 : 17), point = (int)rnd((unsigned)digits + 1);
		int k = 0;
		if (rnd(2))
			num[k++] = '-';
		for (int j = 0; j < digits; j++) {
			if (j == point && j > 0)
				num[k++] = '.';
			num[k++] = (char)('0' + rnd(10));
		}
		if (i % 3 == 0)
			k += snprintf(num + k, sizeof num - (size_t)k, "e%d", (int)rnd(61) - 30);
		num[k] = '\0';
		snprintf(text, sizeof text, "x: %s\n", num);
		game_vec2 v;
		slot_yaml_error err;
		errno = 0;
		float fx = strtof(num, NULL);
		/* Beyond FLT_MAX, or so small it would become zero: refused. */
		bool refused = errno == ERANGE && (fx == 0 || isinf(fx));
		int rc = game_vec2_load_yaml(&v, text, strlen(text), &err);
		ck_assert_msg(rc == (refused ? SLOT_ERANGE : SLOT_OK), "%s: %s", num, err.message);
		ck_assert_msg(refused || game_vec2_get_x(&v) == fx, "%s", num);
		game_vec2_fini(&v);
		corners_scalars s;
		snprintf(text, sizeof text, "d: %s\n", num);
		ck_assert_int_eq(corners_scalars_load_yaml(&s, text, strlen(text), &err), SLOT_OK);
		ck_assert_msg(corners_scalars_get_d(&s) == strtod(num, NULL), "%s", num);
		corners_scalars_fini(&s);
	}
	/* Past 2^64, the schema's reading (1.2345678901234568e+29), not infinity. */
	static const char *const big[] = {"123456789012345678901234567890", "18446744073709551616",
					  "-99999999999999999999999", "0.1e309", "4.9e-324",
					  "2.4703282292062328e-324", "1.7976931348623157e308"};
	for (size_t i = 0; i < sizeof big / sizeof *big; i++) {
		corners_scalars s;
		slot_yaml_error err;
		snprintf(text, sizeof text, "d: %s\nf: %s\n", big[i], i < 3 ? big[i] : "0");
		ck_assert_msg(corners_scalars_load_yaml(&s, text, strlen(text), &err) == SLOT_OK, "%s: %s",
			      big[i], err.message);
		ck_assert_msg(corners_scalars_get_d(&s) == strtod(big[i], NULL), "%s", big[i]);
		if (i < 3)
			ck_assert_msg(corners_scalars_get_f(&s) == strtof(big[i], NULL), "%s", big[i]);
		corners_scalars_fini(&s);
	}
}
END_TEST

/* Numbers at the bounds of each type load, and one past them is refused;
 * the two readers of numbers, the schema's and the loaders', agree. */
START_TEST(test_number_bounds)
{
	static const struct {
		const char *text;
		int status;
	} cases[] = {
		{"i8: -128", SLOT_OK}, {"i8: 127", SLOT_OK}, {"i8: -129", SLOT_ERANGE}, {"i8: 128", SLOT_ERANGE},
		{"i8: -0x80", SLOT_OK}, {"i8: +0x7F", SLOT_OK}, {"u8: -0", SLOT_OK}, {"u8: -1", SLOT_ERANGE},
		{"u8: 255", SLOT_OK}, {"u8: 256", SLOT_ERANGE}, {"u8: 010", SLOT_OK},
		{"i64: -9223372036854775808", SLOT_OK}, {"i64: -9223372036854775809", SLOT_ERANGE},
		{"i64: 9223372036854775807", SLOT_OK}, {"i64: 9223372036854775808", SLOT_ERANGE},
		{"u64: 18446744073709551615", SLOT_OK}, {"u64: 18446744073709551616", SLOT_ERANGE},
		{"u64: 0xFFFFFFFFFFFFFFFF", SLOT_OK}, {"u64: 0x10000000000000000", SLOT_ERANGE},
		{"u64: 0x", SLOT_ETYPE}, {"u64: 0b1", SLOT_ETYPE}, {"u64: 1.0", SLOT_ETYPE},
		{"u64: 1:20", SLOT_ETYPE}, {"u64: ''", SLOT_ETYPE},
		{"d: 1.7976931348623157e308", SLOT_OK}, {"d: 1.8e308", SLOT_ERANGE},
		{"d: 4.9e-324", SLOT_OK}, {"d: 1e-400", SLOT_ERANGE}, {"d: 0e-400", SLOT_OK},
		{"d: -.inf", SLOT_OK}, {"d: .NaN", SLOT_OK}, {"d: NaN", SLOT_ETYPE},
		{"d: Infinity", SLOT_ETYPE}, {"d: 1e999", SLOT_ERANGE}, {"d: 0x1p3", SLOT_ETYPE},
		{"d: 1_0", SLOT_ETYPE}, {"d: 1.5.", SLOT_ETYPE}, {"d: e5", SLOT_ETYPE}, {"d: .", SLOT_ETYPE},
		{"f: 3.4028235e38", SLOT_OK}, {"f: -3.4028235e38", SLOT_OK}, {"f: 3.5e38", SLOT_ERANGE},
		{"f: 1.4e-45", SLOT_OK}, {"f: 1e-46", SLOT_ERANGE}, {"f: .inf", SLOT_OK},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		corners_scalars s;
		slot_yaml_error err;
		int rc = corners_scalars_load_yaml(&s, cases[i].text, strlen(cases[i].text), &err);
		ck_assert_msg(rc == cases[i].status, "%s: %d (%s)", cases[i].text, rc, err.message);
		if (rc == SLOT_OK)
			corners_scalars_fini(&s);
	}
	corners_scalars s;
	slot_yaml_error err;
	ck_assert_int_eq(corners_scalars_load_yaml(&s, "f: 3.4028235e38", 15, &err), SLOT_OK);
	ck_assert(corners_scalars_get_f(&s) == FLT_MAX);
	corners_scalars_fini(&s);
}
END_TEST

/* The text of slot @p key in the dump of @p s, up to the end of its line. */
static void dumped(const corners_scalars *s, const char *key, char *out, size_t size)
{
	char *text;
	ck_assert_int_eq(corners_scalars_dump_yaml(s, &text, NULL), SLOT_OK);
	char want[16];
	snprintf(want, sizeof want, "\n%s: ", key);
	const char *at = strstr(text, want);
	ck_assert_ptr_nonnull(at);
	at += strlen(want);
	snprintf(out, size, "%.*s", (int)strcspn(at, "\n"), at);
	free(text);
}

/* Floats dump in a form YAML 1.1 reads as a float (a point in the
 * mantissa, a sign in the exponent), the shortest that reads back. */
START_TEST(test_float_format)
{
	static const struct {
		double d;
		const char *text;
	} doubles[] = {
		{1e-05, "1.0e-05"}, {5e-324, "5.0e-324"}, {1e16, "1.0e+16"}, {1.5e300, "1.5e+300"},
		{0.0001, "0.0001"}, {123456789012345680.0, "1.2345678901234568e+17"}, {-0.0, "-0.0"},
		{100.0, "100.0"}, {1e15, "1000000000000000.0"}, {0.1, "0.1"}, {-2.5e-5, "-2.5e-05"},
		{DBL_MAX, "1.7976931348623157e+308"}, {HUGE_VAL, ".inf"}, {-HUGE_VAL, "-.inf"},
		{NAN, ".nan"}, {9007199254740993.0, "9007199254740992.0"},
	};
	static const struct {
		float f;
		const char *text;
	} floats[] = {
		{1e-05f, "1.0e-05"}, {FLT_MAX, "3.4028235e+38"}, {0.1f, "0.1"}, {1.4e-45f, "1.0e-45"},
		{16777216.0f, "16777216.0"}, {1e16f, "1.0e+16"}, {-0.0f, "-0.0"},
	};
	corners_scalars s;
	slot_yaml_error err;
	char text[64];
	ck_assert_int_eq(corners_scalars_load_yaml(&s, "{}", 2, &err), SLOT_OK);
	for (size_t i = 0; i < sizeof doubles / sizeof *doubles; i++) {
		corners_scalars_set_d(&s, doubles[i].d);
		dumped(&s, "d", text, sizeof text);
		ck_assert_str_eq(text, doubles[i].text);
	}
	for (size_t i = 0; i < sizeof floats / sizeof *floats; i++) {
		corners_scalars_set_f(&s, floats[i].f);
		dumped(&s, "f", text, sizeof text);
		ck_assert_str_eq(text, floats[i].text);
	}
	/* Any bits: the text reads back to the same bits, by the loader. */
	seed = 11;
	for (int i = 0; i < 20000; i++) {
		uint64_t bits = (uint64_t)rnd(1u << 22) << 42 ^ (uint64_t)rnd(1u << 21) << 21 ^ rnd(1u << 21);
		uint32_t fbits = (uint32_t)bits;
		double d;
		float f;
		memcpy(&d, &bits, sizeof d);
		memcpy(&f, &fbits, sizeof f);
		if (isnan(d) || isnan(f))
			continue;
		corners_scalars_set_d(&s, d);
		corners_scalars_set_f(&s, f);
		char *out;
		size_t len;
		corners_scalars t;
		ck_assert_int_eq(corners_scalars_dump_yaml(&s, &out, &len), SLOT_OK);
		ck_assert_msg(corners_scalars_load_yaml(&t, out, len, &err) == SLOT_OK, "%s", err.message);
		double d2 = corners_scalars_get_d(&t);
		float f2 = corners_scalars_get_f(&t);
		ck_assert_msg(memcmp(&d, &d2, sizeof d) == 0 && memcmp(&f, &f2, sizeof f) == 0, "%s", out);
		free(out);
		corners_scalars_fini(&t);
	}
	corners_scalars_fini(&s);
}
END_TEST

/* Names that YAML 1.1 reads as booleans or null, as keys and as enum
 * values, are dumped quoted: PyYAML reads `power: on` as True. */
START_TEST(test_yaml_words_quoted)
{
	mixer_console c;
	mixer_console_init(&c, 5);
	mixer_console_set_on(&c, true);
	mixer_console_set_y(&c, 0.5);
	mixer_console_set_NO(&c, MIXER_POWER_STANDBY);
	mixer_console_set_answers_at(&c, 0, MIXER_ANSWER_NO);
	mixer_console_set_answers_at(&c, 1, MIXER_ANSWER_MAYBE);
	mixer_console_set_answers_at(&c, 2, MIXER_ANSWER_FALSE);
	char *text;
	ck_assert_int_eq(mixer_console_dump_yaml(&c, &text, NULL), SLOT_OK);
	ck_assert_str_eq(text, "serial: 5\nname: \"desk\"\npower: \"on\"\n"
			       "answers: [\"No\", maybe, \"FALSE\"]\nlevel: -.inf\nhits: 0\n"
			       "motto: \"yes\"\n\"on\": true\n\"off\": -128\n\"y\": 0.5\n"
			       "\"n\": \"null\"\n\"null\": \"null\"\n\"Yes\": 65535\n\"NO\": standby\n");
	mixer_console d;
	slot_yaml_error err;
	ck_assert_msg(mixer_console_load_yaml(&d, text, strlen(text), &err) == SLOT_OK, "%s",
		      err.message);
	ck_assert(mixer_console_equal(&c, &d));
	free(text);
	mixer_console_fini(&c);
	mixer_console_fini(&d);
}
END_TEST

/* Strings kept in the object load into it, and one too long is an error
 * at its place; an element of such an array cannot be null. */
START_TEST(test_strings_kept_in_the_object)
{
	corners_tagged t;
	slot_yaml_error err;
	const char *ok = "key: k\nlabel: abc\nwords: [\"\", four, x]\n";
	ck_assert_int_eq(corners_tagged_load_yaml(&t, ok, strlen(ok), &err), SLOT_OK);
	ck_assert_str_eq(corners_tagged_get_label(&t), "abc");
	ck_assert_str_eq(corners_tagged_get_words_at(&t, 1), "four");
	ck_assert_str_eq(corners_tagged_get_code(&t), "abc"); /* the default */
	char *text;
	ck_assert_int_eq(corners_tagged_dump_yaml(&t, &text, NULL), SLOT_OK);
	ck_assert_str_eq(text, "code: \"abc\"\nlabel: \"abc\"\nkey: \"k\"\n"
			       "words: [\"\", \"four\", \"x\"]\nfull: \"ab\"\n");
	free(text);
	corners_tagged_fini(&t);

	static const struct {
		const char *text;
		unsigned long line, column;
		const char *message;
	} bad_tagged[] = {
		{"label: abcd\n", 1, 8,
		 "string of 4 bytes too long for 'Tagged' attribute 'label' (at most 3 bytes)"},
		{"words: [a, fives]\n", 1, 12,
		 "string of 5 bytes too long for 'Tagged' attribute 'words' (at most 4 bytes)"},
		{"words: [a, ~]\n", 1, 12, "'Tagged' attribute 'words' must be string, not null"},
	};
	for (size_t i = 0; i < sizeof bad_tagged / sizeof *bad_tagged; i++) {
		const char *b = bad_tagged[i].text;
		ck_assert_int_ne(corners_tagged_load_yaml(&t, b, strlen(b), &err), SLOT_OK);
		ck_assert_str_eq(err.message, bad_tagged[i].message);
		ck_assert_uint_eq(err.line, bad_tagged[i].line);
		ck_assert_uint_eq(err.column, bad_tagged[i].column);
		ck_assert_ptr_null(slot_next_set(&t, &corners_tagged_class, NULL));
	}
}
END_TEST

/* Characters YAML would not read back as they are: C1 controls (which a
 * reader refuses: the fuzzer's find), NEL and the line and paragraph
 * separators (line breaks, folded in a quoted scalar), a byte order mark,
 * U+FFFE and U+FFFF.  Each dumps escaped and reloads the same. */
START_TEST(test_unprintable_characters_round_trip)
{
	static const char *const texts[] = {
		"\xc2\x91",		    "a\xc2\x80" "b\xc2\x9f", "nel\xc2\x85", "ls\xe2\x80\xa8ps\xe2\x80\xa9",
		"\xef\xbb\xbf" "bom", "\xef\xbf\xbe\xef\xbf\xbf", "\xc2\xa0\xe2\x80\xa7 kept",
	};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		game_player a, b;
		game_player_init(&a, 1);
		ck_assert_int_eq(game_player_set_name(&a, texts[i]), SLOT_OK);
		char *text;
		size_t len;
		slot_yaml_error err;
		ck_assert_int_eq(game_player_dump_yaml(&a, &text, &len), SLOT_OK);
		ck_assert_msg(game_player_load_yaml(&b, text, len, &err) == SLOT_OK, "%s: %s", text,
			      err.message);
		ck_assert_str_eq(game_player_get_name(&b), texts[i]);
		free(text);
		game_player_fini(&a);
		game_player_fini(&b);
	}
	/* Escaped as code points, not as bytes. */
	corners_tagged t;
	slot_yaml_error err;
	const char *in = "key: k\ncode: \"\\x91\"\n";
	ck_assert_int_eq(corners_tagged_load_yaml(&t, in, strlen(in), &err), SLOT_OK);
	ck_assert_str_eq(corners_tagged_get_code(&t), "\xc2\x91");
	char *text;
	ck_assert_int_eq(corners_tagged_dump_yaml(&t, &text, NULL), SLOT_OK);
	ck_assert_str_eq(text, "code: \"\\x91\"\nkey: \"k\"\nfull: \"ab\"\n");
	free(text);
	corners_tagged_fini(&t);
}
END_TEST

/* What YAML cannot hold is refused, so that every dump loads back: bytes
 * that are not UTF-8 (YAML's \\xe9 is the character U+00E9, not the byte),
 * and an enum holding a value with no name. */
START_TEST(test_dump_refuses_what_yaml_cannot_hold)
{
	static const char *const bad_strings[] = {
		"caf\xe9",	     "\x80",		"\xc0\xaf" /* overlong '/' */,
		"\xe0\x80\xaf",   "\xed\xa0\x80" /* a surrogate */, "\xf4\x90\x80\x80" /* past U+10FFFF */,
		"ab\xe2\x82",	     "\xf8\x88\x80\x80\x80", "\xfe",
	};
	for (size_t i = 0; i < sizeof bad_strings / sizeof *bad_strings; i++) {
		game_player p;
		game_player_init(&p, 1);
		ck_assert_int_eq(game_player_set_name(&p, bad_strings[i]), SLOT_OK);
		char *text = (char *)"untouched";
		size_t len = 7;
		ck_assert_int_eq(game_player_dump_yaml(&p, &text, &len), SLOT_ETYPE);
		ck_assert_str_eq(text, "untouched");
		ck_assert_uint_eq(len, 7);
		ck_assert_int_eq(game_player_dump_yaml_list(&p, 1, &text, &len), SLOT_ETYPE);
		game_player_fini(&p);
	}
	/* The longest characters of each length, and the edges, are fine. */
	static const char *const good[] = {"\x7f\xdf\xbf\xef\xbf\xbd\xf4\x8f\xbf\xbf",
					   "\xc2\x80\xe0\xa0\x80\xf0\x90\x80\x80\xed\x9f\xbf\xee\x80\x80"};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		game_player p, q;
		game_player_init(&p, 1);
		ck_assert_int_eq(game_player_set_name(&p, good[i]), SLOT_OK);
		char *text;
		size_t len;
		slot_yaml_error err;
		ck_assert_int_eq(game_player_dump_yaml(&p, &text, &len), SLOT_OK);
		ck_assert_msg(game_player_load_yaml(&q, text, len, &err) == SLOT_OK, "%s", err.message);
		ck_assert_str_eq(game_player_get_name(&q), good[i]);
		free(text);
		game_player_fini(&p);
		game_player_fini(&q);
	}
	corners_tagged t;
	ck_assert_int_eq(corners_tagged_init(&t, "k"), SLOT_OK);
	ck_assert_int_eq(corners_tagged_set_words_at(&t, 1, "\xff"), SLOT_OK);
	char *text;
	ck_assert_int_eq(corners_tagged_dump_yaml(&t, &text, NULL), SLOT_ETYPE);
	corners_tagged_fini(&t);
	game_player p;
	game_player_init(&p, 1);
	p.team = (game_team)7;
	ck_assert_int_eq(game_player_dump_yaml(&p, &text, NULL), SLOT_ERANGE);
	game_player_fini(&p);
}
END_TEST

/* Every error has a line, a column (in characters) and a byte offset:
 * undecodable data too, which libyaml's reader reports with an offset
 * and no mark; list loads say which record failed. */
START_TEST(test_error_positions)
{
	static const struct {
		const char *text;
		size_t len;
		unsigned long line, column;
		size_t offset;
		const char *message;
	} cases[] = {
		{"id: 1\nname: caf\xe9\n", 0, 2, 10, 15, "incomplete UTF-8 octet sequence"},
		{"id: 1\nname: \"a\x01\"\n", 0, 2, 9, 14, "control characters are not allowed"},
		{"id: 1\nname: \xe2\x28\xa1\n", 0, 2, 7, 13, "invalid trailing UTF-8 octet"},
		{"\xef\xbb\xbfid: 1\nname: \xff\n", 0, 2, 7, 15, "invalid leading UTF-8 octet"},
		{"id: 1\r\nname: \xc3\xa9\r\nlevel: 300\r\n", 0, 3, 8, 24,
		 "value 300 out of range for 'Player' attribute 'level' (uint8)"},
		{"id: 1\nname: \xe2\x82\xac\xe2\x82\xac\nnickname: \xe2\x82\xac\nzz: 1\n", 0, 4, 1, 33,
		 "'Player' object has no attribute 'zz'; did you mean 'id'?"},
		{"\xff\xfei\0d\0:\0 \0" "1\0\n\0l\0:\0 \0" "1\0", 22, 2, 1, 14,
		 "'Player' object has no attribute 'l'; did you mean 'id'?"},
		{"", 0, 1, 1, 0, "expected a document; the data is empty or holds only comments"},
		{"# c\n# d\n", 0, 3, 1, 8, "expected a document; the data is empty or holds only comments"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		game_player p;
		slot_yaml_error err;
		size_t len = cases[i].len ? cases[i].len : strlen(cases[i].text);
		ck_assert_int_ne(game_player_load_yaml(&p, cases[i].text, len, &err), SLOT_OK);
		ck_assert_str_eq(err.message, cases[i].message);
		ck_assert_msg(err.line == cases[i].line && err.column == cases[i].column &&
				      err.offset == cases[i].offset,
			      "case %zu: %lu:%lu at %zu", i, err.line, err.column, err.offset);
		ck_assert_uint_eq(err.index, 0);
	}
	static const struct {
		const char *text;
		size_t index, offset;
	} lists[] = {
		{"- {id: 1}\n- {id: 2}\n- {id: 3, level: 999}\n", 2, 37},
		{"- {id: 1}\n- {id: 2}\n- {id: 3\n", 2, 29},
		{"- {id: 1}\n- [1]\n", 1, 12},
		{"- {id: 1}\n---\n", 1, 10},
		{"id: 1\n", 0, 0},
	};
	for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
		game_player *all;
		size_t n;
		slot_yaml_error err;
		ck_assert_int_ne(game_player_load_yaml_list(&all, &n, lists[i].text, strlen(lists[i].text), &err),
				 SLOT_OK);
		ck_assert_msg(err.index == lists[i].index && err.offset == lists[i].offset,
			      "list %zu: record %zu at %zu: %s", i, err.index, err.offset, err.message);
	}
}
END_TEST

/* In a program whose locale writes numbers with a decimal comma, dumps
 * still write YAML's points, and loads read them.  Checked where such a
 * locale is installed (none is in a bare C library: LOCPATH can give one). */
START_TEST(test_numbers_in_any_locale)
{
	static const char *const comma[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "de_DE", NULL};
	const char *const *name = comma;
	while (*name && !setlocale(LC_NUMERIC, *name))
		name++;
	if (!*name)
		return; /* no locale with a decimal comma here */
	ck_assert_str_eq(localeconv()->decimal_point, ",");
	corners_scalars s, t;
	slot_yaml_error err;
	const char *text = "d: 1.0e-05\nf: 2.5e+16\nn: 1.25\n";
	ck_assert_msg(corners_scalars_load_yaml(&s, text, strlen(text), &err) == SLOT_OK, "%s", err.message);
	ck_assert(corners_scalars_get_d(&s) == 1e-05);
	ck_assert(corners_scalars_get_f(&s) == 2.5e16f);
	char out[64];
	dumped(&s, "d", out, sizeof out);
	ck_assert_str_eq(out, "1.0e-05");
	corners_scalars_set_d(&s, 0.1234567890123456789);
	dumped(&s, "d", out, sizeof out);
	ck_assert_str_eq(out, "0.12345678901234568");
	char *dump;
	size_t len;
	ck_assert_int_eq(corners_scalars_dump_yaml(&s, &dump, &len), SLOT_OK);
	ck_assert_msg(corners_scalars_load_yaml(&t, dump, len, &err) == SLOT_OK, "%s", err.message);
	ck_assert(corners_scalars_get_d(&t) == 0.1234567890123456789);
	free(dump);
	corners_scalars_fini(&s);
	corners_scalars_fini(&t);
	setlocale(LC_NUMERIC, "C");
}
END_TEST

/* ---- lists and bytes ---------------------------------------------------------- */

static int load_bag(lists_bag *b, const char *text, slot_yaml_error *err)
{
	return lists_bag_load_yaml(b, text, strlen(text), err);
}

/* Every kind of element, dumped as single values are (strings quoted,
 * names plain, floats in the shortest form), in flow sequences; nested
 * lists and lists of objects too.  The dump loads back equal. */
START_TEST(test_lists_of_every_kind_round_trip)
{
	lists_bag b, again;
	lists_bag_init(&b);
	const int32_t ints[] = {1, -2147483647 - 1, 2147483647, 0};
	ck_assert_int_eq(lists_bag_set_ints(&b, ints, 4), SLOT_OK);
	const bool flags[] = {true, false};
	ck_assert_int_eq(lists_bag_set_flags(&b, flags, 2), SLOT_OK);
	const double reals[] = {0.1, -0.0, 1e-05, HUGE_VAL, 5e-324};
	ck_assert_int_eq(lists_bag_set_reals(&b, reals, 5), SLOT_OK);
	const lists_color colors[] = {LISTS_COLOR_BLUE, LISTS_COLOR_RED};
	ck_assert_int_eq(lists_bag_set_colors(&b, colors, 2), SLOT_OK);
	const char *const names[] = {"", "yes", "~", "say \"hi\"", "n\nl", "\xc3\xa9t\xc3\xa9",
				     "- x"};
	ck_assert_int_eq(lists_bag_set_names(&b, names, 7), SLOT_OK);
	const slot_bytes blobs[] = {
		{NULL, 0}, {(unsigned char *)"\0a", 2}, {(unsigned char *)"\xff", 1}};
	ck_assert_int_eq(lists_bag_set_blobs(&b, blobs, 3), SLOT_OK);
	lists_point p;
	lists_point_init(&p);
	lists_point_set_x(&p, -3);
	ck_assert_int_eq(lists_bag_append_points(&b, &p), SLOT_OK);
	lists_point_set_y(&p, 4);
	ck_assert_int_eq(lists_bag_append_points(&b, &p), SLOT_OK);
	lists_point_init(&p); /* empty: every slot unset */
	ck_assert_int_eq(lists_bag_append_points(&b, &p), SLOT_OK);
	const int16_t row[] = {1, -32768, 32767};
	slot_list rows[3] = {{(void *)row, 3, 3}, {NULL, 0, 0}, {(void *)row, 1, 1}};
	ck_assert_int_eq(lists_bag_set_grid(&b, rows, 3), SLOT_OK);
	ck_assert_int_eq(lists_bag_set_payload(&b, "\0ab", 3), SLOT_OK);
	char *text;
	size_t len;
	ck_assert_int_eq(lists_bag_dump_yaml(&b, &text, &len), SLOT_OK);
	ck_assert_str_eq(text,
			 "ints: [1, -2147483648, 2147483647, 0]\n"
			 "flags: [true, false]\n"
			 "reals: [0.1, -0.0, 1.0e-05, .inf, 5.0e-324]\n"
			 "colors: [blue, red]\n"
			 "names: [\"\", \"yes\", \"~\", \"say \\\"hi\\\"\", \"n\\x0al\", "
			 "\"\xc3\xa9t\xc3\xa9\", \"- x\"]\n"
			 "blobs: [!!binary \"\", !!binary \"AGE=\", !!binary \"/w==\"]\n"
			 "points: [{x: -3}, {x: -3, \"y\": 4}, {}]\n"
			 "grid: [[1, -32768, 32767], [], [1]]\n"
			 "payload: !!binary \"AGFi\"\n");
	slot_yaml_error err;
	ck_assert_msg(lists_bag_load_yaml(&again, text, len, &err) == SLOT_OK, "%lu:%lu: %s",
		      err.line, err.column, err.message);
	ck_assert(lists_bag_equal(&b, &again));
	ck_assert_uint_eq(lists_bag_len_points(&again), 3);
	ck_assert(!lists_point_has_x(lists_bag_get_points_at(&again, 2)));
	ck_assert_uint_eq(lists_bag_get_grid_at(&again, 1)->len, 0);
	free(text);
	lists_bag_fini(&again);

	/* A subclass's lists, inherited and its own. */
	lists_labeled l, l2;
	lists_labeled_init(&l);
	ck_assert_int_eq(lists_labeled_set_grid(&l, rows, 2), SLOT_OK);
	ck_assert_int_eq(lists_labeled_append_labels(&l, "on"), SLOT_OK);
	ck_assert_int_eq(lists_labeled_dump_yaml(&l, &text, &len), SLOT_OK);
	ck_assert_str_eq(text, "grid: [[1, -32768, 32767], []]\nlabels: [\"on\"]\n");
	ck_assert_int_eq(lists_labeled_load_yaml(&l2, text, len, &err), SLOT_OK);
	ck_assert(lists_labeled_equal(&l, &l2));
	free(text);
	lists_labeled_fini(&l);
	lists_labeled_fini(&l2);
	lists_bag_fini(&b);
}
END_TEST

/* Bytes are `!!binary` base64 on one line, padded: every byte value, and
 * every length of the last group. */
START_TEST(test_bytes_every_value)
{
	static const struct {
		const char *data;
		size_t len;
		const char *text;
	} cases[] = {
		{"", 0, "payload: !!binary \"\"\n"},
		{"\0", 1, "payload: !!binary \"AA==\"\n"},
		{"\0a", 2, "payload: !!binary \"AGE=\"\n"},
		{"\0ab", 3, "payload: !!binary \"AGFi\"\n"},
		{"\xff\xfe\xfd\xfc", 4, "payload: !!binary \"//79/A==\"\n"},
	};
	lists_bag b, again;
	slot_yaml_error err;
	char *text;
	size_t len;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		lists_bag_init(&b);
		ck_assert_int_eq(lists_bag_set_payload(&b, cases[i].data, cases[i].len), SLOT_OK);
		ck_assert_int_eq(lists_bag_dump_yaml(&b, &text, &len), SLOT_OK);
		ck_assert_str_eq(text, cases[i].text);
		ck_assert_int_eq(lists_bag_load_yaml(&again, text, len, &err), SLOT_OK);
		ck_assert(lists_bag_has_payload(&again));
		ck_assert(lists_bag_equal(&b, &again));
		free(text);
		lists_bag_fini(&b);
		lists_bag_fini(&again);
	}
	unsigned char all[256];
	for (int i = 0; i < 256; i++)
		all[i] = (unsigned char)i;
	lists_bag_init(&b);
	ck_assert_int_eq(lists_bag_set_payload(&b, all, sizeof all), SLOT_OK);
	ck_assert_int_eq(lists_bag_dump_yaml(&b, &text, &len), SLOT_OK);
	ck_assert_str_eq(text,
			 "payload: !!binary \"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJ"
			 "CUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0BBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZ"
			 "WltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn+AgYKDhIWGh4iJiouMjY6P"
			 "kJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmqq6ytrq+wsbKztLW2t7i5uru8vb6/wMHCw8TF"
			 "xsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t/g4eLj5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7"
			 "/P3+/w==\"\n");
	ck_assert_int_eq(lists_bag_load_yaml(&again, text, len, &err), SLOT_OK);
	size_t n;
	const unsigned char *got = lists_bag_get_payload(&again, &n);
	ck_assert_uint_eq(n, 256);
	ck_assert(memcmp(got, all, 256) == 0);
	free(text);
	lists_bag_fini(&again);
	/* Every byte value in each position of a group of three, in a list. */
	for (int shift = 0; shift < 3; shift++) {
		slot_bytes one = {all, 256 - (size_t)shift};
		lists_bag_clear_payload(&b);
		lists_bag_empty_blobs(&b);
		one.data = all + shift;
		ck_assert_int_eq(lists_bag_append_blobs(&b, &one), SLOT_OK);
		ck_assert_int_eq(lists_bag_append_blobs(&b, &one), SLOT_OK);
		ck_assert_int_eq(lists_bag_dump_yaml(&b, &text, &len), SLOT_OK);
		ck_assert_int_eq(lists_bag_load_yaml(&again, text, len, &err), SLOT_OK);
		ck_assert(lists_bag_equal(&b, &again));
		ck_assert(!lists_bag_has_payload(&again));
		free(text);
		lists_bag_fini(&again);
	}
	lists_bag_fini(&b);
}
END_TEST

/* An empty list is set and dumps as `[]`; an unset one is left out; `~`
 * unsets.  Empty bytes are set too, NULL and 0. */
START_TEST(test_empty_list_and_bytes_are_not_unset)
{
	static const struct {
		const char *text;
		bool ints, payload;
		const char *dump;
	} cases[] = {
		{"ints: []\npayload: !!binary \"\"\n", true, true, "ints: []\npayload: !!binary \"\"\n"},
		{"ints: [ ]\npayload: !!binary\n", true, true, "ints: []\npayload: !!binary \"\"\n"},
		{"ints: ~\npayload: ~\n", false, false, "{}\n"},
		{"ints:\npayload: null\n", false, false, "{}\n"},
		{"{}", false, false, "{}\n"},
		{"payload: !!binary null\n", false, true, "payload: !!binary \"null\"\n"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		lists_bag b;
		slot_yaml_error err;
		ck_assert_msg(load_bag(&b, cases[i].text, &err) == SLOT_OK, "%s: %s", cases[i].text,
			      err.message);
		ck_assert(lists_bag_has_ints(&b) == cases[i].ints);
		ck_assert(lists_bag_has_payload(&b) == cases[i].payload);
		ck_assert_uint_eq(lists_bag_len_ints(&b), 0);
		ck_assert_ptr_null(lists_bag_get_ints(&b));
		if (cases[i].payload && !strstr(cases[i].text, "null")) {
			size_t n = 99;
			ck_assert_ptr_null(lists_bag_get_payload(&b, &n));
			ck_assert_uint_eq(n, 0);
		}
		char *text;
		ck_assert_int_eq(lists_bag_dump_yaml(&b, &text, NULL), SLOT_OK);
		ck_assert_str_eq(text, cases[i].dump);
		free(text);
		lists_bag_fini(&b);
	}
}
END_TEST

/* Block sequences, flow sequences and base64 broken over lines (as
 * PyYAML writes it, in a literal block) mean the same. */
START_TEST(test_block_and_flow_lists)
{
	static const char block[] =
		"ints:\n"
		"- 1\n"
		"- 0x10\n"
		"names:\n"
		"  - plain\n"
		"  - 'single'\n"
		"  - \"double\"\n"
		"  - |\n"
		"    literal\n"
		"points:\n"
		"- x: 1\n"
		"  y: 2\n"
		"- {}\n"
		"grid:\n"
		"- - 1\n"
		"  - 2\n"
		"- []\n"
		"-\n"
		"  - 3\n"
		"blobs:\n"
		"- !!binary |\n"
		"  AAECAwQF\n"
		"  BgcI\n"
		"- !!binary \"AA\\\n"
		"  ==\"\n"
		"payload: !!binary |\n"
		"  AGFi\n";
	static const char flow[] =
		"{ints: [1, 16], names: [plain, single, double, \"literal\\n\"], "
		"points: [{x: 1, \"y\": 2}, {}], grid: [[1, 2], [], [3]],\n"
		" blobs: [!!binary \"AAECAwQFBgcI\", !!binary \"AA==\"], payload: !!binary AGFi}\n";
	lists_bag a, b;
	slot_yaml_error err;
	ck_assert_msg(load_bag(&a, block, &err) == SLOT_OK, "%lu:%lu: %s", err.line, err.column,
		      err.message);
	ck_assert_msg(load_bag(&b, flow, &err) == SLOT_OK, "%lu:%lu: %s", err.line, err.column,
		      err.message);
	ck_assert(lists_bag_equal(&a, &b));
	ck_assert_int_eq(lists_bag_get_ints_at(&a, 1), 16);
	ck_assert_str_eq(lists_bag_get_names_at(&a, 3), "literal\n");
	ck_assert_uint_eq(lists_bag_get_blobs_at(&a, 0)->len, 9);
	ck_assert_uint_eq(lists_bag_get_blobs_at(&a, 1)->len, 1);
	ck_assert_uint_eq(lists_bag_get_grid_at(&a, 2)->len, 1);
	lists_bag_fini(&a);
	lists_bag_fini(&b);
}
END_TEST

/* The example of docs/yaml.md: a dump, and block-style data that loads
 * as the same Bag. */
START_TEST(test_the_example_of_the_docs)
{
	static const char dump[] =
		"ints: [1, -2147483648, 2147483647, 0]\n"
		"flags: [true, false]\n"
		"reals: [0.1, -0.0, 1.0e-05, .inf, 5.0e-324]\n"
		"colors: [blue, red]\n"
		"names: [\"\", \"yes\", \"~\", \"- x\"]\n"
		"blobs: [!!binary \"\", !!binary \"AGE=\", !!binary \"/w==\"]\n"
		"points: [{x: -3}, {x: -3, \"y\": 4}, {}]\n"
		"grid: [[1, -32768, 32767], [], [1]]\n"
		"payload: !!binary \"AGFi\"\n";
	static const char block[] =
		"ints:\n"
		"- 1\n"
		"- -2147483648\n"
		"- 0x7fffffff\n"
		"- 0\n"
		"flags: [yes, no]\n"
		"reals: [.1, -0.0, 1.0e-5, .Inf, 5.0e-324]\n"
		"colors: [blue, red]\n"
		"names: ['', 'yes', '~', '- x']\n"
		"blobs:\n"
		"- !!binary \"\"\n"
		"- !!binary AGE=\n"
		"- !!binary \"/w==\"\n"
		"points:\n"
		"- x: -3\n"
		"- {x: -3, y: 4}\n"
		"- {}\n"
		"grid:\n"
		"- - 1\n"
		"  - -32768\n"
		"  - 32767\n"
		"- []\n"
		"- [1]\n"
		"payload: !!binary |\n"
		"  AGFi\n";
	lists_bag a, b;
	slot_yaml_error err;
	ck_assert_msg(load_bag(&a, block, &err) == SLOT_OK, "%lu:%lu: %s", err.line, err.column,
		      err.message);
	char *text;
	ck_assert_int_eq(lists_bag_dump_yaml(&a, &text, NULL), SLOT_OK);
	ck_assert_str_eq(text, dump);
	ck_assert_int_eq(load_bag(&b, dump, &err), SLOT_OK);
	ck_assert(lists_bag_equal(&a, &b));
	free(text);
	lists_bag_fini(&a);
	lists_bag_fini(&b);
}
END_TEST

static const struct {
	const char *text;
	int status;
	unsigned long line, column;
	const char *message;
} bad_lists[] = {
	{"ints: 3\n", SLOT_ETYPE, 1, 7, "'Bag' attribute 'ints' must be a sequence (list[int32]), not a scalar"},
	{"ints: {a: 1}\n", SLOT_ETYPE, 1, 7, "'Bag' attribute 'ints' must be a sequence (list[int32]), not a mapping"},
	{"ints: !!binary AAAA\n", SLOT_ETYPE, 1, 7, "'Bag' attribute 'ints' must be a sequence (list[int32]), not a scalar"},
	{"ints: [1, x]\n", SLOT_ETYPE, 1, 11, "'Bag' attribute 'ints' must be a whole number (int32), not 'x'"},
	{"ints: [1, 3000000000]\n", SLOT_ERANGE, 1, 11, "value 3000000000 out of range for 'Bag' attribute 'ints' (int32)"},
	{"ints: [1, ~]\n", SLOT_ETYPE, 1, 11, "'Bag' attribute 'ints' must be int32, not null"},
	{"ints:\n- 1\n-\n- 3\n", SLOT_ETYPE, 3, 2, "'Bag' attribute 'ints' must be int32, not null"},
	{"ints: [1, '2']\n", SLOT_ETYPE, 1, 11, "'Bag' attribute 'ints' must be int32, not '2'"},
	{"ints: [!!binary AAAA]\n", SLOT_ETYPE, 1, 8, "'Bag' attribute 'ints' must be int32, not bytes (!!binary)"},
	{"flags: [true, maybe]\n", SLOT_ETYPE, 1, 15, "'Bag' attribute 'flags' must be true or false, not 'maybe'"},
	{"flags: [null]\n", SLOT_ETYPE, 1, 9, "'Bag' attribute 'flags' must be bool, not null"},
	{"reals: [1.5, nan]\n", SLOT_ETYPE, 1, 14, "'Bag' attribute 'reals' must be a number (double), not 'nan'"},
	{"colors: [red, purple]\n", SLOT_ERANGE, 1, 15, "'purple' is not a value of enum 'Color'"},
	{"colors: [~]\n", SLOT_ETYPE, 1, 10, "'Bag' attribute 'colors' must be Color, not null"},
	{"names: [a, ~]\n", SLOT_ETYPE, 1, 12, "'Bag' attribute 'names' must be string, not null"},
	{"names: [a, \"b\\0\"]\n", SLOT_ETYPE, 1, 12, "'Bag' attribute 'names' holds a NUL character"},
	{"names: [a, \"b\\x00c\"]\n", SLOT_ETYPE, 1, 12, "'Bag' attribute 'names' holds a NUL character"},
	{"names:\n- \"\\u0000 and past fourteen bytes\"\n", SLOT_ETYPE, 2, 3, "'Bag' attribute 'names' holds a NUL character"},
	{"names: [[a]]\n", SLOT_ETYPE, 1, 9, "'Bag' attribute 'names' must be string, not a sequence"},
	{"names: [!!binary AGFi]\n", SLOT_ETYPE, 1, 9, "'Bag' attribute 'names' must be string, not bytes (!!binary)"},
	{"points: [{x: 1}, 5]\n", SLOT_ETYPE, 1, 18, "'Bag' attribute 'points' must be a mapping (Point), not a scalar"},
	{"points: [{x: 1}, ~]\n", SLOT_ETYPE, 1, 18, "'Bag' attribute 'points' must be Point, not null"},
	{"points:\n- x: 1\n- z: 2\n", SLOT_ENOATTR, 3, 3, "'Point' object has no attribute 'z'; did you mean 'x'?"},
	{"points: [{x: a}]\n", SLOT_ETYPE, 1, 14, "'Point' attribute 'x' must be a whole number (int32), not 'a'"},
	{"grid: [[1], 2]\n", SLOT_ETYPE, 1, 13, "'Bag' attribute 'grid' must be a sequence (list[int16]), not a scalar"},
	{"grid: [[1], ~]\n", SLOT_ETYPE, 1, 13, "'Bag' attribute 'grid' must be list[int16], not null"},
	{"grid: [[1], [2, x]]\n", SLOT_ETYPE, 1, 17, "'Bag' attribute 'grid' must be a whole number (int16), not 'x'"},
	{"grid: [[1, 40000]]\n", SLOT_ERANGE, 1, 12, "value 40000 out of range for 'Bag' attribute 'grid' (int16)"},
	{"grid: [[[1]]]\n", SLOT_ETYPE, 1, 9, "'Bag' attribute 'grid' must be int16, not a sequence"},
	{"grid:\n- [1]\n- - 2\n  - ~\n", SLOT_ETYPE, 4, 5, "'Bag' attribute 'grid' must be int16, not null"},
	{"grid: {a: 1}\n", SLOT_ETYPE, 1, 7, "'Bag' attribute 'grid' must be a sequence (list[list[int16]]), not a mapping"},
	{"blobs: [abc]\n", SLOT_ETYPE, 1, 9, "'Bag' attribute 'blobs' must be bytes (!!binary), not 'abc'"},
	{"blobs: [~]\n", SLOT_ETYPE, 1, 9, "'Bag' attribute 'blobs' must be bytes, not null"},
	{"blobs: [!!binary AA]\n", SLOT_ETYPE, 1, 9, "invalid base64 for 'Bag' attribute 'blobs': 2 characters, not a multiple of 4"},
	{"payload: abc\n", SLOT_ETYPE, 1, 10, "'Bag' attribute 'payload' must be bytes (!!binary), not 'abc'"},
	{"payload: \"AGFi\"\n", SLOT_ETYPE, 1, 10, "'Bag' attribute 'payload' must be bytes (!!binary), not 'AGFi'"},
	{"payload: [1]\n", SLOT_ETYPE, 1, 10, "'Bag' attribute 'payload' must be bytes (!!binary), not a sequence"},
	{"payload: !!binary AGF*\n", SLOT_ETYPE, 1, 10, "invalid base64 for 'Bag' attribute 'payload': '*' is not a base64 character"},
	{"payload: !!binary \"AA\\0A\"\n", SLOT_ETYPE, 1, 10, "invalid base64 for 'Bag' attribute 'payload': byte 0x00 is not a base64 character"},
	{"payload: !!binary \"AGF\\u00e9\"\n", SLOT_ETYPE, 1, 10, "invalid base64 for 'Bag' attribute 'payload': byte 0xc3 is not a base64 character"},
	{"payload: !!binary AGF\n", SLOT_ETYPE, 1, 10, "invalid base64 for 'Bag' attribute 'payload': 3 characters, not a multiple of 4"},
	{"payload: !!binary |\n  AGFi\n  AG\n", SLOT_ETYPE, 1, 10, "invalid base64 for 'Bag' attribute 'payload': 6 characters, not a multiple of 4"},
	{"payload: !!binary AB==\n", SLOT_ETYPE, 1, 10, "invalid base64 for 'Bag' attribute 'payload': bits set past the end of the data"},
	{"payload: !!binary AGF=\n", SLOT_ETYPE, 1, 10, "invalid base64 for 'Bag' attribute 'payload': bits set past the end of the data"},
	{"payload: !!binary A===\n", SLOT_ETYPE, 1, 10, "invalid base64 for 'Bag' attribute 'payload': misplaced '='"},
	{"payload: !!binary AA==AAAA\n", SLOT_ETYPE, 1, 10, "invalid base64 for 'Bag' attribute 'payload': misplaced '='"},
	{"payload: !!binary ~\n", SLOT_ETYPE, 1, 10, "invalid base64 for 'Bag' attribute 'payload': '~' is not a base64 character"},
	{"ints: [1, 2]\nnames: [a, b]\nints: []\n", SLOT_ESYNTAX, 3, 1, "duplicate key 'ints'"},
	{"names: [&a x, *a]\n", SLOT_ESYNTAX, 1, 15, "aliases are not supported"},
};

/* Each error at the node at fault, the object left empty: what a list
 * got before the failure is freed (valgrind and ASan check). */
START_TEST(test_list_errors_say_where_and_leave_nothing)
{
	lists_bag b;
	slot_yaml_error err;
	int rc = load_bag(&b, bad_lists[_i].text, &err);
	assert_error(bad_lists[_i].text, bad_lists[_i].status, bad_lists[_i].line,
		     bad_lists[_i].column, bad_lists[_i].message, rc, &err);
	ck_assert_ptr_null(slot_next_set(&b, &lists_bag_class, NULL));
	ck_assert_ptr_null(b.ints.items);
	ck_assert_ptr_null(b.names.items);
	ck_assert_ptr_null(b.grid.items);
	ck_assert_ptr_null(b.payload.data);
}
END_TEST

/* A chain of @p n Nodes, each the only child of the one before. */
static void node_chain(lists_node *top, int n)
{
	lists_node_init(top);
	lists_node_set_value(top, n);
	if (n > 1) {
		lists_node child;
		node_chain(&child, n - 1);
		ck_assert_int_eq(lists_node_append_children(top, &child), SLOT_OK);
		lists_node_fini(&child);
	}
}

/* A tree of objects through lists: loaded and dumped to the loader's
 * depth (64 levels of mappings and sequences), refused deeper, by the
 * dumper too, so that every dump loads back. */
START_TEST(test_trees_and_their_depth)
{
	static const char tree[] = "value: 1\nchildren:\n- {value: 2, children: []}\n"
				   "- value: 3\n  children:\n  - {value: 4}\n";
	lists_node t, again;
	slot_yaml_error err;
	ck_assert_int_eq(lists_node_load_yaml(&t, tree, sizeof tree - 1, &err), SLOT_OK);
	ck_assert_uint_eq(lists_node_len_children(&t), 2);
	ck_assert(lists_node_has_children(lists_node_get_children_at(&t, 0)));
	const lists_node *three = lists_node_get_children_at(&t, 1);
	ck_assert(!lists_node_has_children(lists_node_get_children_at(three, 0)));
	char *text;
	size_t len;
	ck_assert_int_eq(lists_node_dump_yaml(&t, &text, &len), SLOT_OK);
	ck_assert_str_eq(text, "value: 1\nchildren: [{value: 2, children: []}, "
			       "{value: 3, children: [{value: 4}]}]\n");
	free(text);
	lists_node_fini(&t);

	/* 32 Nodes: the last mapping 63 levels deep, its children 64. */
	node_chain(&t, 32);
	lists_node *last = &t;
	while (lists_node_len_children(last))
		last = lists_node_mut_children_at(last, 0);
	lists_node_empty_children(last);
	ck_assert_int_eq(lists_node_dump_yaml(&t, &text, &len), SLOT_OK);
	ck_assert_msg(lists_node_load_yaml(&again, text, len, &err) == SLOT_OK, "%s", err.message);
	ck_assert(lists_node_equal(&t, &again));
	lists_node_fini(&again);
	free(text);
	lists_node_fini(&t);

	/* 33: the last mapping would be 65 levels deep. */
	node_chain(&t, 33);
	text = (char *)"untouched";
	ck_assert_int_eq(lists_node_dump_yaml(&t, &text, &len), SLOT_ERANGE);
	ck_assert_str_eq(text, "untouched");
	lists_node_fini(&t);
	char deep[1024];
	size_t n = (size_t)snprintf(deep, sizeof deep, "children: [");
	for (int i = 2; i < 33; i++)
		n += (size_t)snprintf(deep + n, sizeof deep - n, "{children: [");
	n += (size_t)snprintf(deep + n, sizeof deep - n, "{}");
	unsigned long column = (unsigned long)n - 1;
	for (int i = 2; i < 33; i++)
		n += (size_t)snprintf(deep + n, sizeof deep - n, "]}");
	snprintf(deep + n, sizeof deep - n, "]\n");
	ck_assert_int_eq(lists_node_load_yaml(&t, deep, strlen(deep), &err), SLOT_ESYNTAX);
	ck_assert_str_eq(err.message, "nesting deeper than 64 levels");
	ck_assert_uint_eq(err.line, 1);
	ck_assert_uint_eq(err.column, column);
	ck_assert_ptr_null(slot_next_set(&t, &lists_node_class, NULL));
}
END_TEST

/* A list holds no NULL string: one a program put there does not dump
 * (`~` would not load back). */
START_TEST(test_dump_refuses_a_null_string_in_a_list)
{
	lists_bag b;
	lists_bag_init(&b);
	ck_assert_int_eq(lists_bag_append_names(&b, "a"), SLOT_OK);
	slot_str *items = (slot_str *)b.names.items;
	slot_str keep = items[0];
	memset(&items[0], 0, sizeof items[0]); /* no string */
	char *text = (char *)"untouched";
	ck_assert_int_eq(lists_bag_dump_yaml(&b, &text, NULL), SLOT_ETYPE);
	ck_assert_str_eq(text, "untouched");
	items[0] = keep;
	lists_bag_fini(&b);
}
END_TEST

/* ---- dicts, optional children and unions ------------------------------------ */

/* Every kind of value in dicts, written as single values are, keys as
 * names are: plain when that reads back as the same string to every YAML
 * reader, else quoted.  The dump loads back equal, in the same order. */
START_TEST(test_dicts_of_every_kind_round_trip)
{
	lists_service s, again;
	lists_service_init(&s);
	static const char *const keys[] = {"a", "b c", "yes", "No", "null", "~", "1", "0x10",
					   "1e3", "", "\xc3\xa9t\xc3\xa9", "- x", "y", "key: v"};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		ck_assert_int_eq(lists_service_put_env(&s, keys[i], keys[i]), SLOT_OK);
	ck_assert_int_eq(lists_service_put_ports(&s, "http", 80), SLOT_OK);
	ck_assert_int_eq(lists_service_put_ports(&s, "max", 65535), SLOT_OK);
	ck_assert_int_eq(lists_service_put_weights(&s, "w", 0.1), SLOT_OK);
	ck_assert_int_eq(lists_service_put_weights(&s, "inf", -HUGE_VAL), SLOT_OK);
	ck_assert_int_eq(lists_service_put_flags(&s, "on", true), SLOT_OK);
	ck_assert_int_eq(lists_service_put_colors(&s, "sky", LISTS_COLOR_BLUE), SLOT_OK);
	slot_bytes blob = {(unsigned char *)"\0ab", 3};
	ck_assert_int_eq(lists_service_put_blobs(&s, "b", &blob), SLOT_OK);
	lists_point p;
	lists_point_init(&p);
	lists_point_set_y(&p, -4);
	ck_assert_int_eq(lists_service_put_points(&s, "o", &p), SLOT_OK);
	lists_point_init(&p);
	ck_assert_int_eq(lists_service_put_points(&s, "empty", &p), SLOT_OK);
	slot_str names[] = {slot_str_lend("ann"), slot_str_lend("bob")};
	slot_list group = {(void *)names, 2, 2}, none = {NULL, 0, 0};
	ck_assert_int_eq(lists_service_put_groups(&s, "admins", &group), SLOT_OK);
	ck_assert_int_eq(lists_service_put_groups(&s, "nobody", &none), SLOT_OK);
	slot_map inner = {NULL, 0, 0, NULL};
	int32_t one = 1;
	ck_assert_int_eq(slot_map_put(&inner, lists_service_nested_elem.elem, "one", &one), SLOT_OK);
	ck_assert_int_eq(lists_service_put_nested(&s, "n", &inner), SLOT_OK);
	slot_map_fini(&inner, lists_service_nested_elem.elem);
	ck_assert_int_eq(lists_service_put_nested(&s, "none", &inner), SLOT_OK);
	char *text;
	size_t len;
	ck_assert_int_eq(lists_service_dump_yaml(&s, &text, &len), SLOT_OK);
	ck_assert_str_eq(text,
			 "env: {a: \"a\", \"b c\": \"b c\", \"yes\": \"yes\", \"No\": \"No\", "
			 "\"null\": \"null\", \"~\": \"~\", \"1\": \"1\", \"0x10\": \"0x10\", "
			 "\"1e3\": \"1e3\", \"\": \"\", "
			 "\"\xc3\xa9t\xc3\xa9\": \"\xc3\xa9t\xc3\xa9\", "
			 "\"- x\": \"- x\", \"y\": \"y\", \"key: v\": \"key: v\"}\n"
			 "ports: {http: 80, max: 65535}\n"
			 "weights: {w: 0.1, inf: -.inf}\n"
			 "flags: {\"on\": true}\n"
			 "colors: {sky: blue}\n"
			 "blobs: {b: !!binary \"AGFi\"}\n"
			 "points: {o: {\"y\": -4}, empty: {}}\n"
			 "groups: {admins: [\"ann\", \"bob\"], nobody: []}\n"
			 "nested: {\"n\": {one: 1}, none: {}}\n");
	slot_yaml_error err;
	ck_assert_msg(lists_service_load_yaml(&again, text, len, &err) == SLOT_OK, "%lu:%lu: %s",
		      err.line, err.column, err.message);
	ck_assert(lists_service_equal(&s, &again));
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		ck_assert_str_eq(lists_service_key_env_at(&again, i), keys[i]);
	ck_assert(!lists_point_has_x(lists_service_get_points(&again, "empty")));
	free(text);
	lists_service_fini(&again);

	/* Inherited dicts, a dict of its own and a list of Services. */
	lists_deployment d, d2;
	lists_deployment_init(&d);
	ck_assert_int_eq(lists_deployment_put_labels(&d, "app", "web"), SLOT_OK);
	ck_assert_int_eq(lists_deployment_put_ports(&d, "http", 8080), SLOT_OK);
	ck_assert_int_eq(lists_deployment_append_services(&d, &s), SLOT_OK);
	lists_service_fini(&s); /* d holds its own copy */
	lists_service_init(&s);
	ck_assert_int_eq(lists_deployment_append_services(&d, &s), SLOT_OK);
	ck_assert_int_eq(lists_deployment_dump_yaml(&d, &text, &len), SLOT_OK);
	ck_assert_ptr_nonnull(strstr(text, "ports: {http: 8080}\nlabels: {app: \"web\"}\n"
					   "services: [{env: {a: \"a\", "));
	ck_assert_ptr_nonnull(strstr(text, "nested: {\"n\": {one: 1}, none: {}}}, {}]\n"));
	ck_assert_msg(lists_deployment_load_yaml(&d2, text, len, &err) == SLOT_OK, "%lu:%lu: %s",
		      err.line, err.column, err.message);
	ck_assert(lists_deployment_equal(&d, &d2));
	free(text);
	lists_deployment_fini(&d);
	lists_deployment_fini(&d2);
	lists_service_fini(&s);
}
END_TEST

/* A key too long for a YAML reader's implicit keys (1024 characters) is
 * written as an explicit one; an escaped one could be four times as long. */
START_TEST(test_long_keys)
{
	char key[400];
	lists_service s, again;
	lists_service_init(&s);
	memset(key, 'k', sizeof key - 1);
	key[sizeof key - 1] = '\0';
	ck_assert_int_eq(lists_service_put_ports(&s, key, 1), SLOT_OK);
	key[250] = '\0';
	ck_assert_int_eq(lists_service_put_ports(&s, key, 2), SLOT_OK);
	memset(key, '\x01', 250);
	ck_assert_int_eq(lists_service_put_ports(&s, key, 3), SLOT_OK);
	char *text;
	size_t len;
	ck_assert_int_eq(lists_service_dump_yaml(&s, &text, &len), SLOT_OK);
	ck_assert(strncmp(text, "ports: {? kkk", 13) == 0);
	ck_assert_ptr_nonnull(strstr(text, "kkk : 1, kkk"));
	ck_assert_ptr_nonnull(strstr(text, "kkk: 2, \"\\x01\\x01"));
	ck_assert_ptr_nonnull(strstr(text, "\\x01\": 3}\n"));
	slot_yaml_error err;
	ck_assert_msg(lists_service_load_yaml(&again, text, len, &err) == SLOT_OK, "%lu:%lu: %s",
		      err.line, err.column, err.message);
	ck_assert(lists_service_equal(&s, &again));
	free(text);
	lists_service_fini(&s);
	lists_service_fini(&again);
}
END_TEST

/* Block and flow mappings mean the same dict, in the data's order; an
 * empty dict is set, `~` unsets one. */
START_TEST(test_block_and_flow_dicts)
{
	static const char block[] =
		"env:\n"
		"  PATH: /bin\n"
		"  'yes': \"no\"\n"
		"  1: one\n"
		"  ? explicit\n"
		"  : key\n"
		"ports:\n"
		"  http: 80\n"
		"  https: 0x1bb\n"
		"groups:\n"
		"  admins:\n"
		"  - ann\n"
		"  - bob\n"
		"  nobody: []\n"
		"nested:\n"
		"  n:\n"
		"    one: 1\n"
		"  none: {}\n"
		"points:\n"
		"  o:\n"
		"    x: 1\n"
		"blobs:\n"
		"  b: !!binary |\n"
		"    AGFi\n";
	static const char flow[] =
		"{env: {PATH: /bin, yes: 'no', '1': one, explicit: key},\n"
		" ports: {http: 80, https: 443},\n"
		" groups: {admins: [ann, bob], nobody: []}, nested: {n: {one: 1}, none: {}},\n"
		" points: {o: {x: 1}}, blobs: {b: !!binary AGFi}}\n";
	lists_service a, b;
	slot_yaml_error err;
	ck_assert_msg(lists_service_load_yaml(&a, block, strlen(block), &err) == SLOT_OK,
		      "%lu:%lu: %s", err.line, err.column, err.message);
	ck_assert_msg(lists_service_load_yaml(&b, flow, strlen(flow), &err) == SLOT_OK,
		      "%lu:%lu: %s", err.line, err.column, err.message);
	ck_assert(lists_service_equal(&a, &b));
	ck_assert_str_eq(lists_service_key_env_at(&a, 2), "1");
	ck_assert_str_eq(lists_service_value_env_at(&a, 3), "key");
	ck_assert_uint_eq(*lists_service_get_ports(&a, "https"), 443);
	ck_assert_uint_eq(lists_service_len_nested(&a), 2);
	lists_service_fini(&a);
	lists_service_fini(&b);

	static const struct {
		const char *text;
		bool env;
		const char *dump;
	} cases[] = {
		{"env: {}\n", true, "env: {}\n"},
		{"env: { }\n", true, "env: {}\n"},
		{"env: ~\n", false, "{}\n"},
		{"env:\n", false, "{}\n"},
		{"{}", false, "{}\n"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		ck_assert_int_eq(lists_service_load_yaml(&a, cases[i].text, strlen(cases[i].text),
							 &err), SLOT_OK);
		ck_assert(lists_service_has_env(&a) == cases[i].env);
		ck_assert_uint_eq(lists_service_len_env(&a), 0);
		char *text;
		ck_assert_int_eq(lists_service_dump_yaml(&a, &text, NULL), SLOT_OK);
		ck_assert_str_eq(text, cases[i].dump);
		free(text);
		lists_service_fini(&a);
	}
}
END_TEST

/* A dict holds no NULL string: one a program put there does not dump. */
START_TEST(test_dump_refuses_a_null_string_in_a_dict)
{
	lists_service s;
	lists_service_init(&s);
	ck_assert_int_eq(lists_service_put_env(&s, "a", "b"), SLOT_OK);
	slot_str *value = (slot_str *)slot_map_value_at(&s.env, &lists_service_env_elem, 0);
	slot_str keep = *value;
	memset(value, 0, sizeof *value); /* no string */
	char *text = (char *)"untouched";
	ck_assert_int_eq(lists_service_dump_yaml(&s, &text, NULL), SLOT_ETYPE);
	ck_assert_str_eq(text, "untouched");
	*value = keep;
	lists_service_fini(&s);
}
END_TEST

static int load_chain(lists_chain *c, const char *text, slot_yaml_error *err)
{
	return lists_chain_load_yaml(c, text, strlen(text), err);
}

/* An optional child's three states: unset (left out), None (`~`), and a
 * child (a mapping), through a round trip each. */
START_TEST(test_optional_children_three_states)
{
	static const struct {
		const char *text;
		int next; /* -1 unset, 0 None, 1 a child */
		const char *dump;
	} cases[] = {
		{"value: 1\n", -1, "value: 1\n"},
		{"value: 1\nnext: ~\n", 0, "value: 1\nnext: ~\n"},
		{"value: 1\nnext: null\n", 0, "value: 1\nnext: ~\n"},
		{"value: 1\nnext:\n", 0, "value: 1\nnext: ~\n"},
		{"next: {}\n", 1, "next: {}\n"},
		{"next: {next: ~}\n", 1, "next: {next: ~}\n"},
		{"next:\n  value: 2\n  next:\n    value: 3\n  tag: {id: 7}\ntag: ~\n", 1,
		 "next: {value: 2, next: {value: 3}, tag: {id: 7}}\ntag: ~\n"},
		{"tag: {id: ~}\n", -1, "tag: {id: ~}\n"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		lists_chain c, again;
		slot_yaml_error err;
		ck_assert_msg(load_chain(&c, cases[i].text, &err) == SLOT_OK, "%s: %s",
			      cases[i].text, err.message);
		ck_assert(lists_chain_has_next(&c) == (cases[i].next >= 0));
		ck_assert((lists_chain_get_next(&c) != NULL) == (cases[i].next > 0));
		char *text;
		size_t len;
		ck_assert_int_eq(lists_chain_dump_yaml(&c, &text, &len), SLOT_OK);
		ck_assert_str_eq(text, cases[i].dump);
		ck_assert_int_eq(lists_chain_load_yaml(&again, text, len, &err), SLOT_OK);
		ck_assert(lists_chain_equal(&c, &again));
		ck_assert(lists_chain_has_next(&again) == lists_chain_has_next(&c));
		free(text);
		lists_chain_fini(&c);
		lists_chain_fini(&again);
	}
	lists_chain c;
	slot_yaml_error err;
	ck_assert_int_eq(load_chain(&c, "next: {value: 2, next: ~}\n", &err), SLOT_OK);
	const lists_chain *two = lists_chain_get_next(&c);
	ck_assert_int_eq(lists_chain_get_value(two), 2);
	ck_assert(lists_chain_has_next(two) && !lists_chain_get_next(two));
	ck_assert(!lists_chain_has_tag(two));
	lists_chain_fini(&c);
}
END_TEST

/* A chain of optional children to the loader's depth (64 mappings), and
 * one past it, refused by the loader and by the dumper. */
START_TEST(test_chains_and_their_depth)
{
	lists_chain top, again;
	lists_chain_init(&top);
	lists_chain *last = &top;
	for (int i = 1; i < 64; i++) {
		lists_chain_set_value(last, i);
		last = lists_chain_ensure_next(last);
		ck_assert_ptr_nonnull(last);
	}
	ck_assert_int_eq(lists_chain_set_next(last, NULL), SLOT_OK); /* None */
	char *text;
	size_t len;
	slot_yaml_error err;
	ck_assert_int_eq(lists_chain_dump_yaml(&top, &text, &len), SLOT_OK);
	ck_assert_msg(lists_chain_load_yaml(&again, text, len, &err) == SLOT_OK, "%s", err.message);
	ck_assert(lists_chain_equal(&top, &again));
	lists_chain_fini(&again);
	free(text);
	ck_assert_ptr_nonnull(lists_chain_ensure_next(last));
	text = (char *)"untouched";
	ck_assert_int_eq(lists_chain_dump_yaml(&top, &text, &len), SLOT_ERANGE);
	ck_assert_str_eq(text, "untouched");
	lists_chain_fini(&top);

	char deep[1024];
	size_t n = 0;
	for (int i = 1; i < 65; i++)
		n += (size_t)snprintf(deep + n, sizeof deep - n, "next: {");
	unsigned long column = (unsigned long)n;
	n += (size_t)snprintf(deep + n, sizeof deep - n, "}");
	for (int i = 1; i < 65; i++)
		n += (size_t)snprintf(deep + n, sizeof deep - n, "}");
	deep[n - 1] = '\n';
	ck_assert_int_eq(load_chain(&top, deep, &err), SLOT_ESYNTAX);
	ck_assert_str_eq(err.message, "nesting deeper than 64 levels");
	ck_assert_uint_eq(err.line, 1);
	ck_assert_uint_eq(err.column, column);
	ck_assert_ptr_null(slot_next_set(&top, &lists_chain_class, NULL));
	ck_assert_ptr_null(top.next);
}
END_TEST

/* What each scalar loads as in a union: YAML's own type of the scalar
 * (PyYAML's), then the union's order; and what each dumps as. */
START_TEST(test_unions_resolve_as_yaml_reads)
{
	static const struct {
		const char *text;
		int target, any; /* the kinds: -1 for an error */
		const char *dump;
	} cases[] = {
		/* Kubernetes' IntOrString. */
		{"target: 8080\n", LISTS_PORT_TARGET_INT32, -1, "target: 8080\n"},
		{"target: http\n", LISTS_PORT_TARGET_STRING, -1, "target: \"http\"\n"},
		{"target: \"8080\"\n", LISTS_PORT_TARGET_STRING, -1, "target: \"8080\"\n"},
		{"target: '-1'\n", LISTS_PORT_TARGET_STRING, -1, "target: \"-1\"\n"},
		{"target: -2147483648\n", LISTS_PORT_TARGET_INT32, -1, "target: -2147483648\n"},
		{"target: 0x1F\n", LISTS_PORT_TARGET_INT32, -1, "target: 31\n"},
		{"target: 0X1F\n", LISTS_PORT_TARGET_STRING, -1, "target: \"0X1F\"\n"},
		{"target: 1e3\n", LISTS_PORT_TARGET_STRING, -1, "target: \"1e3\"\n"},
		{"target: 1.5e3\n", LISTS_PORT_TARGET_STRING, -1, "target: \"1.5e3\"\n"},
		{"target: -.5\n", LISTS_PORT_TARGET_STRING, -1, "target: \"-.5\"\n"},
		{"target: 09\n", LISTS_PORT_TARGET_STRING, -1, "target: \"09\"\n"},
		{"target: !!str 80\n", LISTS_PORT_TARGET_STRING, -1, "target: \"80\"\n"},
		{"target: red\n", LISTS_PORT_TARGET_STRING, -1, "target: \"red\"\n"},
		{"target: |\n  a\n", LISTS_PORT_TARGET_STRING, -1, "target: \"a\\x0a\"\n"},
		/* Every type of bool | uint64 | double | Color | bytes | string. */
		{"any: true\n", -1, LISTS_PORT_ANY_BOOL_, "any: true\n"},
		{"any: Off\n", -1, LISTS_PORT_ANY_BOOL_, "any: false\n"},
		{"any: 5\n", -1, LISTS_PORT_ANY_UINT64, "any: 5\n"},
		{"any: 18446744073709551615\n", -1, LISTS_PORT_ANY_UINT64,
		 "any: 18446744073709551615\n"},
		{"any: 18446744073709551616\n", -1, LISTS_PORT_ANY_DOUBLE_,
		 "any: 1.8446744073709552e+19\n"},
		{"any: -1\n", -1, LISTS_PORT_ANY_DOUBLE_, "any: -1.0\n"},
		{"any: 1.5\n", -1, LISTS_PORT_ANY_DOUBLE_, "any: 1.5\n"},
		{"any: 2.\n", -1, LISTS_PORT_ANY_DOUBLE_, "any: 2.0\n"},
		{"any: .5e-3\n", -1, LISTS_PORT_ANY_DOUBLE_, "any: 0.0005\n"},
		{"any: .5e3\n", -1, LISTS_PORT_ANY_STRING, "any: \".5e3\"\n"},
		{"any: 1e999\n", -1, LISTS_PORT_ANY_STRING, "any: \"1e999\"\n"},
		{"any: .5E+3\n", -1, LISTS_PORT_ANY_DOUBLE_, "any: 500.0\n"},
		{"any: -.inf\n", -1, LISTS_PORT_ANY_DOUBLE_, "any: -.inf\n"},
		{"any: .NaN\n", -1, LISTS_PORT_ANY_DOUBLE_, "any: .nan\n"},
		{"any: red\n", -1, LISTS_PORT_ANY_COLOR, "any: red\n"},
		{"any: \"red\"\n", -1, LISTS_PORT_ANY_STRING, "any: \"red\"\n"},
		{"any: !!binary AGFi\n", -1, LISTS_PORT_ANY_BYTES, "any: !!binary \"AGFi\"\n"},
		{"any: !!binary\n", -1, LISTS_PORT_ANY_BYTES, "any: !!binary \"\"\n"},
		{"any: \"yes\"\n", -1, LISTS_PORT_ANY_STRING, "any: \"yes\"\n"},
		{"any: y\n", -1, LISTS_PORT_ANY_STRING, "any: \"y\"\n"},
		{"any: hello world\n", -1, LISTS_PORT_ANY_STRING, "any: \"hello world\"\n"},
		{"target: ~\nany: null\n", -1, -1, "{}\n"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		lists_port p, again;
		slot_yaml_error err;
		ck_assert_msg(lists_port_load_yaml(&p, cases[i].text, strlen(cases[i].text), &err) ==
				      SLOT_OK,
			      "%s: %s", cases[i].text, err.message);
		ck_assert(lists_port_has_target(&p) == (cases[i].target >= 0));
		ck_assert(lists_port_has_any(&p) == (cases[i].any >= 0));
		if (cases[i].target >= 0)
			ck_assert_msg((int)lists_port_kind_target(&p) == cases[i].target, "%s",
				      cases[i].text);
		if (cases[i].any >= 0)
			ck_assert_msg((int)lists_port_kind_any(&p) == cases[i].any, "%s",
				      cases[i].text);
		char *text;
		size_t len;
		ck_assert_int_eq(lists_port_dump_yaml(&p, &text, &len), SLOT_OK);
		ck_assert_str_eq(text, cases[i].dump);
		ck_assert_int_eq(lists_port_load_yaml(&again, text, len, &err), SLOT_OK);
		ck_assert(lists_port_equal(&p, &again) || isnan(lists_port_get_any_double_(&p)));
		ck_assert(lists_port_kind_any(&p) == lists_port_kind_any(&again));
		free(text);
		lists_port_fini(&p);
		lists_port_fini(&again);
	}
}
END_TEST

/* A union whose types YAML writes alike: the dumper writes a value only
 * when the loader would read it back as the same type, else fails with
 * SLOT_ERANGE, as for an enum value with no name. */
START_TEST(test_unions_the_dumper_refuses)
{
	lists_knob k, again;
	char *text;
	size_t len;
	slot_yaml_error err;
	static const struct {
		int level_kind;
		double level;
		int mode_kind;
		int sw;
		const char *str;
		const char *dump; /* NULL: refused */
	} cases[] = {
		{LISTS_KNOB_LEVEL_UINT8, 5, -1, 0, NULL, "level: 5\n"},
		{LISTS_KNOB_LEVEL_INT64, 5, -1, 0, NULL, NULL},
		{LISTS_KNOB_LEVEL_INT64, 256, -1, 0, NULL, "level: 256\n"},
		{LISTS_KNOB_LEVEL_INT64, -1, -1, 0, NULL, "level: -1\n"},
		{LISTS_KNOB_LEVEL_FLOAT_, 0.5, -1, 0, NULL, "level: 0.5\n"},
		{LISTS_KNOB_LEVEL_DOUBLE_, 0.5, -1, 0, NULL, NULL},
		{LISTS_KNOB_LEVEL_DOUBLE_, 1e300, -1, 0, NULL, "level: 1.0e+300\n"},
		{-1, 0, LISTS_KNOB_MODE_SWITCH_, LISTS_SWITCH_AUTO, NULL, "mode: auto\n"},
		{-1, 0, LISTS_KNOB_MODE_SWITCH_, LISTS_SWITCH_ON, NULL, NULL},
		{-1, 0, LISTS_KNOB_MODE_STRING, 0, "on", "mode: \"on\"\n"},
		{-1, 0, LISTS_KNOB_MODE_STRING, 0, "auto", "mode: \"auto\"\n"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		lists_knob_init(&k);
		double level = cases[i].level;
		switch (cases[i].level_kind) {
		case LISTS_KNOB_LEVEL_UINT8: lists_knob_set_level_uint8(&k, (uint8_t)level); break;
		case LISTS_KNOB_LEVEL_INT64: lists_knob_set_level_int64(&k, (int64_t)level); break;
		case LISTS_KNOB_LEVEL_FLOAT_: lists_knob_set_level_float_(&k, (float)level); break;
		case LISTS_KNOB_LEVEL_DOUBLE_: lists_knob_set_level_double_(&k, level); break;
		}
		if (cases[i].mode_kind == LISTS_KNOB_MODE_SWITCH_)
			lists_knob_set_mode_switch_(&k, (lists_switch)cases[i].sw);
		else if (cases[i].mode_kind == LISTS_KNOB_MODE_STRING)
			ck_assert_int_eq(lists_knob_set_mode_string(&k, cases[i].str), SLOT_OK);
		text = (char *)"untouched";
		int rc = lists_knob_dump_yaml(&k, &text, &len);
		if (!cases[i].dump) {
			ck_assert_int_eq(rc, SLOT_ERANGE);
			ck_assert_str_eq(text, "untouched");
			lists_knob_fini(&k);
			continue;
		}
		ck_assert_int_eq(rc, SLOT_OK);
		ck_assert_str_eq(text, cases[i].dump);
		ck_assert_int_eq(lists_knob_load_yaml(&again, text, len, &err), SLOT_OK);
		ck_assert(lists_knob_equal(&k, &again));
		free(text);
		lists_knob_fini(&k);
		lists_knob_fini(&again);
	}
	/* Quoted, an enum's name is the string; with no string, the enum's. */
	ck_assert_int_eq(lists_knob_load_yaml(&k, "mode: auto\n", 11, &err), SLOT_OK);
	ck_assert_int_eq(lists_knob_kind_mode(&k), LISTS_KNOB_MODE_SWITCH_);
	lists_knob_fini(&k);
	ck_assert_int_eq(lists_knob_load_yaml(&k, "mode: 'auto'\n", 13, &err), SLOT_OK);
	ck_assert_int_eq(lists_knob_kind_mode(&k), LISTS_KNOB_MODE_STRING);
	lists_knob_fini(&k);
	ck_assert_int_eq(lists_knob_load_yaml(&k, "level: 300\n", 11, &err), SLOT_OK);
	ck_assert_int_eq(lists_knob_kind_level(&k), LISTS_KNOB_LEVEL_INT64);
	lists_knob_fini(&k);
	ck_assert_int_eq(lists_knob_load_yaml(&k, "level: 1.0e+39\n", 15, &err), SLOT_OK);
	ck_assert_int_eq(lists_knob_kind_level(&k), LISTS_KNOB_LEVEL_DOUBLE_);
	lists_knob_fini(&k);
	ck_assert_int_eq(lists_knob_load_yaml(&k, "mode: on\n", 9, &err), SLOT_ETYPE);
	ck_assert_str_eq(err.message, "'Knob' attribute 'mode' must be Switch | string, not 'on'");
}
END_TEST

/* The examples of docs/yaml.md: dumps, and block-style data that loads as
 * the same Service, Chain and Port. */
START_TEST(test_the_examples_of_dicts_chains_and_unions)
{
	static const char service_dump[] =
		"env: {PATH: \"/bin\", \"yes\": \"no\", \"1\": \"one\"}\n"
		"ports: {http: 80, https: 443}\n"
		"points: {origin: {x: 0, \"y\": 0}}\n"
		"groups: {admins: [\"ann\", \"bob\"], nobody: []}\n"
		"nested: {limits: {cpu: 2, memory: 512}}\n";
	static const char service_block[] =
		"env:\n"
		"  PATH: /bin\n"
		"  'yes': 'no'\n"
		"  '1': one\n"
		"ports:\n"
		"  http: 80\n"
		"  https: 0x1bb\n"
		"points:\n"
		"  origin: {x: 0, y: 0}\n"
		"groups:\n"
		"  admins:\n"
		"  - ann\n"
		"  - bob\n"
		"  nobody: []\n"
		"nested:\n"
		"  limits: {cpu: 2, memory: 512}\n";
	static const char chain_dump[] = "value: 1\nnext: {value: 2, next: ~}\n";
	static const char chain_block[] = "value: 1\nnext:\n  value: 2\n  next: null\n";
	static const char port_dump[] = "target: 8080\nany: \"8080\"\n";
	static const char port_block[] = "target: 8080\nany: '8080'\n";
	static const struct {
		const slot_class *cls;
		const char *dump, *block;
	} examples[] = {
		{&lists_service_class, service_dump, service_block},
		{&lists_chain_class, chain_dump, chain_block},
		{&lists_port_class, port_dump, port_block},
	};
	for (size_t i = 0; i < sizeof examples / sizeof *examples; i++) {
		const slot_class *cls = examples[i].cls;
		void *a = malloc(cls->size), *b = malloc(cls->size);
		slot_yaml_error err;
		ck_assert_msg(slot_yaml_load(a, cls, examples[i].block, strlen(examples[i].block),
					     &err) == SLOT_OK,
			      "%lu:%lu: %s", err.line, err.column, err.message);
		char *text;
		ck_assert_int_eq(slot_yaml_dump(a, cls, &text, NULL), SLOT_OK);
		ck_assert_str_eq(text, examples[i].dump);
		ck_assert_int_eq(slot_yaml_load(b, cls, examples[i].dump, strlen(examples[i].dump),
						&err), SLOT_OK);
		ck_assert(slot_equal(a, b, cls));
		free(text);
		slot_object_fini(a, cls);
		slot_object_fini(b, cls);
		free(a);
		free(b);
	}
}
END_TEST

static const struct {
	const slot_class *cls;
	const char *text;
	int status;
	unsigned long line, column;
	const char *message;
} bad_more[] = {
	{&lists_service_class, "env: [a]\n", SLOT_ETYPE, 1, 6, "'Service' attribute 'env' must be a mapping (dict[string, string]), not a sequence"},
	{&lists_service_class, "env: x\n", SLOT_ETYPE, 1, 6, "'Service' attribute 'env' must be a mapping (dict[string, string]), not a scalar"},
	{&lists_service_class, "env: {[a]: b}\n", SLOT_ETYPE, 1, 7, "'Service' attribute 'env' must have string keys, not a sequence"},
	{&lists_service_class, "env:\n  ? {a: 1}\n  : b\n", SLOT_ETYPE, 2, 5, "'Service' attribute 'env' must have string keys, not a mapping"},
	{&lists_service_class, "env: {~: b}\n", SLOT_ETYPE, 1, 7, "'Service' attribute 'env' must have string keys, not null"},
	{&lists_service_class, "env: {a: b, null: c}\n", SLOT_ETYPE, 1, 13, "'Service' attribute 'env' must have string keys, not null"},
	{&lists_service_class, "env: {!!binary AGFi: b}\n", SLOT_ETYPE, 1, 7, "'Service' attribute 'env' must have string keys, not bytes (!!binary)"},
	{&lists_service_class, "env: {\"a\\0b\": c}\n", SLOT_ETYPE, 1, 7, "a key of 'Service' attribute 'env' holds a NUL character"},
	{&lists_service_class, "env: {a: b, a: c}\n", SLOT_ESYNTAX, 1, 13, "duplicate key 'a'"},
	{&lists_service_class, "env:\n  a: b\n  'a': c\n", SLOT_ESYNTAX, 3, 3, "duplicate key 'a'"},
	{&lists_service_class, "env: {a: ~}\n", SLOT_ETYPE, 1, 10, "'Service' attribute 'env' must be string, not null"},
	{&lists_service_class, "env: {a: [b]}\n", SLOT_ETYPE, 1, 10, "'Service' attribute 'env' must be string, not a sequence"},
	{&lists_service_class, "env: {a: \"b\\0\"}\n", SLOT_ETYPE, 1, 10, "'Service' attribute 'env' holds a NUL character"},
	{&lists_service_class, "ports: {http: 70000}\n", SLOT_ERANGE, 1, 15, "value 70000 out of range for 'Service' attribute 'ports' (uint16)"},
	{&lists_service_class, "ports: {http: '80'}\n", SLOT_ETYPE, 1, 15, "'Service' attribute 'ports' must be uint16, not '80'"},
	{&lists_service_class, "flags: {a: maybe}\n", SLOT_ETYPE, 1, 12, "'Service' attribute 'flags' must be true or false, not 'maybe'"},
	{&lists_service_class, "colors: {a: purple}\n", SLOT_ERANGE, 1, 13, "'purple' is not a value of enum 'Color'"},
	{&lists_service_class, "blobs: {a: AGFi}\n", SLOT_ETYPE, 1, 12, "'Service' attribute 'blobs' must be bytes (!!binary), not 'AGFi'"},
	{&lists_service_class, "points: {o: 1}\n", SLOT_ETYPE, 1, 13, "'Service' attribute 'points' must be a mapping (Point), not a scalar"},
	{&lists_service_class, "points: {o: ~}\n", SLOT_ETYPE, 1, 13, "'Service' attribute 'points' must be Point, not null"},
	{&lists_service_class, "points: {o: {z: 1}}\n", SLOT_ENOATTR, 1, 14, "'Point' object has no attribute 'z'; did you mean 'x'?"},
	{&lists_service_class, "groups: {a: b}\n", SLOT_ETYPE, 1, 13, "'Service' attribute 'groups' must be a sequence (list[string]), not a scalar"},
	{&lists_service_class, "groups: {a: [b, ~]}\n", SLOT_ETYPE, 1, 17, "'Service' attribute 'groups' must be string, not null"},
	{&lists_service_class, "nested: {a: []}\n", SLOT_ETYPE, 1, 13, "'Service' attribute 'nested' must be a mapping (dict[string, int32]), not a sequence"},
	{&lists_service_class, "nested: {a: ~}\n", SLOT_ETYPE, 1, 13, "'Service' attribute 'nested' must be dict[string, int32], not null"},
	{&lists_service_class, "nested: {a: {b: x}}\n", SLOT_ETYPE, 1, 17, "'Service' attribute 'nested' must be a whole number (int32), not 'x'"},
	{&lists_service_class, "nested: {a: {b: 1, b: 2}}\n", SLOT_ESYNTAX, 1, 20, "duplicate key 'b'"},
	{&lists_service_class, "env: {&a k: v, b: *a}\n", SLOT_ESYNTAX, 1, 19, "aliases are not supported"},
	{&lists_deployment_class, "services: [{env: {a: 1}}, {ports: {a: b}}]\n", SLOT_ETYPE, 1, 39, "'Service' attribute 'ports' must be a whole number (uint16), not 'b'"},
	{&lists_chain_class, "next: 5\n", SLOT_ETYPE, 1, 7, "'Chain' attribute 'next' must be a mapping (Chain) or null, not a scalar"},
	{&lists_chain_class, "next: [a]\n", SLOT_ETYPE, 1, 7, "'Chain' attribute 'next' must be a mapping (Chain) or null, not a sequence"},
	{&lists_chain_class, "next: \"~\"\n", SLOT_ETYPE, 1, 7, "'Chain' attribute 'next' must be a mapping (Chain) or null, not a scalar"},
	{&lists_chain_class, "next: {value: 1, next: {value: x}}\n", SLOT_ETYPE, 1, 32, "'Chain' attribute 'value' must be a whole number (int32), not 'x'"},
	{&lists_chain_class, "next: {nxt: ~}\n", SLOT_ENOATTR, 1, 8, "'Chain' object has no attribute 'nxt'; did you mean 'next'?"},
	{&lists_chain_class, "tag: {}\n", SLOT_ETYPE, 1, 6, "'Tagged' object is missing readonly attribute 'id'"},
	{&lists_chain_class, "next: ~\nnext: {}\n", SLOT_ESYNTAX, 2, 1, "duplicate key 'next'"},
	{&lists_port_class, "target: 3000000000\n", SLOT_ERANGE, 1, 9, "value 3000000000 out of range for 'Port' attribute 'target' (int32 | string)"},
	{&lists_port_class, "target: 99999999999999999999\n", SLOT_ERANGE, 1, 9, "value 99999999999999999999 out of range for 'Port' attribute 'target' (int32 | string)"},
	{&lists_port_class, "target: 1.5\n", SLOT_ETYPE, 1, 9, "'Port' attribute 'target' must be int32 | string, not '1.5'"},
	{&lists_port_class, "target: true\n", SLOT_ETYPE, 1, 9, "'Port' attribute 'target' must be int32 | string, not 'true'"},
	{&lists_port_class, "target: yes\n", SLOT_ETYPE, 1, 9, "'Port' attribute 'target' must be int32 | string, not 'yes'"},
	{&lists_port_class, "target: 1_000\n", SLOT_ETYPE, 1, 9, "'Port' attribute 'target' must be int32 | string, not '1_000'"},
	{&lists_port_class, "target: 017\n", SLOT_ETYPE, 1, 9, "'Port' attribute 'target' must be int32 | string, not '017'"},
	{&lists_port_class, "target: 0b101\n", SLOT_ETYPE, 1, 9, "'Port' attribute 'target' must be int32 | string, not '0b101'"},
	{&lists_port_class, "target: 1:20\n", SLOT_ETYPE, 1, 9, "'Port' attribute 'target' must be int32 | string, not '1:20'"},
	{&lists_port_class, "target: 2001-12-14\n", SLOT_ETYPE, 1, 9, "'Port' attribute 'target' must be int32 | string, not '2001-12-14'"},
	{&lists_port_class, "target: 2001-12-14 21:59:43.10 -5\n", SLOT_ETYPE, 1, 9, "'Port' attribute 'target' must be int32 | string, not '2001-12-14 21:59:43.10 -5'"},
	{&lists_port_class, "target: =\n", SLOT_ETYPE, 1, 9, "'Port' attribute 'target' must be int32 | string, not '='"},
	{&lists_port_class, "target: .inf\n", SLOT_ETYPE, 1, 9, "'Port' attribute 'target' must be int32 | string, not '.inf'"},
	{&lists_port_class, "target: [80]\n", SLOT_ETYPE, 1, 9, "'Port' attribute 'target' must be int32 | string, not a sequence"},
	{&lists_port_class, "target: {a: 1}\n", SLOT_ETYPE, 1, 9, "'Port' attribute 'target' must be int32 | string, not a mapping"},
	{&lists_port_class, "target: !!binary AGFi\n", SLOT_ETYPE, 1, 9, "'Port' attribute 'target' must be int32 | string, not bytes (!!binary)"},
	{&lists_port_class, "target: \"a\\0\"\n", SLOT_ETYPE, 1, 9, "'Port' attribute 'target' holds a NUL character"},
	{&lists_port_class, "target: 1.0e+999\n", SLOT_ETYPE, 1, 9, "'Port' attribute 'target' must be int32 | string, not '1.0e+999'"},
	{&lists_port_class, "any: 1.0e+999\n", SLOT_ERANGE, 1, 6, "value 1.0e+999 out of range for 'Port' attribute 'any' (bool | uint64 | double | Color | bytes | string)"},
	{&lists_port_class, "any: -1.0e-999\n", SLOT_ERANGE, 1, 6, "value -1.0e-999 out of range for 'Port' attribute 'any' (bool | uint64 | double | Color | bytes | string)"},
	{&lists_port_class, "any: 1_0.5\n", SLOT_ETYPE, 1, 6, "'Port' attribute 'any' must be bool | uint64 | double | Color | bytes | string, not '1_0.5'"},
	{&lists_port_class, "any: !!binary AGF\n", SLOT_ETYPE, 1, 6, "invalid base64 for 'Port' attribute 'any': 3 characters, not a multiple of 4"},
	{&lists_port_class, "any: 1\nany: 2\n", SLOT_ESYNTAX, 2, 1, "duplicate key 'any'"},
};

/* Each error at the node at fault, the object left empty: what a dict, a
 * chain or a union got before the failure is freed (valgrind and ASan). */
START_TEST(test_more_errors_say_where_and_leave_nothing)
{
	const slot_class *cls = bad_more[_i].cls;
	void *obj = malloc(cls->size);
	slot_yaml_error err;
	int rc = slot_yaml_load(obj, cls, bad_more[_i].text, strlen(bad_more[_i].text), &err);
	assert_error(bad_more[_i].text, bad_more[_i].status, bad_more[_i].line, bad_more[_i].column,
		     bad_more[_i].message, rc, &err);
	ck_assert_ptr_null(slot_next_set(obj, cls, NULL));
	for (const slot_field *f = slot_next(cls, NULL); f; f = slot_next(cls, f))
		if (f->type == SLOT_MAP || f->type == SLOT_OPTIONAL || f->type == SLOT_LIST)
			ck_assert_ptr_null(*(void **)(void *)((char *)obj + f->offset));
	free(obj);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("yaml");
	TCase *tc = tcase_create("all");
	tcase_add_test(tc, test_load_values_defaults_and_unset);
	tcase_add_loop_test(tc, test_errors_say_where_and_leave_nothing, 0,
			    (int)(sizeof bad / sizeof *bad));
	tcase_add_test(tc, test_round_trip_random_objects);
	tcase_add_test(tc, test_empty_object);
	tcase_add_test(tc, test_unset_slots_stay_unset);
	tcase_add_test(tc, test_lists);
	tcase_add_test(tc, test_from_a_file);
	tcase_add_test(tc, test_decimals_as_strtod);
	tcase_add_test(tc, test_number_bounds);
	tcase_add_test(tc, test_float_format);
	tcase_add_test(tc, test_yaml_words_quoted);
	tcase_add_test(tc, test_strings_kept_in_the_object);
	tcase_add_test(tc, test_unprintable_characters_round_trip);
	tcase_add_test(tc, test_dump_refuses_what_yaml_cannot_hold);
	tcase_add_test(tc, test_error_positions);
	tcase_add_test(tc, test_numbers_in_any_locale);
	tcase_add_test(tc, test_lists_of_every_kind_round_trip);
	tcase_add_test(tc, test_bytes_every_value);
	tcase_add_test(tc, test_empty_list_and_bytes_are_not_unset);
	tcase_add_test(tc, test_block_and_flow_lists);
	tcase_add_test(tc, test_the_example_of_the_docs);
	tcase_add_loop_test(tc, test_list_errors_say_where_and_leave_nothing, 0,
			    (int)(sizeof bad_lists / sizeof *bad_lists));
	tcase_add_test(tc, test_trees_and_their_depth);
	tcase_add_test(tc, test_dump_refuses_a_null_string_in_a_list);
	tcase_add_test(tc, test_dicts_of_every_kind_round_trip);
	tcase_add_test(tc, test_long_keys);
	tcase_add_test(tc, test_block_and_flow_dicts);
	tcase_add_test(tc, test_dump_refuses_a_null_string_in_a_dict);
	tcase_add_test(tc, test_optional_children_three_states);
	tcase_add_test(tc, test_chains_and_their_depth);
	tcase_add_test(tc, test_unions_resolve_as_yaml_reads);
	tcase_add_test(tc, test_unions_the_dumper_refuses);
	tcase_add_test(tc, test_the_examples_of_dicts_chains_and_unions);
	tcase_add_loop_test(tc, test_more_errors_say_where_and_leave_nothing, 0,
			    (int)(sizeof bad_more / sizeof *bad_more));
	suite_add_tcase(s, tc);
	return check_run(s);
}
