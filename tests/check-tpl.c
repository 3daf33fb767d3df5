/* check-tpl.c - the template engine, alone. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "check-run.h"
#include "tpl.h"

struct fixture {
	struct sg_arena arena;
	struct sg_diags diags;
	struct sg_buf out;
	struct tpl_value *data;
};

static struct fixture fx;

static void setup(void)
{
	sg_arena_init(&fx.arena);
	sg_diags_init(&fx.diags);
	sg_buf_init(&fx.out);
	fx.data = tpl_map(&fx.arena);
}

static void teardown(void)
{
	sg_buf_fini(&fx.out);
	sg_diags_fini(&fx.diags);
	sg_arena_fini(&fx.arena);
}

/* Partials for the tests: name.tpl is NAME's text below. */
static const char *const partial_texts[][2] = {
	{"greet.tpl", "hello {{name}}\n"},
	{"items.tpl", "{{#items}}\n{{> item.tpl}}\n{{/items}}\n"},
	{"item.tpl", "- {{n}}\n"},
	{"loop.tpl", "{{> loop.tpl}}"},
	{"bad.tpl", "line one\n{{nope}}\n"},
	{"num.tpl", "number {{n}}\n"},
	{"word.tpl", "word {{n}}\n"},
	{"self.tpl", "{{>* kind}}"},
};

static bool find_partial(void *ctx, const char *name, const char **file, const char **text,
			 size_t *len)
{
	(void)ctx;
	for (size_t i = 0; i < sizeof partial_texts / sizeof *partial_texts; i++)
		if (strcmp(partial_texts[i][0], name) == 0) {
			*file = partial_texts[i][0];
			*text = partial_texts[i][1];
			*len = strlen(*text);
			return true;
		}
	return false;
}

static const struct tpl_partials fx_partials = {find_partial, NULL};

/* Compile and render @p text; the output, or NULL on error. */
static const char *render(const char *text)
{
	struct tpl_template t;
	if (!tpl_compile(&fx.arena, &fx.diags, "t.tpl", text, strlen(text), &fx_partials, &t))
		return NULL;
	if (!tpl_render(&t, fx.data, &fx.out, &fx.diags))
		return NULL;
	return fx.out.data ? fx.out.data : "";
}

static const char *first_error(void)
{
	static char buf[256];
	const struct sg_diag *d = fx.diags.head;
	if (!d)
		return "";
	snprintf(buf, sizeof buf, "%s:%u: %s", d->loc.file, d->loc.line, d->message);
	return buf;
}

START_TEST(test_substitution)
{
	tpl_put_string(&fx.arena, fx.data, "name", "world");
	ck_assert_str_eq(render("hello {{name}}, {{ name }}!\n"), "hello world, world!\n");
}
END_TEST

START_TEST(test_list_section_and_last)
{
	struct tpl_value *items = tpl_list(&fx.arena);
	const char *names[] = {"a", "b", "c"};
	for (int i = 0; i < 3; i++)
		tpl_put_string(&fx.arena, tpl_append_map(&fx.arena, items), "n", names[i]);
	tpl_put(&fx.arena, fx.data, "items", items);
	ck_assert_str_eq(render("{{#items}}{{n}}{{^@last}}, {{/@last}}{{/items}}"), "a, b, c");
}
END_TEST

START_TEST(test_standalone_lines_vanish)
{
	tpl_put_bool(&fx.arena, fx.data, "yes", true);
	tpl_put_bool(&fx.arena, fx.data, "no", false);
	ck_assert_str_eq(render("a\n  {{#yes}}\nb\n  {{/yes}}\n{{#no}}\nc\n{{/no}}\n{{! gone }}\nd\n"),
			 "a\nb\nd\n");
}
END_TEST

/* A section tag after another tag on its line is not alone there, even with
 * only blanks between them: the line, not the text since the last tag. */
START_TEST(test_tag_after_a_tag_is_not_standalone)
{
	tpl_put_string(&fx.arena, fx.data, "v", "V");
	tpl_put_bool(&fx.arena, fx.data, "b", true);
	ck_assert_str_eq(render("a {{v}} {{#b}}\nX\n{{/b}}\nend\n"), "a V \nX\nend\n");
	sg_buf_fini(&fx.out);
	sg_buf_init(&fx.out);
	ck_assert_str_eq(render("{{v}}{{#b}}\nX\n{{/b}}\n"), "V\nX\n");
}
END_TEST

/* The text need not end in a NUL: only @p len bytes are read. */
START_TEST(test_text_is_read_to_its_length)
{
	tpl_put_string(&fx.arena, fx.data, "v", "V");
	struct tpl_template t;
	const char text[] = {'<', '{', '{', 'v', '}', '}', '>', '{', '{'}; /* no NUL */
	ck_assert(tpl_compile(&fx.arena, &fx.diags, "t.tpl", text, 7, NULL, &t));
	ck_assert(tpl_render(&t, fx.data, &fx.out, &fx.diags));
	ck_assert_str_eq(fx.out.data, "<V>");
	ck_assert(!tpl_compile(&fx.arena, &fx.diags, "t.tpl", text, 3, NULL, &t));
	ck_assert_str_eq(first_error(), "t.tpl:1: unterminated tag '{{'");
}
END_TEST

/* A partial is compiled in place: a standalone partial line becomes the
 * partial's text, names resolve in the scope where it stands, and errors
 * name the partial's own file and line. */
START_TEST(test_partials)
{
	tpl_put_string(&fx.arena, fx.data, "name", "world");
	struct tpl_value *items = tpl_list(&fx.arena);
	tpl_put_string(&fx.arena, tpl_append_map(&fx.arena, items), "n", "a");
	tpl_put_string(&fx.arena, tpl_append_map(&fx.arena, items), "n", "b");
	tpl_put(&fx.arena, fx.data, "items", items);
	ck_assert_str_eq(render("<\n  {{> greet.tpl}}\n{{> items.tpl}}\n>\n"),
			 "<\nhello world\n- a\n- b\n>\n");
}
END_TEST

/* {{>* kind}} renders the partial each item's `kind` names: one template
 * per kind of item, in place of a flag per kind. */
START_TEST(test_dynamic_partials)
{
	struct tpl_value *items = tpl_list(&fx.arena);
	const char *kinds[] = {"num.tpl", "word.tpl", "num.tpl"}, *ns[] = {"1", "a", "2"};
	for (int i = 0; i < 3; i++) {
		struct tpl_value *m = tpl_append_map(&fx.arena, items);
		tpl_put_string(&fx.arena, m, "kind", kinds[i]);
		tpl_put_string(&fx.arena, m, "n", ns[i]);
	}
	tpl_put(&fx.arena, fx.data, "items", items);
	ck_assert_str_eq(render("<\n{{#items}}\n  {{>* kind}}\n{{/items}}\n>\n"),
			 "<\nnumber 1\nword a\nnumber 2\n>\n");
}
END_TEST

START_TEST(test_dynamic_partial_errors)
{
	tpl_put_string(&fx.arena, fx.data, "kind", "none.tpl");
	ck_assert_ptr_null(render("x\n{{>* kind}}\n"));
	ck_assert_str_eq(first_error(), "t.tpl:2: unknown partial 'none.tpl'");
	sg_diags_fini(&fx.diags);
	sg_diags_init(&fx.diags);
	ck_assert_ptr_null(render("{{>* nothing}}"));
	ck_assert_str_eq(first_error(), "t.tpl:1: unknown placeholder 'nothing'");
	sg_diags_fini(&fx.diags);
	sg_diags_init(&fx.diags);
	tpl_put_bool(&fx.arena, fx.data, "flag", true);
	ck_assert_ptr_null(render("{{>* flag}}"));
	ck_assert_str_eq(first_error(), "t.tpl:1: 'flag' is a section, not a partial's name");
	sg_diags_fini(&fx.diags);
	sg_diags_init(&fx.diags);
	struct tpl_value *m = tpl_map(&fx.arena);
	tpl_put_string(&fx.arena, m, "kind", "self.tpl");
	tpl_put(&fx.arena, fx.data, "loop", m);
	ck_assert_ptr_null(render("{{#loop}}{{>* kind}}{{/loop}}"));
	ck_assert_str_eq(first_error(),
			 "self.tpl:1: partials nest deeper than 16 at '{{>* kind}}' (a cycle?)");
}
END_TEST

START_TEST(test_partial_errors)
{
	ck_assert_ptr_null(render("x\n{{> none.tpl}}\n"));
	ck_assert_str_eq(first_error(), "t.tpl:2: unknown partial 'none.tpl'");
	sg_diags_fini(&fx.diags);
	sg_diags_init(&fx.diags);
	ck_assert_ptr_null(render("{{> loop.tpl}}"));
	ck_assert_str_eq(first_error(), "loop.tpl:1: partials nest deeper than 16 at 'loop.tpl' (a cycle?)");
	sg_diags_fini(&fx.diags);
	sg_diags_init(&fx.diags);
	ck_assert_ptr_null(render("{{> bad.tpl}}"));
	ck_assert_str_eq(first_error(), "bad.tpl:2: unknown placeholder 'nope'");
}
END_TEST

START_TEST(test_inverted_empty_list)
{
	tpl_put(&fx.arena, fx.data, "none", tpl_list(&fx.arena));
	ck_assert_str_eq(render("{{^none}}empty{{/none}}{{#none}}full{{/none}}"), "empty");
}
END_TEST

START_TEST(test_outer_scope_lookup)
{
	tpl_put_string(&fx.arena, fx.data, "outer", "O");
	struct tpl_value *items = tpl_list(&fx.arena);
	tpl_put_string(&fx.arena, tpl_append_map(&fx.arena, items), "inner", "I");
	tpl_put(&fx.arena, fx.data, "items", items);
	ck_assert_str_eq(render("{{#items}}{{outer}}{{inner}}{{/items}}"), "OI");
}
END_TEST

START_TEST(test_unknown_placeholder_names_file_and_line)
{
	ck_assert_ptr_null(render("line one\nline {{two}}\n"));
	ck_assert_str_eq(first_error(), "t.tpl:2: unknown placeholder 'two'");
}
END_TEST

START_TEST(test_unclosed_section)
{
	tpl_put_bool(&fx.arena, fx.data, "s", true);
	ck_assert_ptr_null(render("x\n\n{{#s}}\nbody\n"));
	ck_assert_str_eq(first_error(), "t.tpl:3: section 's' is never closed");
}
END_TEST

START_TEST(test_mismatched_close)
{
	ck_assert_ptr_null(render("{{#a}}\n{{/b}}\n"));
	ck_assert_str_eq(first_error(), "t.tpl:2: '{{/b}}' does not close the open section");
}
END_TEST

START_TEST(test_stray_close_and_unterminated_tag)
{
	ck_assert_ptr_null(render("{{/a}}"));
	ck_assert_str_eq(first_error(), "t.tpl:1: '{{/a}}' closes no section");
	sg_diags_fini(&fx.diags);
	ck_assert_ptr_null(render("ok\n{{name"));
	ck_assert_str_eq(first_error(), "t.tpl:2: unterminated tag '{{'");
}
END_TEST

START_TEST(test_kind_mismatch)
{
	tpl_put_string(&fx.arena, fx.data, "s", "x");
	tpl_put(&fx.arena, fx.data, "l", tpl_list(&fx.arena));
	ck_assert_ptr_null(render("{{#s}}{{/s}}"));
	ck_assert_str_eq(first_error(), "t.tpl:1: 's' is a string, not a section");
	sg_diags_fini(&fx.diags);
	ck_assert_ptr_null(render("{{l}}"));
	ck_assert_str_eq(first_error(), "t.tpl:1: 'l' is a section, not a string");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("tpl");
	TCase *tc = tcase_create("engine");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_substitution);
	tcase_add_test(tc, test_list_section_and_last);
	tcase_add_test(tc, test_standalone_lines_vanish);
	tcase_add_test(tc, test_tag_after_a_tag_is_not_standalone);
	tcase_add_test(tc, test_text_is_read_to_its_length);
	tcase_add_test(tc, test_partials);
	tcase_add_test(tc, test_partial_errors);
	tcase_add_test(tc, test_dynamic_partials);
	tcase_add_test(tc, test_dynamic_partial_errors);
	tcase_add_test(tc, test_inverted_empty_list);
	tcase_add_test(tc, test_outer_scope_lookup);
	tcase_add_test(tc, test_unknown_placeholder_names_file_and_line);
	tcase_add_test(tc, test_unclosed_section);
	tcase_add_test(tc, test_mismatched_close);
	tcase_add_test(tc, test_stray_close_and_unterminated_tag);
	tcase_add_test(tc, test_kind_mismatch);
	suite_add_tcase(s, tc);
	return check_run(s);
}
