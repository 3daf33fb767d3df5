/* scalar.c - YAML scalars as booleans and numbers. */
#include "scalar.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static bool plain(const struct sg_node *n)
{
	return n->kind == SG_NODE_SCALAR && !n->quoted && strlen(n->text) == n->len;
}

static bool one_of(const char *s, const char *const *words)
{
	for (; *words; words++)
		if (strcmp(s, *words) == 0)
			return true;
	return false;
}

bool sg_scalar_is_null(const struct sg_node *n)
{
	static const char *const nulls[] = {"", "~", "null", "Null", "NULL", NULL};
	return plain(n) && one_of(n->text, nulls);
}

bool sg_scalar_bool(const struct sg_node *n, bool *out)
{
	static const char *const yes[] = {"true", "True", "TRUE", "yes", "Yes", "YES",
					  "on", "On", "ON", NULL};
	static const char *const no[] = {"false", "False", "FALSE", "no", "No", "NO",
					 "off", "Off", "OFF", NULL};
	if (!plain(n))
		return false;
	if (one_of(n->text, yes))
		*out = true;
	else if (one_of(n->text, no))
		*out = false;
	else
		return false;
	return true;
}

/* Magnitude of an unsigned decimal or 0x number at s; *neg for a '-'. */
static enum sg_scalar_status magnitude(const struct sg_node *n, bool *neg, uint64_t *out)
{
	if (!plain(n))
		return SG_SCALAR_INVALID;
	const char *s = n->text;
	*neg = *s == '-';
	if (*s == '-' || *s == '+')
		s++;
	unsigned base = 10;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	if (!*s)
		return SG_SCALAR_INVALID;
	uint64_t v = 0;
	bool overflow = false;
	for (; *s; s++) {
		unsigned d;
		if (*s >= '0' && *s <= '9')
			d = (unsigned)(*s - '0');
		else if (base == 16 && *s >= 'a' && *s <= 'f')
			d = (unsigned)(*s - 'a' + 10);
		else if (base == 16 && *s >= 'A' && *s <= 'F')
			d = (unsigned)(*s - 'A' + 10);
		else
			return SG_SCALAR_INVALID;
		if (v > (UINT64_MAX - d) / base)
			overflow = true;
		v = v * base + d;
	}
	*out = v;
	return overflow ? SG_SCALAR_RANGE : SG_SCALAR_OK;
}

enum sg_scalar_status sg_scalar_int(const struct sg_node *n, int64_t *out)
{
	bool neg;
	uint64_t m;
	enum sg_scalar_status st = magnitude(n, &neg, &m);
	if (st != SG_SCALAR_OK)
		return st;
	if (neg ? m > (uint64_t)INT64_MAX + 1 : m > (uint64_t)INT64_MAX)
		return SG_SCALAR_RANGE;
	*out = neg ? (int64_t)(0 - m) : (int64_t)m;
	return SG_SCALAR_OK;
}

enum sg_scalar_status sg_scalar_uint(const struct sg_node *n, uint64_t *out)
{
	bool neg;
	uint64_t m;
	enum sg_scalar_status st = magnitude(n, &neg, &m);
	if (st != SG_SCALAR_OK)
		return st;
	if (neg && m)
		return SG_SCALAR_RANGE;
	*out = m;
	return SG_SCALAR_OK;
}

enum sg_scalar_status sg_scalar_double(const struct sg_node *n, double *out)
{
	static const char *const inf[] = {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", NULL};
	static const char *const ninf[] = {"-.inf", "-.Inf", "-.INF", NULL};
	static const char *const nan[] = {".nan", ".NaN", ".NAN", NULL};
	if (!plain(n))
		return SG_SCALAR_INVALID;
	if (one_of(n->text, inf) || one_of(n->text, ninf)) {
		*out = one_of(n->text, ninf) ? -HUGE_VAL : HUGE_VAL;
		return SG_SCALAR_OK;
	}
	if (one_of(n->text, nan)) {
		*out = NAN;
		return SG_SCALAR_OK;
	}
	/* Digits, one sign, a point and an exponent: nothing strtod takes beyond. */
	const char *s = n->text;
	bool digits = false;
	for (const char *p = s; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits = true;
		else if (!strchr("+-.eE", *p))
			return SG_SCALAR_INVALID;
	}
	if (!digits)
		return SG_SCALAR_INVALID;
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (*end)
		return SG_SCALAR_INVALID;
	/* Too large, or so small it would become zero (a denormal is fine). */
	if (errno == ERANGE && (v == HUGE_VAL || v == -HUGE_VAL || v == 0))
		return SG_SCALAR_RANGE;
	*out = v;
	return SG_SCALAR_OK;
}
