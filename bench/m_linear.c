/* Method b: a linear strcmp scan over the names in schema order. */
#include <stddef.h>
#include <string.h>

#include "cells.h"
#include "names.h"

#define LINEAR(n)                                                        \
	const void *linear_lookup_##n(const char *s)                     \
	{                                                                \
		for (size_t i = 0; i < NHITS_##n; i++)                   \
			if (strcmp(hits_##n[i], s) == 0)                 \
				return &hits_##n[i];                     \
		return NULL;                                             \
	}

LINEAR(4)
LINEAR(16)
LINEAR(64)
LINEAR(256)
