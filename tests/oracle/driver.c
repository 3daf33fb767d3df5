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
 * enum_type (SLOT_ENUM) or class_type (SLOT_OBJECT) or -1 for NULL, ARRAY
 * 1 when the COUNT elements are given through as.p.  An element: 0 or 1
 * for bool, decimal for integers and enums, the 16 hex digits of a
 * double's bits for float and double, NAME's encoding or N (NULL) for
 * strings, - for objects.
 *
 * Output: "ok" for new and free; "has 0" or "has 1"; "0" and, for a get,
 * the value as TYPE:COUNT:SIZE:ENUM:ELEMENT,... (ENUM the enum's name or
 * -); else the status and the message's bytes in hex.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects.h"

#define MAX_OBJECTS 4096
#define MAX_TOKENS 64

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
	case SLOT_OBJECT:
	case SLOT_BYTES: /* not in the oracle's schemas (yet) */
	case SLOT_LIST:
	case SLOT_MAP:
	case SLOT_OPTIONAL:
	case SLOT_UNION: putchar('-'); break;
	}
}

/* The value slot_get gave for field @p f. */
static void put_value(const slot_field *f, const slot_value *v)
{
	printf("%d:%zu:%zu:%s:", (int)v->type, v->count, v->size,
	       v->enum_type ? v->enum_type->name : "-");
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
	case SLOT_OBJECT:
	case SLOT_BYTES:
	case SLOT_LIST:
	case SLOT_MAP:
	case SLOT_OPTIONAL:
	case SLOT_UNION: putchar('-'); break;
	}
}

static size_t element_size(slot_type t)
{
	static const size_t sizes[] = {sizeof(bool), 1, 2, 4, 8, 1, 2, 4, 8, sizeof(float),
				       sizeof(double), sizeof(char *), sizeof(int), 0,
				       sizeof(slot_bytes), sizeof(slot_list), sizeof(slot_map),
				       sizeof(void *), 0};
	return sizes[t];
}

/* What a given value owns, freed after the operation. */
struct given {
	slot_value v;
	void *buf;
	char *str;
	size_t count;
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
	case SLOT_BYTES:
	case SLOT_LIST:
	case SLOT_MAP:
	case SLOT_OPTIONAL:
	case SLOT_UNION: fail("no bytes, lists, dicts, children or unions in the oracle's schemas", tok);
	}
}

static void parse_value(char **tok, size_t ntok, struct given *g, const char *line)
{
	static const char dummy[64]; /* as.p of an object: never read */
	if (ntok < 4)
		fail("a value needs TYPE COUNT AUX ARRAY", line);
	memset(g, 0, sizeof *g);
	long type = strtol(tok[0], NULL, 10);
	long aux = strtol(tok[2], NULL, 10);
	if (type < 0 || type > SLOT_OBJECT)
		fail("no such type", line);
	g->v.type = (slot_type)type;
	g->v.count = (size_t)strtoull(tok[1], NULL, 10);
	if (aux >= 0 && g->v.type == SLOT_ENUM)
		g->v.enum_type = oracle_enums[aux];
	if (aux >= 0 && g->v.type == SLOT_OBJECT)
		g->v.class_type = oracle_classes[aux];
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
	case SLOT_OBJECT: g->v.as.p = dummy; break;
	case SLOT_BYTES:
	case SLOT_LIST:
	case SLOT_MAP:
	case SLOT_OPTIONAL:
	case SLOT_UNION: fail("no bytes, lists, dicts, children or unions in the oracle's schemas", line);
	}
}

static void free_value(struct given *g)
{
	if (g->buf && g->v.type == SLOT_STRING)
		for (size_t k = 0; k < g->count; k++)
			free(((char **)g->buf)[k]);
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

static size_t object_index(const char *tok, const char *line)
{
	size_t o = (size_t)strtoull(tok, NULL, 10);
	if (o >= MAX_OBJECTS || !objects[o])
		fail("no such object", line);
	return o;
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
	while (getline(&line, &cap, stdin) > 0)
		run(line);
	free(line);
	for (size_t o = 0; o < MAX_OBJECTS; o++)
		if (objects[o])
			oracle_free(kinds[o], objects[o]);
	return fflush(stdout) == 0 ? 0 : 1;
}
