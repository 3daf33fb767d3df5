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
	for (size_t i = 0; i < out->input_count; i++)
		sg_free(out->inputs[i]);
	sg_free(out->inputs);
	out->files = NULL;
	out->count = 0;
	out->inputs = NULL;
	out->input_count = 0;
}

/* Add a rendered file at @p explicit_path, or at DIR/NAME; @p text is taken over. */
static bool add_output(struct sg_outputs *out, const char *explicit_path, const char *dir,
		       const char *name, struct sg_buf *text)
{
	struct sg_buf path;
	sg_buf_init(&path);
	if (explicit_path)
		sg_buf_puts(&path, explicit_path);
	else
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

/* The path of a YAML output: PATH with `_yaml` before its extension, or
 * DIR/NAME (the plan's MODULE_yaml.EXT). */
static char *yaml_path(const char *path, const char *dir, const char *name, const char *ext)
{
	struct sg_buf b;
	sg_buf_init(&b);
	size_t n = path ? strlen(path) : 0;
	if (path && n >= 2 && strcmp(path + n - 2, ext) == 0)
		sg_buf_printf(&b, "%.*s_yaml%s", (int)(n - 2), path, ext);
	else if (path)
		sg_buf_printf(&b, "%s_yaml%s", path, ext);
	else
		sg_buf_printf(&b, "%s/%s", dir, name);
	if (b.failed)
		sg_buf_fini(&b);
	return b.data;
}

static bool generate_module(struct sg_arena *arena, struct sg_diags *diags,
			    const struct sg_options *opts, const struct sg_module *m,
			    struct sg_outputs *out)
{
	const char *dir = opts->out_dir ? opts->out_dir : ".";
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
	ok = ok && add_output(out, opts->header_path, dir, plan.header, &h) &&
	     add_output(out, opts->source_path, dir, plan.source, &c);
	if (ok && opts->yaml) {
		/* Beside the header and the source: MODULE_yaml.h, MODULE_yaml.c. */
		char *yh = yaml_path(opts->header_path, dir, plan.yaml_header, ".h");
		char *yc = yaml_path(opts->source_path, dir, plan.yaml_source, ".c");
		ok = yh && yc && sg_emit_yaml(arena, diags, &plan, &h, &c) &&
		     add_output(out, yh, dir, NULL, &h) && add_output(out, yc, dir, NULL, &c);
		sg_free(yh);
		sg_free(yc);
	}
	if (!ok && !diags->errors)
		diags->oom = true;
	sg_buf_fini(&h);
	sg_buf_fini(&c);
	return ok;
}

/* Copy the path of every schema read, for the depfile. */
static bool keep_inputs(const struct sg_program *prog, struct sg_outputs *out,
			struct sg_diags *diags)
{
	out->inputs = sg_malloc((prog->count + 1) * sizeof *out->inputs);
	for (size_t i = 0; out->inputs && i < prog->count; i++) {
		struct sg_buf p;
		sg_buf_init(&p);
		sg_buf_puts(&p, prog->modules[i]->path);
		if (p.failed)
			break;
		out->inputs[out->input_count++] = p.data;
	}
	if (out->input_count == prog->count)
		return true;
	diags->oom = true;
	return false;
}

bool sg_generate(const struct sg_options *opts, const char *const *paths, size_t count,
		 struct sg_diags *diags, struct sg_outputs *out)
{
	struct sg_arena arena;
	sg_arena_init(&arena);
	struct sg_program prog;
	out->files = NULL;
	out->count = 0;
	out->inputs = NULL;
	out->input_count = 0;
	bool ok = true;
	if ((opts->header_path || opts->source_path) && count != 1) {
		struct sg_loc none = {NULL, 0, 0};
		sg_error(diags, none, "--header and --source name the outputs of one schema, not %zu",
			 count);
		ok = false;
	}
	ok = ok && sg_load(&arena, diags, &opts->load, paths, count, &prog) &&
	     sg_check(&arena, diags, &prog) && keep_inputs(&prog, out, diags);
	for (size_t i = 0; ok && i < prog.count; i++)
		if (prog.modules[i]->root)
			ok = generate_module(&arena, diags, opts, prog.modules[i], out);
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

bool sg_layout_report(const struct sg_options *opts, const char *const *paths, size_t count,
		      struct sg_diags *diags, FILE *out)
{
	struct sg_arena arena;
	sg_arena_init(&arena);
	struct sg_program prog;
	bool ok = sg_load(&arena, diags, &opts->load, paths, count, &prog) &&
		  sg_check(&arena, diags, &prog);
	for (size_t i = 0; ok && i < prog.count; i++) {
		const struct sg_module *m = prog.modules[i];
		struct sg_plan plan;
		if (!m->root)
			continue;
		if (!sg_plan_module(&arena, m, &plan)) {
			diags->oom = true;
			ok = false;
			break;
		}
		fprintf(out, "%s (module %s)\n", m->path, m->name);
		fprintf(out, "  %-24s %8s %6s %8s %8s %9s  %s\n", "class", "size", "align", "padding",
			"minimum", "declared", "layout");
		for (size_t j = 0; j < m->class_count; j++) {
			const struct sg_plan_class *pc = &plan.classes[j];
			const struct sg_layout *l = &pc->layout;
			fprintf(out, "  %-24s %8llu %6llu %8llu %8llu %9llu  %s\n", pc->cls->name,
				(unsigned long long)l->size, (unsigned long long)l->align,
				(unsigned long long)l->padding, (unsigned long long)l->minimum,
				(unsigned long long)pc->declared.size,
				pc->cls->layout_declared ? "declared" : "compact");
		}
	}
	sg_arena_fini(&arena);
	return ok && !diags->errors && !diags->oom;
}

/* A path as Make and Ninja read it in a depfile. */
static void put_make_path(struct sg_buf *b, const char *p)
{
	for (; *p; p++) {
		if (*p == ' ' || *p == '#' || *p == '\\')
			sg_buf_putc(b, '\\');
		else if (*p == '$')
			sg_buf_putc(b, '$');
		sg_buf_putc(b, *p);
	}
}

void sg_depfile_text(const struct sg_outputs *out, struct sg_buf *text)
{
	if (!out->count)
		return;
	put_make_path(text, out->files[0].path);
	sg_buf_putc(text, ':');
	for (size_t i = 0; i < out->input_count; i++) {
		sg_buf_putc(text, ' ');
		put_make_path(text, out->inputs[i]);
	}
	sg_buf_putc(text, '\n');
}

int sg_commit(const struct sg_options *opts, const struct sg_outputs *out,
	      struct sg_diags *diags, FILE *report)
{
	int status = 0;
	for (size_t i = 0; i < out->count; i++) {
		const struct sg_output *f = &out->files[i];
		if (opts->check) {
			long line = sg_file_first_difference(f->path, f->text.data, f->text.len);
			if (line < 0)
				fprintf(report, "%s: missing; run slotgen to write it\n", f->path);
			else if (line > 0)
				fprintf(report,
					"%s: stale (differs from line %ld on); run slotgen to update it\n",
					f->path, line);
			status = line ? 1 : status;
			continue;
		}
		if (sg_write_file(diags, f->path, f->text.data, f->text.len) == SG_WRITE_FAILED)
			status = 1;
	}
	if (opts->depfile && !opts->check && status == 0) {
		struct sg_buf dep;
		sg_buf_init(&dep);
		sg_depfile_text(out, &dep);
		if (dep.failed)
			diags->oom = true;
		if (dep.failed ||
		    sg_write_file(diags, opts->depfile, dep.data ? dep.data : "", dep.len) ==
			    SG_WRITE_FAILED)
			status = 1;
		sg_buf_fini(&dep);
	}
	return status;
}
