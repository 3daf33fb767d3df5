/* slotgen.c - the phases, in order. */
#include "slotgen.h"

#include <string.h>

#include "checker.h"
#include "emit.h"
#include "output.h"
#include "plan.h"

void sg_outputs_fini(struct sg_outputs *out)
{
	for (size_t i = 0; i < out->count; i++) {
		sg_free(out->files[i].path);
		sg_buf_fini(&out->files[i].text);
	}
	sg_free(out->files);
	out->files = NULL;
	out->count = 0;
}

static bool add_output(struct sg_outputs *out, const char *dir, const char *name,
		       struct sg_buf *text)
{
	struct sg_buf path;
	sg_buf_init(&path);
	sg_buf_printf(&path, "%s/%s", dir, name);
	struct sg_output *files = sg_realloc(out->files, (out->count + 1) * sizeof *files);
	if (!files || path.failed) {
		sg_buf_fini(&path);
		if (files)
			out->files = files;
		return false;
	}
	out->files = files;
	files[out->count].path = path.data;
	files[out->count].text = *text;
	sg_buf_init(text);
	out->count++;
	return true;
}

static bool generate_module(struct sg_arena *arena, struct sg_diags *diags, const char *dir,
			    const struct sg_module *m, struct sg_outputs *out)
{
	struct sg_plan plan;
	if (!sg_plan_module(arena, m, &plan)) {
		diags->oom = true;
		return false;
	}
	struct sg_buf h, c;
	sg_buf_init(&h);
	sg_buf_init(&c);
	bool ok = sg_emit(arena, diags, &plan, &h, &c);
	if (ok && (h.failed || c.failed)) {
		diags->oom = true;
		ok = false;
	}
	ok = ok && add_output(out, dir, plan.header, &h) && add_output(out, dir, plan.source, &c);
	if (!ok && !diags->errors)
		diags->oom = true;
	sg_buf_fini(&h);
	sg_buf_fini(&c);
	return ok;
}

bool sg_generate(const struct sg_options *opts, const char *const *paths, size_t count,
		 struct sg_diags *diags, struct sg_outputs *out)
{
	struct sg_arena arena;
	sg_arena_init(&arena);
	struct sg_program prog;
	out->files = NULL;
	out->count = 0;
	bool ok = sg_load(&arena, diags, &opts->load, paths, count, &prog) &&
		  sg_check(&arena, diags, &prog);
	const char *dir = opts->out_dir ? opts->out_dir : ".";
	for (size_t i = 0; ok && i < prog.count; i++)
		if (prog.modules[i]->root)
			ok = generate_module(&arena, diags, dir, prog.modules[i], out);
	if (arena.failed)
		diags->oom = true;
	if (!ok || diags->oom || diags->errors) {
		/* Keep the file names of the diagnostics alive past the arena. */
		sg_outputs_fini(out);
		ok = false;
	}
	sg_arena_fini(&arena);
	return ok;
}

int sg_commit(const struct sg_options *opts, const struct sg_outputs *out,
	      struct sg_diags *diags, FILE *report)
{
	int status = 0;
	for (size_t i = 0; i < out->count; i++) {
		const struct sg_output *f = &out->files[i];
		if (opts->check) {
			if (!sg_file_equals(f->path, f->text.data, f->text.len)) {
				fprintf(report, "%s: stale or missing; run slotgen to update it\n",
					f->path);
				status = 1;
			}
			continue;
		}
		if (sg_write_file(diags, f->path, f->text.data, f->text.len) == SG_WRITE_FAILED)
			status = 1;
	}
	return status;
}
