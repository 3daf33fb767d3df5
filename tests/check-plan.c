/* check-plan.c - C names, member paths, presence bits, name index, order. */
#include "names.h"
#include "plan.h"
#include "support.h"

static struct sg_plan plan_of(const char *text)
{
	struct sg_program p;
	ck_assert_msg(check_text(text, &p), "%s", diag_text());
	struct sg_plan plan;
	ck_assert(sg_plan_module(&T.arena, p.modules[0], NULL, &plan));
	return plan;
}

START_TEST(test_snake_case)
{
	static const char *const cases[][2] = {
		{"Player", "player"},         {"HTTPServer", "http_server"}, {"Vec2", "vec2"},
		{"Vec2D", "vec2_d"},          {"already_snake", "already_snake"},
		{"getHTTP", "get_http"},      {"A", "a"},                    {"ABCDef", "abc_def"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		ck_assert_str_eq(sg_snake(&T.arena, cases[i][0]), cases[i][1]);
}
END_TEST

START_TEST(test_keywords_table_is_searchable)
{
	static const char *const kw[] = {"_Alignas", "_Bool", "and_eq", "char16_t", "char8_t",
					 "co_await", "const_cast", "constinit", "int", "xor_eq",
					 "template", "this", "restrict", "bool"};
	for (size_t i = 0; i < sizeof kw / sizeof *kw; i++)
		ck_assert_msg(sg_is_keyword(kw[i]), "%s", kw[i]);
	ck_assert(!sg_is_keyword("score"));
	ck_assert(!sg_is_keyword("Int"));
}
END_TEST

START_TEST(test_names_of_module)
{
	struct sg_plan plan = plan_of("slotgen: 1\nmodule: game\nenums:\n  Team: {values: [red, Blue]}\n"
				      "classes:\n  HTTPServer: {}\n");
	ck_assert_str_eq(plan.header, "game.h");
	ck_assert_str_eq(plan.source, "game.c");
	ck_assert_str_eq(plan.guard, "SLOTGEN_GAME_H");
	ck_assert_str_eq(plan.enums[0].cname, "game_team");
	ck_assert_str_eq(plan.enums[0].constants[1], "GAME_TEAM_BLUE");
	ck_assert_str_eq(plan.classes[0].cname, "game_http_server");
}
END_TEST

START_TEST(test_parents_and_nested_classes_come_first)
{
	struct sg_plan plan = plan_of("slotgen: 1\nmodule: m\nclasses:\n"
				      "  C: {extends: B}\n  B: {slots: {a: A}}\n  A: {}\n  D: {}\n");
	ck_assert_str_eq(plan.classes[0].cls->name, "A");
	ck_assert_str_eq(plan.classes[1].cls->name, "B");
	ck_assert_str_eq(plan.classes[2].cls->name, "C");
	ck_assert_str_eq(plan.classes[3].cls->name, "D");
}
END_TEST

START_TEST(test_inherited_slots_paths_and_bits)
{
	struct sg_plan plan = plan_of(
		"slotgen: 1\nmodule: m\nclasses:\n"
		"  A: {slots: {s0: int8, s1: int8, s2: int8, s3: int8, s4: int8, s5: int8, s6: int8,"
		" s7: int8, s8: int8}}\n"
		"  B: {extends: A}\n  C: {extends: B, slots: {zz: string, aa: {type: int8, readonly: true}}}\n");
	const struct sg_plan_class *a = &plan.classes[0], *b = &plan.classes[1], *c = &plan.classes[2];
	ck_assert_uint_eq(a->bits_bytes, 2);
	ck_assert_uint_eq(a->slots[8].bit_byte, 1);
	ck_assert_uint_eq(a->slots[8].mask, 1);
	ck_assert_uint_eq(a->slots[7].mask, 0x80);
	ck_assert_uint_eq(b->bits_bytes, 0); /* no slots of its own: no presence bytes */
	ck_assert_uint_eq(c->count, 11);
	ck_assert_uint_eq(c->own_first, 9);
	ck_assert_str_eq(c->slots[0].path, "slot_base.slot_base.s0");
	ck_assert_str_eq(c->slots[0].bits_member, "slot_base.slot_base.slot_bits");
	ck_assert(c->slots[0].inherited);
	ck_assert_str_eq(c->slots[9].path, "zz");
	ck_assert(!c->slots[9].inherited);
	ck_assert_str_eq(c->slots[9].elem_ctype, "slot_str");
	/* The name hash finds every slot, inherited ones too. */
	for (size_t i = 0; i < c->count; i++)
		ck_assert_uint_eq(c->hash.table[sg_phash_slot(&c->hash, c->slots[i].slot->name)], i);
	ck_assert(c->init_has_params);
	ck_assert(!c->init_fallible);
}
END_TEST

START_TEST(test_init_fallible_and_mut)
{
	struct sg_plan plan = plan_of("slotgen: 1\nmodule: m\nclasses:\n"
				      "  K: {slots: {key: {type: string, readonly: true}}}\n"
				      "  H: {slots: {k: K, v: V}}\n  V: {}\n");
	const struct sg_plan_class *k = &plan.classes[0], *h = &plan.classes[2];
	ck_assert_str_eq(h->cls->name, "H");
	ck_assert(k->init_fallible);
	ck_assert(k->init_enomem && k->init_etype && !k->init_erange);
	ck_assert(!h->init_fallible && !h->init_enomem && !h->init_etype && !h->init_erange);
	ck_assert(!h->slots[0].mut); /* K needs init parameters */
	ck_assert(h->slots[1].mut);
	ck_assert_str_eq(h->slots[1].elem_cname, "m_v");
}
END_TEST

/* clear: false slots take no bit, and the bits of the others stay dense;
 * strings kept in the object make init fallible only when readonly. */
START_TEST(test_bits_skip_slots_that_cannot_be_cleared)
{
	struct sg_plan plan = plan_of(
		"slotgen: 1\nmodule: m\nclasses:\n"
		"  A: {slots: {a: {type: int8, default: 1, clear: false}, b: int8,"
		" c: {type: int8, default: 2, clear: false}, d: int8}}\n"
		"  F: {slots: {x: {type: double, default: 0, clear: false}}}\n"
		"  S: {slots: {t: {type: string, max_length: 7, default: abc}}}\n"
		"  R: {slots: {t: {type: string, max_length: 7, readonly: true}}}\n");
	const struct sg_plan_class *a = &plan.classes[0], *f = &plan.classes[1];
	ck_assert_uint_eq(a->bits_bytes, 1);
	ck_assert_uint_eq(a->slots[0].mask, 0);
	ck_assert_uint_eq(a->slots[1].mask, 1);
	ck_assert_uint_eq(a->slots[2].mask, 0);
	ck_assert_uint_eq(a->slots[3].mask, 2);
	ck_assert_uint_eq(f->bits_bytes, 0); /* no member slot_bits */
	ck_assert_uint_eq(f->cls->layout.size, 8);
	ck_assert_str_eq(plan.classes[2].slots[0].elem_ctype, "char");
	ck_assert_uint_eq(plan.classes[2].cls->layout.size, 9); /* char[8] and a presence byte */
	ck_assert(!plan.classes[2].init_fallible); /* the default is copied in place */
	ck_assert(plan.classes[3].init_fallible); /* NULL or too long */
	ck_assert(plan.classes[3].init_etype && plan.classes[3].init_erange);
	ck_assert(!plan.classes[3].init_enomem); /* nothing on the heap */
}
END_TEST

/* Check @p text, plan its module and check the plan's names: false and
 * the diagnostics when they collide. */
static bool names_ok(const char *text)
{
	struct sg_program p;
	ck_assert_msg(check_text(text, &p), "%s", diag_text());
	struct sg_plan plan;
	ck_assert(sg_plan_module(&T.arena, p.modules[0], NULL, &plan));
	return sg_plan_check_names(&T.arena, &T.diags, &plan, 1);
}

/* The errors of a schema whose names collide. */
static const char *collisions_of(const char *text)
{
	ck_assert(!names_ok(text));
	return diags_here();
}

START_TEST(test_c_name_collisions)
{
	ck_assert_text_eq(collisions_of("slotgen: 1\nmodule: m\n" "classes:\n  FooBar: {}\n  Foo_bar: {}\n"),
			  "s.yaml:5:3: error: class 'Foo_bar' maps to the C name 'm_foo_bar', as does "
			  "class 'FooBar'\n"
			  "s.yaml:4:3: note: 'FooBar' defined here\n");
	sg_diags_fini(&T.diags);
	ck_assert_text_eq(collisions_of("slotgen: 1\nmodule: m\n" "classes:\n  Player:\n    slots:\n      init: int8\n"
					 "  PlayerGet: {}\n"),
			  "s.yaml:7:3: error: class 'PlayerGet' maps to the C name 'm_player_get_init', "
			  "as does slot 'init'\n"
			  "s.yaml:6:7: note: 'init' defined here\n");
}
END_TEST

/* The table of C names grows with the schema: 2,000 classes of 2 slots
 * (tens of thousands of names), then a clash between the last two, then one between
 * the first class and a new one, are all found. */
START_TEST(test_c_name_table_grows)
{
	struct sg_buf b;
	sg_buf_init(&b);
	sg_buf_puts(&b, "slotgen: 1\nmodule: m\n" "classes:\n");
	for (int c = 0; c < 2000; c++)
		sg_buf_printf(&b, "  K%d: {slots: {init: int8, b: int8}}\n", c);
	sg_buf_puts(&b, "  FooBar: {}\n  Foo_bar: {}\n  K0Get: {}\n");
	ck_assert(!names_ok(b.data));
	sg_buf_fini(&b);
	ck_assert_uint_eq(T.diags.errors, 2);
	ck_assert_msg(strstr(diag_text(), "class 'Foo_bar' maps to the C name 'm_foo_bar'") &&
			      strstr(diag_text(), "class 'K0Get' maps to the C name 'm_k0_get_init'"),
		      "%s", diag_text());
}
END_TEST

RUN_SUITE("plan", test_snake_case, test_keywords_table_is_searchable, test_names_of_module,
	  test_parents_and_nested_classes_come_first, test_inherited_slots_paths_and_bits,
	  test_init_fallible_and_mut, test_bits_skip_slots_that_cannot_be_cleared,
	  test_c_name_collisions, test_c_name_table_grows)
