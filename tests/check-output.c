/* check-output.c - writing outputs: atomic, change-only, --check; and the
 * whole pipeline under allocation failure. */
#include <errno.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>

#include "output.h"
#include "slotgen.h"
#include "support.h"

static const char *path_in(const char *name)
{
	return sg_arena_printf(&T.arena, "%s/%s", T.dir, name);
}

static time_t mtime_of(const char *path)
{
	struct stat st;
	ck_assert_int_eq(stat(path, &st), 0);
	return st.st_mtime;
}

static void set_old_mtime(const char *path)
{
	char cmd[512];
	snprintf(cmd, sizeof cmd, "touch -d '2001-01-01' '%s'", path);
	ck_assert_int_eq(system(cmd), 0);
}

static const char *contents(const char *path)
{
	char *data;
	size_t len;
	ck_assert_int_eq(sg_read_file(path, 1 << 20, &data, &len), 0);
	char *copy = sg_arena_strdup(&T.arena, data);
	sg_free(data);
	return copy;
}

/* Stage and publish one file: what a run does for each output. */
static bool write_file(const char *path, const char *data, bool *changed)
{
	struct sg_staged st;
	if (!sg_stage(&T.diags, path, data, strlen(data), &st))
		return false;
	*changed = st.tmp != NULL;
	return sg_publish(&T.diags, &st);
}

static int files_in_dir(void)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "exit $(ls -A '%s' | wc -l)", T.dir);
	int st = system(cmd);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static unsigned mode_of(const char *path)
{
	struct stat st;
	ck_assert_int_eq(stat(path, &st), 0);
	return st.st_mode & 07777;
}

START_TEST(test_write_new_unchanged_changed)
{
	const char *p = path_in("out.h");
	bool changed;
	ck_assert(write_file(p, "abc", &changed) && changed);
	ck_assert_str_eq(contents(p), "abc");
	set_old_mtime(p);
	time_t old = mtime_of(p);
	ck_assert(write_file(p, "abc", &changed) && !changed);
	ck_assert(mtime_of(p) == old);
	ck_assert(write_file(p, "abcd", &changed) && changed);
	ck_assert_str_eq(contents(p), "abcd");
	ck_assert(mtime_of(p) != old);
	ck_assert_int_eq(files_in_dir(), 1); /* nothing left behind but the file */
}
END_TEST

/* A new file gets 0666 less the umask, as a compiler's output; a rewritten
 * one keeps its permissions. */
START_TEST(test_permissions_follow_the_umask)
{
	mode_t old_mask = umask(077);
	const char *p = path_in("private.h");
	bool changed;
	ck_assert(write_file(p, "a", &changed));
	ck_assert_uint_eq(mode_of(p), 0600);
	umask(022);
	const char *q = path_in("public.h");
	ck_assert(write_file(q, "a", &changed));
	ck_assert_uint_eq(mode_of(q), 0644);
	ck_assert_int_eq(chmod(q, 0640), 0);
	ck_assert(write_file(q, "b", &changed) && changed);
	ck_assert_uint_eq(mode_of(q), 0640);
	umask(old_mask);
}
END_TEST

START_TEST(test_unwritable_directory)
{
	const char *p = path_in("no/such/dir/out.h");
	bool changed;
	ck_assert(!write_file(p, "abc", &changed));
	ck_assert(strstr(diag_text(), "cannot write") != NULL);
}
END_TEST

/* A file of any length compares: a longer, a shorter, an equal one. */
START_TEST(test_compare_any_length)
{
	const char *p = path_in("long.h");
	FILE *f = fopen(p, "w");
	ck_assert_ptr_nonnull(f);
	fputs("one\ntwo\n", f);
	for (int i = 0; i < 3 << 20; i++)
		fputc(i % 80 ? 'x' : '\n', f);
	fclose(f);
	long line = -7;
	ck_assert_int_eq(sg_file_compare(p, "one\ntwo\n", 8, &line), 0);
	ck_assert_int_eq(line, 3); /* the file goes on past the text */
	ck_assert_int_eq(sg_file_compare(p, "one\ntwo\n\nxx", 11, &line), 0);
	ck_assert_int_eq(line, 4);
	ck_assert_int_eq(sg_file_compare(p, "one\nTwo\n", 8, &line), 0);
	ck_assert_int_eq(line, 2);
	const char *q = path_in("short.h");
	ck_assert(write_file(q, "a\nb\n", &(bool){false}));
	ck_assert_int_eq(sg_file_compare(q, "a\nb\nc\n", 6, &line), 0);
	ck_assert_int_eq(line, 3); /* the text goes on past the file */
	ck_assert_int_eq(sg_file_compare(q, "a\nb\n", 4, &line), 0);
	ck_assert_int_eq(line, 0);
	ck_assert_int_eq(sg_file_compare(path_in("none.h"), "", 0, &line), ENOENT);
	ck_assert_int_eq(sg_file_compare(T.dir, "", 0, &line), EISDIR);
}
END_TEST

static const char game_schema[] = "slotgen: 1\nmodule: game\nenums:\n  Team: {values: [red]}\n"
				  "classes:\n  Vec2: {slots: {x: float}}\n"
				  "  Player:\n    slots:\n      name: string\n      pos: Vec2\n"
				  "      team: {type: Team, default: red}\n"
				  "      id: {type: uint64, readonly: true}\n";

START_TEST(test_generate_then_check)
{
	const char *schema = put_file("game.yaml", game_schema);
	struct sg_options opts = {.out_dir = T.dir};
	struct sg_outputs out;
	ck_assert_msg(sg_generate(&opts, &schema, 1, &T.diags, &out), "%s", diag_text());
	ck_assert_uint_eq(out.count, 2);
	ck_assert_str_eq(out.files[0].path, path_in("game.h"));
	ck_assert_str_eq(out.files[1].path, path_in("game.c"));

	char report[512] = "";
	FILE *f = fmemopen(report, sizeof report, "w");
	opts.check = true;
	ck_assert_int_eq(sg_commit(&opts, &out, &T.diags, f), 1); /* missing: stale */
	fflush(f);
	ck_assert(strstr(report, "game.h: missing; run slotgen to write it") != NULL);
	ck_assert(access(path_in("game.h"), F_OK) != 0); /* --check writes nothing */
	opts.check = false;
	ck_assert_int_eq(sg_commit(&opts, &out, &T.diags, f), 0);
	opts.check = true;
	rewind(f);
	ck_assert_int_eq(sg_commit(&opts, &out, &T.diags, f), 0);
	fclose(f);
	sg_outputs_fini(&out);
}
END_TEST

START_TEST(test_errors_write_nothing)
{
	const char *schema = put_file("bad.yaml", "slotgen: 1\nmodule: bad\nclasses:\n  A: {slots: {x: nope}}\n");
	struct sg_options opts = {.out_dir = T.dir};
	struct sg_outputs out;
	ck_assert(!sg_generate(&opts, &schema, 1, &T.diags, &out));
	ck_assert_uint_eq(out.count, 0);
	ck_assert_ptr_null(out.files);
	ck_assert_uint_eq(T.diags.errors, 1);
}
END_TEST

/* Fail each allocation in turn over the realistic example (fleet.yaml,
 * which imports geo.yaml): a clean failure every time, never a crash
 * (and, under valgrind or LeakSanitizer, never a leak), until the run
 * needs no more. */
START_TEST(test_every_allocation_failure)
{
	const char *schema = SCHEMA_DIR "/fleet.yaml";
	struct sg_options opts = {.out_dir = T.dir};
	long n;
	for (n = 0;; n++) {
		struct sg_diags diags;
		struct sg_outputs out;
		sg_diags_init(&diags);
		sg_alloc_fail_after(n);
		bool ok = sg_generate(&opts, &schema, 1, &diags, &out);
		long made = sg_alloc_fail_after(-1);
		if (ok) {
			ck_assert(made <= n); /* nothing failed this time */
			sg_outputs_fini(&out);
			sg_diags_fini(&diags);
			break;
		}
		ck_assert_msg(diags.oom, "allocation %ld failed without an out-of-memory report", n);
		ck_assert_uint_eq(out.count, 0);
		sg_diags_fini(&diags);
	}
	ck_assert_int_gt(n, 20);
	/* Nothing was written by any of the failed runs. */
	char cmd[256];
	snprintf(cmd, sizeof cmd, "test -z \"$(ls -A '%s')\"", T.dir);
	ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* A run writes every file or none: here the source's path is a directory,
 * and the header, staged first, must not be replaced. */
START_TEST(test_a_failed_run_changes_nothing)
{
	const char *schema = put_file("game.yaml", game_schema);
	ck_assert_int_eq(mkdir(path_in("src.c"), 0755), 0);
	const char *h = path_in("x.h");
	bool changed;
	ck_assert(write_file(h, "/* old */\n", &changed));
	struct sg_options opts = {.header_path = h, .source_path = path_in("src.c"),
				  .depfile = path_in("x.d")};
	struct sg_outputs out;
	ck_assert_msg(sg_generate(&opts, &schema, 1, &T.diags, &out), "%s", diag_text());
	ck_assert_int_eq(sg_commit(&opts, &out, &T.diags, stderr), 1);
	ck_assert(strstr(diag_text(), "src.c: Is a directory") != NULL);
	ck_assert_str_eq(contents(h), "/* old */\n");
	ck_assert_int_eq(files_in_dir(), 3); /* game.yaml, x.h, src.c: no depfile, no temporaries */
	sg_outputs_fini(&out);
}
END_TEST

RUN_SUITE("output", test_write_new_unchanged_changed, test_permissions_follow_the_umask,
	  test_unwritable_directory, test_compare_any_length, test_a_failed_run_changes_nothing,
	  test_generate_then_check, test_errors_write_nothing, test_every_allocation_failure)
