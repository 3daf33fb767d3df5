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
	ck_assert_int_eq(rc, bad[_i].status);
	ck_assert_int_eq(err.status, bad[_i].status);
	ck_assert_str_eq(err.message, bad[_i].message);
	ck_assert_uint_eq(err.line, bad[_i].line);
	ck_assert_uint_eq(err.column, bad[_i].column);
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
	ck_assert_int_eq(mixer_console_init(&c, 5), SLOT_OK);
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
	suite_add_tcase(s, tc);
	return check_run(s);
}
