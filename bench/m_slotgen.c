/* Method a: slotgen's generated slot_lookup (the runtime's static inline
 * function, inlined here), over the classes of bench.yaml. */
#include "cells.h"

#define SLOTGEN(n)                                                       \
	const void *slotgen_lookup_##n(const char *s)                    \
	{                                                                \
		return slot_lookup(&bench_s##n##_class, s);              \
	}

SLOTGEN(4)
SLOTGEN(16)
SLOTGEN(64)
SLOTGEN(256)
