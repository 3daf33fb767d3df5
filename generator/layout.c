/* layout.c - where the members of a generated struct go. */
#include "layout.h"

/* Size and alignment of one value of @p s (one element of an array), LP64. */
static void value_shape(const struct sg_slot *s, uint64_t *size, uint64_t *align)
{
	static const uint8_t sizes[SG_TYPE__COUNT] = {
		[SG_TYPE_BOOL] = 1,  [SG_TYPE_INT8] = 1,    [SG_TYPE_INT16] = 2,  [SG_TYPE_INT32] = 4,
		[SG_TYPE_INT64] = 8, [SG_TYPE_UINT8] = 1,   [SG_TYPE_UINT16] = 2, [SG_TYPE_UINT32] = 4,
		[SG_TYPE_UINT64] = 8, [SG_TYPE_FLOAT] = 4,  [SG_TYPE_DOUBLE] = 8, [SG_TYPE_STRING] = 8,
		[SG_TYPE_ENUM] = 4,
	};
	if (s->type == SG_TYPE_CLASS && s->cls) {
		*size = s->cls->size;
		*align = s->cls->align;
	} else if (s->type < SG_TYPE__COUNT && sizes[s->type]) {
		*size = *align = sizes[s->type];
	} else {
		*size = *align = 1; /* a slot the checker refused */
	}
}

/* Memory order of @p c's own slots: by falling alignment, schema order
 * among equals, which leaves no padding between them; or schema order. */
static void member_order(const struct sg_class *c, bool declared, uint32_t *order)
{
	for (uint32_t i = 0; i < c->count; i++)
		order[i] = i;
	if (declared)
		return;
	uint64_t size, align, other;
	for (uint32_t i = 1; i < c->count; i++) {
		uint32_t v = order[i], j = i;
		value_shape(&c->slots[v], &size, &align);
		while (j > 0) {
			value_shape(&c->slots[order[j - 1]], &size, &other);
			if (other >= align)
				break;
			order[j] = order[j - 1];
			j--;
		}
		order[j] = v;
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

/* Lay out @p c with its own slots in @p order: the parent first, then the
 * slots, then the presence bytes; the whole rounded up to its alignment. */
static struct sg_layout lay_out(const struct sg_class *c, const uint32_t *order)
{
	struct sg_layout l = {0, 1, 0, 0};
	uint64_t sum = 0;
	if (c->parent) {
		l.size = sum = c->parent->size;
		l.align = c->parent->align;
	}
	for (size_t i = 0; i < c->count; i++) {
		const struct sg_slot *s = &c->slots[order[i]];
		uint64_t size, align;
		value_shape(s, &size, &align);
		uint64_t n = s->array ? s->array : 1;
		size = size > UINT64_MAX / n ? UINT64_MAX : size * n;
		uint64_t at = round_up(l.size, align);
		l.padding += at - l.size;
		l.size = add_sat(at, size);
		sum = add_sat(sum, size);
		if (align > l.align)
			l.align = align;
	}
	uint64_t bits = c->count ? (c->count + 7) / 8 : c->parent ? 0 : 1;
	l.size = add_sat(l.size, bits);
	sum = add_sat(sum, bits);
	uint64_t end = round_up(l.size, l.align);
	l.padding += end - l.size;
	l.size = end;
	l.minimum = round_up(sum, l.align);
	return l;
}

bool sg_lay_out(const struct sg_class *c, bool declared, uint32_t *order, struct sg_layout *out)
{
	uint32_t local[64] = {0};
	uint32_t *o = order ? order : c->count <= 64 ? local : sg_malloc(c->count * sizeof *o);
	if (!o)
		return false;
	member_order(c, declared, o);
	*out = lay_out(c, o);
	if (o != order && o != local)
		sg_free(o);
	return true;
}
