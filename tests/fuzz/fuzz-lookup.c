/* fuzz-lookup.c - libFuzzer: arbitrary bytes as names for the generated
 * lookups of every class and enum of corners.yaml, fleet.yaml and geo.yaml,
 * and of the name sets of tests/lookup/names.c (lk.h), which reach every
 * kind of lookup: a bucket per length, buckets picked by the hash, the
 * whole name hashed, a table by length, names of up to 255 bytes.
 * The first byte picks the class and the enum, the rest is the name.  Each
 * lookup must give what a scan of the names gives: counted (the fuzzer's
 * buffer is exactly the name, so AddressSanitizer sees a read past it), as
 * a C string, and for enums.  Built by -Dfuzz=true; run with tools/fuzz. */
#include <stdint.h>
#include <stdlib.h>

#include "corners.h"
#include "fleet.h"
#include "geo.h"
#include "lk.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);

static const slot_class *const classes[] = {
	&corners_empty_class, &corners_scalars_class, &corners_keyed_class, &corners_named_class,
	&corners_holder_class, &corners_marker_class, &corners_leaf_class, &corners_spelled_class,
	&corners_tagged_class, &corners_counter_class, &corners_fixed_class, &fleet_stop_class,
	&fleet_depot_class, &fleet_asset_class, &fleet_vehicle_class, &fleet_truck_class,
	&geo_point_class, &geo_box_class, &lk_uneven_class, &lk_crowded_class,
	&lk_longest_class, &lk_spread_class, &lk_lengths_class, &lk_boundary_class,
};

static const slot_enum *const enums[] = {
	&corners_mode_enum, &corners_level_enum, &corners_phase_enum,
	&fleet_status_enum, &fleet_fuel_enum, &geo_unit_enum, &lk_uneven_value_enum,
	&lk_crowded_value_enum, &lk_longest_value_enum, &lk_spread_value_enum,
	&lk_lengths_value_enum, &lk_boundary_value_enum,
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static bool same(const char *table_name, const char *name, size_t len)
{
	return strlen(table_name) == len && memcmp(table_name, name, len) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	if (n == 0)
		return 0;
	const char *name = (const char *)d + 1;
	size_t len = n - 1;
	const slot_class *cls = classes[d[0] % COUNT(classes)];
	const slot_field *want = NULL;
	for (const slot_field *f = slot_next(cls, NULL); f; f = slot_next(cls, f))
		if (same(f->name, name, len))
			want = f;
	if (slot_lookupn(cls, name, len) != want)
		__builtin_trap();

	/* As a C string: cut at the first NUL, if any. */
	char *z = (char *)malloc(len + 1);
	if (!z)
		return 0;
	memcpy(z, name, len);
	z[len] = '\0';
	const slot_field *want_z = NULL;
	for (const slot_field *f = slot_next(cls, NULL); f; f = slot_next(cls, f))
		if (strcmp(f->name, z) == 0)
			want_z = f;
	if (slot_lookup(cls, z) != want_z)
		__builtin_trap();
	free(z);

	const slot_enum *e = enums[d[0] % COUNT(enums)];
	int want_v = -1;
	for (size_t v = 0; v < e->count; v++)
		if (same(e->names[v], name, len))
			want_v = (int)v;
	if (slot_enum_valuen(e, name, len) != want_v)
		__builtin_trap();
	return 0;
}
