/* Method a: slotgen's generated slot_lookup (the runtime's static inline
 * function, inlined here), over the classes of bench.yaml. */
#include "cells.h"

#define SLOTGEN(set, n, c)                                               \
	const void *slotgen_##set##_##n(const char *s)                   \
	{                                                                \
		return slot_lookup(&bench_##c##_class, s);               \
	}

BENCH_CLASSES(SLOTGEN)
