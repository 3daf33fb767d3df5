/*
 * Row 2: by-name get and set of game_player's int32 slot "score" through
 * the runtime, one non-inlined call per operation, the name passed in (not
 * a constant the compiler could fold):
 *   - byname_get, byname_set: slot_get and slot_set, given a C string;
 *   - byname_getn, byname_setn: slot_lookupn, given the name and its
 *     length (as a Python str carries its own), then slot_get_field and
 *     slot_set_field.
 */
#include "cells.h"

static int64_t value_of(int rc, const slot_value *v)
{
	return rc == SLOT_OK ? v->as.i : -1;
}

int64_t byname_get(const game_player *p, const char *name)
{
	slot_value v;
	return value_of(slot_get(p, &game_player_class, name, &v), &v);
}

int byname_set(game_player *p, const char *name, int64_t x)
{
	slot_value v = {SLOT_INT32, 1, NULL, NULL, {.i = x}, 0, NULL};
	return slot_set(p, &game_player_class, name, &v);
}

int64_t byname_getn(const game_player *p, const char *name, size_t len)
{
	slot_value v;
	const slot_field *f = slot_lookupn(&game_player_class, name, len);
	return value_of(slot_get_field(p, f, &v), &v);
}

int byname_setn(game_player *p, const char *name, size_t len, int64_t x)
{
	slot_value v = {SLOT_INT32, 1, NULL, NULL, {.i = x}, 0, NULL};
	return slot_set_field(p, slot_lookupn(&game_player_class, name, len), &v);
}
