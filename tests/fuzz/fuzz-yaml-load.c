/* fuzz-yaml-load.c - libFuzzer: arbitrary bytes as data for the generated
 * YAML loaders (slotgen --yaml) of fleet.Truck (nested classes, arrays of
 * strings and of classes, imported types) and of lists of corners.Holder.
 * Whatever loads must dump, and what dumps must load again.  Built by
 * -Dfuzz=true with clang; run with tools/fuzz. */
#include <stdint.h>

#include "corners_yaml.h"
#include "fleet_yaml.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	slot_yaml_error err;
	fleet_truck t;
	if (fleet_truck_load_yaml(&t, (const char *)d, n, &err) == SLOT_OK) {
		char *out;
		size_t len;
		if (fleet_truck_dump_yaml(&t, &out, &len) == SLOT_OK) {
			fleet_truck u;
			if (fleet_truck_load_yaml(&u, out, len, &err) != SLOT_OK)
				__builtin_trap(); /* a dump that does not load */
			fleet_truck_fini(&u);
			free(out);
		}
		fleet_truck_fini(&t);
	}
	corners_holder *all;
	size_t count;
	if (corners_holder_load_yaml_list(&all, &count, (const char *)d, n, &err) == SLOT_OK) {
		for (size_t i = 0; i < count; i++)
			corners_holder_fini(&all[i]);
		free(all);
	}
	return 0;
}
