/*
 * driver.c - the C side of the oracle test (oracle.py): runs by-name
 * operations, read from stdin, on the code slotgen generated for a random
 * schema, and prints one line for each.  oracle.py builds it with the
 * generated module and the objects.c it writes (objects.h).
 *
 * Input, one operation a line; NAME is 'x' and the name's bytes in hex,
 * FORM 'c' (a C string: slot_get, slot_strerror, ...) or 'n' (the counted
 * forms: slot_lookupn, then slot_get_field, slot_strerrorn, ...):
 *
 *   new J                  make object J (oracle_new)
 *   free O                 free object O
 *   get O T FORM NAME      by name through class T's table
 *   has O T FORM NAME
 *   del O T FORM NAME
 *   set O T FORM NAME TYPE COUNT AUX ARRAY ELEMENT...
 *
 * A value to set: TYPE a slot_type, COUNT its count, AUX the index of its
 * enum_type (SLOT_ENUM) or class_type (SLOT_OBJECT, SLOT_OPTIONAL) or -1
 * for NULL, ARRAY 1 when the COUNT elements are given through as.p.  An
 * element: 0 or 1 for bool, decimal for integers and enums, the 16 hex
 * digits of a double's bits for float and double, NAME's encoding or N
 * (NULL) for strings; for bytes (a slot_bytes at as.p, or an element) the
 * encoding of its bytes, N (as.p NULL) or Zn (data NULL, length n); for an
 * object or child N (NULL, None), - (a new object of class AUX from its
 * defaults(), or a pointer never read without one) or oK (object K as it
 * is).  A list (SLOT_LIST) is its COUNT elements, ARRAY 1; a dict
 * (SLOT_MAP) COUNT pairs of a key (a NAME) and a value, put into a
 * slot_map in turn (ARRAY 1), or N for a NULL as.p (ARRAY 0).  For both,
 * AUX says where their descriptor (slot_value.elem) is: fC.F the elem of
 * field F of class C's table; kT one the driver makes for type T (kT.E
 * for enum E, kT.C for class C); -1 for NULL (and no elements).
 *
 * Output: "ok" for new and free; "has 0" or "has 1"; "0" and, for a get,
 * the value as TYPE:COUNT:SIZE:ENUM:VALUE (ENUM the enum's name or -; SIZE
 * "=" for elements of a class that are its struct's size); else the
 * status and the message's bytes in hex.  VALUE: ELEMENT,... for arrays;
 * a descriptor TYPE/ENUM/cCLASS then [ELEMENT,...] for a list or
 * {KEY=ELEMENT,...} for a dict; bnn... for bytes; N for None; an object
 * as cCLASS(slot=VALUE;...), its set slots in table order.
 */
#define _POSIX_C_SOURCE 200809L
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects.h"

#define MAX_OBJECTS 4096
#define MAX_TOKENS 128

static void *objects[MAX_OBJECTS];
static size_t kinds[MAX_OBJECTS]; /* the class index of each object */

static _Noreturn void fail(const char *what, const char *line)
{
	fprintf(stderr, "driver: %s: %s\n", what, line);
	exit(2);
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* A name's bytes, malloc'd: exactly *len of them for a counted name (so
 * that a read past them is caught under AddressSanitizer), else with a
 * NUL after them. */
static char *decode(const char *tok, size_t *len, int counted)
{
	if (tok[0] != 'x' || strlen(tok + 1) % 2)
		fail("not a name", tok);
	size_t n = strlen(tok + 1) / 2;
	size_t size = counted ? n : n + 1;
	char *s = malloc(size ? size : 1);
	if (!s)
		fail("out of memory", tok);
	for (size_t i = 0; i < n; i++) {
		int hi = hex_digit(tok[1 + 2 * i]), lo = hex_digit(tok[2 + 2 * i]);
		if (hi < 0 || lo < 0)
			fail("not a name", tok);
		s[i] = (char)(hi * 16 + lo);
	}
	if (!counted)
		s[n] = '\0';
	*len = n;
	return s;
}

static void put_hex(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		printf("%02x", (unsigned char)s[i]);
}

static void put_double(double d)
{
	unsigned long long bits;
	memcpy(&bits, &d, sizeof bits);
	printf("%016llx", bits);
}

static double get_double(const char *tok)
{
	unsigned long long bits = strtoull(tok, NULL, 16);
	double d;
	memcpy(&d, &bits, sizeof d);
	return d;
}

static void put_string(const char *s)
{
	if (!s) {
		putchar('N');
		return;
	}
	putchar('x');
	put_hex(s, strlen(s));
}

static void put_bytes(const slot_bytes *b)
{
	putchar('b');
	put_hex((const char *)b->data, b->len);
}

/* The index of class @p cls in oracle_classes, or the count for none. */
static size_t class_index(const slot_class *cls)
{
	size_t k = 0;
	while (k < oracle_class_count && oracle_classes[k] != cls)
		k++;
	return k;
}

static void put_object(const slot_class *cls, const void *obj);

/* A descriptor: TYPE/ENUM/cCLASS, or ? for none. */
static void put_elem(const slot_elem *e)
{
	if (!e) {
		putchar('?');
		return;
	}
	printf("%d/%s/", (int)e->type, e->enum_type ? e->enum_type->name : "-");
	if (e->class_type)
		printf("c%zu", class_index(e->class_type));
	else
		putchar('-');
}

/* One element of type @p t at @p p, as the output spells it. */
static void put_element(slot_type t, const void *p)
{
	switch (t) {
	case SLOT_BOOL: printf("%d", *(const bool *)p ? 1 : 0); break;
	case SLOT_INT8: printf("%d", *(const int8_t *)p); break;
	case SLOT_INT16: printf("%d", *(const int16_t *)p); break;
	case SLOT_INT32: printf("%ld", (long)*(const int32_t *)p); break;
	case SLOT_INT64: printf("%lld", (long long)*(const int64_t *)p); break;
	case SLOT_UINT8: printf("%u", *(const uint8_t *)p); break;
	case SLOT_UINT16: printf("%u", *(const uint16_t *)p); break;
	case SLOT_UINT32: printf("%lu", (unsigned long)*(const uint32_t *)p); break;
	case SLOT_UINT64: printf("%llu", (unsigned long long)*(const uint64_t *)p); break;
	case SLOT_FLOAT: put_double(*(const float *)p); break;
	case SLOT_DOUBLE: put_double(*(const double *)p); break;
	case SLOT_STRING: put_string(*(const char *const *)p); break;
	case SLOT_ENUM: printf("%d", *(const int *)p); break;
	case SLOT_BYTES: put_bytes((const slot_bytes *)p); break;
	case SLOT_OBJECT: /* put_item */
	case SLOT_LIST: /* not in the oracle's lists and dicts */
	case SLOT_MAP:
	case SLOT_OPTIONAL:
	case SLOT_UNION: putchar('-'); break;
	}
}

/* An element of a list or a value of a dict, of kind @p e, at @p p. */
static void put_item(const slot_elem *e, const void *p)
{
	if (e->type == SLOT_OBJECT)
		put_object(e->class_type, p);
	else if (e->flags & SLOT_SHORT)
		put_string(slot_str_get((const slot_str *)p));
	else
		put_element(e->type, p);
}

/* The value slot_get gave for field @p f. */
static void put_value(const slot_field *f, const slot_value *v)
{
	printf("%d:%zu:", (int)v->type, v->count);
	if ((v->type == SLOT_LIST || v->type == SLOT_MAP) && v->elem &&
	    v->elem->type == SLOT_OBJECT && v->size == v->elem->class_type->size)
		putchar('='); /* a struct's size: oracle.py does not know it */
	else
		printf("%zu", v->size);
	printf(":%s:", v->enum_type ? v->enum_type->name : "-");
	if (f->flags & SLOT_ARRAY) {
		for (size_t k = 0; k < v->count; k++) {
			const char *e = (const char *)v->as.p + k * v->size;
			if (k)
				putchar(',');
			if (f->flags & SLOT_INLINE)
				put_string(e);
			else
				put_element(v->type, e);
		}
		return;
	}
	switch (v->type) {
	case SLOT_BOOL: printf("%d", v->as.b ? 1 : 0); break;
	case SLOT_INT8:
	case SLOT_INT16:
	case SLOT_INT32:
	case SLOT_INT64:
	case SLOT_ENUM: printf("%lld", (long long)v->as.i); break;
	case SLOT_UINT8:
	case SLOT_UINT16:
	case SLOT_UINT32:
	case SLOT_UINT64: printf("%llu", (unsigned long long)v->as.u); break;
	case SLOT_FLOAT:
	case SLOT_DOUBLE: put_double(v->as.d); break;
	case SLOT_STRING: put_string(v->as.s); break;
	case SLOT_BYTES: put_bytes((const slot_bytes *)v->as.p); break;
	case SLOT_LIST: /* the items, lent */
		put_elem(v->elem);
		putchar('[');
		for (size_t k = 0; k < v->count; k++) {
			if (k)
				putchar(',');
			put_item(v->elem, (const char *)v->as.p + k * v->size);
		}
		putchar(']');
		break;
	case SLOT_MAP: { /* the slot_map, lent: its entries in order */
		const slot_map *m = (const slot_map *)v->as.p;
		put_elem(v->elem);
		putchar('{');
		for (size_t k = 0; k < m->len; k++) {
			if (k)
				putchar(',');
			put_string(slot_map_key_at(m, v->elem, k));
			putchar('=');
			put_item(v->elem, slot_map_value_at(m, v->elem, k));
		}
		putchar('}');
		if (m->len != v->count)
			printf("!count");
		break;
	}
	case SLOT_OPTIONAL:
		if (v->as.p)
			put_object(v->class_type, v->as.p);
		else
			putchar('N');
		break;
	case SLOT_OBJECT: put_object(v->class_type, v->as.p); break;
	case SLOT_UNION: putchar('?'); break; /* a get gives the type it holds */
	}
}

/* An object without its identity: its class, then each set slot and its
 * value in table order. */
static void put_object(const slot_class *cls, const void *obj)
{
	const slot_field *f = NULL;
	const char *sep = "";
	printf("c%zu(", class_index(cls));
	while ((f = slot_next_set(obj, cls, f)) != NULL) {
		slot_value v;
		printf("%s%s=", sep, f->name);
		sep = ";";
		if (slot_get_field(obj, f, &v) == SLOT_OK)
			put_value(f, &v);
		else
			putchar('!');
	}
	putchar(')');
}

static size_t element_size(slot_type t)
{
	static const size_t sizes[] = {sizeof(bool), 1, 2, 4, 8, 1, 2, 4, 8, sizeof(float),
				       sizeof(double), sizeof(char *), sizeof(int), 0,
				       sizeof(slot_bytes), sizeof(slot_list), sizeof(slot_map),
				       sizeof(void *), 0};
	return sizes[t];
}

/* Descriptors the driver makes, one of each kind: numbers, bools, strings
 * and bytes by type, enums by enum, objects by class.  slot_elem_same
 * finds them the same as the fields' own of that kind. */
static slot_elem own_elems[SLOT_BYTES + 1];
static slot_elem *enum_elems, *class_elems;

static void make_elems(void)
{
	for (int t = 0; t <= SLOT_BYTES; t++) {
		own_elems[t].type = (slot_type)t;
		own_elems[t].size = element_size((slot_type)t);
	}
	/* A list's or dict's strings are slot_str. */
	own_elems[SLOT_STRING].flags = SLOT_SHORT;
	own_elems[SLOT_STRING].size = sizeof(slot_str);
	enum_elems = calloc(oracle_enum_count + 1, sizeof *enum_elems);
	class_elems = calloc(oracle_class_count + 1, sizeof *class_elems);
	if (!enum_elems || !class_elems)
		fail("out of memory", "descriptors");
	for (size_t k = 0; k < oracle_enum_count; k++) {
		enum_elems[k].type = SLOT_ENUM;
		enum_elems[k].size = sizeof(int);
		enum_elems[k].enum_type = oracle_enums[k];
	}
	for (size_t k = 0; k < oracle_class_count; k++) {
		class_elems[k].type = SLOT_OBJECT;
		class_elems[k].size = oracle_classes[k]->size;
		class_elems[k].class_type = oracle_classes[k];
	}
}

/* The descriptor @p tok names: fC.F, kT, kT.E, kT.C, or -1 for NULL. */
static const slot_elem *elem_of(const char *tok, const char *line)
{
	if (strcmp(tok, "-1") == 0)
		return NULL;
	char *end;
	unsigned long a = strtoul(tok + 1, &end, 10), b = 0;
	bool two = *end == '.';
	if (two)
		b = strtoul(end + 1, NULL, 10);
	if (tok[0] == 'f' && two && a < oracle_class_count && b < oracle_classes[a]->count)
		return oracle_classes[a]->fields[b].elem;
	if (tok[0] == 'k' && two && a == SLOT_ENUM && b < oracle_enum_count)
		return &enum_elems[b];
	if (tok[0] == 'k' && two && a == SLOT_OBJECT && b < oracle_class_count)
		return &class_elems[b];
	if (tok[0] == 'k' && !two && (a < SLOT_ENUM || a == SLOT_BYTES))
		return &own_elems[a];
	fail("no such descriptor", line);
}

static size_t object_index(const char *tok, const char *line)
{
	size_t o = (size_t)strtoull(tok, NULL, 10);
	if (o >= MAX_OBJECTS || !objects[o])
		fail("no such object", line);
	return o;
}

/* What a given value owns, freed after the operation. */
struct given {
	slot_value v;
	void *buf;              /* an array's or a list's elements */
	size_t count;
	const slot_elem *elem;  /* a list's elements, a dict's values */
	unsigned char *made;    /* for each element of a list: an object made here */
	char *str;
	slot_bytes bytes;       /* bytes at as.p */
	slot_map map;           /* a dict at as.p */
	void *child;            /* a new object at as.p, of class child_cls */
	const slot_class *child_cls;
};

/* Store element @p tok of type @p t at @p p. */
static void get_element(slot_type t, const char *tok, void *p)
{
	size_t len;
	switch (t) {
	case SLOT_BOOL: *(bool *)p = tok[0] == '1'; break;
	case SLOT_INT8: *(int8_t *)p = (int8_t)strtoll(tok, NULL, 10); break;
	case SLOT_INT16: *(int16_t *)p = (int16_t)strtoll(tok, NULL, 10); break;
	case SLOT_INT32: *(int32_t *)p = (int32_t)strtoll(tok, NULL, 10); break;
	case SLOT_INT64: *(int64_t *)p = (int64_t)strtoll(tok, NULL, 10); break;
	case SLOT_UINT8: *(uint8_t *)p = (uint8_t)strtoull(tok, NULL, 10); break;
	case SLOT_UINT16: *(uint16_t *)p = (uint16_t)strtoull(tok, NULL, 10); break;
	case SLOT_UINT32: *(uint32_t *)p = (uint32_t)strtoull(tok, NULL, 10); break;
	case SLOT_UINT64: *(uint64_t *)p = (uint64_t)strtoull(tok, NULL, 10); break;
	case SLOT_FLOAT: *(float *)p = (float)get_double(tok); break;
	case SLOT_DOUBLE: *(double *)p = get_double(tok); break;
	case SLOT_STRING: *(char **)p = tok[0] == 'N' ? NULL : decode(tok, &len, 0); break;
	case SLOT_ENUM: *(int *)p = (int)strtoll(tok, NULL, 10); break;
	case SLOT_OBJECT: fail("no arrays of objects", tok);
	case SLOT_BYTES: /* get_item */
	case SLOT_LIST:
	case SLOT_MAP:
	case SLOT_OPTIONAL:
	case SLOT_UNION: fail("no arrays of bytes, lists, dicts, children or unions", tok);
	}
}

/* Bytes @p tok: their encoding (exactly their bytes, from malloc), or Zn
 * (a NULL pointer and length n). */
static void get_bytes(const char *tok, slot_bytes *b)
{
	if (tok[0] == 'Z') {
		b->data = NULL;
		b->len = (size_t)strtoull(tok + 1, NULL, 10);
		return;
	}
	b->data = (unsigned char *)decode(tok, &b->len, 1);
}

/* Store element @p tok of kind @p e at @p p (zeroed); whether it is an
 * object made here (from its class's defaults) rather than a copy of the
 * bytes of a live one. */
static bool get_item(const slot_elem *e, const char *tok, void *p, const char *line)
{
	if (e->type == SLOT_BYTES) {
		get_bytes(tok, (slot_bytes *)p);
		return false;
	}
	if (e->flags & SLOT_SHORT) { /* a slot_str; N for none */
		char *s = NULL;
		get_element(e->type, tok, &s);
		if (s && slot_str_assign((slot_str *)p, s) != SLOT_OK)
			fail("out of memory", line);
		free(s);
		return false;
	}
	if (e->type != SLOT_OBJECT) {
		get_element(e->type, tok, p);
		return false;
	}
	if (tok[0] == 'o') { /* as it is: the list copies it */
		memcpy(p, objects[object_index(tok + 1, line)], e->class_type->size);
		return false;
	}
	if (e->class_type->defaults(p) != SLOT_OK)
		fail("defaults() failed", line);
	return true;
}

/* Free what the element at @p p of kind @p e owns. */
static void free_item(const slot_elem *e, void *p, bool made)
{
	if (e->flags & SLOT_SHORT)
		slot_str_fini((slot_str *)p);
	else if (e->type == SLOT_STRING)
		free(*(char **)p);
	else if (e->type == SLOT_BYTES)
		free(((slot_bytes *)p)->data);
	else if (e->type == SLOT_OBJECT && made)
		slot_object_fini(p, e->class_type);
}

/* A list or dict: the elements, or the pairs put into a slot_map in turn
 * (as a program builds one). */
static void parse_container(char **tok, size_t ntok, struct given *g, const char *line)
{
	const slot_elem *e = elem_of(tok[2], line);
	size_t n = g->v.count;
	g->elem = g->v.elem = e;
	g->v.size = e ? e->size : 0;
	if (g->v.type == SLOT_MAP && tok[3][0] == '0') { /* a NULL as.p */
		if (ntok != 5 || n != 0 || tok[4][0] != 'N')
			fail("a NULL dict is N", line);
		return;
	}
	size_t per = g->v.type == SLOT_MAP ? 2 : 1;
	if (ntok - 4 != n * per || (!e && n))
		fail("wrong number of elements", line);
	if (g->v.type == SLOT_LIST) {
		size_t size = e ? e->size : 1;
		g->buf = calloc(n + 1, size); /* never NULL, even for no elements */
		g->made = calloc(n + 1, 1);
		if (!g->buf || !g->made)
			fail("out of memory", line);
		for (size_t k = 0; k < n; k++)
			g->made[k] = get_item(e, tok[4 + k], (char *)g->buf + k * size, line);
		g->count = n;
		g->v.as.p = g->buf;
		return;
	}
	g->v.as.p = &g->map;
	for (size_t k = 0; k < n; k++) {
		union {
			max_align_t align;
			unsigned char b[256];
		} item;
		size_t len;
		if (e->size > sizeof item.b)
			fail("a value too big", line);
		memset(&item, 0, sizeof item);
		char *key = decode(tok[4 + 2 * k], &len, 0);
		bool made = get_item(e, tok[5 + 2 * k], item.b, line);
		if (slot_map_put(&g->map, e, key, item.b) != SLOT_OK)
			fail("slot_map_put failed", line);
		free_item(e, item.b, made);
		free(key);
	}
	g->v.count = g->map.len;
}

static void parse_value(char **tok, size_t ntok, struct given *g, const char *line)
{
	static const char dummy[64]; /* as.p of an object without a class: never read */
	if (ntok < 4)
		fail("a value needs TYPE COUNT AUX ARRAY", line);
	memset(g, 0, sizeof *g);
	long type = strtol(tok[0], NULL, 10);
	if (type < 0 || type > SLOT_OPTIONAL)
		fail("no such type", line);
	g->v.type = (slot_type)type;
	g->v.count = (size_t)strtoull(tok[1], NULL, 10);
	if (type == SLOT_LIST || type == SLOT_MAP) {
		parse_container(tok, ntok, g, line);
		return;
	}
	long aux = strtol(tok[2], NULL, 10);
	if (aux >= 0 && g->v.type == SLOT_ENUM) {
		if ((size_t)aux >= oracle_enum_count)
			fail("no such enum", line);
		g->v.enum_type = oracle_enums[aux];
	}
	if (aux >= 0 && (g->v.type == SLOT_OBJECT || g->v.type == SLOT_OPTIONAL)) {
		if ((size_t)aux >= oracle_class_count)
			fail("no such class", line);
		g->v.class_type = oracle_classes[aux];
	}
	if (tok[3][0] == '1') {
		if (ntok - 4 != g->v.count)
			fail("wrong number of elements", line);
		size_t size = element_size(g->v.type);
		g->buf = calloc(g->v.count + 1, size); /* never NULL, even for no elements */
		if (!g->buf)
			fail("out of memory", line);
		for (size_t k = 0; k < g->v.count; k++)
			get_element(g->v.type, tok[4 + k], (char *)g->buf + k * size);
		g->count = g->v.count;
		g->v.as.p = g->buf;
		return;
	}
	if (ntok != 5 || g->v.count != 1)
		fail("a single value has one element", line);
	const char *e = tok[4];
	size_t len;
	switch (g->v.type) {
	case SLOT_BOOL: g->v.as.b = e[0] == '1'; break;
	case SLOT_INT8:
	case SLOT_INT16:
	case SLOT_INT32:
	case SLOT_INT64:
	case SLOT_ENUM: g->v.as.i = strtoll(e, NULL, 10); break;
	case SLOT_UINT8:
	case SLOT_UINT16:
	case SLOT_UINT32:
	case SLOT_UINT64: g->v.as.u = strtoull(e, NULL, 10); break;
	case SLOT_FLOAT:
	case SLOT_DOUBLE: g->v.as.d = get_double(e); break;
	case SLOT_STRING:
		g->str = e[0] == 'N' ? NULL : decode(e, &len, 0);
		g->v.as.s = g->str;
		break;
	case SLOT_BYTES:
		if (e[0] != 'N') {
			get_bytes(e, &g->bytes);
			g->v.as.p = &g->bytes;
		}
		break;
	case SLOT_OBJECT:
	case SLOT_OPTIONAL:
		if (e[0] == 'o') { /* a live object, as it is */
			g->v.as.p = objects[object_index(e + 1, line)];
		} else if (e[0] == '-' && g->v.class_type) { /* a new one */
			const slot_class *cls = g->v.class_type;
			g->child = slot_malloc(cls->size);
			if (!g->child || cls->defaults(g->child) != SLOT_OK)
				fail("a new object failed", line);
			g->child_cls = cls;
			g->v.as.p = g->child;
		} else if (e[0] == '-') {
			g->v.as.p = dummy;
		}
		break;
	case SLOT_LIST:
	case SLOT_MAP:
	case SLOT_UNION: fail("not a single value", line);
	}
}

static void free_value(struct given *g)
{
	if (g->buf && g->v.type == SLOT_STRING)
		for (size_t k = 0; k < g->count; k++)
			free(((char **)g->buf)[k]);
	if (g->buf && g->v.type == SLOT_LIST && g->elem)
		for (size_t k = 0; k < g->count; k++)
			free_item(g->elem, (char *)g->buf + k * g->elem->size, g->made[k]);
	if (g->v.type == SLOT_MAP && g->elem)
		slot_map_fini(&g->map, g->elem);
	if (g->child) {
		slot_object_fini(g->child, g->child_cls);
		slot_free(g->child);
	}
	free(g->bytes.data);
	free(g->made);
	free(g->buf);
	free(g->str);
}

static void put_status(int rc, slot_op op, const slot_class *cls, const char *name, size_t len,
		       int counted, const slot_value *v)
{
	static char msg[1 << 16];
	int n = counted ? slot_strerrorn(msg, sizeof msg, rc, op, cls, name, len, v)
			: slot_strerror(msg, sizeof msg, rc, op, cls, name, v);
	if (n < 0 || (size_t)n >= sizeof msg || msg[n] != '\0')
		fail("a message of a wrong length", name);
	printf("%d ", rc);
	put_hex(msg, (size_t)n);
}

static void run(char *line)
{
	char *tok[MAX_TOKENS];
	size_t ntok = 0;
	char *save = NULL;
	for (char *t = strtok_r(line, " \n", &save); t; t = strtok_r(NULL, " \n", &save)) {
		if (ntok == MAX_TOKENS)
			fail("too many tokens", line);
		tok[ntok++] = t;
	}
	if (ntok == 0)
		fail("an empty line", line);
	if (strcmp(tok[0], "new") == 0 && ntok == 2) {
		size_t j = (size_t)strtoull(tok[1], NULL, 10);
		if (j >= MAX_OBJECTS || j >= oracle_object_count || objects[j])
			fail("no such object to make", line);
		objects[j] = oracle_new(j);
		if (!objects[j])
			fail("new failed", line);
		kinds[j] = oracle_class_of[j];
		puts("ok");
		return;
	}
	if (strcmp(tok[0], "free") == 0 && ntok == 2) {
		size_t o = object_index(tok[1], line);
		oracle_free(kinds[o], objects[o]);
		objects[o] = NULL;
		puts("ok");
		return;
	}
	if (ntok < 5)
		fail("too few tokens", line);
	size_t o = object_index(tok[1], line);
	size_t t = (size_t)strtoull(tok[2], NULL, 10);
	if (t >= oracle_class_count)
		fail("no such class", line);
	const slot_class *cls = oracle_classes[t];
	int counted = tok[3][0] == 'n';
	size_t len;
	char *name = decode(tok[4], &len, counted);
	void *obj = objects[o];
	const slot_field *f = slot_lookupn(cls, name, len);
	int rc;
	if (strcmp(tok[0], "get") == 0) {
		slot_value v;
		rc = counted ? slot_get_field(obj, f, &v) : slot_get(obj, cls, name, &v);
		if (rc == SLOT_OK) {
			printf("0 ");
			put_value(f, &v);
		} else {
			put_status(rc, SLOT_OP_GET, cls, name, len, counted, NULL);
		}
	} else if (strcmp(tok[0], "has") == 0) {
		bool has = counted ? f && slot_is_set(obj, f) : slot_has(obj, cls, name);
		printf("has %d", has ? 1 : 0);
	} else if (strcmp(tok[0], "del") == 0) {
		rc = counted ? slot_clear_field(obj, f) : slot_clear(obj, cls, name);
		if (rc == SLOT_OK)
			printf("0");
		else
			put_status(rc, SLOT_OP_CLEAR, cls, name, len, counted, NULL);
	} else if (strcmp(tok[0], "set") == 0) {
		struct given g;
		parse_value(tok + 5, ntok - 5, &g, line);
		rc = counted ? slot_set_field(obj, f, &g.v) : slot_set(obj, cls, name, &g.v);
		if (rc == SLOT_OK)
			printf("0");
		else
			put_status(rc, SLOT_OP_SET, cls, name, len, counted, &g.v);
		free_value(&g);
	} else {
		fail("no such operation", line);
	}
	putchar('\n');
	free(name);
}

int main(void)
{
	char *line = NULL;
	size_t cap = 0;
	make_elems();
	while (getline(&line, &cap, stdin) > 0)
		run(line);
	free(line);
	for (size_t o = 0; o < MAX_OBJECTS; o++)
		if (objects[o])
			oracle_free(kinds[o], objects[o]);
	free(enum_elems);
	free(class_elems);
	return fflush(stdout) == 0 ? 0 : 1;
}
