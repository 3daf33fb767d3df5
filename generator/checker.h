/* checker.h - names, types, inheritance and defaults.
 *
 * Resolves every type reference, parent and default of a loaded program
 * in place, and reports every problem it finds (all of them, not the
 * first): what CPython would reject for __slots__, and what C could not
 * compile.
 */
#ifndef SLOTGEN_CHECKER_H
#define SLOTGEN_CHECKER_H

#include "model.h"

/**
 * Check @p prog, filling the resolved fields of its model.
 * \param arena  for scratch memory (name tables).
 * \return true when no error was reported.
 */
bool sg_check(struct sg_arena *arena, struct sg_diags *diags, struct sg_program *prog) SG_CHECKRET;

#endif
