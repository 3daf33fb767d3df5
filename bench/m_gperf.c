/*
 * Method d: a gperf perfect hash.  GP_FILE is gperf's output for one set,
 * size and option set, its lookup named GP_LOOKUP; GP_FN names the function
 * measured (all three given by bench/run).  gperf wants the length, a name
 * given as a C string needs strlen, as slot_lookup does.  flatten inlines
 * gperf's lookup here, as slot_lookup is inlined into slotgen's function:
 * one call per lookup for every method.
 */
#include <stddef.h>
#include <string.h>

#include GP_FILE

#include "cells.h"

const void *GP_FN(const char *s);

__attribute__((flatten)) const void *GP_FN(const char *s)
{
	return GP_LOOKUP(s, strlen(s));
}
