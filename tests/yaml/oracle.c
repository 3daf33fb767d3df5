/* oracle.c - the C side of the YAML oracle (oracle.py): random objects of
 * mixer, game, fleet, corners and lists (lists, dicts, optional children,
 * unions) dumped with the generated dumpers, each
 * with a JSON print of the object; documents loaded with the generated
 * loaders, each answered with a JSON print of the object loaded.  PyYAML
 * is the oracle that reads the dumps and writes the documents.
 *
 *   oracle schema            the classes: slots, types, defaults (JSON)
 *   oracle dump SEED COUNT   COUNT random objects of each class, and lists
 *   oracle load              documents from stdin: "CLASS LIST BYTES\n" and
 *                            the bytes, each; one JSON answer a line
 *
 * A JSON print holds the set slots of an object, in schema order; a float
 * is the string of its C99 hexadecimal form ("0x1.8p+1", "inf", "nan"), so
 * that Python reads its exact bits; an owned NULL string is null; bytes
 * are a string of hexadecimal digits, a list an array, a dict an object in
 * its order, an optional child null for None, a union {"kind": K, "value":
 * V}.  dump also loads each dump back and says whether it prints the same. */
#define _POSIX_C_SOURCE 200809L
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corners_yaml.h"
#include "fleet_yaml.h"
#include "game_yaml.h"
#include "lists_yaml.h"
#include "mixer_yaml.h"

typedef int (*load_fn)(void *, const char *, size_t, slot_yaml_error *);
typedef int (*dump_fn)(const void *, char **, size_t *);
typedef int (*load_list_fn)(void **, size_t *, const char *, size_t, slot_yaml_error *);
typedef int (*dump_list_fn)(const void *, size_t, char **, size_t *);

struct top {
	const slot_class *cls;
	load_fn load;
	dump_fn dump;
	load_list_fn load_list;
	dump_list_fn dump_list;
};

#define TOP(cname)                                                                        \
	{                                                                                 \
		&cname##_class, (load_fn)(void (*)(void))cname##_load_yaml,              \
			(dump_fn)(void (*)(void))cname##_dump_yaml,                      \
			(load_list_fn)(void (*)(void))cname##_load_yaml_list,            \
			(dump_list_fn)(void (*)(void))cname##_dump_yaml_list             \
	}

static const struct top tops[] = {
	TOP(mixer_channel), TOP(mixer_device), TOP(mixer_mixer),   TOP(mixer_console),
	TOP(mixer_bounds),  TOP(mixer_keyed),  TOP(mixer_counter), TOP(mixer_rack),
	TOP(game_player),   TOP(fleet_truck),  TOP(fleet_depot),   TOP(corners_scalars),
	TOP(corners_holder), TOP(corners_leaf), TOP(corners_tagged), TOP(corners_counter),
	TOP(corners_spelled), TOP(lists_bag),	TOP(lists_labeled), TOP(lists_node),
	TOP(lists_service), TOP(lists_deployment), TOP(lists_chain), TOP(lists_port),
};
#define NTOPS (sizeof tops / sizeof *tops)

/* ---- classes, by a key unique in the run ------------------------------------ */

static const slot_class *classes[64];
static size_t nclasses;

static void discover(const slot_class *cls)
{
	for (size_t i = 0; i < nclasses; i++)
		if (classes[i] == cls)
			return;
	if (nclasses == sizeof classes / sizeof *classes)
		abort();
	classes[nclasses++] = cls;
	for (size_t i = 0; i < cls->count; i++) {
		const slot_field *f = &cls->fields[i];
		const slot_elem *e = f->elem;
		while (e && (e->type == SLOT_LIST || e->type == SLOT_MAP))
			e = e->elem;
		if (f->type == SLOT_OBJECT || f->type == SLOT_OPTIONAL)
			discover(f->class_type);
		else if (e && e->type == SLOT_OBJECT)
			discover(e->class_type);
	}
}

/* A list's element, a dict's value or a union's type, as a slot of its
 * own: what json_element and fill_element take. */
static slot_field elem_field(const slot_elem *e)
{
	return slot_elem_field(e, "element");
}

/* "Counter", or "Counter#2" for the second class of that name. */
static void class_key(const slot_class *cls, char *out, size_t size)
{
	int same = 0;
	for (size_t i = 0; i < nclasses; i++) {
		if (strcmp(classes[i]->name, cls->name) == 0)
			same++;
		if (classes[i] == cls)
			break;
	}
	if (same > 1)
		snprintf(out, size, "%s#%d", cls->name, same);
	else
		snprintf(out, size, "%s", cls->name);
}

/* ---- JSON ------------------------------------------------------------------- */

static void json_string(FILE *out, const char *s, size_t n)
{
	putc('"', out);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			putc(c, out);
	}
	putc('"', out);
}

static void json_cstring(FILE *out, const char *s)
{
	json_string(out, s, strlen(s));
}

static void json_object(FILE *out, const void *obj, const slot_class *cls);

/* The integer of @p size bytes at @p v. */
static long long signed_at(const char *v, size_t size)
{
	switch (size) {
	case 1: return *(const int8_t *)(const void *)v;
	case 2: return *(const int16_t *)(const void *)v;
	case 4: return *(const int32_t *)(const void *)v;
	default: return *(const int64_t *)(const void *)v;
	}
}

static unsigned long long unsigned_at(const char *v, size_t size)
{
	switch (size) {
	case 1: return *(const uint8_t *)(const void *)v;
	case 2: return *(const uint16_t *)(const void *)v;
	case 4: return *(const uint32_t *)(const void *)v;
	default: return *(const uint64_t *)(const void *)v;
	}
}

static void json_element(FILE *out, const slot_field *f, const char *v)
{
	switch (f->type) {
	case SLOT_BOOL: fputs(*(const bool *)(const void *)v ? "true" : "false", out); return;
	case SLOT_INT8: case SLOT_INT16: case SLOT_INT32: case SLOT_INT64:
		fprintf(out, "%lld", signed_at(v, f->size));
		return;
	case SLOT_UINT8: case SLOT_UINT16: case SLOT_UINT32: case SLOT_UINT64:
		fprintf(out, "%llu", unsigned_at(v, f->size));
		return;
	case SLOT_FLOAT: case SLOT_DOUBLE: {
		double d = f->type == SLOT_FLOAT ? *(const float *)(const void *)v
						 : *(const double *)(const void *)v;
		if (isnan(d))
			fputs("\"nan\"", out);
		else
			fprintf(out, "\"%a\"", d);
		return;
	}
	case SLOT_STRING: {
		const char *s = slot_string_at(f, v);
		if (s)
			json_cstring(out, s);
		else
			fputs("null", out);
		return;
	}
	case SLOT_ENUM: {
		int e = *(const int *)(const void *)v;
		const char *name = slot_enum_name(f->enum_type, e);
		if (name)
			json_cstring(out, name);
		else
			fprintf(out, "%d", e);
		return;
	}
	case SLOT_OBJECT: json_object(out, v, f->class_type); return;
	case SLOT_BYTES: {
		const slot_bytes *b = (const slot_bytes *)(const void *)v;
		putc('"', out);
		for (size_t i = 0; i < b->len; i++)
			fprintf(out, "%02x", b->data[i]);
		putc('"', out);
		return;
	}
	case SLOT_LIST: {
		const slot_list *l = (const slot_list *)(const void *)v;
		slot_field ef = elem_field(f->elem);
		putc('[', out);
		for (uint32_t i = 0; i < l->len; i++) {
			if (i)
				putc(',', out);
			json_element(out, &ef, (const char *)l->items + (size_t)i * ef.size);
		}
		putc(']', out);
		return;
	}
	case SLOT_MAP: {
		const slot_map *m = (const slot_map *)(const void *)v;
		slot_field ef = elem_field(f->elem);
		putc('{', out);
		for (uint32_t i = 0; i < m->len; i++) {
			if (i)
				putc(',', out);
			json_cstring(out, slot_map_key_at(m, f->elem, i));
			putc(':', out);
			json_element(out, &ef, (const char *)slot_map_value_at(m, f->elem, i));
		}
		putc('}', out);
		return;
	}
	case SLOT_OPTIONAL: {
		const void *child = *(const void *const *)(const void *)v;
		if (child)
			json_object(out, child, f->class_type);
		else
			fputs("null", out);
		return;
	}
	case SLOT_UNION: {
		const slot_elem *a = slot_union_alt(f->elem, v);
		slot_field af = elem_field(a);
		fprintf(out, "{\"kind\":%d,\"value\":", (int)(a - f->elem->alts));
		json_element(out, &af, v + f->elem->offset);
		putc('}', out);
		return;
	}
	}
}

static void json_object(FILE *out, const void *obj, const slot_class *cls)
{
	const char *sep = "";
	putc('{', out);
	for (const slot_field *f = slot_next_set(obj, cls, NULL); f; f = slot_next_set(obj, cls, f)) {
		fputs(sep, out);
		json_cstring(out, f->name);
		putc(':', out);
		const char *v = (const char *)obj + f->offset;
		if (f->flags & SLOT_ARRAY) {
			putc('[', out);
			for (size_t k = 0; k < f->count; k++) {
				if (k)
					putc(',', out);
				json_element(out, f, v + k * f->size);
			}
			putc(']', out);
		} else {
			json_element(out, f, v);
		}
		sep = ",";
	}
	putc('}', out);
}

/* The JSON print of @p obj in a malloc'd string. */
static char *json_of(const void *obj, const slot_class *cls)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		abort();
	json_object(f, obj, cls);
	fclose(f);
	return buf;
}

/* The JSON description of the values of @p f: type, enum values, class,
 * and for a list its elements' (what oracle.py reads a value by). */
static void print_kind(const slot_field *f)
{
	char key[80];
	printf("\"type\":\"%s\",\"inline\":%zu", slot_type_name(f->type, NULL, NULL),
	       f->flags & SLOT_INLINE ? f->size - 1 : 0);
	if (f->type == SLOT_ENUM) {
		printf(",\"enum\":[");
		for (size_t k = 0; k < f->enum_type->count; k++) {
			printf("%s", k ? "," : "");
			json_cstring(stdout, f->enum_type->names[k]);
		}
		printf("]");
	}
	if (f->type == SLOT_OBJECT || f->type == SLOT_OPTIONAL) {
		class_key(f->class_type, key, sizeof key);
		printf(",\"class\":\"%s\"", key);
	}
	if (f->type == SLOT_LIST || f->type == SLOT_MAP) {
		slot_field ef = elem_field(f->elem);
		printf(",\"elem\":{");
		print_kind(&ef);
		printf("}");
	}
	if (f->type == SLOT_UNION) {
		printf(",\"alts\":[");
		for (size_t k = 0; k < f->elem->alt_count; k++) {
			slot_field af = elem_field(&f->elem->alts[k]);
			printf("%s{", k ? "," : "");
			print_kind(&af);
			printf("}");
		}
		printf("]");
	}
}

static void print_schema(void)
{
	char key[80];
	printf("{\"classes\":{");
	for (size_t c = 0; c < nclasses; c++) {
		const slot_class *cls = classes[c];
		class_key(cls, key, sizeof key);
		printf("%s\"%s\":{\"fields\":[", c ? "," : "", key);
		for (size_t i = 0; i < cls->count; i++) {
			const slot_field *f = &cls->fields[i];
			printf("%s{\"name\":", i ? "," : "");
			json_cstring(stdout, f->name);
			printf(",\"array\":%s,\"count\":%zu,\"readonly\":%s,\"default\":%s,"
			       "\"bit\":%s,",
			       f->flags & SLOT_ARRAY ? "true" : "false", f->count,
			       f->flags & SLOT_READONLY ? "true" : "false",
			       f->flags & SLOT_DEFAULT ? "true" : "false", f->mask ? "true" : "false");
			print_kind(f);
			printf("}");
		}
		void *obj = calloc(1, cls->size);
		char *zero = json_of(obj, cls);
		if (cls->defaults(obj) != SLOT_OK)
			abort();
		char *defaults = json_of(obj, cls);
		printf("],\"defaults\":%s,\"zero\":%s}", defaults, zero);
		slot_object_fini(obj, cls);
		free(obj);
		free(zero);
		free(defaults);
	}
	printf("},\"top\":[");
	for (size_t t = 0; t < NTOPS; t++) {
		class_key(tops[t].cls, key, sizeof key);
		printf("%s\"%s\"", t ? "," : "", key);
	}
	printf("]}\n");
}

/* ---- random objects --------------------------------------------------------- */

static uint64_t rng;

static uint64_t rnd64(void)
{
	/* splitmix64: a fixed sequence for a fixed seed */
	uint64_t z = (rng += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static unsigned rnd(unsigned n)
{
	return (unsigned)(rnd64() % n);
}

/* Pieces of strings: what YAML reads as something else when plain, what
 * needs quoting or escaping, and text beyond ASCII. */
static const char *const pieces[] = {
	"yes", "No", "ON", "off", "y", "n", "Y", "true", "False", "null", "Null", "~", "",
	"0x10", "0o17", "0b101", "1_000", "1:20", "190:20:30", "1e3", "1.0e+3", ".inf", "-.Inf",
	".nan", "NaN", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "=", "<<", "-", "- a", "? x",
	"a: b", "a:b", " #c", "#", "'", "\"", "\\", "\\n", "[", "]", "{", "}", ",", "&a", "*a", "!tag",
	"!!str", "%YAML", "@", "`", "|", ">", " ", "  ", "\t", "\n", "\r\n", "\r", "\x01", "\x1f",
	"\x7f", "caf\xc3\xa9", "\xf0\x9f\x98\x80", "\xe2\x80\xa8", "\xe2\x80\xa9", "\xc2\x85",
	"\xc2\x91", "\xc2\xa0", "\xef\xbb\xbf", "\xef\xbf\xbe", "\xef\xbf\xbf", "\xf4\x8f\xbf\xbf",
	"\xe4\xb8\xad\xe6\x96\x87", "word", "x", "0", "-1", "+1", "12", "007", "3.14", "---", "...",
};
#define NPIECES (sizeof pieces / sizeof *pieces)

/* A random string of at most @p max bytes (0: any), whole characters only. */
static void random_string(char *out, size_t max)
{
	size_t n = 0, parts = rnd(6);
	size_t cap = max ? max : 200;
	out[0] = '\0';
	for (size_t i = 0; i < parts; i++) {
		const char *p = pieces[rnd(NPIECES)];
		size_t len = strlen(p);
		if (n + len > cap)
			break;
		memcpy(out + n, p, len);
		n += len;
		out[n] = '\0';
	}
}

static void fill_object(void *obj, const slot_class *cls, int depth);

static double random_double(bool single)
{
	static const double doubles[] = {0.0, -0.0, 1.0, -1.0, 0.1, 1e-5, 1e16, 1e15, 123.456,
					 DBL_MAX, -DBL_MAX, DBL_MIN, 4.9406564584124654e-324,
					 2.2250738585072009e-308, 9007199254740993.0, 1e300, 1e-300};
	static const float floats[] = {0.0f, -0.0f, 1.0f, 0.1f, 1e-5f, 1e16f, FLT_MAX, -FLT_MAX,
				       FLT_MIN, 1.40129846e-45f, 16777217.0f, 3.4e38f};
	switch (rnd(8)) {
	case 0: return rnd(2) ? HUGE_VAL : -HUGE_VAL;
	case 1: return NAN;
	case 2: return single ? floats[rnd(sizeof floats / sizeof *floats)]
			      : doubles[rnd(sizeof doubles / sizeof *doubles)];
	case 3: return ((double)rnd(2000001) - 1000000.0) / (1 + rnd(1000));
	default: {
		for (;;) {
			uint64_t bits = rnd64();
			if (single) {
				uint32_t b32 = (uint32_t)bits;
				float f;
				memcpy(&f, &b32, sizeof f);
				if (!isnan(f))
					return f;
			} else {
				double d;
				memcpy(&d, &bits, sizeof d);
				if (!isnan(d))
					return d;
			}
		}
	}
	}
}

static uint64_t random_unsigned(uint64_t max)
{
	switch (rnd(6)) {
	case 0: return 0;
	case 1: return max;
	case 2: return max - 1;
	case 3: return 1;
	default: return max == UINT64_MAX ? rnd64() : rnd64() % (max + 1);
	}
}

static int64_t random_signed(int64_t min, int64_t max)
{
	switch (rnd(7)) {
	case 0: return min;
	case 1: return max;
	case 2: return -1;
	case 3: return 0;
	case 4: return min + 1;
	default: {
		uint64_t span = (uint64_t)max - (uint64_t)min;
		return span == UINT64_MAX ? (int64_t)rnd64() : min + (int64_t)(rnd64() % (span + 1));
	}
	}
}

/* Whether values of @p f are collections, a level deeper. */
static int nests(const slot_field *f)
{
	return f->type == SLOT_LIST || f->type == SLOT_MAP;
}

/* A random value into the element of @p f at @p at. */
static void fill_element(char *at, const slot_field *f, int depth)
{
	switch (f->type) {
	case SLOT_BOOL: *(bool *)(void *)at = rnd(2); return;
	case SLOT_INT8: *(int8_t *)(void *)at = (int8_t)random_signed(INT8_MIN, INT8_MAX); return;
	case SLOT_INT16: *(int16_t *)(void *)at = (int16_t)random_signed(INT16_MIN, INT16_MAX); return;
	case SLOT_INT32: *(int32_t *)(void *)at = (int32_t)random_signed(INT32_MIN, INT32_MAX); return;
	case SLOT_INT64: *(int64_t *)(void *)at = random_signed(INT64_MIN, INT64_MAX); return;
	case SLOT_UINT8: *(uint8_t *)(void *)at = (uint8_t)random_unsigned(UINT8_MAX); return;
	case SLOT_UINT16: *(uint16_t *)(void *)at = (uint16_t)random_unsigned(UINT16_MAX); return;
	case SLOT_UINT32: *(uint32_t *)(void *)at = (uint32_t)random_unsigned(UINT32_MAX); return;
	case SLOT_UINT64: *(uint64_t *)(void *)at = random_unsigned(UINT64_MAX); return;
	case SLOT_FLOAT: *(float *)(void *)at = (float)random_double(true); return;
	case SLOT_DOUBLE: *(double *)(void *)at = random_double(false); return;
	case SLOT_ENUM: *(int *)(void *)at = (int)rnd((unsigned)f->enum_type->count); return;
	case SLOT_STRING: {
		char text[256];
		if (!(f->flags & SLOT_INLINE) && (f->flags & SLOT_ARRAY) && rnd(5) == 0) {
			free(*(char **)(void *)at);
			*(char **)(void *)at = NULL; /* a NULL element */
			return;
		}
		random_string(text, f->flags & SLOT_INLINE ? f->size - 1 : 0);
		slot_value v;
		memset(&v, 0, sizeof v);
		v.type = SLOT_STRING;
		v.count = 1;
		v.as.s = text;
		if (slot_store(at, f, &v) != SLOT_OK)
			abort();
		return;
	}
	case SLOT_OBJECT:
		/* An empty element (every slot unset), or one filled at random. */
		if ((f->flags & SLOT_ARRAY) && rnd(3) == 0)
			return;
		if (f->class_type->defaults(at) != SLOT_OK)
			abort();
		fill_object(at, f->class_type, depth + 1);
		return;
	case SLOT_BYTES: {
		/* Now and then every byte value, each in every place of a group of
		 * three; else a few bytes, or none. */
		unsigned char data[258];
		size_t n = rnd(5) == 0 ? 256 + rnd(3) : rnd(12);
		for (size_t i = 0; i < n; i++)
			data[i] = n > 255 ? (unsigned char)i : (unsigned char)rnd(256);
		if (slot_bytes_assign((slot_bytes *)(void *)at, data, n) != SLOT_OK)
			abort();
		return;
	}
	case SLOT_LIST: {
		/* Empty now and then; a tree of objects through lists stays small. */
		slot_list *l = (slot_list *)(void *)at;
		slot_field ef = elem_field(f->elem);
		size_t n = depth > 3 ? 0 : rnd(6);
		slot_list_fini(l, f->elem);
		if (n && slot_list_reserve(l, ef.size, n) != SLOT_OK)
			abort();
		for (size_t i = 0; i < n; i++) {
			char *item = (char *)l->items + (size_t)l->len++ * ef.size;
			memset(item, 0, ef.size);
			fill_element(item, &ef, depth + nests(&ef));
		}
		return;
	}
	case SLOT_MAP: {
		/* Keys of the pieces of strings: YAML words, quotes, long ones. */
		slot_map *m = (slot_map *)(void *)at;
		slot_field ef = elem_field(f->elem);
		size_t n = depth > 3 ? 0 : rnd(6);
		slot_map_fini(m, f->elem);
		for (size_t i = 0; i < n; i++) {
			char key[1024], more[256];
			void *value;
			random_string(key, 0);
			/* Now and then one past 250 bytes: an explicit key. */
			for (bool longer = rnd(8) == 0; longer && strlen(key) <= 250;) {
				random_string(more, 0);
				strcat(key, more);
				strcat(key, " long key");
			}
			slot_str copy;
			memset(&copy, 0, sizeof copy);
			if (slot_str_assign(&copy, key) != SLOT_OK)
				abort();
			if (slot_map_add(m, f->elem, &copy, &value) != SLOT_OK) {
				slot_str_fini(&copy); /* given twice */
				continue;
			}
			fill_element(value, &ef, depth + nests(&ef));
		}
		return;
	}
	case SLOT_OPTIONAL: {
		/* None, or a child: a chain of a few. */
		slot_elem e = slot_field_elem(f);
		slot_value_fini(at, &e);
		*(void **)(void *)at = NULL;
		if (depth > 3 || rnd(3) == 0)
			return;
		void *child = malloc(f->class_type->size);
		if (!child || f->class_type->defaults(child) != SLOT_OK)
			abort();
		fill_object(child, f->class_type, depth + 1);
		*(void **)(void *)at = child;
		return;
	}
	case SLOT_UNION: {
		/* Any of its types, a value of it at random. */
		const slot_elem *u = f->elem, *a = &u->alts[rnd((unsigned)u->alt_count)];
		slot_field af = elem_field(a);
		slot_value_fini(at, u);
		memset(at, 0, u->size);
		*(unsigned char *)(void *)at = (unsigned char)(a - u->alts);
		fill_element(at + u->offset, &af, depth);
		return;
	}
	}
}

/* Each slot of @p obj (at its defaults) kept, cleared or set at random. */
static void fill_object(void *obj, const slot_class *cls, int depth)
{
	for (size_t i = 0; i < cls->count; i++) {
		const slot_field *f = &cls->fields[i];
		char *at = (char *)obj + f->offset;
		unsigned r = rnd(8);
		if ((f->type == SLOT_OBJECT || f->type == SLOT_OPTIONAL) && depth > 3)
			r = 0; /* not too deep */
		if (r <= 1 && f->mask) { /* unset, even one with a default */
			slot_elem e = slot_field_elem(f);
			for (size_t k = 0; k < f->count; k++)
				slot_value_fini(at + k * f->size, &e);
			memset(at, 0, f->size * f->count);
			slot_mark(obj, f, false);
			continue;
		}
		if (r == 2 && !(f->flags & SLOT_READONLY))
			continue; /* as it is: its default, or unset */
		for (size_t k = 0; k < f->count; k++)
			if (f->type != SLOT_OBJECT || !(f->flags & SLOT_ARRAY) || rnd(3))
				fill_element(at + k * f->size, f, depth);
		slot_mark(obj, f, true);
	}
}

/* ---- the two ways ----------------------------------------------------------- */

static int dump_all(uint64_t seed, unsigned count)
{
	char key[80];
	int failures = 0;
	rng = seed;
	for (size_t t = 0; t < NTOPS; t++) {
		const struct top *top = &tops[t];
		const slot_class *cls = top->cls;
		class_key(cls, key, sizeof key);
		for (unsigned r = 0; r < count; r++) {
			/* Mostly one object; now and then a list of up to four. */
			size_t n = r % 8 == 7 ? rnd(5) : 1;
			bool list = r % 8 == 7;
			char *objs = (char *)calloc(n ? n : 1, cls->size);
			for (size_t i = 0; i < n; i++) {
				if (cls->defaults(objs + i * cls->size) != SLOT_OK)
					abort();
				fill_object(objs + i * cls->size, cls, 0);
			}
			char *text = NULL;
			size_t len = 0;
			int rc = list ? top->dump_list(objs, n, &text, &len) : top->dump(objs, &text, &len);
			if (rc != SLOT_OK) {
				fprintf(stderr, "%s: dump failed: %d\n", key, rc);
				return 1;
			}
			/* The dump loads back, and prints the same. */
			slot_yaml_error err;
			void *back = NULL;
			size_t m = 1;
			char *again = NULL;
			bool same = false;
			if (list)
				rc = top->load_list(&back, &m, text, len, &err);
			else
				rc = top->load(back = malloc(cls->size), text, len, &err);
			printf("{\"class\":\"%s\",\"list\":%s,\"yaml\":", key, list ? "true" : "false");
			json_string(stdout, text, len);
			printf(",\"value\":%s", list ? "[" : "");
			for (size_t i = 0; i < n; i++) {
				char *j = json_of(objs + i * cls->size, cls);
				printf("%s%s", i ? "," : "", j);
				free(j);
			}
			printf("%s", list ? "]" : "");
			if (rc == SLOT_OK && m == n) {
				same = true;
				for (size_t i = 0; i < n; i++) {
					char *a = json_of(objs + i * cls->size, cls);
					again = json_of((char *)back + i * cls->size, cls);
					same = same && strcmp(a, again) == 0;
					free(a);
					free(again);
				}
			}
			printf(",\"reloaded\":%s}\n", same ? "true" : "false");
			if (!same) {
				fprintf(stderr, "%s: the dump does not load back the same (%s):\n%s\n", key,
					rc == SLOT_OK ? "changed" : err.message, text);
				failures++;
			}
			if (rc == SLOT_OK)
				for (size_t i = 0; i < m; i++)
					slot_object_fini((char *)back + i * cls->size, cls);
			free(back);
			for (size_t i = 0; i < n; i++)
				slot_object_fini(objs + i * cls->size, cls);
			free(objs);
			free(text);
		}
	}
	return failures ? 1 : 0;
}

static const struct top *top_of(const char *key)
{
	char k[80];
	for (size_t t = 0; t < NTOPS; t++) {
		class_key(tops[t].cls, k, sizeof k);
		if (strcmp(k, key) == 0)
			return &tops[t];
	}
	return NULL;
}

static int load_all(void)
{
	char key[80];
	int list;
	size_t len;
	while (scanf("%79s %d %zu", key, &list, &len) == 3) {
		if (getchar() != '\n')
			return 2;
		char *text = (char *)malloc(len + 1);
		if (!text || fread(text, 1, len, stdin) != len)
			return 2;
		const struct top *top = top_of(key);
		if (!top)
			return 2;
		const slot_class *cls = top->cls;
		slot_yaml_error err;
		void *objs = NULL;
		size_t n = 1;
		int rc = list ? top->load_list(&objs, &n, text, len, &err)
			      : top->load(objs = malloc(cls->size), text, len, &err);
		if (rc != SLOT_OK) {
			printf("{\"ok\":false,\"error\":");
			char where[300];
			snprintf(where, sizeof where, "%lu:%lu: %s", err.line, err.column, err.message);
			json_cstring(stdout, where);
			printf("}\n");
		} else {
			printf("{\"ok\":true,\"value\":%s", list ? "[" : "");
			for (size_t i = 0; i < n; i++) {
				char *j = json_of((char *)objs + i * cls->size, cls);
				printf("%s%s", i ? "," : "", j);
				free(j);
				slot_object_fini((char *)objs + i * cls->size, cls);
			}
			printf("%s}\n", list ? "]" : "");
		}
		free(objs);
		free(text);
	}
	return 0;
}

int main(int argc, char **argv)
{
	for (size_t t = 0; t < NTOPS; t++)
		discover(tops[t].cls);
	if (argc == 2 && strcmp(argv[1], "schema") == 0) {
		print_schema();
		return 0;
	}
	if (argc == 4 && strcmp(argv[1], "dump") == 0)
		return dump_all(strtoull(argv[2], NULL, 10), (unsigned)strtoul(argv[3], NULL, 10));
	if (argc == 2 && strcmp(argv[1], "load") == 0)
		return load_all();
	fprintf(stderr, "usage: oracle schema | dump SEED COUNT | load\n");
	return 2;
}
