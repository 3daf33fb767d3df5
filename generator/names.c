/* names.c - schema names to C identifiers. */
#include "names.h"

#include <ctype.h>
#include <string.h>

/* Everything a class declares or defines: its functions and, in MODULE.c,
 * its tables; and with --yaml, in MODULE_yaml.h, its YAML functions (checked
 * whether or not this run writes them, so that adding --yaml later cannot
 * break a schema that passed). */
const char *const sg_class_suffixes[] = {
	"init",      "fini",        "new",         "free",     "copy",
	"equal",     "repr",        "class",       "fields",   "slot_disp",
	"slot_table", "slot_lookup", "slot_by_length", "defaults",
	"load_yaml", "load_yaml_list", "load_yaml_file", "load_yaml_list_file",
	"dump_yaml", "dump_yaml_list", NULL};
const char *const sg_enum_suffixes[] = {"enum",         "names",          "value_disp",
					"value_table",  "value_lookup",   "value_by_length",
					"is_int_sized", NULL};
const char *const sg_slot_verbs[] = {"get", "set", "has", "clear", "mut", NULL};
const char *const sg_slot_at_verbs[] = {"get", "set", "mut", NULL};
const char *const sg_list_verbs[] = {"len", "append", "reserve", "empty", NULL};
const char *const sg_list_at_verbs[] = {"insert", "remove", NULL};
const char *const sg_map_verbs[] = {"len", "put", "delete", "contains", "reserve", "empty", NULL};
const char *const sg_map_at_verbs[] = {"key", "value", NULL};
const char *const sg_optional_verbs[] = {"ensure", "take", NULL};
const char *const sg_union_verbs[] = {"kind", NULL};

/* Macros of the C library headers that generated code includes: a member
 * of that name would be replaced before the compiler sees it. */
static const char *const libc_macros[] = {
	"BUFSIZ", "EOF", "FILENAME_MAX", "HUGE_VAL", "HUGE_VALF", "INFINITY", "NAN", "NULL",
	"assert", "errno", "fpclassify", "isfinite", "isinf", "isnan", "isnormal", "offsetof",
	"signbit", "stderr", "stdin", "stdout",
};

bool sg_is_libc_macro(const char *name)
{
	for (size_t i = 0; i < sizeof libc_macros / sizeof *libc_macros; i++)
		if (strcmp(name, libc_macros[i]) == 0)
			return true;
	return false;
}

/* C11 and C++ keywords: a slot is a struct member, and headers compile as C++. */
static const char *const keywords[] = {
	"_Alignas", "_Alignof", "_Atomic", "_Bool", "_Complex", "_Generic", "_Imaginary",
	"_Noreturn", "_Static_assert", "_Thread_local", "alignas", "alignof", "and", "and_eq",
	"asm", "auto", "bitand", "bitor", "bool", "break", "case", "catch", "char", "char16_t",
	"char32_t", "char8_t", "class", "co_await", "co_return", "co_yield", "compl", "concept",
	"const", "const_cast", "consteval", "constexpr", "constinit", "continue", "decltype",
	"default", "delete", "do", "double", "dynamic_cast", "else", "enum", "explicit",
	"export", "extern", "false", "float", "for", "friend", "goto", "if", "inline", "int",
	"long", "mutable", "namespace", "new", "noexcept", "not", "not_eq", "nullptr",
	"operator", "or", "or_eq", "private", "protected", "public", "register",
	"reinterpret_cast", "requires", "restrict", "return", "short", "signed", "sizeof",
	"static", "static_assert", "static_cast", "struct", "switch", "template", "this",
	"thread_local", "throw", "true", "try", "typedef", "typeid", "typename", "union",
	"unsigned", "using", "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq",
};

bool sg_is_keyword(const char *name)
{
	size_t lo = 0, hi = sizeof keywords / sizeof *keywords;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(name, keywords[mid]);
		if (c == 0)
			return true;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return false;
}

const char *sg_member_name_problem(const char *name)
{
	const char *problem = sg_identifier_problem(name);
	if (problem && (sg_is_keyword(name) || sg_is_libc_macro(name)))
		return NULL;
	return problem;
}

const char *sg_slot_member(struct sg_arena *arena, const struct sg_slot *s)
{
	if (sg_is_keyword(s->name) || sg_is_libc_macro(s->name))
		return sg_arena_printf(arena, "%s_", s->name);
	return s->name;
}

const char *sg_slot_param(struct sg_arena *arena, const struct sg_slot *s)
{
	const char *member = sg_slot_member(arena, s);
	if (member && (strcmp(member, "o") == 0 || strcmp(member, "rc") == 0))
		return sg_arena_printf(arena, "%s_", member);
	return member;
}

const char *sg_identifier_problem(const char *name)
{
	if (!*name)
		return "is empty";
	if (!isalpha((unsigned char)*name))
		return "must start with a letter";
	for (const char *p = name; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '_')
			return "may hold only letters, digits and '_'";
	if (strstr(name, "__"))
		return "may not contain '__' (reserved in C and C++)";
	if (name[strlen(name) - 1] == '_')
		return "may not end with '_'";
	if (sg_is_keyword(name))
		return "is a C or C++ keyword";
	if (sg_is_libc_macro(name))
		return "is a macro of the C library";
	return NULL;
}

char *sg_snake(struct sg_arena *arena, const char *name)
{
	size_t n = strlen(name);
	char *out = sg_arena_alloc(arena, 2 * n + 1);
	if (!out)
		return NULL;
	char *o = out;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)name[i];
		if (isupper(c) && i > 0 && o[-1] != '_') {
			unsigned char prev = (unsigned char)name[i - 1];
			unsigned char next = (unsigned char)name[i + 1];
			if (islower(prev) || isdigit(prev) || (isupper(prev) && islower(next)))
				*o++ = '_';
		}
		*o++ = (char)tolower(c);
	}
	*o = '\0';
	return out;
}

char *sg_upper(struct sg_arena *arena, const char *name)
{
	char *out = sg_arena_strdup(arena, name);
	for (char *p = out; p && *p; p++)
		*p = (char)toupper((unsigned char)*p);
	return out;
}

char *sg_class_cname(struct sg_arena *arena, const struct sg_class *c)
{
	char *snake = sg_snake(arena, c->name);
	return snake ? sg_arena_printf(arena, "%s_%s", c->module->name, snake) : NULL;
}

char *sg_enum_cname(struct sg_arena *arena, const struct sg_enum *e)
{
	char *snake = sg_snake(arena, e->name);
	return snake ? sg_arena_printf(arena, "%s_%s", e->module->name, snake) : NULL;
}

char *sg_enum_value_cname(struct sg_arena *arena, const struct sg_enum *e, size_t i)
{
	char *type = sg_enum_cname(arena, e);
	char *s = type ? sg_arena_printf(arena, "%s_%s", type, e->values[i].name) : NULL;
	return s ? sg_upper(arena, s) : NULL;
}

char *sg_decl_cname(struct sg_arena *arena, const char *type_cname, const char *suffix)
{
	return type_cname ? sg_arena_printf(arena, "%s_%s", type_cname, suffix) : NULL;
}

char *sg_slot_fn_cname(struct sg_arena *arena, const char *class_cname, const char *verb,
		       const char *slot, bool at)
{
	return class_cname ? sg_arena_printf(arena, "%s_%s_%s%s", class_cname, verb, slot,
					     at ? "_at" : "")
			   : NULL;
}

char *sg_slot_elem_cname(struct sg_arena *arena, const char *class_cname, const char *slot,
			 unsigned depth)
{
	if (!class_cname)
		return NULL;
	if (depth == 1)
		return sg_arena_printf(arena, "%s_%s_elem", class_cname, slot);
	return sg_arena_printf(arena, "%s_%s_elem_%u", class_cname, slot, depth);
}

size_t sg_name_count(const char *const *list)
{
	size_t n = 0;
	while (list[n])
		n++;
	return n;
}

size_t sg_name_index(const char *const *list, const char *entry)
{
	size_t i = 0;
	while (list[i] && strcmp(list[i], entry) != 0)
		i++;
	return i;
}

char *sg_module_guard(struct sg_arena *arena, const struct sg_module *m)
{
	char *upper = sg_upper(arena, m->name);
	return upper ? sg_arena_printf(arena, "SLOTGEN_%s_H", upper) : NULL;
}

char *sg_module_yaml_guard(struct sg_arena *arena, const struct sg_module *m)
{
	char *upper = sg_upper(arena, m->name);
	return upper ? sg_arena_printf(arena, "SLOTGEN_%s_YAML_H", upper) : NULL;
}

char *sg_module_py_init(struct sg_arena *arena, const struct sg_module *m)
{
	return sg_arena_printf(arena, "PyInit_%s", m->name);
}

char *sg_module_py_table(struct sg_arena *arena, const struct sg_module *m, const char *what)
{
	return sg_arena_printf(arena, "%s_python_%s", m->name, what);
}

char *sg_module_format_macro(struct sg_arena *arena, const struct sg_module *m)
{
	char *upper = sg_upper(arena, m->name);
	return upper ? sg_arena_printf(arena, "%s_SLOTGEN_FORMAT", upper) : NULL;
}

/* ---- tables of names ------------------------------------------------------ */

static size_t hash_name(const char *s)
{
	size_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

bool sg_name_table_init(struct sg_arena *arena, struct sg_name_table *t, size_t n)
{
	t->cap = 16;
	while (t->cap < 2 * n + 1)
		t->cap *= 2;
	t->count = 0;
	t->slots = sg_arena_alloc(arena, t->cap * sizeof *t->slots);
	return t->slots != NULL;
}

static void table_put(struct sg_name_table *t, const struct sg_name_def *e)
{
	size_t i = hash_name(e->name) & (t->cap - 1);
	while (t->slots[i].name)
		i = (i + 1) & (t->cap - 1);
	t->slots[i] = *e;
	t->count++;
}

const struct sg_name_def *sg_name_table_find(const struct sg_name_table *t, const char *name)
{
	size_t i = hash_name(name) & (t->cap - 1);
	while (t->slots[i].name) {
		if (strcmp(t->slots[i].name, name) == 0)
			return &t->slots[i];
		i = (i + 1) & (t->cap - 1);
	}
	return NULL;
}

bool sg_name_table_add(struct sg_arena *arena, struct sg_name_table *t,
		       const struct sg_name_def *e, const struct sg_name_def **first)
{
	*first = sg_name_table_find(t, e->name);
	if (*first)
		return true;
	if (2 * (t->count + 1) > t->cap) {
		struct sg_name_table bigger = {NULL, 2 * t->cap, 0};
		bigger.slots = sg_arena_alloc(arena, bigger.cap * sizeof *bigger.slots);
		if (!bigger.slots)
			return false;
		for (size_t j = 0; j < t->cap; j++)
			if (t->slots[j].name)
				table_put(&bigger, &t->slots[j]);
		*t = bigger; /* the old slots stay in the arena until the run ends */
	}
	table_put(t, e);
	return true;
}
