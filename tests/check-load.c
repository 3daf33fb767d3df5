/* check-load.c - the loader: YAML to nodes, nodes to the model, imports. */
#include "support.h"
#include "yamltree.h"

static struct sg_node *parse(const char *text)
{
	struct sg_node *root = NULL;
	if (!sg_yaml_parse(&T.arena, &T.diags, "t.yaml", text, strlen(text), &root))
		return NULL;
	return root;
}

START_TEST(test_tree_has_kinds_and_locations)
{
	struct sg_node *n = parse("a: 1\nb:\n  - x\n  - 'y'\n");
	ck_assert_ptr_nonnull(n);
	ck_assert_int_eq(n->kind, SG_NODE_MAPPING);
	ck_assert_uint_eq(n->count, 2);
	struct sg_node *b = n->first->next;
	ck_assert_str_eq(b->text, "b");
	ck_assert_uint_eq(b->loc.line, 2);
	ck_assert_uint_eq(b->loc.col, 1);
	ck_assert_int_eq(b->value->kind, SG_NODE_SEQUENCE);
	struct sg_node *y = b->value->first->next;
	ck_assert_str_eq(y->text, "y");
	ck_assert(y->quoted);
	ck_assert(!b->value->first->quoted);
	ck_assert_uint_eq(y->loc.line, 4);
	ck_assert_uint_eq(y->loc.col, 5);
}
END_TEST

START_TEST(test_syntax_error_keeps_libyaml_location)
{
	ck_assert_ptr_null(parse("a: 1\nb: [1, 2\nc: 3\n"));
	ck_assert_text_eq(diag_text(),
			 "t.yaml:3:2: error: did not find expected ',' or ']' while parsing a flow sequence\n");
}
END_TEST

START_TEST(test_alias_is_refused)
{
	ck_assert_ptr_null(parse("a: &x 1\nb: *x\n"));
	ck_assert_text_eq(diag_text(), "t.yaml:2:4: error: aliases are not supported in schemas\n");
}
END_TEST

START_TEST(test_nesting_is_bounded)
{
	char text[400];
	size_t n = 0;
	for (int i = 0; i < SG_YAML_MAX_DEPTH + 1; i++)
		text[n++] = '[';
	text[n] = '\0';
	ck_assert_ptr_null(parse(text));
	ck_assert_text_eq(diag_text(), "t.yaml:1:65: error: nesting deeper than 64 levels\n");
}
END_TEST

START_TEST(test_empty_and_second_document)
{
	ck_assert_ptr_null(parse(""));
	ck_assert_text_eq(diag_text(), "t.yaml: error: the schema is empty\n");
	sg_diags_fini(&T.diags);
	ck_assert_ptr_null(parse("a: 1\n---\nb: 2\n"));
	ck_assert_text_eq(diag_text(),
			 "t.yaml:2:1: error: a schema is one YAML document; found a second one\n");
}
END_TEST

START_TEST(test_model_from_schema)
{
	struct sg_program p;
	ck_assert(load_text("slotgen: 1\nmodule: m\ndoc: D\nenums:\n  E: {values: [a, b]}\n"
			    "classes:\n  A:\n    slots:\n      x: int32\n"
			    "      y: {type: string, default: hi, doc: Why, readonly: false, array: 3}\n"
			    "  B: {extends: A}\n  C:\n",
			    &p));
	ck_assert_uint_eq(p.count, 1);
	const struct sg_module *m = p.modules[0];
	ck_assert(m->root);
	ck_assert_str_eq(m->name, "m");
	ck_assert_str_eq(m->doc, "D");
	ck_assert_str_eq(m->file_name, "s.yaml");
	ck_assert_uint_eq(m->enum_count, 1);
	ck_assert_uint_eq(m->enums[0].count, 2);
	ck_assert_str_eq(m->enums[0].values[1].name, "b");
	ck_assert_uint_eq(m->class_count, 3);
	const struct sg_class *a = &m->classes[0];
	ck_assert_uint_eq(a->count, 2);
	ck_assert_str_eq(a->slots[0].type_ref.name, "int32");
	ck_assert_uint_eq(a->slots[0].type_ref.loc.line, 9);
	ck_assert_uint_eq(a->slots[0].type_ref.loc.col, 10);
	ck_assert_str_eq(a->slots[1].def->text, "hi");
	ck_assert_str_eq(a->slots[1].doc, "Why");
	ck_assert_uint_eq(a->slots[1].array, 3);
	ck_assert_uint_eq(m->classes[1].base_count, 1);
	ck_assert_str_eq(m->classes[1].bases[0].name, "A");
	ck_assert_uint_eq(m->classes[2].count, 0);
}
END_TEST

START_TEST(test_unknown_keys_suggest)
{
	struct sg_program p;
	ck_assert(!load_text("slotgen: 1\nmodule: m\nclases: {}\nclasses:\n  A:\n    slots:\n"
			     "      x: {tpye: int32}\n      y: {type: int32, colour: red}\n",
			     &p));
	ck_assert_text_eq(diags_here(),
			 "s.yaml:3:1: error: unknown key 'clases' in the schema; did you mean 'classes'?\n"
			 "s.yaml:7:11: error: unknown key 'tpye' in a slot; did you mean 'type'?\n"
			 "s.yaml:8:24: error: unknown key 'colour' in a slot\n");
}
END_TEST

START_TEST(test_version_is_required_and_checked)
{
	struct sg_program p;
	ck_assert(!load_text("module: m\n", &p));
	ck_assert_text_eq(diags_here(),
			 "s.yaml:1:1: error: missing 'slotgen: 1' (the schema format version)\n");
	sg_diags_fini(&T.diags);
	ck_assert(!load_text("slotgen: 2\nmodule: m\n", &p));
	ck_assert_text_eq(diags_here(), "s.yaml:1:10: error: unsupported schema format version "
				       "'2'; this slotgen reads version 1\n");
}
END_TEST

START_TEST(test_wrong_node_kinds)
{
	struct sg_program p;
	ck_assert(!load_text("slotgen: 1\nmodule: m\nclasses: [A]\n", &p));
	ck_assert_text_eq(diags_here(), "s.yaml:3:10: error: classes must be a mapping, not a sequence\n");
}
END_TEST

static const char *paths_of(const struct sg_program *p)
{
	static char buf[256];
	buf[0] = '\0';
	for (size_t i = 0; i < p->count; i++) {
		strcat(buf, p->modules[i]->name);
		strcat(buf, p->modules[i]->root ? "* " : " ");
	}
	return buf;
}

START_TEST(test_imports_beside_then_include_dirs)
{
	ck_assert_int_eq(mkdir(sg_arena_printf(&T.arena, "%s/inc", T.dir), 0755), 0);
	put_file("inc/base.yaml", "slotgen: 1\nmodule: base\n");
	put_file("mid.yaml", "slotgen: 1\nmodule: mid\nimports: [base.yaml]\n");
	const char *top = put_file("top.yaml",
				   "slotgen: 1\nmodule: top\nimports: [mid.yaml, inc/base.yaml]\n");
	const char *inc = sg_arena_printf(&T.arena, "%s/inc", T.dir);
	struct sg_load_options opts = {.include_dirs = &inc, .include_count = 1};
	struct sg_program p;
	ck_assert_msg(sg_load(&T.arena, &T.diags, &opts, &top, 1, &p), "%s", diag_text());
	/* base is reached twice (through -I and beside top), loaded once, first. */
	ck_assert_str_eq(paths_of(&p), "base mid top* ");
}
END_TEST

START_TEST(test_missing_import_and_cycle)
{
	const char *a = put_file("a.yaml", "slotgen: 1\nmodule: a\nimports: [b.yaml, nope.yaml]\n");
	put_file("b.yaml", "slotgen: 1\nmodule: b\nimports:\n  - a.yaml\n");
	struct sg_load_options opts = {.include_dirs = NULL};
	struct sg_program p;
	ck_assert(!sg_load(&T.arena, &T.diags, &opts, &a, 1, &p));
	ck_assert_text_eq(diags_here(),
			 "b.yaml:4:5: error: import cycle: 'a.yaml' imports itself, directly or not\n"
			 "a.yaml:3:19: error: cannot find imported schema 'nope.yaml'\n");
}
END_TEST

/* A chain of 66 schemas, each importing the next: 64 imports one inside
 * the other are loaded, the 65th is refused where it is written. */
START_TEST(test_import_depth_is_bounded)
{
	const char *first = NULL;
	for (int i = 0; i <= 65; i++) {
		const char *text = sg_arena_printf(&T.arena, "slotgen: 1\nmodule: m%d\n%s", i,
						   i < 65 ? sg_arena_printf(&T.arena, "imports: [m%d.yaml]\n", i + 1) : "");
		const char *path = put_file(sg_arena_printf(&T.arena, "m%d.yaml", i), text);
		if (i == 0)
			first = path;
	}
	struct sg_load_options opts = {.include_dirs = NULL};
	struct sg_program p;
	ck_assert(!sg_load(&T.arena, &T.diags, &opts, &first, 1, &p));
	ck_assert_text_eq(diags_here(), "m64.yaml:3:11: error: imports nest more than 64 deep\n");
}
END_TEST

START_TEST(test_unreadable_schema)
{
	const char *path = T.dir; /* a directory */
	struct sg_load_options opts = {.include_dirs = NULL};
	struct sg_program p;
	ck_assert(!sg_load(&T.arena, &T.diags, &opts, &path, 1, &p));
	ck_assert(strstr(diag_text(), "Is a directory") != NULL);
}
END_TEST

/* libyaml's reader gives a byte offset and no mark: the line and column
 * are counted from it as libyaml counts (characters, not bytes; CRLF, NEL
 * breaks; after a byte order mark; UTF-16 too). */
START_TEST(test_undecodable_input_has_a_line_and_column)
{
	static const struct {
		const char *text;
		size_t len;
		const char *diag;
	} cases[] = {
		{"a: 1\nb: caf\xe9\n", 0, "t.yaml:2:7: error: incomplete UTF-8 octet sequence\n"},
		{"a: \xe2\x28\xa1 x\n", 0, "t.yaml:1:4: error: invalid trailing UTF-8 octet\n"},
		{"a: 1\r\nb: x\r\nc: \xff\n", 0, "t.yaml:3:4: error: invalid leading UTF-8 octet\n"},
		{"a: \xc3\xa9\xc3\xa9 \x01\n", 0, "t.yaml:1:7: error: control characters are not allowed\n"},
		{"\xef\xbb\xbf" "a: \x80\n", 0, "t.yaml:1:4: error: invalid leading UTF-8 octet\n"},
		{"a: 1\rb: 2\xc2\x85" "c: \xe2\x82", 0, "t.yaml:3:4: error: incomplete UTF-8 octet sequence\n"},
		{"\xff\xfe" "a\0:\0 \0\n\0b\0:\0 \0\x01\0", 18, "t.yaml:2:4: error: control characters are not allowed\n"},
		{"\xfe\xff" "\0a\0:\0 \xd8\0\0x", 12, "t.yaml:1:4: error: expected low surrogate area\n"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct sg_node *root = NULL;
		size_t len = cases[i].len ? cases[i].len : strlen(cases[i].text);
		ck_assert(!sg_yaml_parse(&T.arena, &T.diags, "t.yaml", cases[i].text, len, &root));
		ck_assert_text_eq(diag_text(), cases[i].diag);
		sg_diags_fini(&T.diags);
		sg_diags_init(&T.diags);
	}
}
END_TEST

RUN_SUITE("load", test_tree_has_kinds_and_locations, test_syntax_error_keeps_libyaml_location,
	  test_alias_is_refused, test_nesting_is_bounded, test_empty_and_second_document,
	  test_model_from_schema, test_unknown_keys_suggest, test_version_is_required_and_checked,
	  test_wrong_node_kinds, test_imports_beside_then_include_dirs,
	  test_missing_import_and_cycle, test_import_depth_is_bounded, test_unreadable_schema,
	  test_undecodable_input_has_a_line_and_column)
