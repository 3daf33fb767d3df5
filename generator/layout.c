/* layout.c - where the members of a generated struct go. */
#include "layout.h"

#include <string.h>

/* Size and alignment of a value of type @p t (not a class or a union), LP64. */
static void type_shape(enum sg_type t, uint64_t *size, uint64_t *align)
{
	static const uint8_t sizes[SG_TYPE__COUNT] = {
		[SG_TYPE_BOOL] = 1,  [SG_TYPE_INT8] = 1,    [SG_TYPE_INT16] = 2,  [SG_TYPE_INT32] = 4,
		[SG_TYPE_INT64] = 8, [SG_TYPE_UINT8] = 1,   [SG_TYPE_UINT16] = 2, [SG_TYPE_UINT32] = 4,
		[SG_TYPE_UINT64] = 8, [SG_TYPE_FLOAT] = 4,  [SG_TYPE_DOUBLE] = 8, [SG_TYPE_STRING] = 8,
		[SG_TYPE_ENUM] = 4,  [SG_TYPE_BYTES] = 16,
	};
	*size = t < SG_TYPE__COUNT && sizes[t] ? sizes[t] : 1;
	*align = *size > 8 ? 8 : *size;
}

bool sg_is_short_string(const struct sg_slot *s)
{
	return s->type == SG_TYPE_STRING && !s->max_length && !s->array;
}

/* Size and alignment of one value of @p s (one element of an array), LP64. */
static void value_shape(const struct sg_slot *s, uint64_t *size, uint64_t *align)
{
	static const uint8_t sizes[SG_TYPE__COUNT] = {
		[SG_TYPE_BOOL] = 1,  [SG_TYPE_INT8] = 1,    [SG_TYPE_INT16] = 2,  [SG_TYPE_INT32] = 4,
		[SG_TYPE_INT64] = 8, [SG_TYPE_UINT8] = 1,   [SG_TYPE_UINT16] = 2, [SG_TYPE_UINT32] = 4,
		[SG_TYPE_UINT64] = 8, [SG_TYPE_FLOAT] = 4,  [SG_TYPE_DOUBLE] = 8, [SG_TYPE_STRING] = 8,
		[SG_TYPE_ENUM] = 4,
	};
	if (sg_is_short_string(s)) {
		*size = 16; /* slot_str */
		*align = 1;
	} else if (s->type == SG_TYPE_STRING && s->max_length) {
		*size = (uint64_t)s->max_length + 1; /* char[max_length + 1] */
		*align = 1;
	} else if (s->type == SG_TYPE_BYTES || s->type == SG_TYPE_LIST) {
		*size = 16; /* slot_bytes, slot_list: a pointer and two 32-bit counts */
		*align = 8;
	} else if (s->type == SG_TYPE_UNION) {
		/* struct { unsigned char kind; union { ... } as; }: the value after
		 * the kind, at its alignment. */
		uint64_t most = 1, widest = 1;
		for (size_t i = 0; i < s->alt_count; i++) {
			uint64_t sz, al;
			type_shape(s->alts[i].type, &sz, &al);
			most = sz > most ? sz : most;
			widest = al > widest ? al : widest;
		}
		*align = widest;
		*size = (widest + most + widest - 1) / widest * widest;
	} else if (s->type == SG_TYPE_OPTIONAL) {
		*size = *align = 8; /* a pointer to the child */
	} else if (s->type == SG_TYPE_MAP) {
		*size = 24; /* slot_map: entries, two counts, the index */
		*align = 8;
	} else if (s->type == SG_TYPE_CLASS && s->cls) {
		*size = s->cls->layout.size;
		*align = s->cls->layout.align;
	} else if (s->type < SG_TYPE__COUNT && sizes[s->type]) {
		*size = *align = sizes[s->type];
	} else {
		*size = *align = 1; /* a slot the checker refused */
	}
}

static uint64_t add_sat(uint64_t a, uint64_t b)
{
	return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

static uint64_t round_up(uint64_t n, uint64_t align)
{
	return n > UINT64_MAX - align ? UINT64_MAX : (n + align - 1) / align * align;
}

unsigned sg_presence_bits(const struct sg_class *c)
{
	unsigned n = 0;
	for (size_t i = 0; i < c->count; i++)
		n += !c->slots[i].always_set;
	return n;
}

unsigned sg_presence_bytes(const struct sg_class *c)
{
	unsigned bits = sg_presence_bits(c);
	/* A class without members of its own and without a parent still needs
	 * one (C has no empty structs). */
	return bits ? (bits + 7) / 8 : c->count || c->parent ? 0 : 1;
}

/* The members of a class's own part: its slots, and the presence bytes as
 * one more (index c->count). */
static void member_shape(const struct sg_class *c, uint32_t i, uint64_t *size, uint64_t *align)
{
	if (i == c->count) {
		*size = sg_presence_bytes(c);
		*align = 1;
		return;
	}
	const struct sg_slot *s = &c->slots[i];
	value_shape(s, size, align);
	uint64_t n = s->array ? s->array : 1;
	*size = *size > UINT64_MAX / n ? UINT64_MAX : *size * n;
}

/* Members 0..n-1 into @p order by alignment (1, 2, 4 or 8), falling or
 * rising; schema order among equals.  Linear: a pass per alignment. */
static void sort_by_align(const struct sg_class *c, uint32_t *order, uint32_t n, bool rising)
{
	uint32_t k = 0;
	for (int step = 0; step < 4; step++) {
		uint64_t want = rising ? 1u << step : 8u >> step;
		for (uint32_t i = 0; i < n; i++) {
			uint64_t size, align;
			member_shape(c, i, &size, &align);
			if (align == want)
				order[k++] = i;
		}
	}
}

/*
 * Fill the gap a parent leaves before the next boundary of the largest
 * alignment: each time the member that wastes least (then the most
 * aligned); with @p cross, members that run past the boundary count too.
 * @p order is sorted by falling alignment; what is not moved keeps that.
 */
static void fill_gap(const struct sg_class *c, uint32_t *order, uint32_t n, uint64_t largest,
		     bool cross)
{
	uint64_t size, align;
	uint64_t at = c->parent ? c->parent->layout.size : 0;
	uint64_t boundary = round_up(at, largest);
	for (uint32_t k = 0; k < n && at < boundary; k++) {
		uint32_t best = n;
		uint64_t best_waste = UINT64_MAX, best_align = 0;
		for (uint32_t i = k; i < n; i++) {
			member_shape(c, order[i], &size, &align);
			uint64_t start = round_up(at, align);
			if (!size || (!cross && start + size > boundary))
				continue;
			if (start - at < best_waste || (start - at == best_waste && align > best_align)) {
				best = i;
				best_waste = start - at;
				best_align = align;
			}
		}
		if (best == n)
			break;
		uint32_t v = order[best];
		memmove(order + k + 1, order + k, (best - k) * sizeof *order);
		order[k] = v;
		member_shape(c, v, &size, &align);
		at = round_up(at, align) + size;
	}
}

static struct sg_layout lay_out(const struct sg_class *c, const uint32_t *order);

/*
 * Memory order of the members: schema order for `layout: declared`.
 * Otherwise the smallest of a few orders: by falling alignment (no padding
 * between members), by rising alignment (small members fill what a parent
 * leaves), and by falling alignment after filling that gap greedily.
 * Schema order among equals.
 */
static void member_order(const struct sg_class *c, bool declared, uint32_t *order,
			 uint32_t *scratch)
{
	const uint32_t n = (uint32_t)c->count + 1;
	for (uint32_t i = 0; i < n; i++)
		order[i] = i;
	if (declared)
		return;
	uint64_t size, align, largest = 1;
	/* LP64 alignments are 1, 2, 4 and 8, classes' included. */
	for (uint32_t i = 0; i < n; i++) {
		member_shape(c, i, &size, &align);
		if (align > largest)
			largest = align;
	}
	sort_by_align(c, order, n, false);
	uint64_t best = lay_out(c, order).size;
	for (int way = 0; way < 3; way++) {
		sort_by_align(c, scratch, n, way == 0);
		if (way > 0)
			fill_gap(c, scratch, n, largest, way == 2);
		uint64_t s = lay_out(c, scratch).size;
		if (s < best) {
			best = s;
			memcpy(order, scratch, n * sizeof *order);
		}
	}
}

/* Lay out @p c with its members in @p order, after its parent; the whole
 * rounded up to its alignment. */
static struct sg_layout lay_out(const struct sg_class *c, const uint32_t *order)
{
	struct sg_layout l = {0, 1, 0, 0};
	uint64_t sum = 0;
	if (c->parent) {
		l.size = sum = c->parent->layout.size;
		l.align = c->parent->layout.align;
	}
	for (size_t i = 0; i <= c->count; i++) {
		uint64_t size, align;
		member_shape(c, order[i], &size, &align);
		uint64_t at = round_up(l.size, align);
		l.padding += at - l.size;
		l.size = add_sat(at, size);
		sum = add_sat(sum, size);
		if (align > l.align)
			l.align = align;
	}
	uint64_t end = round_up(l.size, l.align);
	l.padding += end - l.size;
	l.size = end;
	l.minimum = round_up(sum, l.align);
	return l;
}

bool sg_lay_out(const struct sg_class *c, bool declared, uint32_t *order, struct sg_layout *out)
{
	/* Room for two orders: the one kept, and the one being tried. */
	uint32_t local[128] = {0};
	uint32_t *o = c->count < 64 ? local : sg_malloc(2 * (c->count + 1) * sizeof *o);
	if (!o)
		return false;
	member_order(c, declared, o, o + c->count + 1);
	*out = lay_out(c, o);
	if (order)
		memcpy(order, o, (c->count + 1) * sizeof *order);
	if (o != local)
		sg_free(o);
	return true;
}
