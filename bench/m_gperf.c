/*
 * Method d: a gperf perfect hash.  GP_SIZE is the set's size; GP_FILE,
 * gperf's output for gp_N.gperf (options in bench/run).  gperf wants the
 * length, a name given as a C string needs strlen, as slot_lookup does.
 * flatten inlines gperf's lookup here, as slot_lookup is inlined into
 * slotgen's function: one call per lookup for every method.
 */
#include <stddef.h>
#include <string.h>

#define CAT_(a, b) a##b
#define CAT(a, b) CAT_(a, b)
#include GP_FILE /* "gp_N.c", given by bench/run */

#include "cells.h"

__attribute__((flatten)) const void *CAT(gperf_lookup_, GP_SIZE)(const char *s)
{
	return CAT(CAT(gp, GP_SIZE), _lookup)(s, strlen(s));
}
