/* check-output.c - writing outputs: atomic, change-only, --check; and the
 * whole pipeline under allocation failure. */
#include <sys/stat.h>
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

START_TEST(test_write_new_unchanged_changed)
{
	const char *p = path_in("out.h");
	ck_assert_int_eq(sg_write_file(&T.diags, p, "abc", 3), SG_WRITE_WRITTEN);
	ck_assert_str_eq(contents(p), "abc");
	set_old_mtime(p);
	time_t old = mtime_of(p);
	ck_assert_int_eq(sg_write_file(&T.diags, p, "abc", 3), SG_WRITE_UNCHANGED);
	ck_assert(mtime_of(p) == old);
	ck_assert_int_eq(sg_write_file(&T.diags, p, "abcd", 4), SG_WRITE_WRITTEN);
	ck_assert_str_eq(contents(p), "abcd");
	ck_assert(mtime_of(p) != old);
	/* Nothing left behind but the file itself. */
	char cmd[256];
	snprintf(cmd, sizeof cmd, "test $(ls '%s' | wc -l) -eq 1", T.dir);
	ck_assert_int_eq(system(cmd), 0);
	struct stat st;
	ck_assert_int_eq(stat(p, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0644);
}
END_TEST

START_TEST(test_unwritable_directory)
{
	const char *p = path_in("no/such/dir/out.h");
	ck_assert_int_eq(sg_write_file(&T.diags, p, "abc", 3), SG_WRITE_FAILED);
	ck_assert(strstr(diag_text(), "cannot write") != NULL);
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

RUN_SUITE("output", test_write_new_unchanged_changed, test_unwritable_directory,
	  test_generate_then_check, test_errors_write_nothing, test_every_allocation_failure)
