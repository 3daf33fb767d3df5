/* support.h - helpers shared by the Check suites (header-only, static). */
#ifndef SLOTGEN_TEST_SUPPORT_H
#define SLOTGEN_TEST_SUPPORT_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check-run.h"
#include "checker.h"
#include "load.h"

/* Everything a phase needs, made fresh for each test. */
struct ctx {
	struct sg_arena arena;
	struct sg_diags diags;
	char dir[64]; /* a scratch directory */
};

static struct ctx T;

static void ctx_setup(void)
{
	sg_arena_init(&T.arena);
	sg_diags_init(&T.diags);
	snprintf(T.dir, sizeof T.dir, "/tmp/slotgen-test-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(T.dir));
}

static void ctx_teardown(void)
{
	sg_diags_fini(&T.diags);
	sg_arena_fini(&T.arena);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", T.dir);
	ck_assert_int_eq(system(cmd), 0);
}

/* All diagnostics, one a line, as slotgen prints them. */
static const char *diag_text(void)
{
	static char buf[8192];
	FILE *f = fmemopen(buf, sizeof buf, "w");
	sg_diags_print(&T.diags, f);
	fclose(f);
	return buf;
}

/* Write @p text to @p name in the scratch directory; return its path. */
__attribute__((unused)) static const char *put_file(const char *name, const char *text)
{
	char *path = sg_arena_printf(&T.arena, "%s/%s", T.dir, name);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	return path;
}

/* Load (and optionally check) one schema given as text; named "s.yaml". */
static bool load_text(const char *text, struct sg_program *prog)
{
	const char *path = put_file("s.yaml", text);
	struct sg_load_options opts = {.include_dirs = NULL};
	return sg_load(&T.arena, &T.diags, &opts, &path, 1, prog);
}

__attribute__((unused)) static bool check_text(const char *text, struct sg_program *prog)
{
	return load_text(text, prog) && sg_check(&T.arena, &T.diags, prog);
}

/* The diagnostics with the scratch directory taken out of the paths. */
__attribute__((unused)) static const char *diags_here(void)
{
	static char out[8192];
	const char *in = diag_text();
	size_t dl = strlen(T.dir), o = 0;
	while (*in && o + 1 < sizeof out) {
		if (strncmp(in, T.dir, dl) == 0 && in[dl] == '/') {
			in += dl + 1;
			continue;
		}
		out[o++] = *in++;
	}
	out[o] = '\0';
	return out;
}

/* @p s with its newlines written as \n: TAP takes one line a message. */
__attribute__((unused)) static const char *oneline(const char *s)
{
	static char bufs[2][8192];
	static int which;
	char *out = bufs[which ^= 1];
	size_t o = 0;
	for (; *s && o + 3 < sizeof bufs[0]; s++) {
		if (*s == '\n') {
			out[o++] = '\\';
			out[o++] = 'n';
		} else {
			out[o++] = *s;
		}
	}
	out[o] = '\0';
	return out;
}

/* Compare texts that may span lines (diagnostics). */
#define ck_assert_text_eq(got, want)                                               \
	do {                                                                       \
		const char *got_ = (got), *want_ = (want);                         \
		ck_assert_msg(strcmp(got_, want_) == 0, "got \"%s\", want \"%s\"", \
			      oneline(got_), oneline(want_));                      \
	} while (0)

#define RUN_SUITE(name, ...)                                                   \
	int main(void)                                                         \
	{                                                                      \
		Suite *s = suite_create(name);                                 \
		TCase *tc = tcase_create("all");                               \
		tcase_add_checked_fixture(tc, ctx_setup, ctx_teardown);        \
		const TTest *tests[] = {__VA_ARGS__};                          \
		for (size_t i = 0; i < sizeof tests / sizeof *tests; i++)      \
			tcase_add_test(tc, tests[i]);                        \
		suite_add_tcase(s, tc);                                        \
		return check_run(s);                                           \
	}

#endif
