/* check-checker.c - names, types, inheritance and defaults. */
#include <float.h>

#include "support.h"

#define HEAD "slotgen: 1\nmodule: m\n"

/* Check a schema expected to fail; its diagnostics, paths shortened. */
static const char *errors_of(const char *text)
{
	struct sg_program p;
	ck_assert(!check_text(text, &p));
	return diags_here();
}

START_TEST(test_resolves_types_parents_defaults)
{
	struct sg_program p;
	ck_assert_msg(check_text(HEAD "enums:\n  E: {values: [a, b]}\nclasses:\n"
				      "  Sub: {extends: Base, slots: {e: {type: E, default: b}}}\n"
				      "  Base:\n    slots:\n      n: {type: int8, default: -128}\n"
				      "      u: {type: uint64, default: 0xFFFFFFFFFFFFFFFF}\n"
				      "      f: {type: float, default: .inf}\n"
				      "      b: {type: bool, default: yes}\n"
				      "      s: {type: string, default: '42'}\n"
				      "      o: Sub2\n  Sub2: {}\n",
				&p),
		      "%s", diag_text());
	const struct sg_module *m = p.modules[0];
	const struct sg_class *sub = &m->classes[0], *base = &m->classes[1];
	ck_assert_ptr_eq(sub->parent, base);
	ck_assert_int_eq(sub->slots[0].type, SG_TYPE_ENUM);
	ck_assert_ptr_eq(sub->slots[0].enm, &m->enums[0]);
	ck_assert_uint_eq(sub->slots[0].value.e, 1);
	ck_assert_int_eq(base->slots[0].value.i, -128);
	ck_assert(base->slots[1].value.u == UINT64_MAX);
	ck_assert(base->slots[2].value.d > 1e300);
	ck_assert(base->slots[3].value.b);
	ck_assert_str_eq(base->slots[4].value.s, "42");
	ck_assert_ptr_eq(base->slots[5].cls, &m->classes[2]);
}
END_TEST

START_TEST(test_duplicates_have_notes)
{
	ck_assert_text_eq(errors_of(HEAD "classes:\n  A:\n    slots:\n      x: int8\n      x: int16\n"
					 "  A: {}\nenums:\n  E: {values: [a, a]}\n"),
			  "s.yaml:8:3: error: duplicate class 'A'\n"
			  "s.yaml:4:3: note: 'A' first defined here\n"
			  "s.yaml:10:19: error: duplicate enum value 'a'\n"
			  "s.yaml:10:16: note: 'a' first defined here\n"
			  "s.yaml:7:7: error: duplicate slot 'x'\n"
			  "s.yaml:6:7: note: 'x' first defined here\n");
}
END_TEST

START_TEST(test_identifiers)
{
	ck_assert_text_eq(errors_of(HEAD "classes:\n  A:\n    slots:\n      2x: int8\n      a__b: int8\n"
					 "      c_: int8\n      int: int8\n      class: int8\n"
					 "      slot_bits: int8\n      a-b: int8\n"),
			  "s.yaml:6:7: error: slot name '2x' must start with a letter\n"
			  "s.yaml:7:7: error: slot name 'a__b' may not contain '__' (reserved in C and C++)\n"
			  "s.yaml:8:7: error: slot name 'c_' may not end with '_'\n"
			  "s.yaml:11:7: error: slot name 'slot_bits' is reserved: names starting with "
			  "'slot_' are slotgen's\n"
			  "s.yaml:12:7: error: slot name 'a-b' may hold only letters, digits and '_'\n");
	/* Keywords and macros are fine as slot and enum value names (their C
	 * spellings never stand alone), not as type names. */
	sg_diags_fini(&T.diags);
	ck_assert_text_eq(errors_of(HEAD "enums:\n  union: {values: [int, EOF]}\n  E: {values: [x]}\n"
					 "classes:\n  A:\n    slots:\n      int: int8\n      EOF: int8\n"
					 "  class: {}\n"),
			  "s.yaml:11:3: error: class name 'class' is a C or C++ keyword\n"
			  "s.yaml:4:3: error: enum name 'union' is a C or C++ keyword\n");
}
END_TEST

START_TEST(test_unknown_types_suggest)
{
	ck_assert_text_eq(errors_of(HEAD "classes:\n  Point:\n    slots:\n      x: flaot\n"
					 "      p: Pont\n      q: Zebra\n"),
			  "s.yaml:6:10: error: unknown type 'flaot'; did you mean 'float'?\n"
			  "s.yaml:7:10: error: unknown type 'Pont'; did you mean 'Point'?\n"
			  "s.yaml:8:10: error: unknown type 'Zebra'\n");
}
END_TEST

START_TEST(test_inheritance_errors)
{
	ck_assert_text_eq(errors_of(HEAD "enums:\n  E: {values: [a]}\nclasses:\n"
					 "  A: {extends: B}\n  B: {extends: A}\n"
					 "  C: {extends: [D, F]}\n  D: {}\n  F: {}\n  G: {extends: E}\n"
					 "  H: {extends: Nope}\n"),
			  "s.yaml:8:20: error: multiple bases have instance lay-out conflict\n"
			  "s.yaml:8:3: note: 'C' may extend one class only\n"
			  "s.yaml:11:16: error: 'E' is an enum; a class can only extend a class\n"
			  "s.yaml:12:16: error: unknown base class 'Nope'\n"
			  "s.yaml:6:16: error: inheritance cycle: A -> B -> A\n");
}
END_TEST

START_TEST(test_redeclared_inherited_slot)
{
	ck_assert_text_eq(errors_of(HEAD "classes:\n  A:\n    slots:\n      x: int8\n"
					 "  B: {extends: A}\n  C:\n    extends: B\n    slots:\n      x: int8\n"),
			  "s.yaml:11:7: error: slot 'x' re-declares the slot inherited from 'A'\n"
			  "s.yaml:6:7: note: 'x' first defined here\n");
}
END_TEST

START_TEST(test_class_containing_itself)
{
	ck_assert_text_eq(errors_of(HEAD "classes:\n  A:\n    slots:\n      b: B\n"
					 "  B:\n    slots:\n      a: A\n"),
			  "s.yaml:9:10: error: slot 'a' makes class 'A' contain itself\n");
}
END_TEST

/* Every integer type, at both ends of its range and one past. */
START_TEST(test_integer_default_ranges)
{
	static const struct {
		const char *type, *min, *max, *below, *above;
	} types[] = {
		{"int8", "-128", "127", "-129", "128"},
		{"int16", "-32768", "32767", "-32769", "32768"},
		{"int32", "-2147483648", "2147483647", "-2147483649", "2147483648"},
		{"int64", "-9223372036854775808", "9223372036854775807", "-9223372036854775809",
		 "9223372036854775808"},
		{"uint8", "0", "255", "-1", "256"},
		{"uint16", "0", "65535", "-1", "65536"},
		{"uint32", "0", "4294967295", "-1", "4294967296"},
		{"uint64", "0", "18446744073709551615", "-1", "18446744073709551616"},
	};
	for (size_t i = 0; i < sizeof types / sizeof *types; i++) {
		struct sg_program p;
		char *ok = sg_arena_printf(&T.arena,
					   HEAD "classes:\n  A:\n    slots:\n      a: {type: %s, default: %s}\n"
						"      b: {type: %s, default: %s}\n",
					   types[i].type, types[i].min, types[i].type, types[i].max);
		ck_assert_msg(check_text(ok, &p), "%s: %s", types[i].type, diag_text());
		sg_diags_fini(&T.diags);
		char *bad = sg_arena_printf(&T.arena,
					    HEAD "classes:\n  A:\n    slots:\n      a: {type: %s, default: %s}\n"
						 "      b: {type: %s, default: %s}\n",
					    types[i].type, types[i].below, types[i].type, types[i].above);
		ck_assert(!check_text(bad, &p));
		ck_assert_uint_eq(T.diags.errors, 2);
		ck_assert_msg(strstr(diag_text(), "is out of range for") != NULL, "%s", diag_text());
		sg_diags_fini(&T.diags);
	}
}
END_TEST

START_TEST(test_default_errors)
{
	ck_assert_text_eq(
		errors_of(HEAD "enums:\n  E: {values: [a]}\nclasses:\n  V: {}\n  A:\n    slots:\n"
			       "      i: {type: int32, default: '5'}\n"
			       "      b: {type: bool, default: maybe}\n"
			       "      e: {type: E, default: z}\n"
			       "      f: {type: float, default: 1e39}\n"
			       "      r: {type: int8, readonly: true, default: 1}\n"
			       "      a: {type: int8, array: 2, default: 1}\n"
			       "      v: {type: V, default: 1}\n"
			       "      l: {type: int8, default: [1]}\n"
			       "      ro: {type: V, readonly: true}\n"),
		"s.yaml:9:33: error: default of slot 'i' must be a whole number (int32), not the string '5'\n"
		"s.yaml:10:32: error: default of slot 'b' must be true or false, not 'maybe'\n"
		"s.yaml:11:29: error: 'z' is not a value of enum 'E'\n"
		"s.yaml:12:33: error: default 1e39 of slot 'f' is out of range for float\n"
		"s.yaml:13:48: error: readonly slot 'r' takes its value from init; it cannot have a "
		"default\n"
		"s.yaml:14:42: error: array slot 'a' cannot have a default\n"
		"s.yaml:15:29: error: slot 'v' holds a class; it cannot have a default (init with V's "
		"own)\n"
		"s.yaml:16:32: error: default of slot 'l' must be a single int8 value\n"
		"s.yaml:17:7: error: readonly slot 'ro' must hold a number, bool, string or enum\n");
}
END_TEST

/* A float default is read as strtof reads it, rounded once: FLT_MAX's
 * shortest spelling, above FLT_MAX as a double, is FLT_MAX; what rounds to
 * infinity, or to zero, is out of range. */
START_TEST(test_float_defaults_as_strtof)
{
	struct sg_program p;
	ck_assert_msg(check_text(HEAD "classes:\n  A:\n    slots:\n"
				      "      f: {type: float, default: 3.4028235e38}\n"
				      "      g: {type: float, default: -3.40282356e38}\n",
				&p),
		      "%s", diag_text());
	ck_assert(p.modules[0]->classes[0].slots[0].value.d == FLT_MAX);
	ck_assert(p.modules[0]->classes[0].slots[1].value.d == -FLT_MAX);
	ck_assert_text_eq(errors_of(HEAD "classes:\n  A:\n    slots:\n"
					 "      f: {type: float, default: 3.4028236e38}\n"
					 "      g: {type: float, default: 1e-46}\n"),
			  "s.yaml:6:33: error: default 3.4028236e38 of slot 'f' is out of range for float\n"
			  "s.yaml:7:33: error: default 1e-46 of slot 'g' is out of range for float\n");
}
END_TEST

START_TEST(test_all_errors_in_one_run)
{
	struct sg_program p;
	ck_assert(!check_text(HEAD "classes:\n  A:\n    slots:\n      x: nope\n      y: nada\n"
				   "      z: {type: int8, default: 999}\n",
			      &p));
	ck_assert_uint_eq(T.diags.errors, 3);
}
END_TEST

/* 64 classes, each extending the one before and adding 64 slots: their
 * accessors (every class has its inherited slots' too) pass 2^17. */
START_TEST(test_total_slots_are_bounded)
{
	struct sg_buf b;
	sg_buf_init(&b);
	sg_buf_puts(&b, HEAD "classes:\n");
	for (int c = 0; c < 64; c++) {
		sg_buf_printf(&b, "  C%d:\n", c);
		if (c)
			sg_buf_printf(&b, "    extends: C%d\n", c - 1);
		sg_buf_puts(&b, "    slots:\n");
		for (int s = 0; s < 64; s++)
			sg_buf_printf(&b, "      c%d_%d: int8\n", c, s);
	}
	struct sg_program p;
	ck_assert(!check_text(b.data, &p));
	sg_buf_fini(&b);
	ck_assert_uint_eq(T.diags.errors, 1);
	ck_assert_msg(strstr(diag_text(), "error: the classes have more than 131072 slots in all") != NULL,
		      "%s", diag_text());
}
END_TEST

RUN_SUITE("checker", test_total_slots_are_bounded, test_resolves_types_parents_defaults, test_duplicates_have_notes,
	  test_identifiers, test_unknown_types_suggest, test_inheritance_errors,
	  test_redeclared_inherited_slot, test_class_containing_itself, test_integer_default_ranges,
	  test_default_errors, test_float_defaults_as_strtof,
	  test_all_errors_in_one_run)
