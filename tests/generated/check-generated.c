/* check-generated.c - the behaviour a user of generated code relies on,
 * over the example schemas: schemas/game.yaml, schemas/geo.yaml and
 * schemas/fleet.yaml (which imports geo), all linked into this one program
 * with libc only.  Typed accessors, ownership of strings, readonly slots,
 * inheritance, copies, the name tables and by-name access with every
 * status and its message. */
#include <check.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check-run.h"
#include "fleet.h"
#include "game.h"
#include "geo.h"

/* ---- helpers ------------------------------------------------------------- */

static slot_value val_int(slot_type t, int64_t i)
{
	slot_value v;
	memset(&v, 0, sizeof v);
	v.type = t;
	v.count = 1;
	v.as.i = i;
	return v;
}

static slot_value val_uint(slot_type t, uint64_t u)
{
	slot_value v = val_int(t, 0);
	v.as.u = u;
	return v;
}

static slot_value val_real(slot_type t, double d)
{
	slot_value v = val_int(t, 0);
	v.as.d = d;
	return v;
}

static slot_value val_bool(bool b)
{
	slot_value v = val_int(SLOT_BOOL, 0);
	v.as.b = b;
	return v;
}

static slot_value val_str(const char *s)
{
	slot_value v = val_int(SLOT_STRING, 0);
	v.as.s = s;
	return v;
}

static slot_value val_enum(const slot_enum *e, int i)
{
	slot_value v = val_int(SLOT_ENUM, i);
	v.enum_type = e;
	return v;
}

static slot_value val_object(const slot_class *c, const void *p)
{
	slot_value v = val_int(SLOT_OBJECT, 0);
	v.class_type = c;
	v.as.p = p;
	return v;
}

static slot_value val_array(slot_type t, size_t count, const void *p)
{
	slot_value v = val_int(t, 0);
	v.count = count;
	v.as.p = p;
	return v;
}

/* slot_strerror's message; also checks that it returns the message's length. */
static char msg[256];
static const char *message(int rc, slot_op op, const slot_class *cls, const char *name,
			   const slot_value *v)
{
	int n = slot_strerror(msg, sizeof msg, rc, op, cls, name, v);
	ck_assert_int_eq(n, (int)strlen(msg));
	return msg;
}

/* A by-name call returns @p want, and slot_strerror says @p text about it. */
#define ck_assert_status(call, want, op, cls, name, v, text)                    \
	do {                                                                    \
		int rc_ = (call);                                               \
		ck_assert_int_eq(rc_, (want));                                  \
		ck_assert_str_eq(message(rc_, (op), (cls), (name), (v)), (text)); \
	} while (0)

/* A truck with every kind of slot set: strings, arrays, nested objects. */
static void fill_truck(fleet_truck *t)
{
	fleet_truck_init(t, 7001);
	ck_assert_int_eq(fleet_truck_set_owner(t, "Acme Logistics"), SLOT_OK);
	ck_assert_int_eq(fleet_truck_set_plate(t, "HH-AB 123"), SLOT_OK);
	fleet_truck_set_payload_kg(t, 18000);
	fleet_truck_set_tyre_pressure_at(t, 0, 8.5f);
	fleet_truck_set_temperatures_at(t, 2, -18);
	ck_assert_int_eq(fleet_truck_set_drivers_at(t, 0, "Ada"), SLOT_OK);
	ck_assert_int_eq(fleet_truck_set_drivers_at(t, 1, "Grace"), SLOT_OK);
	fleet_stop *s = fleet_truck_mut_route_at(t, 1);
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(fleet_stop_set_label(s, "Hamburg Port"), SLOT_OK);
	geo_point_set_lat(fleet_stop_mut_where(s), 53.54);
	fleet_stop *d = fleet_truck_mut_destination(t);
	ck_assert_ptr_nonnull(d);
	ck_assert_int_eq(fleet_stop_set_label(d, "Berlin"), SLOT_OK);
	fleet_depot home;
	ck_assert_int_eq(fleet_depot_init(&home, "HAM1"), SLOT_OK);
	ck_assert_int_eq(fleet_truck_set_home(t, &home), SLOT_OK);
	fleet_depot_fini(&home);
	geo_point_set_lon(geo_box_mut_north_east(fleet_truck_mut_coverage(t)), 13.4);
}

/* ---- init and defaults ---------------------------------------------------- */

START_TEST(test_init_applies_defaults_and_leaves_the_rest_unset)
{
	game_player p;
	game_player_init(&p, 42);
	ck_assert(game_player_has_id(&p));
	ck_assert_uint_eq(game_player_get_id(&p), 42);
	ck_assert(game_player_has_score(&p));
	ck_assert_int_eq(game_player_get_score(&p), 0);
	ck_assert(game_player_has_level(&p));
	ck_assert_uint_eq(game_player_get_level(&p), 1);
	ck_assert(game_player_has_team(&p));
	ck_assert_int_eq(game_player_get_team(&p), GAME_TEAM_SPECTATOR);
	ck_assert(game_player_has_alive(&p));
	ck_assert(game_player_get_alive(&p));
	ck_assert(!game_player_has_name(&p));
	ck_assert_ptr_null(game_player_get_name(&p));
	ck_assert(!game_player_has_nickname(&p));
	ck_assert(!game_player_has_inventory(&p));
	ck_assert(!game_player_has_pos(&p));
	game_player_fini(&p);

	game_vec2 v;
	game_vec2_init(&v);
	ck_assert(game_vec2_has_x(&v) && game_vec2_has_y(&v));
	ck_assert(game_vec2_get_x(&v) == 0.0f && game_vec2_get_y(&v) == 0.0f);
	game_vec2_fini(&v);
}
END_TEST

START_TEST(test_defaults_through_three_levels_and_an_imported_enum)
{
	fleet_truck t;
	fleet_truck_init(&t, 9);
	/* Asset */
	ck_assert_uint_eq(fleet_truck_get_id(&t), 9);
	ck_assert(fleet_truck_has_owner(&t));
	ck_assert_str_eq(fleet_truck_get_owner(&t), "company");
	ck_assert(fleet_truck_has_status(&t));
	ck_assert_int_eq(fleet_truck_get_status(&t), FLEET_STATUS_IDLE);
	ck_assert(!fleet_truck_has_position(&t));
	ck_assert(!fleet_truck_has_value_cents(&t));
	/* Vehicle */
	ck_assert(!fleet_truck_has_plate(&t));
	ck_assert_int_eq(fleet_truck_get_fuel(&t), FLEET_FUEL_DIESEL);
	ck_assert(fleet_truck_has_odometer(&t));
	ck_assert(fleet_truck_get_odometer(&t) == 0.0);
	ck_assert(fleet_truck_has_odometer_unit(&t));
	ck_assert_int_eq(fleet_truck_get_odometer_unit(&t), GEO_UNIT_KILOMETER);
	ck_assert(!fleet_truck_has_tyre_pressure(&t));
	ck_assert(!fleet_truck_has_home(&t));
	/* Truck */
	ck_assert(fleet_truck_has_axles(&t));
	ck_assert_uint_eq(fleet_truck_get_axles(&t), 2);
	ck_assert(!fleet_truck_has_payload_kg(&t));
	ck_assert(fleet_truck_has_refrigerated(&t));
	ck_assert(!fleet_truck_get_refrigerated(&t));
	ck_assert(!fleet_truck_has_temperatures(&t));
	ck_assert(!fleet_truck_has_drivers(&t));
	ck_assert(!fleet_truck_has_route(&t));
	ck_assert(!fleet_truck_has_destination(&t));
	ck_assert(!fleet_truck_has_coverage(&t));
	fleet_truck_fini(&t);

	/* No defaults at all: everything unset. */
	geo_point pt;
	geo_point_init(&pt);
	ck_assert(!geo_point_has_lat(&pt) && !geo_point_has_lon(&pt));
	geo_point_fini(&pt);
}
END_TEST

START_TEST(test_string_defaults_are_each_objects_own_copy)
{
	fleet_asset a, b;
	fleet_asset_init(&a, 1);
	fleet_asset_init(&b, 2);
	ck_assert_ptr_ne(fleet_asset_get_owner(&a), fleet_asset_get_owner(&b));
	ck_assert_int_eq(fleet_asset_set_owner(&a, "bank"), SLOT_OK);
	ck_assert_str_eq(fleet_asset_get_owner(&a), "bank");
	ck_assert_str_eq(fleet_asset_get_owner(&b), "company");
	fleet_asset_clear_owner(&b);
	ck_assert(!fleet_asset_has_owner(&b));
	fleet_asset_fini(&a);
	fleet_asset_fini(&b);
}
END_TEST

/* ---- typed accessors, kind by kind --------------------------------------- */

START_TEST(test_integers_at_their_limits)
{
	game_player p;
	game_player_init(&p, UINT64_MAX);
	ck_assert(game_player_get_id(&p) == UINT64_MAX);
	game_player_set_score(&p, INT32_MIN);
	ck_assert_int_eq(game_player_get_score(&p), INT32_MIN);
	game_player_set_score(&p, INT32_MAX);
	ck_assert_int_eq(game_player_get_score(&p), INT32_MAX);
	game_player_set_level(&p, 0);
	ck_assert(game_player_has_level(&p));
	ck_assert_uint_eq(game_player_get_level(&p), 0);
	game_player_set_level(&p, UINT8_MAX);
	ck_assert_uint_eq(game_player_get_level(&p), UINT8_MAX);
	game_player_set_inventory_at(&p, 7, UINT16_MAX);
	ck_assert_uint_eq(game_player_get_inventory_at(&p, 7), UINT16_MAX);
	game_player_fini(&p);

	fleet_truck t;
	fleet_truck_init(&t, 0);
	ck_assert(fleet_truck_has_id(&t));
	ck_assert_uint_eq(fleet_truck_get_id(&t), 0);
	fleet_truck_set_value_cents(&t, INT64_MIN);
	ck_assert(fleet_truck_get_value_cents(&t) == INT64_MIN);
	fleet_truck_set_value_cents(&t, INT64_MAX);
	ck_assert(fleet_truck_get_value_cents(&t) == INT64_MAX);
	fleet_truck_set_payload_kg(&t, UINT32_MAX);
	ck_assert_uint_eq(fleet_truck_get_payload_kg(&t), UINT32_MAX);
	fleet_truck_set_temperatures_at(&t, 0, INT8_MIN);
	fleet_truck_set_temperatures_at(&t, 1, INT8_MAX);
	ck_assert_int_eq(fleet_truck_get_temperatures_at(&t, 0), INT8_MIN);
	ck_assert_int_eq(fleet_truck_get_temperatures_at(&t, 1), INT8_MAX);
	fleet_truck_fini(&t);
}
END_TEST

START_TEST(test_clear_unsets_a_scalar_and_zeroes_it)
{
	game_player p;
	game_player_init(&p, 1);
	game_player_set_score(&p, 77);
	game_player_clear_score(&p);
	ck_assert(!game_player_has_score(&p));
	ck_assert_int_eq(game_player_get_score(&p), 0);
	/* Only that bit: the neighbours keep theirs. */
	ck_assert(game_player_has_level(&p));
	ck_assert(game_player_has_id(&p));
	game_player_set_score(&p, -5);
	ck_assert(game_player_has_score(&p));
	ck_assert_int_eq(game_player_get_score(&p), -5);
	game_player_fini(&p);
}
END_TEST

START_TEST(test_float_and_double)
{
	game_vec2 v;
	game_vec2_init(&v);
	game_vec2_set_x(&v, 1.5f);
	game_vec2_set_y(&v, -FLT_MAX);
	ck_assert(game_vec2_get_x(&v) == 1.5f);
	ck_assert(game_vec2_get_y(&v) == -FLT_MAX);
	game_vec2_clear_x(&v);
	ck_assert(!game_vec2_has_x(&v));
	ck_assert(game_vec2_has_y(&v));
	game_vec2_fini(&v);

	geo_point pt;
	geo_point_init(&pt);
	geo_point_set_lat(&pt, 53.551086);
	geo_point_set_lon(&pt, -0.000001);
	ck_assert(geo_point_get_lat(&pt) == 53.551086);
	ck_assert(geo_point_get_lon(&pt) == -0.000001);
	geo_point_set_lat(&pt, NAN);
	ck_assert(geo_point_has_lat(&pt));
	ck_assert(isnan(geo_point_get_lat(&pt)));
	geo_point_clear_lon(&pt);
	ck_assert(!geo_point_has_lon(&pt));
	geo_point_fini(&pt);
}
END_TEST

START_TEST(test_bool_false_is_set_not_unset)
{
	game_player p;
	game_player_init(&p, 1);
	game_player_set_alive(&p, false);
	ck_assert(game_player_has_alive(&p));
	ck_assert(!game_player_get_alive(&p));
	game_player_clear_alive(&p);
	ck_assert(!game_player_has_alive(&p));
	game_player_set_alive(&p, true);
	ck_assert(game_player_get_alive(&p));
	game_player_fini(&p);
}
END_TEST

START_TEST(test_enums_local_and_imported)
{
	game_player p;
	game_player_init(&p, 1);
	game_player_set_team(&p, GAME_TEAM_RED);
	ck_assert_int_eq(game_player_get_team(&p), GAME_TEAM_RED);
	game_player_clear_team(&p);
	ck_assert(!game_player_has_team(&p));
	game_player_fini(&p);

	fleet_vehicle v;
	fleet_vehicle_init(&v, 3);
	fleet_vehicle_set_odometer_unit(&v, GEO_UNIT_NAUTICAL_MILE);
	ck_assert_int_eq(fleet_vehicle_get_odometer_unit(&v), GEO_UNIT_NAUTICAL_MILE);
	fleet_vehicle_set_status(&v, FLEET_STATUS_RETIRED);
	ck_assert_int_eq(fleet_vehicle_get_status(&v), FLEET_STATUS_RETIRED);
	fleet_vehicle_set_fuel(&v, FLEET_FUEL_HYDROGEN);
	ck_assert_int_eq(fleet_vehicle_get_fuel(&v), FLEET_FUEL_HYDROGEN);
	fleet_vehicle_clear_fuel(&v);
	ck_assert(!fleet_vehicle_has_fuel(&v));
	fleet_vehicle_fini(&v);

	/* The C constants are the schema's order. */
	ck_assert_int_eq(GEO_UNIT_METER, 0);
	ck_assert_int_eq(GEO_UNIT_NAUTICAL_MILE, 3);
	ck_assert_int_eq(FLEET_STATUS_EN_ROUTE, 1);
}
END_TEST

START_TEST(test_string_set_get_has_clear)
{
	game_player p;
	game_player_init(&p, 1);
	ck_assert_int_eq(game_player_set_name(&p, "Ace"), SLOT_OK);
	ck_assert(game_player_has_name(&p));
	ck_assert_str_eq(game_player_get_name(&p), "Ace");
	ck_assert_int_eq(game_player_set_nickname(&p, ""), SLOT_OK);
	ck_assert(game_player_has_nickname(&p)); /* "" is a value, not unset */
	ck_assert_str_eq(game_player_get_nickname(&p), "");
	game_player_clear_name(&p);
	ck_assert(!game_player_has_name(&p));
	ck_assert_ptr_null(game_player_get_name(&p));
	game_player_clear_name(&p); /* clearing an unset slot is harmless */
	ck_assert(!game_player_has_name(&p));
	game_player_fini(&p);
}
END_TEST

START_TEST(test_string_set_copies_its_argument)
{
	char buf[] = "Maverick";
	game_player p;
	game_player_init(&p, 1);
	ck_assert_int_eq(game_player_set_name(&p, buf), SLOT_OK);
	ck_assert_ptr_ne(game_player_get_name(&p), buf);
	buf[0] = 'X';
	strcpy(buf, "Iceman");
	ck_assert_str_eq(game_player_get_name(&p), "Maverick");
	game_player_fini(&p);
}
END_TEST

START_TEST(test_string_set_twice_replaces_and_null_is_refused)
{
	game_player p;
	game_player_init(&p, 1);
	ck_assert_int_eq(game_player_set_name(&p, "first"), SLOT_OK);
	ck_assert_int_eq(game_player_set_name(&p, "second"), SLOT_OK); /* frees "first" */
	ck_assert_str_eq(game_player_get_name(&p), "second");
	/* Setting a slot to its own value is safe. */
	ck_assert_int_eq(game_player_set_name(&p, game_player_get_name(&p)), SLOT_OK);
	ck_assert_str_eq(game_player_get_name(&p), "second");
	ck_assert_int_eq(game_player_set_name(&p, NULL), SLOT_ETYPE);
	ck_assert(game_player_has_name(&p));
	ck_assert_str_eq(game_player_get_name(&p), "second");
	ck_assert_int_eq(game_player_set_nickname(&p, NULL), SLOT_ETYPE);
	ck_assert(!game_player_has_nickname(&p));
	game_player_fini(&p);
}
END_TEST

START_TEST(test_fini_frees_everything_and_unsets_every_slot)
{
	fleet_truck t;
	fill_truck(&t);
	ck_assert(fleet_truck_has_drivers(&t) && fleet_truck_has_route(&t) && fleet_truck_has_home(&t));
	fleet_truck_fini(&t); /* valgrind: nothing leaks */
	const fleet_truck *tp = &t;
	for (const slot_field *f = slot_next(&fleet_truck_class, NULL); f;
	     f = slot_next(&fleet_truck_class, f))
		ck_assert_msg(!slot_is_set(tp, f), "%s still set after fini", f->name);
	ck_assert_ptr_null(fleet_truck_get_owner(&t));
	ck_assert_ptr_null(fleet_truck_get_drivers_at(&t, 0));

	game_player p;
	game_player_init(&p, 1);
	ck_assert_int_eq(game_player_set_name(&p, "a"), SLOT_OK);
	ck_assert_int_eq(game_player_set_nickname(&p, "b"), SLOT_OK);
	game_player_fini(&p);
	ck_assert(!game_player_has_name(&p) && !game_player_has_id(&p) && !game_player_has_score(&p));
}
END_TEST

/* ---- arrays --------------------------------------------------------------- */

START_TEST(test_number_array_is_one_slot)
{
	game_player p;
	game_player_init(&p, 1);
	ck_assert(!game_player_has_inventory(&p));
	game_player_set_inventory_at(&p, 3, 250);
	ck_assert(game_player_has_inventory(&p));
	const uint16_t *inv = game_player_get_inventory(&p);
	for (size_t i = 0; i < 8; i++)
		ck_assert_uint_eq(inv[i], i == 3 ? 250 : 0);
	ck_assert_uint_eq(game_player_get_inventory_at(&p, 3), 250);
	game_player_clear_inventory(&p);
	ck_assert(!game_player_has_inventory(&p));
	ck_assert_uint_eq(game_player_get_inventory_at(&p, 3), 0);
	game_player_fini(&p);

	fleet_vehicle v;
	fleet_vehicle_init(&v, 2);
	for (size_t i = 0; i < 4; i++)
		fleet_vehicle_set_tyre_pressure_at(&v, i, 8.0f + 0.25f * (float)i);
	ck_assert(fleet_vehicle_get_tyre_pressure(&v)[3] == 8.75f);
	ck_assert(fleet_vehicle_get_tyre_pressure_at(&v, 0) == 8.0f);
	fleet_vehicle_fini(&v);
}
END_TEST

START_TEST(test_string_array)
{
	fleet_truck t;
	fleet_truck_init(&t, 1);
	char name[] = "Ada";
	ck_assert_int_eq(fleet_truck_set_drivers_at(&t, 1, name), SLOT_OK);
	name[0] = 'E';
	ck_assert(fleet_truck_has_drivers(&t));
	ck_assert_ptr_null(fleet_truck_get_drivers_at(&t, 0)); /* the other element: NULL */
	ck_assert_str_eq(fleet_truck_get_drivers_at(&t, 1), "Ada");
	ck_assert_str_eq(fleet_truck_get_drivers(&t)[1], "Ada");
	ck_assert_int_eq(fleet_truck_set_drivers_at(&t, 1, "Grace"), SLOT_OK); /* frees "Ada" */
	ck_assert_str_eq(fleet_truck_get_drivers_at(&t, 1), "Grace");
	ck_assert_int_eq(fleet_truck_set_drivers_at(&t, 0, NULL), SLOT_ETYPE);
	ck_assert_ptr_null(fleet_truck_get_drivers_at(&t, 0));
	fleet_truck_clear_drivers(&t); /* frees "Grace" */
	ck_assert(!fleet_truck_has_drivers(&t));
	ck_assert_ptr_null(fleet_truck_get_drivers_at(&t, 1));
	ck_assert_int_eq(fleet_truck_set_drivers_at(&t, 0, "Linus"), SLOT_OK);
	fleet_truck_fini(&t); /* frees "Linus" */
}
END_TEST

START_TEST(test_class_array_mut_initialises_every_element)
{
	fleet_truck t;
	fleet_truck_init(&t, 1);
	ck_assert(!fleet_truck_has_route(&t));
	fleet_stop *s = fleet_truck_mut_route_at(&t, 2);
	ck_assert_ptr_nonnull(s);
	ck_assert_ptr_eq(s, fleet_truck_get_route_at(&t, 2));
	ck_assert(fleet_truck_has_route(&t));
	for (size_t i = 0; i < 4; i++) {
		const fleet_stop *e = fleet_truck_get_route_at(&t, i);
		ck_assert_str_eq(fleet_stop_get_label(e), "unnamed");
		ck_assert_uint_eq(fleet_stop_get_minutes(e), 5);
		ck_assert(!fleet_stop_has_where(e));
	}
	ck_assert_int_eq(fleet_stop_set_label(s, "Depot"), SLOT_OK);
	geo_point_set_lat(fleet_stop_mut_where(s), 52.5);
	/* A second mut does not re-initialise. */
	ck_assert_str_eq(fleet_stop_get_label(fleet_truck_mut_route_at(&t, 2)), "Depot");
	ck_assert(geo_point_get_lat(fleet_stop_get_where(&fleet_truck_get_route(&t)[2])) == 52.5);
	fleet_truck_clear_route(&t); /* frees five labels */
	ck_assert(!fleet_truck_has_route(&t));
	ck_assert_ptr_null(fleet_stop_get_label(fleet_truck_get_route_at(&t, 2)));
	ck_assert_ptr_nonnull(fleet_truck_mut_route_at(&t, 0));
	fleet_truck_fini(&t);
}
END_TEST

START_TEST(test_class_array_set_at_deep_copies_one_element)
{
	fleet_stop s;
	fleet_stop_init(&s);
	ck_assert_int_eq(fleet_stop_set_label(&s, "Bremen"), SLOT_OK);
	fleet_truck t;
	fleet_truck_init(&t, 1);
	ck_assert_int_eq(fleet_truck_set_route_at(&t, 2, &s), SLOT_OK);
	ck_assert(fleet_truck_has_route(&t));
	ck_assert_int_eq(fleet_stop_set_label(&s, "Bonn"), SLOT_OK);
	ck_assert_str_eq(fleet_stop_get_label(fleet_truck_get_route_at(&t, 2)), "Bremen");
	/* The other elements of an array that was unset stay empty. */
	ck_assert(!fleet_stop_has_label(fleet_truck_get_route_at(&t, 0)));
	ck_assert(!fleet_stop_has_minutes(fleet_truck_get_route_at(&t, 3)));
	/* Setting the element again frees its previous copy. */
	ck_assert_int_eq(fleet_truck_set_route_at(&t, 2, &s), SLOT_OK);
	ck_assert_str_eq(fleet_stop_get_label(fleet_truck_get_route_at(&t, 2)), "Bonn");
	fleet_stop_fini(&s);
	ck_assert_str_eq(fleet_stop_get_label(fleet_truck_get_route_at(&t, 2)), "Bonn");
	/* The array is set already: mut does not re-initialise it. */
	ck_assert_str_eq(fleet_stop_get_label(fleet_truck_mut_route_at(&t, 2)), "Bonn");
	fleet_truck_fini(&t);
}
END_TEST

/* ---- nested classes -------------------------------------------------------- */

START_TEST(test_nested_class_by_mut)
{
	game_entity e;
	game_entity_init(&e, 5);
	ck_assert(!game_entity_has_pos(&e));
	game_vec2 *pos = game_entity_mut_pos(&e);
	ck_assert(game_entity_has_pos(&e));
	ck_assert(game_vec2_has_x(pos)); /* Vec2's own defaults apply */
	game_vec2_set_x(pos, 3.0f);
	ck_assert(game_vec2_get_x(game_entity_get_pos(&e)) == 3.0f);
	ck_assert_ptr_eq(game_entity_mut_pos(&e), pos);
	ck_assert(game_vec2_get_x(pos) == 3.0f); /* not re-initialised */
	game_entity_clear_pos(&e);
	ck_assert(!game_entity_has_pos(&e));
	game_entity_fini(&e);

	/* Two levels down, across modules: Depot.area is a geo.Box of geo.Points. */
	fleet_depot d;
	ck_assert_int_eq(fleet_depot_init(&d, "BER2"), SLOT_OK);
	geo_point *sw = geo_box_mut_south_west(fleet_depot_mut_area(&d));
	geo_point_set_lat(sw, 52.3);
	ck_assert(fleet_depot_has_area(&d));
	ck_assert(geo_box_has_south_west(fleet_depot_get_area(&d)));
	ck_assert(!geo_box_has_north_east(fleet_depot_get_area(&d)));
	ck_assert(geo_point_get_lat(geo_box_get_south_west(fleet_depot_get_area(&d))) == 52.3);
	fleet_depot_fini(&d);
}
END_TEST

START_TEST(test_nested_class_set_is_a_deep_copy)
{
	fleet_stop s;
	fleet_stop_init(&s);
	ck_assert_int_eq(fleet_stop_set_label(&s, "Kiel"), SLOT_OK);
	geo_point_set_lat(fleet_stop_mut_where(&s), 54.3);

	fleet_truck t;
	fleet_truck_init(&t, 1);
	ck_assert_int_eq(fleet_truck_set_destination(&t, &s), SLOT_OK);
	ck_assert(fleet_truck_has_destination(&t));
	const fleet_stop *d = fleet_truck_get_destination(&t);
	ck_assert_ptr_ne(fleet_stop_get_label(d), fleet_stop_get_label(&s));
	ck_assert_int_eq(fleet_stop_set_label(&s, "Luebeck"), SLOT_OK);
	geo_point_set_lat(fleet_stop_mut_where(&s), 0.0);
	ck_assert_str_eq(fleet_stop_get_label(d), "Kiel");
	ck_assert(geo_point_get_lat(fleet_stop_get_where(d)) == 54.3);
	/* Setting again frees the previous copy. */
	ck_assert_int_eq(fleet_truck_set_destination(&t, &s), SLOT_OK);
	ck_assert_str_eq(fleet_stop_get_label(fleet_truck_get_destination(&t)), "Luebeck");
	fleet_stop_fini(&s);
	ck_assert_str_eq(fleet_stop_get_label(fleet_truck_get_destination(&t)), "Luebeck");
	fleet_truck_clear_destination(&t);
	ck_assert(!fleet_truck_has_destination(&t));
	fleet_truck_fini(&t);
}
END_TEST

START_TEST(test_nested_class_with_init_parameters_has_set)
{
	fleet_depot d;
	char code[] = "HAM1";
	ck_assert_int_eq(fleet_depot_init(&d, code), SLOT_OK);
	fleet_depot_set_docks(&d, 12);
	fleet_vehicle v;
	fleet_vehicle_init(&v, 4);
	ck_assert_int_eq(fleet_vehicle_set_home(&v, &d), SLOT_OK);
	fleet_depot_fini(&d);
	code[0] = 'X';
	const fleet_depot *home = fleet_vehicle_get_home(&v);
	ck_assert(fleet_vehicle_has_home(&v));
	ck_assert_str_eq(fleet_depot_get_code(home), "HAM1");
	ck_assert_uint_eq(fleet_depot_get_docks(home), 12);
	fleet_vehicle_fini(&v);
}
END_TEST

/* ---- readonly ------------------------------------------------------------ */

START_TEST(test_readonly_slots_are_init_parameters)
{
	char code[] = "MUC1";
	fleet_depot d;
	ck_assert_int_eq(fleet_depot_init(&d, code), SLOT_OK);
	strcpy(code, "XXXX");
	ck_assert(fleet_depot_has_code(&d));
	ck_assert_str_eq(fleet_depot_get_code(&d), "MUC1");
	ck_assert_uint_eq(fleet_depot_get_docks(&d), 4);
	fleet_depot_fini(&d);

	/* A readonly string cannot be NULL: init refuses it and owns nothing. */
	ck_assert_int_eq(fleet_depot_init(&d, NULL), SLOT_ETYPE);
	ck_assert(!fleet_depot_has_code(&d));
	ck_assert(!fleet_depot_has_docks(&d));
	ck_assert_ptr_null(fleet_depot_new(NULL));

	fleet_depot *h = fleet_depot_new("FRA3");
	ck_assert_ptr_nonnull(h);
	ck_assert_str_eq(fleet_depot_get_code(h), "FRA3");
	fleet_depot_free(h);

	game_entity e;
	game_entity_init(&e, 123456789012345ull);
	ck_assert_uint_eq(game_entity_get_id(&e), 123456789012345ull);
	game_entity_fini(&e);

	/* Readonly by name: flagged in the table. */
	ck_assert_uint_eq(slot_lookup(&fleet_depot_class, "code")->flags & SLOT_READONLY, SLOT_READONLY);
	ck_assert_uint_eq(slot_lookup(&fleet_truck_class, "id")->flags & SLOT_READONLY, SLOT_READONLY);
	ck_assert_uint_eq(slot_lookup(&fleet_truck_class, "plate")->flags & SLOT_READONLY, 0);
}
END_TEST

/* ---- inheritance ----------------------------------------------------------- */

START_TEST(test_subclass_pointer_is_a_parent_pointer)
{
	fleet_truck t;
	fleet_truck_init(&t, 77);
	fleet_vehicle *v = (fleet_vehicle *)&t;
	fleet_asset *a = (fleet_asset *)&t;
	ck_assert_ptr_eq((void *)v, (void *)&t);
	ck_assert_ptr_eq((void *)a, (void *)&t);
	ck_assert_uint_eq(fleet_asset_get_id(a), 77);
	ck_assert_str_eq(fleet_asset_get_owner(a), "company");
	/* Writes through either pointer are one object. */
	ck_assert_int_eq(fleet_asset_set_owner(a, "lessor"), SLOT_OK);
	ck_assert_str_eq(fleet_truck_get_owner(&t), "lessor");
	fleet_vehicle_set_odometer(v, 1234.5);
	ck_assert(fleet_truck_get_odometer(&t) == 1234.5);
	ck_assert_int_eq(fleet_truck_set_plate(&t, "B-XY 9"), SLOT_OK);
	ck_assert_str_eq(fleet_vehicle_get_plate(v), "B-XY 9");
	geo_point_set_lat(fleet_asset_mut_position(a), 48.1);
	ck_assert(fleet_truck_has_position(&t));
	ck_assert(geo_point_get_lat(fleet_truck_get_position(&t)) == 48.1);
	fleet_vehicle_clear_plate(v);
	ck_assert(!fleet_truck_has_plate(&t));
	fleet_truck_fini(&t);

	game_player p;
	game_player_init(&p, 42);
	game_entity *e = (game_entity *)&p;
	ck_assert_uint_eq(game_entity_get_id(e), 42);
	game_vec2_set_y(game_entity_mut_pos(e), 2.0f);
	ck_assert(game_player_has_pos(&p));
	ck_assert(game_vec2_get_y(game_player_get_pos(&p)) == 2.0f);
	game_player_fini(&p);
}
END_TEST

START_TEST(test_class_descriptors_name_their_parent)
{
	ck_assert_ptr_eq(fleet_truck_class.parent, &fleet_vehicle_class);
	ck_assert_ptr_eq(fleet_vehicle_class.parent, &fleet_asset_class);
	ck_assert_ptr_null(fleet_asset_class.parent);
	ck_assert_ptr_eq(game_player_class.parent, &game_entity_class);
	ck_assert_ptr_null(game_entity_class.parent);
	ck_assert_ptr_null(geo_box_class.parent);
	ck_assert_str_eq(fleet_truck_class.name, "Truck");
	ck_assert_str_eq(geo_point_class.name, "Point");
	ck_assert_uint_eq(fleet_truck_class.size, sizeof(fleet_truck));
	ck_assert_uint_eq(game_player_class.size, sizeof(game_player));
	ck_assert_uint_eq(fleet_truck_class.count, 5 + 6 + 8);
	ck_assert_uint_eq(fleet_vehicle_class.count, 5 + 6);
	ck_assert_uint_eq(game_player_class.count, 2 + 7);
}
END_TEST

START_TEST(test_subclass_table_holds_inherited_slots)
{
	fleet_truck t;
	fleet_truck_init(&t, 31);
	const slot_field *id = slot_lookup(&fleet_truck_class, "id");
	ck_assert_ptr_nonnull(id);
	ck_assert_uint_eq(id->offset, offsetof(fleet_truck, slot_base.slot_base.id));
	ck_assert_ptr_nonnull(slot_lookup(&fleet_truck_class, "plate"));
	ck_assert_uint_eq(slot_lookup(&fleet_truck_class, "plate")->offset,
			  offsetof(fleet_truck, slot_base.plate));
	slot_value v;
	ck_assert_int_eq(slot_get(&t, &fleet_truck_class, "owner", &v), SLOT_OK);
	ck_assert_str_eq(v.as.s, "company");
	ck_assert_int_eq(slot_get(&t, &fleet_truck_class, "id", &v), SLOT_OK);
	ck_assert_uint_eq(v.as.u, 31);
	/* The parent's table reaches the same object through the converted pointer. */
	ck_assert_int_eq(slot_get(&t, &fleet_asset_class, "id", &v), SLOT_OK);
	ck_assert_uint_eq(v.as.u, 31);
	slot_value odo = val_real(SLOT_DOUBLE, 99.5);
	ck_assert_int_eq(slot_set(&t, &fleet_vehicle_class, "odometer", &odo), SLOT_OK);
	ck_assert(fleet_truck_get_odometer(&t) == 99.5);
	/* The parent's table knows nothing of the subclass's own slots. */
	ck_assert_ptr_null(slot_lookup(&fleet_vehicle_class, "axles"));
	ck_assert_ptr_null(slot_lookup(&fleet_asset_class, "plate"));
	ck_assert_ptr_null(slot_lookup(&game_entity_class, "name"));
	fleet_truck_fini(&t);
}
END_TEST

/* ---- copy, new, free ----------------------------------------------------- */

START_TEST(test_copy_is_deep_and_keeps_unset_unset)
{
	game_player src, dst;
	game_player_init(&src, 8);
	ck_assert_int_eq(game_player_set_name(&src, "Goose"), SLOT_OK);
	game_player_set_score(&src, 12);
	game_player_clear_level(&src);
	ck_assert_int_eq(game_player_copy(&dst, &src), SLOT_OK);
	ck_assert_uint_eq(game_player_get_id(&dst), 8);
	ck_assert_str_eq(game_player_get_name(&dst), "Goose");
	ck_assert_ptr_ne(game_player_get_name(&dst), game_player_get_name(&src));
	ck_assert_int_eq(game_player_get_score(&dst), 12);
	ck_assert(!game_player_has_level(&dst));
	ck_assert(!game_player_has_nickname(&dst));
	ck_assert_ptr_null(game_player_get_nickname(&dst));
	ck_assert(!game_player_has_pos(&dst));
	ck_assert_int_eq(game_player_set_name(&src, "Viper"), SLOT_OK);
	ck_assert_str_eq(game_player_get_name(&dst), "Goose");
	game_player_fini(&src);
	ck_assert_str_eq(game_player_get_name(&dst), "Goose");
	game_player_fini(&dst);
}
END_TEST

START_TEST(test_copy_of_a_full_truck)
{
	fleet_truck src, dst;
	fill_truck(&src);
	ck_assert_int_eq(fleet_truck_copy(&dst, &src), SLOT_OK);
	ck_assert_uint_eq(fleet_truck_get_id(&dst), 7001);
	ck_assert_str_eq(fleet_truck_get_owner(&dst), "Acme Logistics");
	ck_assert_ptr_ne(fleet_truck_get_owner(&dst), fleet_truck_get_owner(&src));
	ck_assert_ptr_ne(fleet_truck_get_drivers_at(&dst, 0), fleet_truck_get_drivers_at(&src, 0));
	ck_assert_str_eq(fleet_truck_get_drivers_at(&dst, 1), "Grace");
	ck_assert_ptr_ne(fleet_stop_get_label(fleet_truck_get_route_at(&dst, 1)),
			 fleet_stop_get_label(fleet_truck_get_route_at(&src, 1)));
	ck_assert_str_eq(fleet_stop_get_label(fleet_truck_get_route_at(&dst, 1)), "Hamburg Port");
	ck_assert_str_eq(fleet_stop_get_label(fleet_truck_get_route_at(&dst, 3)), "unnamed");
	ck_assert_str_eq(fleet_stop_get_label(fleet_truck_get_destination(&dst)), "Berlin");
	ck_assert_str_eq(fleet_depot_get_code(fleet_truck_get_home(&dst)), "HAM1");
	ck_assert_ptr_ne(fleet_depot_get_code(fleet_truck_get_home(&dst)),
			 fleet_depot_get_code(fleet_truck_get_home(&src)));
	ck_assert(geo_point_get_lon(geo_box_get_north_east(fleet_truck_get_coverage(&dst))) == 13.4);
	ck_assert(!geo_box_has_south_west(fleet_truck_get_coverage(&dst)));
	ck_assert_int_eq(fleet_truck_get_temperatures_at(&dst, 2), -18);
	ck_assert(!fleet_truck_has_value_cents(&dst));
	ck_assert(!fleet_truck_has_position(&dst));
	fleet_truck_fini(&src); /* the copy owns its own strings */
	ck_assert_str_eq(fleet_truck_get_drivers_at(&dst, 0), "Ada");
	ck_assert_str_eq(fleet_stop_get_label(fleet_truck_get_route_at(&dst, 1)), "Hamburg Port");
	fleet_truck_fini(&dst);
}
END_TEST

START_TEST(test_new_and_free)
{
	game_player *p = game_player_new(99);
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq(game_player_get_id(p), 99);
	ck_assert_uint_eq(game_player_get_level(p), 1);
	ck_assert(!game_player_has_name(p));
	ck_assert_int_eq(game_player_set_name(p, "heap"), SLOT_OK);
	game_player_free(p);
	game_player_free(NULL);

	fleet_truck *t = fleet_truck_new(5);
	ck_assert_ptr_nonnull(t);
	ck_assert_str_eq(fleet_truck_get_owner(t), "company");
	ck_assert_int_eq(fleet_truck_set_drivers_at(t, 0, "x"), SLOT_OK);
	ck_assert_ptr_nonnull(fleet_truck_mut_route_at(t, 0));
	fleet_truck_free(t);
	fleet_truck_free(NULL);

	geo_box *b = geo_box_new();
	ck_assert_ptr_nonnull(b);
	ck_assert(!geo_box_has_south_west(b));
	geo_box_free(b);
}
END_TEST

START_TEST(test_equal_and_repr)
{
	game_player p, q;
	game_player_init(&p, 42);
	ck_assert_int_eq(game_player_set_name(&p, "Ace"), SLOT_OK);
	game_player_mut_pos(&p)->x = 1.5f;
	game_player_set_inventory_at(&p, 0, 3);
	char buf[256];
	size_t n = game_player_repr(buf, sizeof buf, &p);
	ck_assert_str_eq(buf, "Player(id=42, pos=Vec2(x=1.5, y=0.0), name='Ace', score=0, level=1, "
			      "team=spectator, inventory=[3, 0, 0, 0, 0, 0, 0, 0], alive=True)");
	ck_assert_uint_eq(n, strlen(buf));
	ck_assert_int_eq(game_player_copy(&q, &p), SLOT_OK);
	ck_assert(game_player_equal(&p, &q));
	ck_assert_int_eq(game_player_set_name(&q, "Acf"), SLOT_OK);
	ck_assert(!game_player_equal(&p, &q));
	ck_assert_int_eq(game_player_set_name(&q, "Ace"), SLOT_OK);
	game_player_clear_score(&q); /* set versus unset is a difference */
	ck_assert(!game_player_equal(&p, &q));
	game_player_fini(&q);
	game_player_fini(&p);

	fleet_truck a, b;
	fill_truck(&a);
	ck_assert_int_eq(fleet_truck_copy(&b, &a), SLOT_OK);
	ck_assert(fleet_truck_equal(&a, &b));
	ck_assert_int_eq(fleet_stop_set_label(fleet_truck_mut_route_at(&b, 3), "elsewhere"), SLOT_OK);
	ck_assert(!fleet_truck_equal(&a, &b));
	fleet_truck_fini(&b);
	fleet_truck_fini(&a);
}
END_TEST

/* ---- the name table ---------------------------------------------------------- */

struct class_names {
	const slot_class *cls;
	const char *const *names; /* schema order, inherited first; NULL-terminated */
};

static const char *const vec2_names[] = {"x", "y", NULL};
static const char *const entity_names[] = {"id", "pos", NULL};
static const char *const player_names[] = {"id", "pos", "name", "score", "level",
					   "nickname", "team", "inventory", "alive", NULL};
static const char *const point_names[] = {"lat", "lon", NULL};
static const char *const box_names[] = {"south_west", "north_east", NULL};
static const char *const stop_names[] = {"where", "label", "minutes", NULL};
static const char *const depot_names[] = {"code", "location", "docks", "area", NULL};
static const char *const asset_names[] = {"id", "owner", "status", "position", "value_cents", NULL};
static const char *const vehicle_names[] = {"id", "owner", "status", "position", "value_cents",
					    "plate", "fuel", "odometer", "odometer_unit",
					    "tyre_pressure", "home", NULL};
static const char *const truck_names[] = {"id", "owner", "status", "position", "value_cents",
					  "plate", "fuel", "odometer", "odometer_unit",
					  "tyre_pressure", "home", "axles", "payload_kg",
					  "refrigerated", "temperatures", "drivers", "route",
					  "destination", "coverage", NULL};

static const struct class_names every_class[] = {
	{&game_vec2_class, vec2_names},       {&game_entity_class, entity_names},
	{&game_player_class, player_names},   {&geo_point_class, point_names},
	{&geo_box_class, box_names},          {&fleet_stop_class, stop_names},
	{&fleet_depot_class, depot_names},    {&fleet_asset_class, asset_names},
	{&fleet_vehicle_class, vehicle_names}, {&fleet_truck_class, truck_names},
};
#define NCLASSES (sizeof every_class / sizeof *every_class)

START_TEST(test_lookup_finds_every_slot_of_every_class)
{
	for (size_t c = 0; c < NCLASSES; c++) {
		const slot_class *cls = every_class[c].cls;
		size_t n = 0;
		for (const char *const *name = every_class[c].names; *name; name++, n++) {
			const slot_field *f = slot_lookup(cls, *name);
			ck_assert_msg(f != NULL, "%s.%s not found", cls->name, *name);
			ck_assert_str_eq(f->name, *name);
			ck_assert_ptr_eq(f, &cls->fields[n]);
		}
		ck_assert_uint_eq(cls->count, n);
	}
}
END_TEST

START_TEST(test_lookup_misses_near_names)
{
	char near[64];
	static const char *const never[] = {"", "nmae", "ID", "Id", "slot_base", "slot_bits",
					    "__dict__", "id ", " id", "owner\n", "x_", "lat2",
					    "tyre_pressures", "route[0]", "pos.x"};
	for (size_t c = 0; c < NCLASSES; c++) {
		const slot_class *cls = every_class[c].cls;
		for (size_t k = 0; k < sizeof never / sizeof *never; k++)
			ck_assert_msg(slot_lookup(cls, never[k]) == NULL, "%s has '%s'", cls->name,
				      never[k]);
		for (const char *const *name = every_class[c].names; *name; name++) {
			size_t len = strlen(*name);
			snprintf(near, sizeof near, "%sx", *name); /* one more */
			ck_assert_ptr_null(slot_lookup(cls, near));
			snprintf(near, sizeof near, "%s", *name); /* first letter changed */
			near[0] = near[0] == 'q' ? 'z' : 'q';
			ck_assert_ptr_null(slot_lookup(cls, near));
			snprintf(near, sizeof near, "%s", *name); /* last letter changed */
			near[len - 1] = near[len - 1] == 'Q' ? 'Z' : 'Q';
			ck_assert_ptr_null(slot_lookup(cls, near));
			snprintf(near, sizeof near, "%.*s", (int)len - 1, *name); /* one less */
			const slot_field *f = slot_lookup(cls, near);
			ck_assert(f == NULL || strcmp(f->name, near) == 0);
		}
	}
	/* A slot of another class is not a slot of this one. */
	ck_assert_ptr_null(slot_lookup(&game_player_class, "owner"));
	ck_assert_ptr_null(slot_lookup(&fleet_truck_class, "score"));
	ck_assert_ptr_null(slot_lookup(&geo_point_class, "x"));
	ck_assert_ptr_null(slot_lookup(&game_vec2_class, "lat"));
}
END_TEST

START_TEST(test_next_iterates_in_schema_order_inherited_first)
{
	for (size_t c = 0; c < NCLASSES; c++) {
		const slot_class *cls = every_class[c].cls;
		const char *const *name = every_class[c].names;
		size_t n = 0;
		for (const slot_field *f = slot_next(cls, NULL); f; f = slot_next(cls, f), n++) {
			ck_assert_ptr_nonnull(name[n]);
			ck_assert_str_eq(f->name, name[n]);
		}
		ck_assert_ptr_null(name[n]);
		ck_assert_uint_eq(n, cls->count);
	}
}
END_TEST

START_TEST(test_fields_describe_their_slots)
{
	const slot_field *f;
	f = slot_lookup(&fleet_truck_class, "route");
	ck_assert_int_eq(f->type, SLOT_OBJECT);
	ck_assert_uint_eq(f->flags, SLOT_ARRAY);
	ck_assert_uint_eq(f->count, 4);
	ck_assert_uint_eq(f->size, sizeof(fleet_stop));
	ck_assert_ptr_eq(f->class_type, &fleet_stop_class);
	ck_assert_ptr_null(f->enum_type);
	f = slot_lookup(&fleet_truck_class, "odometer_unit");
	ck_assert_int_eq(f->type, SLOT_ENUM);
	ck_assert_uint_eq(f->flags, SLOT_DEFAULT);
	ck_assert_ptr_eq(f->enum_type, &geo_unit_enum); /* the imported module's table */
	f = slot_lookup(&fleet_truck_class, "coverage");
	ck_assert_ptr_eq(f->class_type, &geo_box_class);
	ck_assert_uint_eq(f->count, 1);
	f = slot_lookup(&fleet_truck_class, "drivers");
	ck_assert_int_eq(f->type, SLOT_STRING);
	ck_assert_uint_eq(f->count, 2);
	ck_assert_uint_eq(f->size, sizeof(char *));
	f = slot_lookup(&fleet_truck_class, "temperatures");
	ck_assert_int_eq(f->type, SLOT_INT8);
	ck_assert_str_eq(f->doc, "Degrees Celsius per compartment.");
	f = slot_lookup(&fleet_truck_class, "id");
	ck_assert_int_eq(f->type, SLOT_UINT64);
	ck_assert_uint_eq(f->flags, SLOT_READONLY);
	ck_assert_str_eq(f->doc, "Inventory number, never reused.");
	ck_assert_ptr_null(slot_lookup(&fleet_truck_class, "payload_kg")->doc);
	ck_assert_int_eq(slot_lookup(&fleet_truck_class, "payload_kg")->type, SLOT_UINT32);
	ck_assert_int_eq(slot_lookup(&fleet_truck_class, "refrigerated")->type, SLOT_BOOL);
	ck_assert_int_eq(slot_lookup(&fleet_truck_class, "tyre_pressure")->type, SLOT_FLOAT);
	ck_assert_int_eq(slot_lookup(&geo_point_class, "lat")->type, SLOT_DOUBLE);
	ck_assert_str_eq(slot_lookup(&game_player_class, "nickname")->doc,
			 "Shown instead of the name when set.");
	ck_assert_ptr_eq(slot_lookup(&game_player_class, "team")->enum_type, &game_team_enum);
}
END_TEST

START_TEST(test_enum_descriptors)
{
	ck_assert_str_eq(game_team_enum.name, "Team");
	ck_assert_uint_eq(game_team_enum.count, 3);
	ck_assert_str_eq(game_team_enum.names[GAME_TEAM_RED], "red");
	ck_assert_str_eq(game_team_enum.names[GAME_TEAM_SPECTATOR], "spectator");
	ck_assert_str_eq(geo_unit_enum.name, "Unit");
	ck_assert_uint_eq(geo_unit_enum.count, 4);
	ck_assert_str_eq(geo_unit_enum.names[GEO_UNIT_NAUTICAL_MILE], "nautical_mile");
	ck_assert_str_eq(fleet_status_enum.name, "Status");
	static const char *const status[] = {"idle", "en_route", "loading", "maintenance", "retired"};
	ck_assert_uint_eq(fleet_status_enum.count, 5);
	for (int i = 0; i < 5; i++) {
		ck_assert_str_eq(fleet_status_enum.names[i], status[i]);
		ck_assert_str_eq(slot_enum_name(&fleet_status_enum, i), status[i]);
		ck_assert_int_eq(slot_enum_value(&fleet_status_enum, status[i]), i);
	}
	ck_assert_int_eq(slot_enum_value(&fleet_fuel_enum, "electric"), FLEET_FUEL_ELECTRIC);
	ck_assert_int_eq(slot_enum_value(&fleet_fuel_enum, "Electric"), -1);
	ck_assert_int_eq(slot_enum_value(&fleet_fuel_enum, "idle"), -1);
	ck_assert_int_eq(slot_enum_value(&geo_unit_enum, "mile"), GEO_UNIT_MILE);
	ck_assert_int_eq(slot_enum_value(&geo_unit_enum, "miles"), -1);
	ck_assert_ptr_null(slot_enum_name(&geo_unit_enum, 4));
	ck_assert_ptr_null(slot_enum_name(&geo_unit_enum, -1));
}
END_TEST

/* ---- by name: get, has ------------------------------------------------------ */

START_TEST(test_get_by_name_each_kind)
{
	fleet_truck t;
	fill_truck(&t);
	slot_value v;
	ck_assert_int_eq(slot_get(&t, &fleet_truck_class, "payload_kg", &v), SLOT_OK);
	ck_assert_int_eq(v.type, SLOT_UINT32);
	ck_assert_uint_eq(v.count, 1);
	ck_assert_uint_eq(v.as.u, 18000);
	fleet_truck_set_value_cents(&t, -250);
	ck_assert_int_eq(slot_get(&t, &fleet_truck_class, "value_cents", &v), SLOT_OK);
	ck_assert_int_eq(v.type, SLOT_INT64);
	ck_assert(v.as.i == -250);
	ck_assert_int_eq(slot_get(&t, &fleet_truck_class, "odometer", &v), SLOT_OK);
	ck_assert_int_eq(v.type, SLOT_DOUBLE);
	ck_assert(v.as.d == 0.0);
	ck_assert_int_eq(slot_get(&t, &fleet_truck_class, "refrigerated", &v), SLOT_OK);
	ck_assert_int_eq(v.type, SLOT_BOOL);
	ck_assert(!v.as.b);
	ck_assert_int_eq(slot_get(&t, &fleet_truck_class, "plate", &v), SLOT_OK);
	ck_assert_int_eq(v.type, SLOT_STRING);
	ck_assert_ptr_eq(v.as.s, fleet_truck_get_plate(&t)); /* borrowed */
	ck_assert_int_eq(slot_get(&t, &fleet_truck_class, "odometer_unit", &v), SLOT_OK);
	ck_assert_int_eq(v.type, SLOT_ENUM);
	ck_assert_ptr_eq(v.enum_type, &geo_unit_enum);
	ck_assert_int_eq(v.as.i, GEO_UNIT_KILOMETER);
	ck_assert_str_eq(slot_enum_name(v.enum_type, (int)v.as.i), "kilometer");
	ck_assert_int_eq(slot_get(&t, &fleet_truck_class, "tyre_pressure", &v), SLOT_OK);
	ck_assert_int_eq(v.type, SLOT_FLOAT);
	ck_assert_uint_eq(v.count, 4);
	ck_assert(((const float *)v.as.p)[0] == 8.5f);
	ck_assert_int_eq(slot_get(&t, &fleet_truck_class, "drivers", &v), SLOT_OK);
	ck_assert_int_eq(v.type, SLOT_STRING);
	ck_assert_uint_eq(v.count, 2);
	ck_assert_str_eq(((const char *const *)v.as.p)[1], "Grace");
	ck_assert_int_eq(slot_get(&t, &fleet_truck_class, "route", &v), SLOT_OK);
	ck_assert_int_eq(v.type, SLOT_OBJECT);
	ck_assert_uint_eq(v.count, 4);
	ck_assert_ptr_eq(v.class_type, &fleet_stop_class);
	ck_assert_str_eq(fleet_stop_get_label(&((const fleet_stop *)v.as.p)[1]), "Hamburg Port");
	ck_assert_int_eq(slot_get(&t, &fleet_truck_class, "coverage", &v), SLOT_OK);
	ck_assert_int_eq(v.type, SLOT_OBJECT);
	ck_assert_ptr_eq(v.class_type, &geo_box_class);
	ck_assert_ptr_eq(v.as.p, fleet_truck_get_coverage(&t));
	fleet_truck_fini(&t);

	game_player p;
	game_player_init(&p, 1);
	game_player_set_score(&p, INT32_MIN);
	ck_assert_int_eq(slot_get(&p, &game_player_class, "score", &v), SLOT_OK);
	ck_assert_int_eq(v.type, SLOT_INT32);
	ck_assert(v.as.i == INT32_MIN);
	game_vec2_set_x(game_player_mut_pos(&p), 0.5f);
	game_vec2 *pos = game_player_mut_pos(&p);
	ck_assert_int_eq(slot_get(pos, &game_vec2_class, "x", &v), SLOT_OK);
	ck_assert_int_eq(v.type, SLOT_FLOAT);
	ck_assert(v.as.d == 0.5);
	game_player_fini(&p);
}
END_TEST

START_TEST(test_get_unknown_and_unset_is_enoattr)
{
	game_player p;
	game_player_init(&p, 1);
	slot_value v = val_int(SLOT_INT32, 1234);
	ck_assert_status(slot_get(&p, &game_player_class, "nmae", &v), SLOT_ENOATTR,
			 SLOT_OP_GET, &game_player_class, "nmae", NULL,
			 "'Player' object has no attribute 'nmae'");
	ck_assert_status(slot_get(&p, &game_player_class, "name", &v), SLOT_ENOATTR,
			 SLOT_OP_GET, &game_player_class, "name", NULL,
			 "'Player' object has no attribute 'name'");
	ck_assert_int_eq(v.as.i, 1234); /* untouched on failure */
	fleet_truck t;
	fleet_truck_init(&t, 1);
	ck_assert_status(slot_get(&t, &fleet_truck_class, "route", &v), SLOT_ENOATTR,
			 SLOT_OP_GET, &fleet_truck_class, "route", NULL,
			 "'Truck' object has no attribute 'route'");
	ck_assert_status(slot_get(&t, &fleet_truck_class, "Route", &v), SLOT_ENOATTR,
			 SLOT_OP_GET, &fleet_truck_class, "Route", NULL,
			 "'Truck' object has no attribute 'Route'");
	fleet_truck_fini(&t);
	game_player_fini(&p);
}
END_TEST

START_TEST(test_has_by_name)
{
	game_player p;
	game_player_init(&p, 1);
	ck_assert(slot_has(&p, &game_player_class, "id"));
	ck_assert(slot_has(&p, &game_player_class, "score"));
	ck_assert(!slot_has(&p, &game_player_class, "name"));
	ck_assert(!slot_has(&p, &game_player_class, "nmae"));
	ck_assert(!slot_has(&p, &game_player_class, ""));
	ck_assert_int_eq(game_player_set_name(&p, "n"), SLOT_OK);
	ck_assert(slot_has(&p, &game_player_class, "name"));
	game_player_clear_score(&p);
	ck_assert(!slot_has(&p, &game_player_class, "score"));
	game_player_fini(&p);
}
END_TEST

/* ---- by name: set ------------------------------------------------------------ */

START_TEST(test_set_by_name_ok_for_each_scalar_kind)
{
	fleet_truck t;
	fleet_truck_init(&t, 1);
	slot_value v = val_uint(SLOT_UINT32, 40000);
	ck_assert_status(slot_set(&t, &fleet_truck_class, "payload_kg", &v), SLOT_OK,
			 SLOT_OP_SET, &fleet_truck_class, "payload_kg", &v, "success");
	ck_assert(fleet_truck_has_payload_kg(&t));
	ck_assert_uint_eq(fleet_truck_get_payload_kg(&t), 40000);
	v = val_int(SLOT_INT64, INT64_MIN);
	ck_assert_int_eq(slot_set(&t, &fleet_truck_class, "value_cents", &v), SLOT_OK);
	ck_assert(fleet_truck_get_value_cents(&t) == INT64_MIN);
	v = val_bool(true);
	ck_assert_int_eq(slot_set(&t, &fleet_truck_class, "refrigerated", &v), SLOT_OK);
	ck_assert(fleet_truck_get_refrigerated(&t));
	v = val_real(SLOT_DOUBLE, 120000.25);
	ck_assert_int_eq(slot_set(&t, &fleet_truck_class, "odometer", &v), SLOT_OK);
	ck_assert(fleet_truck_get_odometer(&t) == 120000.25);
	v = val_enum(&fleet_status_enum, FLEET_STATUS_LOADING);
	ck_assert_int_eq(slot_set(&t, &fleet_truck_class, "status", &v), SLOT_OK);
	ck_assert_int_eq(fleet_truck_get_status(&t), FLEET_STATUS_LOADING);
	v = val_enum(&geo_unit_enum, GEO_UNIT_MILE);
	ck_assert_int_eq(slot_set(&t, &fleet_truck_class, "odometer_unit", &v), SLOT_OK);
	ck_assert_int_eq(fleet_truck_get_odometer_unit(&t), GEO_UNIT_MILE);
	char plate[] = "HH-Q 1";
	v = val_str(plate);
	ck_assert_int_eq(slot_set(&t, &fleet_truck_class, "plate", &v), SLOT_OK);
	plate[0] = 'X';
	ck_assert_str_eq(fleet_truck_get_plate(&t), "HH-Q 1"); /* a copy */
	v = val_str("HH-Q 2");
	ck_assert_int_eq(slot_set(&t, &fleet_truck_class, "plate", &v), SLOT_OK); /* frees the old */
	ck_assert_str_eq(fleet_truck_get_plate(&t), "HH-Q 2");
	fleet_truck_fini(&t);

	game_vec2 vec;
	game_vec2_init(&vec);
	v = val_real(SLOT_FLOAT, -2.5);
	ck_assert_int_eq(slot_set(&vec, &game_vec2_class, "y", &v), SLOT_OK);
	ck_assert(game_vec2_get_y(&vec) == -2.5f);
	game_vec2_fini(&vec);
}
END_TEST

START_TEST(test_set_by_name_converts_numbers_that_fit)
{
	game_player p;
	game_player_init(&p, 1);
	slot_value v = val_uint(SLOT_UINT8, 200); /* any integer width, where it fits */
	ck_assert_int_eq(slot_set(&p, &game_player_class, "score", &v), SLOT_OK);
	ck_assert_int_eq(game_player_get_score(&p), 200);
	v = val_int(SLOT_INT64, -7);
	ck_assert_int_eq(slot_set(&p, &game_player_class, "score", &v), SLOT_OK);
	ck_assert_int_eq(game_player_get_score(&p), -7);
	v = val_int(SLOT_INT64, 255);
	ck_assert_int_eq(slot_set(&p, &game_player_class, "level", &v), SLOT_OK);
	ck_assert_uint_eq(game_player_get_level(&p), 255);
	v = val_int(SLOT_INT32, GAME_TEAM_BLUE); /* an in-range integer for an enum */
	ck_assert_int_eq(slot_set(&p, &game_player_class, "team", &v), SLOT_OK);
	ck_assert_int_eq(game_player_get_team(&p), GAME_TEAM_BLUE);
	game_player_fini(&p);

	geo_point pt;
	geo_point_init(&pt);
	v = val_int(SLOT_INT32, -33); /* floats accept integers */
	ck_assert_int_eq(slot_set(&pt, &geo_point_class, "lat", &v), SLOT_OK);
	ck_assert(geo_point_has_lat(&pt));
	ck_assert(geo_point_get_lat(&pt) == -33.0);
	v = val_real(SLOT_FLOAT, 151.25);
	ck_assert_int_eq(slot_set(&pt, &geo_point_class, "lon", &v), SLOT_OK);
	ck_assert(geo_point_get_lon(&pt) == 151.25);
	geo_point_fini(&pt);
}
END_TEST

START_TEST(test_set_by_name_float_takes_any_double)
{
	game_vec2 vec;
	game_vec2_init(&vec);
	slot_value v = val_real(SLOT_DOUBLE, 1e300); /* documented: no range check for floats */
	ck_assert_int_eq(slot_set(&vec, &game_vec2_class, "x", &v), SLOT_OK);
	ck_assert(isinf(game_vec2_get_x(&vec)));
	v = val_uint(SLOT_UINT64, UINT64_MAX);
	ck_assert_int_eq(slot_set(&vec, &game_vec2_class, "y", &v), SLOT_OK);
	ck_assert(game_vec2_get_y(&vec) == (float)UINT64_MAX);
	game_vec2_fini(&vec);
}
END_TEST

START_TEST(test_set_by_name_readonly_is_ereadonly)
{
	fleet_truck t;
	fleet_truck_init(&t, 5);
	slot_value v = val_uint(SLOT_UINT64, 6);
	ck_assert_status(slot_set(&t, &fleet_truck_class, "id", &v), SLOT_EREADONLY,
			 SLOT_OP_SET, &fleet_truck_class, "id", &v, "cannot assign to field 'id'");
	ck_assert_uint_eq(fleet_truck_get_id(&t), 5);
	/* Readonly wins over a wrong type. */
	v = val_str("six");
	ck_assert_int_eq(slot_set(&t, &fleet_truck_class, "id", &v), SLOT_EREADONLY);
	fleet_truck_fini(&t);

	fleet_depot d;
	ck_assert_int_eq(fleet_depot_init(&d, "OSL1"), SLOT_OK);
	v = val_str("OSL2");
	ck_assert_status(slot_set(&d, &fleet_depot_class, "code", &v), SLOT_EREADONLY,
			 SLOT_OP_SET, &fleet_depot_class, "code", &v,
			 "cannot assign to field 'code'");
	ck_assert_str_eq(fleet_depot_get_code(&d), "OSL1");
	fleet_depot_fini(&d);

	game_player p;
	game_player_init(&p, 1);
	v = val_uint(SLOT_UINT64, 2);
	ck_assert_status(slot_set(&p, &game_player_class, "id", &v), SLOT_EREADONLY,
			 SLOT_OP_SET, &game_player_class, "id", &v, "cannot assign to field 'id'");
	game_player_fini(&p);
}
END_TEST

START_TEST(test_set_by_name_unknown_is_enoattr)
{
	game_player p;
	game_player_init(&p, 1);
	slot_value v = val_int(SLOT_INT32, 1);
	ck_assert_status(slot_set(&p, &game_player_class, "nmae", &v), SLOT_ENOATTR,
			 SLOT_OP_SET, &game_player_class, "nmae", &v,
			 "'Player' object has no attribute 'nmae'");
	ck_assert_status(slot_set(&p, &game_player_class, "slot_bits", &v), SLOT_ENOATTR,
			 SLOT_OP_SET, &game_player_class, "slot_bits", &v,
			 "'Player' object has no attribute 'slot_bits'");
	game_player_fini(&p);
}
END_TEST

START_TEST(test_set_by_name_wrong_type_is_etype)
{
	game_player p;
	game_player_init(&p, 1);
	game_player_set_score(&p, 10);
	slot_value v = val_str("ten");
	ck_assert_status(slot_set(&p, &game_player_class, "score", &v), SLOT_ETYPE,
			 SLOT_OP_SET, &game_player_class, "score", &v,
			 "'Player' attribute 'score' must be int32, not string");
	ck_assert_int_eq(game_player_get_score(&p), 10); /* unchanged */
	v = val_int(SLOT_INT32, 1);
	ck_assert_status(slot_set(&p, &game_player_class, "alive", &v), SLOT_ETYPE,
			 SLOT_OP_SET, &game_player_class, "alive", &v,
			 "'Player' attribute 'alive' must be bool, not int32");
	v = val_real(SLOT_DOUBLE, 1.0);
	ck_assert_status(slot_set(&p, &game_player_class, "level", &v), SLOT_ETYPE,
			 SLOT_OP_SET, &game_player_class, "level", &v,
			 "'Player' attribute 'level' must be uint8, not double");
	v = val_bool(true);
	ck_assert_status(slot_set(&p, &game_player_class, "name", &v), SLOT_ETYPE,
			 SLOT_OP_SET, &game_player_class, "name", &v,
			 "'Player' attribute 'name' must be string, not bool");
	ck_assert(!game_player_has_name(&p));
	v = val_enum(&geo_unit_enum, GEO_UNIT_METER); /* another enum */
	ck_assert_status(slot_set(&p, &game_player_class, "team", &v), SLOT_ETYPE,
			 SLOT_OP_SET, &game_player_class, "team", &v,
			 "'Player' attribute 'team' must be Team, not Unit");
	ck_assert_int_eq(game_player_get_team(&p), GAME_TEAM_SPECTATOR);
	v = val_enum(&game_team_enum, GAME_TEAM_RED);
	ck_assert_status(slot_set(&p, &game_player_class, "score", &v), SLOT_ETYPE,
			 SLOT_OP_SET, &game_player_class, "score", &v,
			 "'Player' attribute 'score' must be int32, not Team");
	geo_point pt;
	geo_point_init(&pt);
	v = val_object(&geo_point_class, &pt); /* another class, from another module */
	ck_assert_status(slot_set(&p, &game_player_class, "pos", &v), SLOT_ETYPE,
			 SLOT_OP_SET, &game_player_class, "pos", &v,
			 "'Player' attribute 'pos' must be Vec2, not Point");
	ck_assert(!game_player_has_pos(&p));
	v = val_int(SLOT_INT64, 3);
	ck_assert_status(slot_set(&p, &game_player_class, "pos", &v), SLOT_ETYPE,
			 SLOT_OP_SET, &game_player_class, "pos", &v,
			 "'Player' attribute 'pos' must be Vec2, not int64");
	geo_point_fini(&pt);
	game_player_fini(&p);
}
END_TEST

START_TEST(test_set_by_name_null_string_is_etype)
{
	game_player p;
	game_player_init(&p, 1);
	ck_assert_int_eq(game_player_set_name(&p, "kept"), SLOT_OK);
	slot_value v = val_str(NULL);
	int rc = slot_set(&p, &game_player_class, "name", &v);
	ck_assert_int_eq(rc, SLOT_ETYPE);
	ck_assert_str_eq(game_player_get_name(&p), "kept");
	/* Not "must be string, not string": the message names the NULL. */
	ck_assert_str_eq(message(rc, SLOT_OP_SET, &game_player_class, "name", &v),
			 "'Player' attribute 'name' must be string, not NULL");
	game_player_fini(&p);
}
END_TEST

START_TEST(test_set_by_name_out_of_range_is_erange)
{
	game_player p;
	game_player_init(&p, 1);
	slot_value v = val_int(SLOT_INT32, 256);
	ck_assert_status(slot_set(&p, &game_player_class, "level", &v), SLOT_ERANGE,
			 SLOT_OP_SET, &game_player_class, "level", &v,
			 "value out of range for 'Player' attribute 'level' (uint8)");
	ck_assert_uint_eq(game_player_get_level(&p), 1); /* unchanged */
	v = val_int(SLOT_INT8, -1);
	ck_assert_status(slot_set(&p, &game_player_class, "level", &v), SLOT_ERANGE,
			 SLOT_OP_SET, &game_player_class, "level", &v,
			 "value out of range for 'Player' attribute 'level' (uint8)");
	v = val_int(SLOT_INT64, (int64_t)INT32_MAX + 1);
	ck_assert_status(slot_set(&p, &game_player_class, "score", &v), SLOT_ERANGE,
			 SLOT_OP_SET, &game_player_class, "score", &v,
			 "value out of range for 'Player' attribute 'score' (int32)");
	v = val_int(SLOT_INT64, (int64_t)INT32_MIN - 1);
	ck_assert_int_eq(slot_set(&p, &game_player_class, "score", &v), SLOT_ERANGE);
	ck_assert_int_eq(game_player_get_score(&p), 0);
	/* Enums: their own values or an in-range integer. */
	v = val_int(SLOT_INT32, 3);
	ck_assert_status(slot_set(&p, &game_player_class, "team", &v), SLOT_ERANGE,
			 SLOT_OP_SET, &game_player_class, "team", &v,
			 "value out of range for 'Player' attribute 'team' (Team)");
	v = val_int(SLOT_INT32, -1);
	ck_assert_int_eq(slot_set(&p, &game_player_class, "team", &v), SLOT_ERANGE);
	v = val_enum(&game_team_enum, 7);
	ck_assert_int_eq(slot_set(&p, &game_player_class, "team", &v), SLOT_ERANGE);
	v = val_uint(SLOT_UINT64, UINT64_MAX);
	ck_assert_int_eq(slot_set(&p, &game_player_class, "team", &v), SLOT_ERANGE);
	ck_assert_int_eq(game_player_get_team(&p), GAME_TEAM_SPECTATOR);
	game_player_fini(&p);

	fleet_truck t;
	fleet_truck_init(&t, 1);
	v = val_uint(SLOT_UINT64, (uint64_t)INT64_MAX + 1);
	ck_assert_status(slot_set(&t, &fleet_truck_class, "value_cents", &v), SLOT_ERANGE,
			 SLOT_OP_SET, &fleet_truck_class, "value_cents", &v,
			 "value out of range for 'Truck' attribute 'value_cents' (int64)");
	ck_assert(!fleet_truck_has_value_cents(&t));
	v = val_int(SLOT_INT32, -1);
	ck_assert_status(slot_set(&t, &fleet_truck_class, "payload_kg", &v), SLOT_ERANGE,
			 SLOT_OP_SET, &fleet_truck_class, "payload_kg", &v,
			 "value out of range for 'Truck' attribute 'payload_kg' (uint32)");
	v = val_uint(SLOT_UINT64, (uint64_t)UINT32_MAX + 1);
	ck_assert_int_eq(slot_set(&t, &fleet_truck_class, "payload_kg", &v), SLOT_ERANGE);
	ck_assert(!fleet_truck_has_payload_kg(&t));
	v = val_int(SLOT_INT32, 4);
	ck_assert_status(slot_set(&t, &fleet_truck_class, "odometer_unit", &v), SLOT_ERANGE,
			 SLOT_OP_SET, &fleet_truck_class, "odometer_unit", &v,
			 "value out of range for 'Truck' attribute 'odometer_unit' (Unit)");
	fleet_truck_fini(&t);
}
END_TEST

START_TEST(test_set_by_name_number_array)
{
	game_player p;
	game_player_init(&p, 1);
	uint16_t inv[8] = {1, 2, 3, 4, 5, 6, 7, UINT16_MAX};
	slot_value v = val_array(SLOT_UINT16, 8, inv);
	ck_assert_int_eq(slot_set(&p, &game_player_class, "inventory", &v), SLOT_OK);
	ck_assert(game_player_has_inventory(&p));
	inv[0] = 100; /* copied, not borrowed */
	ck_assert_uint_eq(game_player_get_inventory_at(&p, 0), 1);
	ck_assert_uint_eq(game_player_get_inventory_at(&p, 7), UINT16_MAX);
	slot_value got;
	ck_assert_int_eq(slot_get(&p, &game_player_class, "inventory", &got), SLOT_OK);
	ck_assert_uint_eq(got.count, 8);
	ck_assert_ptr_eq(got.as.p, game_player_get_inventory(&p));

	/* The whole array, of its element type and length. */
	v = val_array(SLOT_UINT16, 3, inv);
	ck_assert_status(slot_set(&p, &game_player_class, "inventory", &v), SLOT_ETYPE,
			 SLOT_OP_SET, &game_player_class, "inventory", &v,
			 "'Player' attribute 'inventory' must be uint16[8], not uint16[3]");
	int32_t wide[8] = {0};
	v = val_array(SLOT_INT32, 8, wide);
	ck_assert_status(slot_set(&p, &game_player_class, "inventory", &v), SLOT_ETYPE,
			 SLOT_OP_SET, &game_player_class, "inventory", &v,
			 "'Player' attribute 'inventory' must be uint16[8], not int32[8]");
	ck_assert_uint_eq(game_player_get_inventory_at(&p, 1), 2); /* unchanged */
	game_player_fini(&p);

	fleet_truck t;
	fleet_truck_init(&t, 1);
	int8_t temps[3] = {4, -18, INT8_MIN};
	v = val_array(SLOT_INT8, 3, temps);
	ck_assert_int_eq(slot_set(&t, &fleet_truck_class, "temperatures", &v), SLOT_OK);
	ck_assert_int_eq(fleet_truck_get_temperatures_at(&t, 2), INT8_MIN);
	fleet_truck_fini(&t);
}
END_TEST

START_TEST(test_set_by_name_string_array_copies)
{
	fleet_truck t;
	fleet_truck_init(&t, 1);
	ck_assert_int_eq(fleet_truck_set_drivers_at(&t, 0, "old"), SLOT_OK);
	char a[] = "Ada", b[] = "Grace";
	const char *names[2] = {a, b};
	slot_value v = val_array(SLOT_STRING, 2, names);
	ck_assert_int_eq(slot_set(&t, &fleet_truck_class, "drivers", &v), SLOT_OK); /* frees "old" */
	a[0] = 'X';
	b[0] = 'X';
	ck_assert_str_eq(fleet_truck_get_drivers_at(&t, 0), "Ada");
	ck_assert_str_eq(fleet_truck_get_drivers_at(&t, 1), "Grace");
	const char *partial[2] = {NULL, "Linus"}; /* a NULL element stays NULL */
	v = val_array(SLOT_STRING, 2, partial);
	ck_assert_int_eq(slot_set(&t, &fleet_truck_class, "drivers", &v), SLOT_OK);
	ck_assert_ptr_null(fleet_truck_get_drivers_at(&t, 0));
	ck_assert_str_eq(fleet_truck_get_drivers_at(&t, 1), "Linus");
	const char *three[3] = {"a", "b", "c"};
	v = val_array(SLOT_STRING, 3, three);
	ck_assert_status(slot_set(&t, &fleet_truck_class, "drivers", &v), SLOT_ETYPE,
			 SLOT_OP_SET, &fleet_truck_class, "drivers", &v,
			 "'Truck' attribute 'drivers' must be string[2], not string[3]");
	ck_assert_str_eq(fleet_truck_get_drivers_at(&t, 1), "Linus");
	fleet_truck_fini(&t);
}
END_TEST

START_TEST(test_set_by_name_class_array_deep_copies)
{
	fleet_stop stops[4];
	for (size_t i = 0; i < 4; i++)
		fleet_stop_init(&stops[i]);
	ck_assert_int_eq(fleet_stop_set_label(&stops[0], "A"), SLOT_OK);
	fleet_stop_clear_label(&stops[3]);
	fleet_truck t;
	fleet_truck_init(&t, 1);
	ck_assert_ptr_nonnull(fleet_truck_mut_route_at(&t, 0)); /* the old ones are freed */
	slot_value v = val_array(SLOT_OBJECT, 4, stops);
	v.class_type = &fleet_stop_class;
	ck_assert_int_eq(slot_set(&t, &fleet_truck_class, "route", &v), SLOT_OK);
	ck_assert_int_eq(fleet_stop_set_label(&stops[0], "B"), SLOT_OK);
	ck_assert_str_eq(fleet_stop_get_label(fleet_truck_get_route_at(&t, 0)), "A");
	ck_assert_str_eq(fleet_stop_get_label(fleet_truck_get_route_at(&t, 1)), "unnamed");
	ck_assert(!fleet_stop_has_label(fleet_truck_get_route_at(&t, 3)));
	for (size_t i = 0; i < 4; i++)
		fleet_stop_fini(&stops[i]);
	ck_assert_str_eq(fleet_stop_get_label(fleet_truck_get_route_at(&t, 0)), "A");
	/* An array of another class is refused. */
	geo_point pts[4];
	memset(pts, 0, sizeof pts);
	v = val_array(SLOT_OBJECT, 4, pts);
	v.class_type = &geo_point_class;
	ck_assert_status(slot_set(&t, &fleet_truck_class, "route", &v), SLOT_ETYPE,
			 SLOT_OP_SET, &fleet_truck_class, "route", &v,
			 "'Truck' attribute 'route' must be Stop[4], not Point[4]");
	fleet_truck_fini(&t);
}
END_TEST

START_TEST(test_set_by_name_nested_object)
{
	game_player p;
	game_player_init(&p, 1);
	game_vec2 vec;
	game_vec2_init(&vec);
	game_vec2_set_x(&vec, 4.0f);
	game_vec2_clear_y(&vec);
	slot_value v = val_object(&game_vec2_class, &vec);
	ck_assert_int_eq(slot_set(&p, &game_player_class, "pos", &v), SLOT_OK);
	ck_assert(game_player_has_pos(&p));
	ck_assert(game_vec2_get_x(game_player_get_pos(&p)) == 4.0f);
	ck_assert(!game_vec2_has_y(game_player_get_pos(&p)));
	game_vec2_set_x(&vec, 5.0f);
	ck_assert(game_vec2_get_x(game_player_get_pos(&p)) == 4.0f);
	game_vec2_fini(&vec);
	game_player_fini(&p);

	/* A class with strings: a deep copy, and the previous value is freed. */
	fleet_truck t;
	fleet_truck_init(&t, 1);
	fleet_stop s;
	fleet_stop_init(&s);
	ck_assert_int_eq(fleet_stop_set_label(&s, "first"), SLOT_OK);
	v = val_object(&fleet_stop_class, &s);
	ck_assert_int_eq(slot_set(&t, &fleet_truck_class, "destination", &v), SLOT_OK);
	ck_assert_int_eq(fleet_stop_set_label(&s, "second"), SLOT_OK);
	ck_assert_str_eq(fleet_stop_get_label(fleet_truck_get_destination(&t)), "first");
	ck_assert_int_eq(slot_set(&t, &fleet_truck_class, "destination", &v), SLOT_OK);
	ck_assert_str_eq(fleet_stop_get_label(fleet_truck_get_destination(&t)), "second");
	fleet_stop_fini(&s);

	/* A class whose init takes parameters, from an inherited slot. */
	fleet_depot d;
	ck_assert_int_eq(fleet_depot_init(&d, "CPH1"), SLOT_OK);
	v = val_object(&fleet_depot_class, &d);
	ck_assert_int_eq(slot_set(&t, &fleet_truck_class, "home", &v), SLOT_OK);
	fleet_depot_fini(&d);
	ck_assert_str_eq(fleet_depot_get_code(fleet_truck_get_home(&t)), "CPH1");
	/* Two levels of geo classes. */
	geo_box box;
	geo_box_init(&box);
	geo_point_set_lat(geo_box_mut_north_east(&box), 60.0);
	v = val_object(&geo_box_class, &box);
	ck_assert_int_eq(slot_set(&t, &fleet_truck_class, "coverage", &v), SLOT_OK);
	ck_assert(geo_point_get_lat(geo_box_get_north_east(fleet_truck_get_coverage(&t))) == 60.0);
	geo_box_fini(&box);
	fleet_truck_fini(&t);
}
END_TEST

/* ---- by name: clear ------------------------------------------------------ */

START_TEST(test_clear_by_name)
{
	fleet_truck t;
	fill_truck(&t);
	ck_assert_status(slot_clear(&t, &fleet_truck_class, "plate"), SLOT_OK,
			 SLOT_OP_CLEAR, &fleet_truck_class, "plate", NULL, "success");
	ck_assert(!fleet_truck_has_plate(&t));
	ck_assert_ptr_null(fleet_truck_get_plate(&t));
	ck_assert_int_eq(slot_clear(&t, &fleet_truck_class, "drivers"), SLOT_OK);
	ck_assert(!fleet_truck_has_drivers(&t));
	ck_assert_ptr_null(fleet_truck_get_drivers_at(&t, 1));
	ck_assert_int_eq(slot_clear(&t, &fleet_truck_class, "route"), SLOT_OK);
	ck_assert(!fleet_truck_has_route(&t));
	ck_assert_int_eq(slot_clear(&t, &fleet_truck_class, "home"), SLOT_OK);
	ck_assert(!fleet_truck_has_home(&t));
	ck_assert_int_eq(slot_clear(&t, &fleet_truck_class, "owner"), SLOT_OK); /* inherited */
	ck_assert(!fleet_truck_has_owner(&t));
	ck_assert_int_eq(slot_clear(&t, &fleet_truck_class, "payload_kg"), SLOT_OK);
	ck_assert(!fleet_truck_has_payload_kg(&t));
	ck_assert_uint_eq(fleet_truck_get_payload_kg(&t), 0);
	/* Clearing again: the slot is unset, and CPython's del of an unset slot
	 * says the bare name. */
	ck_assert_status(slot_clear(&t, &fleet_truck_class, "plate"), SLOT_ENOATTR,
			 SLOT_OP_CLEAR, &fleet_truck_class, "plate", NULL, "plate");
	ck_assert_status(slot_clear(&t, &fleet_truck_class, "plat"), SLOT_ENOATTR,
			 SLOT_OP_CLEAR, &fleet_truck_class, "plat", NULL,
			 "'Truck' object has no attribute 'plat'");
	ck_assert_status(slot_clear(&t, &fleet_truck_class, "id"), SLOT_EREADONLY,
			 SLOT_OP_CLEAR, &fleet_truck_class, "id", NULL, "cannot delete field 'id'");
	ck_assert(fleet_truck_has_id(&t));
	fleet_truck_fini(&t);

	fleet_depot d;
	ck_assert_int_eq(fleet_depot_init(&d, "AMS1"), SLOT_OK);
	ck_assert_status(slot_clear(&d, &fleet_depot_class, "code"), SLOT_EREADONLY,
			 SLOT_OP_CLEAR, &fleet_depot_class, "code", NULL,
			 "cannot delete field 'code'");
	ck_assert_str_eq(fleet_depot_get_code(&d), "AMS1");
	fleet_depot_fini(&d);

	/* Readonly wins over unset, as a frozen dataclass's del does: an
	 * object from defaults() (what the loaders fill) has no id yet. */
	slot_value v;
	ck_assert_int_eq(fleet_truck_class.defaults(&t), SLOT_OK);
	ck_assert(!fleet_truck_has_id(&t));
	ck_assert_status(slot_clear(&t, &fleet_truck_class, "id"), SLOT_EREADONLY,
			 SLOT_OP_CLEAR, &fleet_truck_class, "id", NULL, "cannot delete field 'id'");
	ck_assert_status(slot_get(&t, &fleet_truck_class, "id", &v), SLOT_ENOATTR,
			 SLOT_OP_GET, &fleet_truck_class, "id", NULL,
			 "'Truck' object has no attribute 'id'");
	fleet_truck_fini(&t);
}
END_TEST

START_TEST(test_strerror_other_codes_and_truncation)
{
	ck_assert_str_eq(message(SLOT_ENOMEM, SLOT_OP_GET, &game_player_class, "name", NULL),
			 "out of memory");
	slot_value v = val_str("x");
	ck_assert_str_eq(message(SLOT_ENOMEM, SLOT_OP_SET, &fleet_truck_class, "plate", &v),
			 "out of memory");
	ck_assert_str_eq(message(SLOT_OK, SLOT_OP_SET, &fleet_truck_class, "plate", &v), "success");
	/* snprintf's rules: truncated, NUL-terminated, full length returned. */
	char small[8];
	volatile size_t cap = sizeof small; /* not a constant: no -Wformat-truncation */
	int n = slot_strerror(small, cap, SLOT_ENOATTR, SLOT_OP_GET, &game_player_class, "nmae",
			      NULL);
	ck_assert_int_eq(n, (int)strlen("'Player' object has no attribute 'nmae'"));
	ck_assert_str_eq(small, "'Player");
	ck_assert_int_eq(slot_strerror(NULL, 0, SLOT_EREADONLY, SLOT_OP_CLEAR, &game_player_class, "id",
				       NULL),
			 (int)strlen("cannot delete field 'id'"));
}
END_TEST

/*
 * CPython's AttributeError says more or less depending on the call (getattr,
 * setattr or delattr) and on whether the name is a slot (unset) or none,
 * and cuts the class name at 50, 100 or 200 bytes (checked against
 * /usr/bin/python3 by the oracle test).
 */
START_TEST(test_strerror_depends_on_the_operation)
{
	const slot_class *c = &game_player_class;
	slot_value v = val_int(SLOT_INT32, 1);
	ck_assert_str_eq(message(SLOT_ENOATTR, SLOT_OP_GET, c, "nickname", NULL),
			 "'Player' object has no attribute 'nickname'");
	ck_assert_str_eq(message(SLOT_ENOATTR, SLOT_OP_CLEAR, c, "nickname", NULL), "nickname");
	ck_assert_str_eq(message(SLOT_ENOATTR, SLOT_OP_CLEAR, c, "nmae", NULL),
			 "'Player' object has no attribute 'nmae'");
	ck_assert_str_eq(message(SLOT_EREADONLY, SLOT_OP_SET, c, "id", &v),
			 "cannot assign to field 'id'");
	ck_assert_str_eq(message(SLOT_EREADONLY, SLOT_OP_CLEAR, c, "id", NULL),
			 "cannot delete field 'id'");
	/* The value is not read for a get or a clear. */
	ck_assert_str_eq(message(SLOT_EREADONLY, SLOT_OP_CLEAR, c, "id", &v),
			 "cannot delete field 'id'");

	/* A name holding a NUL, given with its length, is printed whole. */
	int n = slot_strerrorn(msg, sizeof msg, SLOT_ENOATTR, SLOT_OP_GET, c, "id\0x", 4, NULL);
	ck_assert_int_eq(n, 39);
	ck_assert_mem_eq(msg, "'Player' object has no attribute 'id\0x'", 40);

	/* A class named with 255 bytes, the longest name a schema may give. */
	char name[256];
	memset(name, 'K', 255);
	name[255] = '\0';
	slot_class longer = game_player_class;
	longer.name = name;
	static const struct {
		int rc;
		slot_op op;
		const char *slot;
		int kept; /* bytes of the class name in the message */
	} cut[] = {
		{SLOT_ENOATTR, SLOT_OP_GET, "nmae", 50},
		{SLOT_ENOATTR, SLOT_OP_SET, "nmae", 100},
		{SLOT_ENOATTR, SLOT_OP_CLEAR, "nmae", 100},
		{SLOT_ENOATTR, SLOT_OP_GET, "nickname", 200},
	};
	for (size_t i = 0; i < sizeof cut / sizeof cut[0]; i++) {
		char want[300];
		snprintf(want, sizeof want, "'%.*s' object has no attribute '%s'", cut[i].kept, name,
			 cut[i].slot);
		ck_assert_str_eq(message(cut[i].rc, cut[i].op, &longer, cut[i].slot, NULL), want);
	}
	ck_assert_str_eq(message(SLOT_ENOATTR, SLOT_OP_CLEAR, &longer, "nickname", NULL), "nickname");
}
END_TEST

START_TEST(test_get_or_and_next_set)
{
	game_player p;
	game_player_init(&p, 1);
	slot_value dflt = val_str("anonymous"), v;
	ck_assert_int_eq(slot_get_or(&p, &game_player_class, "name", &dflt, &v), SLOT_OK);
	ck_assert_str_eq(v.as.s, "anonymous");
	ck_assert_int_eq(slot_get_or(&p, &game_player_class, "nmae", &dflt, &v), SLOT_OK);
	ck_assert_str_eq(v.as.s, "anonymous");
	ck_assert_int_eq(game_player_set_name(&p, "Ace"), SLOT_OK);
	ck_assert_int_eq(slot_get_or(&p, &game_player_class, "name", &dflt, &v), SLOT_OK);
	ck_assert_str_eq(v.as.s, "Ace");
	static const char *const set[] = {"id", "name", "score", "level", "team", "alive"};
	size_t k = 0;
	for (const slot_field *f = slot_next_set(&p, &game_player_class, NULL); f;
	     f = slot_next_set(&p, &game_player_class, f), k++) {
		ck_assert_uint_lt(k, 6);
		ck_assert_str_eq(f->name, set[k]);
	}
	ck_assert_uint_eq(k, 6);
	game_player_fini(&p);
}
END_TEST

/* A value taken from the slot itself: the copy is made before the old value goes. */
START_TEST(test_assigning_a_slot_its_own_value)
{
	fleet_truck t;
	fill_truck(&t);
	ck_assert_int_eq(fleet_truck_set_destination(&t, fleet_truck_get_destination(&t)), SLOT_OK);
	ck_assert_str_eq(fleet_stop_get_label(fleet_truck_get_destination(&t)), "Berlin");
	ck_assert_int_eq(fleet_truck_set_route_at(&t, 1, fleet_truck_get_route_at(&t, 1)), SLOT_OK);
	ck_assert_str_eq(fleet_stop_get_label(fleet_truck_get_route_at(&t, 1)), "Hamburg Port");
	ck_assert_int_eq(fleet_truck_set_drivers_at(&t, 0, fleet_truck_get_drivers_at(&t, 0)), SLOT_OK);
	ck_assert_str_eq(fleet_truck_get_drivers_at(&t, 0), "Ada");
	static const char *const names[] = {"plate", "owner", "drivers", "route", "destination",
					    "home", "coverage", "tyre_pressure"};
	for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
		slot_value v;
		ck_assert_int_eq(slot_get(&t, &fleet_truck_class, names[k], &v), SLOT_OK);
		ck_assert_msg(slot_set(&t, &fleet_truck_class, names[k], &v) == SLOT_OK, "%s", names[k]);
	}
	ck_assert_str_eq(fleet_truck_get_plate(&t), "HH-AB 123");
	ck_assert_str_eq(fleet_truck_get_drivers_at(&t, 1), "Grace");
	ck_assert_str_eq(fleet_stop_get_label(fleet_truck_get_route_at(&t, 1)), "Hamburg Port");
	ck_assert_str_eq(fleet_depot_get_code(fleet_truck_get_home(&t)), "HAM1");
	fleet_truck_fini(&t);
}
END_TEST

START_TEST(test_fini_twice_and_reuse)
{
	fleet_truck t;
	fill_truck(&t);
	fleet_truck_fini(&t);
	fleet_truck_fini(&t); /* harmless */
	fleet_truck_init(&t, 2);
	ck_assert_uint_eq(fleet_truck_get_id(&t), 2);
	ck_assert(!fleet_truck_has_plate(&t));
	ck_assert_str_eq(fleet_truck_get_owner(&t), "company");
	fleet_truck_fini(&t);
}
END_TEST

START_TEST(test_strerror_without_a_value)
{
	ck_assert_str_eq(message(SLOT_ETYPE, SLOT_OP_SET, &game_player_class, "score", NULL),
			 "wrong type for 'Player' attribute 'score'");
	slot_value v = val_str("x");
	ck_assert_str_eq(message(SLOT_ETYPE, SLOT_OP_SET, &game_player_class, "nmae", &v),
			 "wrong type for 'Player' attribute 'nmae'");
	ck_assert_str_eq(message(99, SLOT_OP_GET, &game_player_class, "score", NULL),
			 "unknown status 99");
	/* A scalar given to an array slot. */
	v = val_int(SLOT_INT32, 1);
	game_player p;
	game_player_init(&p, 1);
	ck_assert_status(slot_set(&p, &game_player_class, "inventory", &v), SLOT_ETYPE,
			 SLOT_OP_SET, &game_player_class, "inventory", &v,
			 "'Player' attribute 'inventory' must be uint16[8], not int32[1]");
	uint16_t three[3] = {1, 2, 3};
	v = val_array(SLOT_UINT16, 3, three);
	ck_assert_status(slot_set(&p, &game_player_class, "score", &v), SLOT_ETYPE,
			 SLOT_OP_SET, &game_player_class, "score", &v,
			 "'Player' attribute 'score' must be int32, not uint16[3]");
	game_player_fini(&p);
}
END_TEST

/* ---- several modules in one program ------------------------------------- */

/* Generic code over any generated class: count the set slots by name. */
static size_t count_set(const void *obj, const slot_class *cls)
{
	size_t n = 0;
	for (const slot_field *f = slot_next(cls, NULL); f; f = slot_next(cls, f)) {
		slot_value v;
		bool has = slot_has(obj, cls, f->name);
		ck_assert_int_eq(slot_get(obj, cls, f->name, &v), has ? SLOT_OK : SLOT_ENOATTR);
		n += has;
	}
	return n;
}

START_TEST(test_three_modules_in_one_program)
{
	game_player p;
	game_player_init(&p, 1);
	fleet_truck t;
	fleet_truck_init(&t, 2);
	geo_box b;
	geo_box_init(&b);
	/* id, score, level, team, alive */
	ck_assert_uint_eq(count_set(&p, &game_player_class), 5);
	/* id, owner, status, fuel, odometer, odometer_unit, axles, refrigerated */
	ck_assert_uint_eq(count_set(&t, &fleet_truck_class), 8);
	ck_assert_uint_eq(count_set(&b, &geo_box_class), 0);
	/* A geo.Point made by geo, stored in a fleet object, read by name. */
	geo_point pt;
	geo_point_init(&pt);
	geo_point_set_lat(&pt, 1.0);
	ck_assert_int_eq(fleet_truck_set_position(&t, &pt), SLOT_OK);
	slot_value v;
	ck_assert_int_eq(slot_get(&t, &fleet_truck_class, "position", &v), SLOT_OK);
	ck_assert_ptr_eq(v.class_type, &geo_point_class);
	ck_assert_int_eq(slot_get(v.as.p, v.class_type, "lat", &v), SLOT_OK);
	ck_assert(v.as.d == 1.0);
	ck_assert_uint_eq(count_set(&t, &fleet_truck_class), 9);
	geo_point_fini(&pt);
	geo_box_fini(&b);
	fleet_truck_fini(&t);
	game_player_fini(&p);
}
END_TEST

/* ---- the suite ---------------------------------------------------------- */

static Suite *generated_suite(void)
{
	Suite *s = suite_create("generated");
	TCase *tc;

	tc = tcase_create("init");
	tcase_add_test(tc, test_init_applies_defaults_and_leaves_the_rest_unset);
	tcase_add_test(tc, test_defaults_through_three_levels_and_an_imported_enum);
	tcase_add_test(tc, test_string_defaults_are_each_objects_own_copy);
	suite_add_tcase(s, tc);

	tc = tcase_create("accessors");
	tcase_add_test(tc, test_integers_at_their_limits);
	tcase_add_test(tc, test_clear_unsets_a_scalar_and_zeroes_it);
	tcase_add_test(tc, test_float_and_double);
	tcase_add_test(tc, test_bool_false_is_set_not_unset);
	tcase_add_test(tc, test_enums_local_and_imported);
	tcase_add_test(tc, test_string_set_get_has_clear);
	tcase_add_test(tc, test_string_set_copies_its_argument);
	tcase_add_test(tc, test_string_set_twice_replaces_and_null_is_refused);
	tcase_add_test(tc, test_fini_frees_everything_and_unsets_every_slot);
	suite_add_tcase(s, tc);

	tc = tcase_create("arrays and nesting");
	tcase_add_test(tc, test_number_array_is_one_slot);
	tcase_add_test(tc, test_string_array);
	tcase_add_test(tc, test_class_array_mut_initialises_every_element);
	tcase_add_test(tc, test_class_array_set_at_deep_copies_one_element);
	tcase_add_test(tc, test_nested_class_by_mut);
	tcase_add_test(tc, test_nested_class_set_is_a_deep_copy);
	tcase_add_test(tc, test_nested_class_with_init_parameters_has_set);
	suite_add_tcase(s, tc);

	tc = tcase_create("readonly and inheritance");
	tcase_add_test(tc, test_readonly_slots_are_init_parameters);
	tcase_add_test(tc, test_subclass_pointer_is_a_parent_pointer);
	tcase_add_test(tc, test_class_descriptors_name_their_parent);
	tcase_add_test(tc, test_subclass_table_holds_inherited_slots);
	suite_add_tcase(s, tc);

	tc = tcase_create("lifetime");
	tcase_add_test(tc, test_copy_is_deep_and_keeps_unset_unset);
	tcase_add_test(tc, test_copy_of_a_full_truck);
	tcase_add_test(tc, test_new_and_free);
	tcase_add_test(tc, test_equal_and_repr);
	tcase_add_test(tc, test_fini_twice_and_reuse);
	suite_add_tcase(s, tc);

	tc = tcase_create("name table");
	tcase_add_test(tc, test_lookup_finds_every_slot_of_every_class);
	tcase_add_test(tc, test_lookup_misses_near_names);
	tcase_add_test(tc, test_next_iterates_in_schema_order_inherited_first);
	tcase_add_test(tc, test_fields_describe_their_slots);
	tcase_add_test(tc, test_enum_descriptors);
	suite_add_tcase(s, tc);

	tc = tcase_create("by name");
	tcase_add_test(tc, test_get_by_name_each_kind);
	tcase_add_test(tc, test_get_unknown_and_unset_is_enoattr);
	tcase_add_test(tc, test_has_by_name);
	tcase_add_test(tc, test_set_by_name_ok_for_each_scalar_kind);
	tcase_add_test(tc, test_set_by_name_converts_numbers_that_fit);
	tcase_add_test(tc, test_set_by_name_float_takes_any_double);
	tcase_add_test(tc, test_set_by_name_readonly_is_ereadonly);
	tcase_add_test(tc, test_set_by_name_unknown_is_enoattr);
	tcase_add_test(tc, test_set_by_name_wrong_type_is_etype);
	tcase_add_test(tc, test_set_by_name_null_string_is_etype);
	tcase_add_test(tc, test_set_by_name_out_of_range_is_erange);
	tcase_add_test(tc, test_set_by_name_number_array);
	tcase_add_test(tc, test_set_by_name_string_array_copies);
	tcase_add_test(tc, test_set_by_name_class_array_deep_copies);
	tcase_add_test(tc, test_set_by_name_nested_object);
	tcase_add_test(tc, test_clear_by_name);
	tcase_add_test(tc, test_strerror_other_codes_and_truncation);
	tcase_add_test(tc, test_strerror_depends_on_the_operation);
	tcase_add_test(tc, test_get_or_and_next_set);
	tcase_add_test(tc, test_assigning_a_slot_its_own_value);
	tcase_add_test(tc, test_strerror_without_a_value);
	suite_add_tcase(s, tc);

	tc = tcase_create("modules");
	tcase_add_test(tc, test_three_modules_in_one_program);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run(generated_suite());
}
