/* fuzz-yaml-load.c - libFuzzer: arbitrary bytes as data for the generated
 * YAML loaders (slotgen --yaml) of fleet.Truck (nested classes, arrays of
 * strings and of classes, imported types), of corners.Tagged and
 * corners.Counter (strings kept in the object, slots without a presence
 * bit), of mixer.Rack (readonly slots in arrays of objects, names YAML
 * reads as booleans), of lists.Bag (lists of every kind of element, nested
 * lists, bytes as base64), lists.Node (a tree through a list of its own
 * class, as deep as the loader takes), lists.Service (dicts of every kind
 * of value), lists.Chain (a chain of optional children, None and unset)
 * and lists.Port (unions, scalars read as YAML types), and of lists of
 * corners.Holder.
 * Whatever loads must dump, and what dumps must load again as the same.
 * Built by -Dfuzz=true with clang; run with tools/fuzz. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "corners_yaml.h"
#include "fleet_yaml.h"
#include "lists_yaml.h"
#include "mixer_yaml.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);

/* Load one CNAME from the input; if it loads, dump it, load the dump and
 * dump that: trap on a dump that does not load, or that loads as another
 * object (its dump differs: floats to the bit, NaN included).  A loaded
 * object always dumps (its strings are UTF-8, its enums named). */
#define ROUND_TRIP(cname)                                                        \
	do {                                                                     \
		cname a, b;                                                      \
		if (cname##_load_yaml(&a, (const char *)d, n, &err) == SLOT_OK) { \
			char *out, *again;                                       \
			size_t len, len2;                                        \
			if (cname##_dump_yaml(&a, &out, &len) != SLOT_OK)        \
				__builtin_trap();                                \
			if (cname##_load_yaml(&b, out, len, &err) != SLOT_OK)    \
				__builtin_trap();                                \
			if (cname##_dump_yaml(&b, &again, &len2) != SLOT_OK ||   \
			    len2 != len || memcmp(out, again, len) != 0)         \
				__builtin_trap();                                \
			cname##_fini(&b);                                        \
			slot_free(out);                                          \
			slot_free(again);                                        \
			cname##_fini(&a);                                        \
		}                                                                \
	} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	slot_yaml_error err;
	ROUND_TRIP(fleet_truck);
	ROUND_TRIP(corners_tagged);
	ROUND_TRIP(corners_counter);
	ROUND_TRIP(mixer_rack);
	ROUND_TRIP(lists_bag);
	ROUND_TRIP(lists_node);
	ROUND_TRIP(lists_service);
	ROUND_TRIP(lists_chain);
	ROUND_TRIP(lists_port);
	corners_holder *all;
	size_t count;
	if (corners_holder_load_yaml_list(&all, &count, (const char *)d, n, &err) == SLOT_OK) {
		for (size_t i = 0; i < count; i++)
			corners_holder_fini(&all[i]);
		slot_free(all);
	}
	return 0;
}
