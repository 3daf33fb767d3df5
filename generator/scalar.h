/* scalar.h - YAML scalars as booleans and numbers.
 *
 * YAML 1.1 rules, narrowed to what a schema needs: a quoted scalar is
 * always a string; plain ones are read as written.
 */
#ifndef SLOTGEN_SCALAR_H
#define SLOTGEN_SCALAR_H

#include <stdint.h>

#include "yamltree.h"

enum sg_scalar_status {
	SG_SCALAR_OK,
	SG_SCALAR_INVALID, /**< not a number (or not a bool) */
	SG_SCALAR_RANGE,   /**< a number, but too large for 64 bits */
};

/** A plain empty, `~` or `null` scalar. */
bool sg_scalar_is_null(const struct sg_node *n);
/** true/false (and YAML 1.1's yes/no/on/off), in lower, title or upper case. */
bool sg_scalar_bool(const struct sg_node *n, bool *out) SG_CHECKRET;
/** A whole number: decimal, or hexadecimal with 0x, with an optional sign. */
enum sg_scalar_status sg_scalar_int(const struct sg_node *n, int64_t *out) SG_CHECKRET;
/** A whole number without a minus sign. */
enum sg_scalar_status sg_scalar_uint(const struct sg_node *n, uint64_t *out) SG_CHECKRET;
/** A decimal number, or .inf, -.inf, .nan. */
enum sg_scalar_status sg_scalar_double(const struct sg_node *n, double *out) SG_CHECKRET;

#endif
