/*
 * Row 2: by-name get and set of game_player's int32 slot "score" through
 * the runtime's slot_get and slot_set, one non-inlined call per operation,
 * the name passed in (not a constant the compiler could fold).
 */
#include "cells.h"

int64_t byname_get(const game_player *p, const char *name)
{
	slot_value v;
	if (slot_get(p, &game_player_class, name, &v) != SLOT_OK)
		return -1;
	return v.as.i;
}

int byname_set(game_player *p, const char *name, int64_t x)
{
	slot_value v;
	memset(&v, 0, sizeof v);
	v.type = SLOT_INT32;
	v.count = 1;
	v.as.i = x;
	return slot_set(p, &game_player_class, name, &v);
}
