/*
 * The slotgen runtime: the types of the name tables and the functions
 * that reach a slot by its name.  Every header slotgen writes carries
 * this same section, guarded, so that any number of generated modules
 * share one definition and need nothing but libc.
 */
#ifndef SLOTGEN_RUNTIME_H
#define SLOTGEN_RUNTIME_H {{format}}

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Status codes; each names the Python exception it stands for. */
enum {
	SLOT_OK = 0,
	SLOT_ENOATTR = 1,   /**< no such slot, or it is unset: AttributeError */
	SLOT_EREADONLY = 2, /**< the slot is readonly: FrozenInstanceError */
	SLOT_ETYPE = 3,     /**< a value of the wrong type: TypeError */
	SLOT_ERANGE = 4,    /**< a number out of the slot's range: OverflowError */
	SLOT_ENOMEM = 5,    /**< an allocation failed: MemoryError */
	SLOT_ESYNTAX = 6    /**< data that is not a valid object (loaders): ValueError */
};

/** What a slot holds (for an array: what each element holds). */
typedef enum slot_type {
	SLOT_BOOL,
	SLOT_INT8,
	SLOT_INT16,
	SLOT_INT32,
	SLOT_INT64,
	SLOT_UINT8,
	SLOT_UINT16,
	SLOT_UINT32,
	SLOT_UINT64,
	SLOT_FLOAT,
	SLOT_DOUBLE,
	SLOT_STRING, /**< char *, owned by the object; or char[size] (SLOT_INLINE) */
	SLOT_ENUM,   /**< an int-sized C enum */
	SLOT_OBJECT  /**< another class, held by value */
} slot_type;

/** Flags of a slot_field. */
enum {
	SLOT_READONLY = 1u, /**< given to init, never assigned afterwards */
	SLOT_ARRAY = 2u,    /**< a fixed array of count elements */
	SLOT_DEFAULT = 4u,  /**< init gives it a default value */
	SLOT_INLINE = 8u,   /**< a string kept in the object: char[size], size - 1 bytes at most */
	SLOT_ALWAYS_SET = 16u /**< no presence bit (mask 0) and no clear: always holds a value */
};

typedef struct slot_field slot_field;

/* Declares the runtime's rare paths: static functions that compilers keep
 * out of line, so that the common paths stay small where they are inlined. */
#if defined(__GNUC__) || defined(__clang__)
#define SLOT_COLD static __attribute__((noinline, cold, unused))
#else
#define SLOT_COLD static inline
#endif

/*
 * The name lookups of a class and of an enum, generated for each: a
 * perfect hash that reads the name's length and the bytes at a few
 * positions chosen for that set of names (as gperf does) gives the one
 * entry the name can be at; one string comparison says whether it is.
 */
typedef const slot_field *(*slot_lookup_fn)(const char *name, size_t len);
typedef int (*slot_enum_lookup_fn)(const char *name, size_t len);

/** An enum: its name and the names of its values, in order. */
typedef struct slot_enum {
	const char *name;
	size_t count;
	const char *const *names;
	slot_enum_lookup_fn lookup; /**< a value's name and length to the value, or -1 */
} slot_enum;

typedef struct slot_class slot_class;

/** One slot of a class, as the name table describes it. */
struct slot_field {
	const char *name;
	slot_type type;
	unsigned flags;
	size_t offset;            /**< of the value, from the start of the object */
	size_t size;              /**< of one element */
	size_t count;             /**< elements: 1, or the array's length */
	size_t bits;              /**< offset of the byte holding the presence bit */
	unsigned char mask;       /**< the presence bit in that byte; 0 for none (SLOT_ALWAYS_SET) */
	const char *doc;          /**< the schema's doc, or NULL */
	const slot_enum *enum_type;   /**< for SLOT_ENUM */
	const slot_class *class_type; /**< for SLOT_OBJECT */
};

/** A class: its slots, inherited ones first, in schema order. */
struct slot_class {
	const char *name;
	const slot_class *parent; /**< NULL for a class that extends none */
	size_t size;              /**< sizeof the C struct */
	size_t count;
	const slot_field *fields;
	slot_lookup_fn lookup;    /**< a slot's name and length to its field, or NULL */
	/** Initialise raw storage: defaults applied, every other slot unset,
	 * readonly ones too (what loaders fill).  SLOT_OK or SLOT_ENOMEM. */
	int (*defaults)(void *obj);
};

/** An entry of a class's generated name table: the slot whose name lands
 * there and that name's length; NULL and 0 where none does. */
typedef struct slot_entry {
	const slot_field *field;
	size_t len;
} slot_entry;

/** A value passed by name: its type says which member of `as` is meant. */
typedef struct slot_value {
	slot_type type;
	size_t count; /**< 1, or the length of the array `as.p` points to */
	const slot_enum *enum_type;
	const slot_class *class_type;
	union {
		bool b;
		int64_t i;    /**< signed integers and enums */
		uint64_t u;   /**< unsigned integers */
		double d;     /**< float and double */
		const char *s;
		const void *p; /**< objects and arrays: borrowed */
	} as;
	/** Arrays: the bytes of one element of `as.p`, as slot_get gives it;
	 * 0 for the natural size of the type (char * for strings). */
	size_t size;
} slot_value;

static inline uint64_t slot_load64(const char *p)
{
	uint64_t v;
	memcpy(&v, p, sizeof v);
	return v;
}

static inline uint32_t slot_load32(const char *p)
{
	uint32_t v;
	memcpy(&v, p, sizeof v);
	return v;
}

static inline uint16_t slot_load16(const char *p)
{
	uint16_t v;
	memcpy(&v, p, sizeof v);
	return v;
}

/*
 * The 2, 4 or 8 bytes at @p p as a little-endian number, on any machine:
 * what the generated hashes read, as slotgen computed them.  One load
 * where the compiler says the machine is little-endian; elsewhere the
 * bytes one by one, which compilers merge into a load and a swap.
 */
#if defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__) && \
	__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
static inline uint32_t slot_le16(const char *p)
{
	return slot_load16(p);
}

static inline uint32_t slot_le32(const char *p)
{
	return slot_load32(p);
}

static inline uint64_t slot_le64(const char *p)
{
	return slot_load64(p);
}
#else
static inline uint32_t slot_le16(const char *p)
{
	const unsigned char *b = (const unsigned char *)p;
	return (uint32_t)b[0] | (uint32_t)b[1] << 8;
}

static inline uint32_t slot_le32(const char *p)
{
	const unsigned char *b = (const unsigned char *)p;
	return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

static inline uint64_t slot_le64(const char *p)
{
	return (uint64_t)slot_le32(p) | (uint64_t)slot_le32(p + 4) << 32;
}
#endif

/*
 * Whether the names @p a and @p b, both @p n bytes long, are the same: the
 * generated lookups' one comparison, made with word loads that never reach
 * past either name (the first and the last word overlap when they must).
 */
static inline bool slot_same_name(const char *a, const char *b, size_t n)
{
	if (n >= 8) {
		for (size_t i = 0; i + 8 < n; i += 8)
			if (slot_load64(a + i) != slot_load64(b + i))
				return false;
		return slot_load64(a + n - 8) == slot_load64(b + n - 8);
	}
	if (n >= 4)
		return ((slot_load32(a) ^ slot_load32(b)) |
			(slot_load32(a + n - 4) ^ slot_load32(b + n - 4))) == 0;
	if (n >= 2)
		return slot_load16(a) == slot_load16(b) &&
		       slot_load16(a + n - 2) == slot_load16(b + n - 2);
	return n == 0 || *a == *b;
}

/* Declares the functions the generated lookups jump to last: kept out of
 * line, so that a lookup keeps no registers for their calls. */
#if defined(__GNUC__) || defined(__clang__)
#define SLOT_NOINLINE static __attribute__((noinline, unused))
#else
#define SLOT_NOINLINE static
#endif

/** @p f if its name is the @p len bytes at @p name, else NULL, by memcmp. */
SLOT_NOINLINE const slot_field *slot_field_memcmp(const char *name, const char *field_name,
						  size_t len, const slot_field *f)
{
	return memcmp(name, field_name, len) == 0 ? f : NULL;
}

/**
 * The generated lookups' last step: @p f if its name is the @p len bytes
 * at @p name, else NULL.  Names of up to 16 bytes are compared here with
 * word loads; longer ones by the C library's memcmp, which takes 16 or 32
 * bytes a step, in slot_field_memcmp: a lookup calls it last, so it jumps
 * there and keeps no registers for it on its other paths.
 */
static inline const slot_field *slot_field_named(const slot_field *f, const char *name, size_t len)
{
	if (len > 16)
		return slot_field_memcmp(name, f->name, len, f);
	return slot_same_name(f->name, name, len) ? f : NULL;
}

/** slot_field_named for a table whose names are all over 16 bytes long. */
static inline const slot_field *slot_field_named_long(const slot_field *f, const char *name,
						      size_t len)
{
	return slot_field_memcmp(name, f->name, len, f);
}

/**
 * slot_field_named for a lookup that any name of the right length reaches
 * (one whose names' lengths alone tell them apart): a long name's first 8
 * bytes, compared inline, turn most misses away before memcmp.
 */
static inline const slot_field *slot_field_named_first(const slot_field *f, const char *name,
						       size_t len)
{
	if (len > 16 && slot_load64(f->name) != slot_load64(name))
		return NULL;
	return slot_field_named(f, name, len);
}

/** @p v if its name is the @p len bytes at @p name, else -1, by memcmp. */
SLOT_NOINLINE int slot_value_memcmp(const char *name, const char *value_name, size_t len, int v)
{
	return memcmp(name, value_name, len) == 0 ? v : -1;
}

/** slot_field_named for enums: value @p v, named @p names[v], or -1; a
 * long name's first 8 bytes are compared before memcmp. */
static inline int slot_value_named(const char *const *names, int v, const char *name, size_t len)
{
	if (len > 16) {
		if (slot_load64(names[v]) != slot_load64(name))
			return -1;
		return slot_value_memcmp(name, names[v], len, v);
	}
	return slot_same_name(names[v], name, len) ? v : -1;
}

/** The slot named @p name, or NULL: one hash and at most one comparison. */
static inline const slot_field *slot_lookup(const slot_class *cls, const char *name)
{
	return cls->lookup(name, strlen(name));
}

/**
 * The slot named by the @p len bytes at @p name (no NUL needed), or NULL:
 * slot_lookup for a caller that knows the length, as a Python str does.
 */
static inline const slot_field *slot_lookupn(const slot_class *cls, const char *name,
					     size_t len)
{
	return cls->lookup(name, len);
}

/** The value of @p e named @p name, or -1. */
static inline int slot_enum_value(const slot_enum *e, const char *name)
{
	return e->lookup(name, strlen(name));
}

/** The value of @p e named by the @p len bytes at @p name, or -1. */
static inline int slot_enum_valuen(const slot_enum *e, const char *name, size_t len)
{
	return e->lookup(name, len);
}

/** The name of value @p v of @p e, or NULL when it has none. */
static inline const char *slot_enum_name(const slot_enum *e, int v)
{
	return v >= 0 && (size_t)v < e->count ? e->names[v] : NULL;
}

/** Iterate: the slot after @p f (the first for NULL), or NULL at the end. */
static inline const slot_field *slot_next(const slot_class *cls, const slot_field *f)
{
	size_t i = f ? (size_t)(f - cls->fields) + 1 : 0;
	return i < cls->count ? &cls->fields[i] : NULL;
}

/** Whether slot @p f of @p obj is set (always, for a slot without a bit). */
static inline bool slot_is_set(const void *obj, const slot_field *f)
{
	return (((const unsigned char *)obj)[f->bits] & f->mask) != 0 || !f->mask;
}

static inline void slot_mark(void *obj, const slot_field *f, bool set)
{
	unsigned char *b = (unsigned char *)obj + f->bits;
	*b = set ? (unsigned char)(*b | f->mask) : (unsigned char)(*b & ~f->mask);
}

/** Python's hasattr(): false for an unknown name and for an unset slot. */
static inline bool slot_has(const void *obj, const slot_class *cls, const char *name)
{
	const slot_field *f = slot_lookup(cls, name);
	return f && slot_is_set(obj, f);
}

/** A malloc'd copy of @p s, or NULL. */
static inline char *slot_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = (char *)malloc(n);
	return p ? (char *)memcpy(p, s, n) : NULL;
}

/**
 * Replace the owned string at @p dst by a copy of @p v; @p dst is kept on
 * failure.  SLOT_ETYPE for a NULL @p v (clear the slot instead).
 */
static inline int slot_string_assign(char **dst, const char *v)
{
	if (!v)
		return SLOT_ETYPE;
	char *copy = slot_strdup(v);
	if (!copy)
		return SLOT_ENOMEM;
	free(*dst);
	*dst = copy;
	return SLOT_OK;
}

/**
 * Copy @p v into the @p size bytes at @p dst (a string kept in the object),
 * the rest zeroed; @p dst is kept on failure.  SLOT_ETYPE for a NULL @p v,
 * SLOT_ERANGE for a string of @p size bytes or more.
 */
static inline int slot_string_put(char *dst, size_t size, const char *v)
{
	if (!v)
		return SLOT_ETYPE;
	size_t n = strlen(v);
	if (n >= size)
		return SLOT_ERANGE;
	memcpy(dst, v, n);
	memset(dst + n, 0, size - n);
	return SLOT_OK;
}

/* Whether elements of @p f are malloc'd strings the object owns. */
static inline bool slot_owns_strings(const slot_field *f)
{
	return f->type == SLOT_STRING && !(f->flags & SLOT_INLINE);
}

/* The string element of @p f at @p at, or NULL for none. */
static inline const char *slot_string_at(const slot_field *f, const void *at)
{
	return f->flags & SLOT_INLINE ? (const char *)at : *(const char *const *)at;
}

/** Free what the object at @p obj owns and leave every slot unset. */
static inline void slot_object_fini(void *obj, const slot_class *cls)
{
	for (size_t i = 0; i < cls->count; i++) {
		const slot_field *f = &cls->fields[i];
		char *v = (char *)obj + f->offset;
		for (size_t k = 0; k < f->count; k++) {
			if (slot_owns_strings(f))
				free(((char **)(void *)v)[k]);
			else if (f->type == SLOT_OBJECT)
				slot_object_fini(v + k * f->size, f->class_type);
		}
	}
	memset(obj, 0, cls->size);
}

/* Forget the owned pointers of a shallow copy, so that nothing is freed twice. */
static inline void slot_object_detach(void *obj, const slot_class *cls)
{
	for (size_t i = 0; i < cls->count; i++) {
		const slot_field *f = &cls->fields[i];
		char *v = (char *)obj + f->offset;
		for (size_t k = 0; k < f->count; k++) {
			if (slot_owns_strings(f))
				((char **)(void *)v)[k] = NULL;
			else if (f->type == SLOT_OBJECT)
				slot_object_detach(v + k * f->size, f->class_type);
		}
	}
}

static inline int slot_object_fill(void *dst, const void *src, const slot_class *cls)
{
	for (size_t i = 0; i < cls->count; i++) {
		const slot_field *f = &cls->fields[i];
		char *d = (char *)dst + f->offset;
		const char *s = (const char *)src + f->offset;
		for (size_t k = 0; k < f->count; k++) {
			if (slot_owns_strings(f)) {
				const char *from = ((const char *const *)(const void *)s)[k];
				if (from && !(((char **)(void *)d)[k] = slot_strdup(from)))
					return SLOT_ENOMEM;
			} else if (f->type == SLOT_OBJECT) {
				int rc = slot_object_fill(d + k * f->size, s + k * f->size, f->class_type);
				if (rc != SLOT_OK)
					return rc;
			}
		}
	}
	return SLOT_OK;
}

/**
 * Deep copy: @p dst (raw storage, not initialised) becomes an equal object
 * with strings of its own.  On failure @p dst is left with every slot unset
 * and owns nothing.
 */
static inline int slot_object_copy(void *dst, const void *src, const slot_class *cls)
{
	memcpy(dst, src, cls->size);
	slot_object_detach(dst, cls);
	int rc = slot_object_fill(dst, src, cls);
	if (rc != SLOT_OK)
		slot_object_fini(dst, cls);
	return rc;
}

static inline bool slot_is_signed(slot_type t)
{
	return t >= SLOT_INT8 && t <= SLOT_INT64;
}

static inline bool slot_is_unsigned(slot_type t)
{
	return t >= SLOT_UINT8 && t <= SLOT_UINT64;
}

/* A signed integer of @p size bytes (an enum is an int).  A tree of
 * tests, which compilers keep as branches the processor predicts; a chain
 * of equalities or a switch would become a jump through a table. */
static inline int64_t slot_load_signed(const char *v, size_t size)
{
	if (size >= 4)
		return size == 4 ? *(const int32_t *)(const void *)v : *(const int64_t *)(const void *)v;
	return size == 2 ? *(const int16_t *)(const void *)v : *(const int8_t *)(const void *)v;
}

static inline uint64_t slot_load_unsigned(const char *v, size_t size)
{
	if (size >= 4)
		return size == 4 ? *(const uint32_t *)(const void *)v : *(const uint64_t *)(const void *)v;
	return size == 2 ? *(const uint16_t *)(const void *)v : *(const uint8_t *)(const void *)v;
}

/* Sets of types, as bits: testing one is a single branch. */
#define SLOT_TYPE_BIT(t) (1u << (t))
#define SLOT_SIGNED_OR_ENUM                                                          \
	(SLOT_TYPE_BIT(SLOT_INT8) | SLOT_TYPE_BIT(SLOT_INT16) | SLOT_TYPE_BIT(SLOT_INT32) | \
	 SLOT_TYPE_BIT(SLOT_INT64) | SLOT_TYPE_BIT(SLOT_ENUM))
#define SLOT_UNSIGNED                                                                    \
	(SLOT_TYPE_BIT(SLOT_UINT8) | SLOT_TYPE_BIT(SLOT_UINT16) | SLOT_TYPE_BIT(SLOT_UINT32) | \
	 SLOT_TYPE_BIT(SLOT_UINT64))

/**
 * The value of slot @p f of @p obj, borrowed, as a member descriptor's
 * __get__ gives it; SLOT_ENOATTR when it is unset or @p f is NULL (so that
 * it takes a lookup's result as it comes).
 */
static inline int slot_get_field(const void *obj, const slot_field *f, slot_value *out)
{
	if (!f || !slot_is_set(obj, f))
		return SLOT_ENOATTR;
	const char *v = (const char *)obj + f->offset;
	slot_type t = f->type;
	out->type = t;
	out->count = f->count;
	out->size = f->size;
	out->enum_type = f->enum_type;
	out->class_type = f->class_type;
	if (f->flags & SLOT_ARRAY || t == SLOT_OBJECT)
		out->as.p = v;
	else if (SLOT_TYPE_BIT(t) & SLOT_SIGNED_OR_ENUM)
		out->as.i = slot_load_signed(v, f->size);
	else if (SLOT_TYPE_BIT(t) & SLOT_UNSIGNED)
		out->as.u = slot_load_unsigned(v, f->size);
	else if (t == SLOT_DOUBLE)
		out->as.d = *(const double *)(const void *)v;
	else if (t == SLOT_STRING)
		out->as.s = slot_string_at(f, v);
	else if (t == SLOT_FLOAT)
		out->as.d = *(const float *)(const void *)v;
	else
		out->as.b = *(const bool *)(const void *)v;
	return SLOT_OK;
}

/** Python's getattr(): the value of a set slot, borrowed from @p obj. */
static inline int slot_get(const void *obj, const slot_class *cls, const char *name,
			   slot_value *out)
{
	return slot_get_field(obj, slot_lookup(cls, name), out);
}

/* Convert an integer value to the slot's integer type, range-checked. */
static inline int slot_int_store(void *dst, slot_type type, const slot_value *v)
{
	static const int64_t min[] = {0, INT8_MIN, INT16_MIN, INT32_MIN, INT64_MIN, 0, 0, 0, 0};
	static const uint64_t max[] = {0, INT8_MAX, INT16_MAX, INT32_MAX, INT64_MAX,
				       UINT8_MAX, UINT16_MAX, UINT32_MAX, UINT64_MAX};
	int64_t i;
	uint64_t u;
	if (slot_is_signed(v->type)) {
		i = v->as.i;
		u = (uint64_t)i;
		if (i < 0 ? i < min[type] : u > max[type])
			return SLOT_ERANGE;
	} else {
		u = v->as.u;
		i = (int64_t)u; /* used only when u fits a signed type */
		if (u > max[type])
			return SLOT_ERANGE;
	}
	/* In range.  A tree of tests (see slot_load_signed). */
	if (type <= SLOT_INT64) {
		if (type >= SLOT_INT32) {
			if (type == SLOT_INT32)
				*(int32_t *)dst = (int32_t)i;
			else
				*(int64_t *)dst = i;
		} else if (type == SLOT_INT16) {
			*(int16_t *)dst = (int16_t)i;
		} else {
			*(int8_t *)dst = (int8_t)i;
		}
	} else if (type >= SLOT_UINT32) {
		if (type == SLOT_UINT32)
			*(uint32_t *)dst = (uint32_t)u;
		else
			*(uint64_t *)dst = u;
	} else if (type == SLOT_UINT16) {
		*(uint16_t *)dst = (uint16_t)u;
	} else {
		*(uint8_t *)dst = (uint8_t)u;
	}
	return SLOT_OK;
}

/* Store @p v into a bool or number (not an array) at @p dst, of @p type. */
static inline int slot_store_number(void *dst, slot_type type, const slot_value *v)
{
	bool integer = slot_is_signed(v->type) || slot_is_unsigned(v->type);
	if (slot_is_signed(type) || slot_is_unsigned(type))
		return integer ? slot_int_store(dst, type, v) : SLOT_ETYPE;
	if (type == SLOT_BOOL) {
		if (v->type != SLOT_BOOL)
			return SLOT_ETYPE;
		*(bool *)dst = v->as.b;
		return SLOT_OK;
	}
	double d;
	if (v->type == SLOT_FLOAT || v->type == SLOT_DOUBLE)
		d = v->as.d;
	else if (integer)
		d = slot_is_signed(v->type) ? (double)v->as.i : (double)v->as.u;
	else
		return SLOT_ETYPE;
	if (type == SLOT_DOUBLE)
		*(double *)dst = d;
	else
		*(float *)dst = (float)d;
	return SLOT_OK;
}

/* Whether slot_store_number stores values of @p f (a bool or a number). */
static inline bool slot_is_number(const slot_field *f)
{
	return !(f->flags & SLOT_ARRAY) && f->type < SLOT_STRING;
}

/* Store a single (non-array) value into the element at @p dst. */
static inline int slot_store(void *dst, const slot_field *f, const slot_value *v)
{
	switch (f->type) {
	case SLOT_STRING:
		if (v->type != SLOT_STRING || !v->as.s)
			return SLOT_ETYPE;
		if (f->flags & SLOT_INLINE)
			return slot_string_put((char *)dst, f->size, v->as.s);
		return slot_string_assign((char **)dst, v->as.s);
	case SLOT_ENUM: {
		int64_t e;
		if (v->type == SLOT_ENUM && v->enum_type == f->enum_type)
			e = v->as.i;
		else if (slot_is_signed(v->type))
			e = v->as.i;
		else if (slot_is_unsigned(v->type))
			e = v->as.u > (uint64_t)INT64_MAX ? -1 : (int64_t)v->as.u;
		else
			return SLOT_ETYPE;
		if (e < 0 || (uint64_t)e >= f->enum_type->count)
			return SLOT_ERANGE;
		*(int *)dst = (int)e;
		return SLOT_OK;
	}
	case SLOT_OBJECT:
		return SLOT_ETYPE;
	default:
		return slot_store_number(dst, f->type, v);
	}
}

/*
 * Assign a whole array or object: build the new value aside, then swap it
 * in, so that a failure leaves the slot as it was.
 */
static inline int slot_store_whole(void *obj, const slot_field *f, const slot_value *v)
{
	/* Strings kept in the object come as char[size] elements, size given. */
	size_t want = f->flags & SLOT_INLINE ? f->size : 0;
	if (v->type != f->type || v->count != f->count || !v->as.p ||
	    (v->size != want && v->size != f->size) ||
	    (f->type == SLOT_OBJECT && v->class_type != f->class_type) ||
	    (f->type == SLOT_ENUM && v->enum_type != f->enum_type))
		return SLOT_ETYPE;
	size_t n = f->size * f->count;
	void *tmp = malloc(n);
	if (!tmp)
		return SLOT_ENOMEM;
	int rc = SLOT_OK;
	memcpy(tmp, v->as.p, n);
	for (size_t k = 0; k < f->count && rc == SLOT_OK; k++) {
		char *t = (char *)tmp + k * f->size;
		const char *s = (const char *)v->as.p + k * f->size;
		if (f->flags & SLOT_INLINE) {
			char *end = (char *)memchr(t, 0, f->size);
			if (end)
				memset(end, 0, f->size - (size_t)(end - t));
			else
				rc = SLOT_ERANGE; /* too long for the slot */
		} else if (f->type == SLOT_STRING) {
			const char *from = *(const char *const *)(const void *)s;
			*(char **)(void *)t = NULL;
			if (from && !(*(char **)(void *)t = slot_strdup(from)))
				rc = SLOT_ENOMEM;
		} else if (f->type == SLOT_OBJECT) {
			rc = slot_object_copy(t, s, f->class_type);
		}
		if (rc != SLOT_OK) {
			for (size_t j = k + 1; j < f->count; j++) {
				char *rest = (char *)tmp + j * f->size;
				if (slot_owns_strings(f))
					*(char **)(void *)rest = NULL;
				else
					memset(rest, 0, f->size);
			}
		}
	}
	char *dst = (char *)obj + f->offset;
	/* On failure, tmp holds the copies made so far: free them; else free the old value. */
	void *drop = rc == SLOT_OK ? (void *)dst : tmp;
	if (slot_is_set(obj, f) || rc != SLOT_OK) {
		for (size_t k = 0; k < f->count; k++) {
			char *e = (char *)drop + k * f->size;
			if (slot_owns_strings(f))
				free(*(char **)(void *)e);
			else if (f->type == SLOT_OBJECT)
				slot_object_fini(e, f->class_type);
		}
	}
	if (rc == SLOT_OK) {
		memcpy(dst, tmp, n);
		slot_mark(obj, f, true);
	}
	free(tmp);
	return rc;
}

/* slot_set of anything but a bool or a number. */
SLOT_COLD int slot_set_other(void *obj, const slot_field *f, const slot_value *v)
{
	if (f->flags & SLOT_READONLY)
		return SLOT_EREADONLY;
	if (f->flags & SLOT_ARRAY || f->type == SLOT_OBJECT)
		return slot_store_whole(obj, f, v);
	if (v->count != 1)
		return SLOT_ETYPE;
	int rc = slot_store((char *)obj + f->offset, f, v);
	if (rc == SLOT_OK)
		slot_mark(obj, f, true);
	return rc;
}

/** Assign a copy of @p v to slot @p f of @p obj (SLOT_ENOATTR for NULL). */
static inline int slot_set_field(void *obj, const slot_field *f, const slot_value *v)
{
	if (!f)
		return SLOT_ENOATTR;
	if (!slot_is_number(f) || f->flags & SLOT_READONLY || v->count != 1)
		return slot_set_other(obj, f, v);
	int rc = slot_store_number((char *)obj + f->offset, f->type, v);
	if (rc == SLOT_OK)
		slot_mark(obj, f, true);
	return rc;
}

/** Python's setattr(): assign a copy of @p v to the slot named @p name. */
static inline int slot_set(void *obj, const slot_class *cls, const char *name,
			   const slot_value *v)
{
	return slot_set_field(obj, slot_lookup(cls, name), v);
}

/** Unset slot @p f of @p obj, freeing what it owned (SLOT_ENOATTR for NULL). */
static inline int slot_clear_field(void *obj, const slot_field *f)
{
	if (!f || !slot_is_set(obj, f))
		return SLOT_ENOATTR;
	if (f->flags & (SLOT_READONLY | SLOT_ALWAYS_SET))
		return SLOT_EREADONLY;
	char *v = (char *)obj + f->offset;
	for (size_t k = 0; k < f->count; k++) {
		if (slot_owns_strings(f))
			free(((char **)(void *)v)[k]);
		else if (f->type == SLOT_OBJECT)
			slot_object_fini(v + k * f->size, f->class_type);
	}
	memset(v, 0, f->size * f->count);
	slot_mark(obj, f, false);
	return SLOT_OK;
}

/** Python's delattr(): unset the slot named @p name, freeing what it owned. */
static inline int slot_clear(void *obj, const slot_class *cls, const char *name)
{
	return slot_clear_field(obj, slot_lookup(cls, name));
}

/** The slot after @p f (the first for NULL) that is set in @p obj, or NULL. */
static inline const slot_field *slot_next_set(const void *obj, const slot_class *cls,
					      const slot_field *f)
{
	while ((f = slot_next(cls, f)) != NULL && !slot_is_set(obj, f))
		;
	return f;
}

/**
 * Python's getattr(obj, name, default): the slot's value, or @p dflt when
 * the name is unknown or the slot unset.  Always SLOT_OK.
 */
static inline int slot_get_or(const void *obj, const slot_class *cls, const char *name,
			      const slot_value *dflt, slot_value *out)
{
	if (slot_get(obj, cls, name, out) != SLOT_OK)
		*out = *dflt;
	return SLOT_OK;
}

/* ---- repr ----------------------------------------------------------------- */

/* A bounded output that counts what it could not hold, as snprintf does. */
typedef struct slot_out {
	char *buf;
	size_t size, len;
} slot_out;

static inline void slot_out_put(slot_out *o, const char *s, size_t n)
{
	if (o->len < o->size) {
		size_t room = o->size - o->len;
		memcpy(o->buf + o->len, s, n < room ? n : room);
	}
	o->len += n;
}

static inline void slot_out_str(slot_out *o, const char *s)
{
	slot_out_put(o, s, strlen(s));
}

/* A string as Python's repr() writes it. */
static inline void slot_repr_string(slot_out *o, const char *s)
{
	const char quote = strchr(s, '\'') && !strchr(s, '"') ? '"' : '\'';
	slot_out_put(o, &quote, 1);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		char esc[5] = {'\\', 0, 0, 0, 0};
		if (c == '\\' || c == (unsigned char)quote)
			esc[1] = (char)c;
		else if (c == '\n')
			esc[1] = 'n';
		else if (c == '\r')
			esc[1] = 'r';
		else if (c == '\t')
			esc[1] = 't';
		else if (c < 0x20 || c == 0x7f)
			snprintf(esc + 1, sizeof esc - 1, "x%02x", c);
		if (esc[1])
			slot_out_str(o, esc);
		else
			slot_out_put(o, s, 1);
	}
	slot_out_put(o, &quote, 1);
}

/*
 * A float as Python's repr() writes it: the shortest digits that read back
 * to the same value, fixed notation from 1e-4 up to 1e16, else exponent.
 */
static inline void slot_repr_double(slot_out *o, double d, bool single)
{
	char tmp[40], out[48];
	if (d != d) {
		slot_out_str(o, "nan");
		return;
	}
	if (d > 1.7976931348623157e308 || d < -1.7976931348623157e308) {
		slot_out_str(o, d > 0 ? "inf" : "-inf");
		return;
	}
	int p;
	for (p = 0; p < 17; p++) {
		snprintf(tmp, sizeof tmp, "%.*e", p, d);
		double back = strtod(tmp, NULL);
		if (single ? (float)back == (float)d : back == d)
			break;
	}
	/* tmp is [-]D[.DDD]e[+-]XX: split it into sign, digits and exponent. */
	const char *m = tmp;
	size_t n = 0;
	char digits[24];
	bool neg = *m == '-';
	if (neg)
		m++;
	for (; *m && *m != 'e'; m++)
		if (*m != '.')
			digits[n++] = *m;
	digits[n] = '\0';
	int exp = atoi(m + 1);
	size_t k = 0;
	if (neg)
		out[k++] = '-';
	if (exp >= -4 && exp < 16) {
		if (exp < 0) {
			out[k++] = '0';
			out[k++] = '.';
			for (int z = -1; z > exp; z--)
				out[k++] = '0';
			for (size_t i = 0; i < n; i++)
				out[k++] = digits[i];
		} else {
			for (int i = 0; i <= exp; i++)
				out[k++] = (size_t)i < n ? digits[i] : '0';
			out[k++] = '.';
			if ((size_t)exp + 1 < n)
				for (size_t i = (size_t)exp + 1; i < n; i++)
					out[k++] = digits[i];
			else
				out[k++] = '0';
		}
		out[k] = '\0';
	} else {
		out[k++] = digits[0];
		if (n > 1) {
			out[k++] = '.';
			for (size_t i = 1; i < n; i++)
				out[k++] = digits[i];
		}
		snprintf(out + k, sizeof out - k, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
	}
	slot_out_str(o, out);
}

static inline void slot_repr_object(slot_out *o, const void *obj, const slot_class *cls);

/* One value (an array's element, or a single slot) at @p v. */
static inline void slot_repr_value(slot_out *o, const slot_field *f, const char *v)
{
	char num[32];
	switch (f->type) {
	case SLOT_BOOL: slot_out_str(o, *(const bool *)(const void *)v ? "True" : "False"); return;
	case SLOT_INT8: snprintf(num, sizeof num, "%d", *(const int8_t *)(const void *)v); break;
	case SLOT_INT16: snprintf(num, sizeof num, "%d", *(const int16_t *)(const void *)v); break;
	case SLOT_INT32: snprintf(num, sizeof num, "%ld", (long)*(const int32_t *)(const void *)v); break;
	case SLOT_INT64: snprintf(num, sizeof num, "%lld", (long long)*(const int64_t *)(const void *)v); break;
	case SLOT_UINT8: snprintf(num, sizeof num, "%u", *(const uint8_t *)(const void *)v); break;
	case SLOT_UINT16: snprintf(num, sizeof num, "%u", *(const uint16_t *)(const void *)v); break;
	case SLOT_UINT32: snprintf(num, sizeof num, "%lu", (unsigned long)*(const uint32_t *)(const void *)v); break;
	case SLOT_UINT64: snprintf(num, sizeof num, "%llu", (unsigned long long)*(const uint64_t *)(const void *)v); break;
	case SLOT_FLOAT: slot_repr_double(o, *(const float *)(const void *)v, true); return;
	case SLOT_DOUBLE: slot_repr_double(o, *(const double *)(const void *)v, false); return;
	case SLOT_STRING: {
		const char *s = slot_string_at(f, v);
		if (s)
			slot_repr_string(o, s);
		else
			slot_out_str(o, "None");
		return;
	}
	case SLOT_ENUM: {
		int e = *(const int *)(const void *)v;
		const char *name = slot_enum_name(f->enum_type, e);
		if (name) {
			slot_out_str(o, name);
			return;
		}
		snprintf(num, sizeof num, "%d", e);
		break;
	}
	case SLOT_OBJECT: slot_repr_object(o, v, f->class_type); return;
	}
	slot_out_str(o, num);
}

static inline void slot_repr_object(slot_out *o, const void *obj, const slot_class *cls)
{
	slot_out_str(o, cls->name);
	slot_out_put(o, "(", 1);
	const char *sep = "";
	for (const slot_field *f = slot_next_set(obj, cls, NULL); f; f = slot_next_set(obj, cls, f)) {
		slot_out_str(o, sep);
		slot_out_str(o, f->name);
		slot_out_put(o, "=", 1);
		const char *v = (const char *)obj + f->offset;
		if (f->flags & SLOT_ARRAY) {
			slot_out_put(o, "[", 1);
			for (size_t k = 0; k < f->count; k++) {
				if (k)
					slot_out_put(o, ", ", 2);
				slot_repr_value(o, f, v + k * f->size);
			}
			slot_out_put(o, "]", 1);
		} else {
			slot_repr_value(o, f, v);
		}
		sep = ", ";
	}
	slot_out_put(o, ")", 1);
}

/**
 * A dataclass's repr(): `Player(name='Ace', score=100, team=red)`, slots
 * in table order, unset ones left out, into @p buf with snprintf's rules.
 * \return the length of the whole text, as snprintf.
 */
static inline size_t slot_repr(char *buf, size_t size, const void *obj, const slot_class *cls)
{
	slot_out o = {buf, size, 0};
	slot_repr_object(&o, obj, cls);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return o.len;
}

/* ---- equality ------------------------------------------------------------- */

/**
 * A dataclass's __eq__: the same slots set, with equal values (strings by
 * content, arrays and nested objects element by element; floats by ==,
 * so a NaN equals nothing).  @p a and @p b are both of class @p cls.
 */
static inline bool slot_equal(const void *a, const void *b, const slot_class *cls)
{
	for (size_t i = 0; i < cls->count; i++) {
		const slot_field *f = &cls->fields[i];
		if (slot_is_set(a, f) != slot_is_set(b, f))
			return false;
		if (!slot_is_set(a, f))
			continue;
		const char *x = (const char *)a + f->offset, *y = (const char *)b + f->offset;
		for (size_t k = 0; k < f->count; k++, x += f->size, y += f->size) {
			bool same;
			switch (f->type) {
			case SLOT_FLOAT: same = *(const float *)(const void *)x == *(const float *)(const void *)y; break;
			case SLOT_DOUBLE: same = *(const double *)(const void *)x == *(const double *)(const void *)y; break;
			case SLOT_BOOL: same = *(const bool *)(const void *)x == *(const bool *)(const void *)y; break;
			case SLOT_STRING: {
				const char *s = slot_string_at(f, x);
				const char *t = slot_string_at(f, y);
				same = s && t ? strcmp(s, t) == 0 : s == t;
				break;
			}
			case SLOT_OBJECT: same = slot_equal(x, y, f->class_type); break;
			default: same = memcmp(x, y, f->size) == 0; break;
			}
			if (!same)
				return false;
		}
	}
	return true;
}

/** The schema's name of a slot type ("int32", "string", ...). */
static inline const char *slot_type_name(slot_type t, const slot_enum *e, const slot_class *c)
{
	static const char *const names[] = {"bool", "int8", "int16", "int32", "int64",
					    "uint8", "uint16", "uint32", "uint64", "float",
					    "double", "string", "enum", "object"};
	if (t == SLOT_ENUM && e)
		return e->name;
	if (t == SLOT_OBJECT && c)
		return c->name;
	return names[t];
}

/**
 * The message CPython would give for status @p rc of a by-name call on the
 * slot named by the @p len bytes at @p name, of class @p cls, into @p buf
 * with snprintf's rules.
 * \param v  the value given to a set, or NULL for a get or a clear.
 * \return the length of the whole message, as snprintf.
 */
static inline int slot_strerrorn(char *buf, size_t size, int rc, const slot_class *cls,
				 const char *name, size_t len, const slot_value *v)
{
	const slot_field *f = slot_lookupn(cls, name, len);
	int n = len > INT_MAX ? INT_MAX : (int)len; /* for "%.*s" */
	switch (rc) {
	case SLOT_OK:
		return snprintf(buf, size, "success");
	case SLOT_ENOATTR:
		return snprintf(buf, size, "'%s' object has no attribute '%.*s'", cls->name, n, name);
	case SLOT_EREADONLY:
		return snprintf(buf, size, v ? "cannot assign to field '%.*s'" : "cannot delete field '%.*s'",
				n, name);
	case SLOT_ETYPE:
		if (f && v) {
			/* Types as the schema writes them: "int32", "Team", "string[3]". */
			const char *want = slot_type_name(f->type, f->enum_type, f->class_type);
			const char *got = slot_type_name(v->type, v->enum_type, v->class_type);
			unsigned long wn = (unsigned long)f->count, gn = (unsigned long)v->count;
			bool warr = (f->flags & SLOT_ARRAY) != 0, garr = warr || v->count != 1;
			if (!garr && v->type == SLOT_STRING && !v->as.s)
				got = "NULL";
			if (warr)
				return snprintf(buf, size, "'%s' attribute '%.*s' must be %s[%lu], not %s[%lu]",
						cls->name, n, name, want, wn, got, gn);
			if (garr)
				return snprintf(buf, size, "'%s' attribute '%.*s' must be %s, not %s[%lu]",
						cls->name, n, name, want, got, gn);
			return snprintf(buf, size, "'%s' attribute '%.*s' must be %s, not %s", cls->name,
					n, name, want, got);
		}
		return snprintf(buf, size, "wrong type for '%s' attribute '%.*s'", cls->name, n,
				name);
	case SLOT_ERANGE:
		if (f && f->flags & SLOT_INLINE)
			return snprintf(buf, size,
					"string too long for '%s' attribute '%.*s' (at most %lu bytes)",
					cls->name, n, name, (unsigned long)f->size - 1);
		return snprintf(buf, size, "value out of range for '%s' attribute '%.*s' (%s)", cls->name,
				n, name, f ? slot_type_name(f->type, f->enum_type, f->class_type) : "?");
	case SLOT_ENOMEM:
		return snprintf(buf, size, "out of memory");
	case SLOT_ESYNTAX:
		return snprintf(buf, size, "invalid data for a '%s'", cls->name);
	default:
		return snprintf(buf, size, "unknown status %d", rc);
	}
}

/** slot_strerrorn for the C string @p name. */
static inline int slot_strerror(char *buf, size_t size, int rc, const slot_class *cls,
				const char *name, const slot_value *v)
{
	return slot_strerrorn(buf, size, rc, cls, name, strlen(name), v);
}

#ifdef __cplusplus
}
#endif

#endif /* SLOTGEN_RUNTIME_H */
