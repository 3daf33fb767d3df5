/*
 * Method c: binary search over a sorted name index, the way protobuf-c's
 * protobuf_c_message_descriptor_get_field_by_name() does it: the fields
 * stay in schema order, an array of their indices is sorted by name, and
 * the search halves that index with strcmp.
 */
#include <stddef.h>
#include <string.h>

#include "cells.h"
#include "names.h"

#define BSEARCH(n)                                                           \
	static unsigned index_##n[NHITS_##n];                                \
	static void sort_index_##n(void)                                     \
	{                                                                    \
		for (unsigned k = 0; k < NHITS_##n; k++)                     \
			for (unsigned i = 0; i < NHITS_##n; i++)             \
				if (strcmp(hits_##n[i], sorted_##n[k]) == 0) \
					index_##n[k] = i;                    \
	}                                                                    \
	const void *bsearch_lookup_##n(const char *s)                        \
	{                                                                    \
		unsigned start = 0, count = NHITS_##n;                       \
		while (count > 1) {                                          \
			unsigned mid = start + count / 2;                    \
			int rv = strcmp(hits_##n[index_##n[mid]], s);        \
			if (rv == 0)                                         \
				return &hits_##n[index_##n[mid]];            \
			if (rv < 0) {                                        \
				count = start + count - (mid + 1);           \
				start = mid + 1;                             \
			} else {                                             \
				count = mid - start;                         \
			}                                                    \
		}                                                            \
		if (count == 0 || strcmp(hits_##n[index_##n[start]], s) != 0) \
			return NULL;                                         \
		return &hits_##n[index_##n[start]];                          \
	}

BSEARCH(4)
BSEARCH(16)
BSEARCH(64)
BSEARCH(256)

/* The index a generator would emit as a constant table, built once here. */
void bsearch_init(void)
{
	sort_index_4();
	sort_index_16();
	sort_index_64();
	sort_index_256();
}
