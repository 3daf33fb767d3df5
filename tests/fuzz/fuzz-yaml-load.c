/* fuzz-yaml-load.c - libFuzzer: arbitrary bytes as data for the generated
 * YAML loaders (slotgen --yaml) of fleet.Truck (nested classes, arrays of
 * strings and of classes, imported types), of corners.Tagged and
 * corners.Counter (strings kept in the object, slots without a presence
 * bit), and of lists of corners.Holder.  Whatever loads must dump, and what
 * dumps must load again.  Built by -Dfuzz=true with clang; run with
 * tools/fuzz. */
#include <stdint.h>

#include "corners_yaml.h"
#include "fleet_yaml.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);

/* Load one CNAME from the input; if it loads, dump it and load the dump,
 * trapping on a dump that does not load. */
#define ROUND_TRIP(cname)                                                        \
	do {                                                                     \
		cname a, b;                                                      \
		if (cname##_load_yaml(&a, (const char *)d, n, &err) == SLOT_OK) { \
			char *out;                                               \
			size_t len;                                              \
			if (cname##_dump_yaml(&a, &out, &len) == SLOT_OK) {      \
				if (cname##_load_yaml(&b, out, len, &err) != SLOT_OK) \
					__builtin_trap();                        \
				cname##_fini(&b);                                \
				free(out);                                       \
			}                                                        \
			cname##_fini(&a);                                        \
		}                                                                \
	} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	slot_yaml_error err;
	ROUND_TRIP(fleet_truck);
	ROUND_TRIP(corners_tagged);
	ROUND_TRIP(corners_counter);
	corners_holder *all;
	size_t count;
	if (corners_holder_load_yaml_list(&all, &count, (const char *)d, n, &err) == SLOT_OK) {
		for (size_t i = 0; i < count; i++)
			corners_holder_fini(&all[i]);
		free(all);
	}
	return 0;
}
