/* layout.h - where the members of a generated struct go (LP64 C).
 *
 * By default a class's own slots are ordered by falling alignment (schema
 * order among equals), which leaves no padding between them; the presence
 * bytes follow, in what would be tail padding.  `layout: declared` keeps
 * schema order.  The parent always comes first.  The checker lays out every
 * class once, nested classes first, and keeps the layout and the member
 * order in the model (struct sg_layout is declared there).
 */
#ifndef SLOTGEN_LAYOUT_H
#define SLOTGEN_LAYOUT_H

#include "model.h"

/** How many of @p c's own slots have a presence bit (not `clear: false`). */
/** The most bytes a string slot keeps in the object without max_length
 * (a slot_str: 16 bytes, a NUL and a tag besides). */
#define SG_SHORT_STRING_MAX 14u

/** Whether @p s is a string slot stored as a slot_str: a single string
 * without max_length, kept in the object when short, else on the heap. */
bool sg_is_short_string(const struct sg_slot *s);

unsigned sg_presence_bits(const struct sg_class *c);

/** The bytes of @p c's own presence bits (its slot_bits member); 0 for none. */
unsigned sg_presence_bytes(const struct sg_class *c);

/**
 * Lay out @p c: its parent and the classes it holds must have been laid out
 * (their layout set).  Sizes saturate rather than overflow.
 * \param[out] order  if not NULL, the memory order of @p c's own members
 *                    (c->count + 1 entries: slot indices, and c->count for
 *                    the presence bytes).
 * \return false when memory ran out (@p out untouched).
 */
bool sg_lay_out(const struct sg_class *c, bool declared, uint32_t *order,
		struct sg_layout *out) SG_CHECKRET;

#endif
