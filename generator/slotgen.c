/* slotgen.c - the phases, in order. */
#include "slotgen.h"

#include <errno.h>
#include <string.h>

#include "checker.h"
#include "emit.h"
#include "layout.h"
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

/* Add a rendered file at @p path; @p text is taken over. */
static bool add_output(struct sg_outputs *out, const char *path, struct sg_buf *text)
{
	struct sg_buf copy;
	sg_buf_init(&copy);
	sg_buf_puts(&copy, path);
	struct sg_output *files = sg_realloc(out->files, (out->count + 1) * sizeof *files);
	if (files)
		out->files = files;
	if (!files || copy.failed) {
		sg_buf_fini(&copy);
		return false;
	}
	files[out->count].path = copy.data;
	files[out->count].text = *text;
	sg_buf_init(text);
	out->count++;
	return true;
}

static bool generate_module(struct sg_arena *arena, struct sg_diags *diags,
			    const struct sg_options *opts, const struct sg_plan *plan,
			    struct sg_outputs *out)
{
	struct sg_buf h, c;
	sg_buf_init(&h);
	sg_buf_init(&c);
	bool ok = sg_emit(arena, diags, plan, &h, &c);
	if (ok && (h.failed || c.failed)) {
		diags->oom = true;
		ok = false;
	}
	ok = ok && add_output(out, plan->header_path, &h) && add_output(out, plan->source_path, &c);
	if (ok && opts->yaml)
		ok = sg_emit_yaml(arena, diags, plan, &h, &c) &&
		     add_output(out, plan->yaml_header_path, &h) &&
		     add_output(out, plan->yaml_source_path, &c);
	if (ok && opts->python)
		ok = sg_emit_python(arena, diags, plan, &c) &&
		     add_output(out, plan->python_source_path, &c);
	if (!ok && !diags->errors)
		diags->oom = true;
	sg_buf_fini(&h);
	sg_buf_fini(&c);
	return ok;
}

/* Plan every module the run reads, check the names of all of them
 * together, then write the files of the modules named on the command line. */
static bool generate_modules(struct sg_arena *arena, struct sg_diags *diags,
			     const struct sg_options *opts, const struct sg_program *prog,
			     struct sg_outputs *out)
{
	const struct sg_plan_where where = {opts->out_dir, opts->header_path, opts->source_path};
	struct sg_plan *plans = sg_arena_alloc(arena, (prog->count + 1) * sizeof *plans);
	if (!plans) {
		diags->oom = true;
		return false;
	}
	for (size_t i = 0; i < prog->count; i++)
		if (!sg_plan_module(arena, prog->modules[i], prog->modules[i]->root ? &where : NULL,
				    &plans[i])) {
			diags->oom = true;
			return false;
		}
	if (!sg_plan_check_names(arena, diags, plans, prog->count))
		return false;
	for (size_t i = 0; i < prog->count; i++)
		if (prog->modules[i]->root && !generate_module(arena, diags, opts, &plans[i], out))
			return false;
	return true;
}

/* The runtimes: the one every module needs, the YAML one, the Python one. */
enum runtime { RUNTIME_C, RUNTIME_YAML, RUNTIME_PYTHON };

static const struct {
	const char *header, *source;
	bool (*emit)(struct sg_arena *, struct sg_diags *, struct sg_buf *, struct sg_buf *);
} runtimes[] = {
	[RUNTIME_C] = {SG_RUNTIME_HEADER, SG_RUNTIME_SOURCE, sg_emit_runtime},
	[RUNTIME_YAML] = {SG_YAML_RUNTIME_HEADER, SG_YAML_RUNTIME_SOURCE, sg_emit_yaml_runtime},
	[RUNTIME_PYTHON] = {SG_PYTHON_RUNTIME_HEADER, SG_PYTHON_RUNTIME_SOURCE,
			    sg_emit_python_runtime},
};

/* A runtime's two files, into the output directory. */
static bool generate_runtime(struct sg_arena *arena, struct sg_diags *diags,
			     const struct sg_options *opts, enum runtime which,
			     struct sg_outputs *out)
{
	const char *dir = opts->out_dir ? opts->out_dir : ".";
	const char *h_path = sg_arena_printf(arena, "%s/%s", dir, runtimes[which].header);
	const char *c_path = sg_arena_printf(arena, "%s/%s", dir, runtimes[which].source);
	struct sg_buf h, c;
	sg_buf_init(&h);
	sg_buf_init(&c);
	bool ok = h_path && c_path && runtimes[which].emit(arena, diags, &h, &c) &&
		  !h.failed && !c.failed && add_output(out, h_path, &h) && add_output(out, c_path, &c);
	if (!ok && !diags->errors)
		diags->oom = true;
	sg_buf_fini(&h);
	sg_buf_fini(&c);
	return ok;
}

/* Two outputs of one run, or an output and the depfile, named alike would
 * overwrite each other: an error, whatever modules or options led there. */
static bool paths_distinct(const struct sg_options *opts, const struct sg_outputs *out,
			   struct sg_diags *diags)
{
	struct sg_loc none = {NULL, 0, 0};
	for (size_t i = 0; i < out->count; i++) {
		const char *p = out->files[i].path;
		bool twice = opts->depfile && strcmp(p, opts->depfile) == 0;
		for (size_t j = 0; !twice && j < i; j++)
			twice = strcmp(p, out->files[j].path) == 0;
		if (twice) {
			sg_error(diags, none, "two outputs of this run would be written to %s", p);
			return false;
		}
	}
	return true;
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
	if (ok && opts->runtime)
		ok = generate_runtime(&arena, diags, opts, RUNTIME_C, out) &&
		     (!opts->yaml || generate_runtime(&arena, diags, opts, RUNTIME_YAML, out)) &&
		     (!opts->python || generate_runtime(&arena, diags, opts, RUNTIME_PYTHON, out));
	if (count > 0) {
		ok = ok && sg_load(&arena, diags, &opts->load, paths, count, &prog) &&
		     sg_check(&arena, diags, &prog) && keep_inputs(&prog, out, diags);
		ok = ok && generate_modules(&arena, diags, opts, &prog, out);
	} else {
		ok = ok && opts->runtime; /* the runtime alone */
	}
	ok = ok && paths_distinct(opts, out, diags);
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
		if (!sg_plan_module(&arena, m, NULL, &plan)) {
			diags->oom = true;
			ok = false;
			break;
		}
		fprintf(out, "%s (module %s)\n", m->path, m->name);
		fprintf(out, "  %-24s %8s %6s %8s %8s %9s  %s\n", "class", "size", "align", "padding",
			"minimum", "declared", "layout");
		for (size_t j = 0; j < m->class_count; j++) {
			const struct sg_class *c = plan.classes[j].cls;
			const struct sg_layout *l = &c->layout;
			struct sg_layout declared; /* what schema order would give */
			if (!sg_lay_out(c, true, NULL, &declared)) {
				diags->oom = true;
				ok = false;
				break;
			}
			fprintf(out, "  %-24s %8llu %6llu %8llu %8llu %9llu  %s\n", c->name,
				(unsigned long long)l->size, (unsigned long long)l->align,
				(unsigned long long)l->padding, (unsigned long long)l->minimum,
				(unsigned long long)declared.size,
				c->layout_declared ? "declared" : "compact");
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

/* --check: report each output that is stale or missing; 1 if any is. */
static int check_outputs(const struct sg_outputs *out, struct sg_diags *diags, FILE *report)
{
	int status = 0;
	for (size_t i = 0; i < out->count; i++) {
		const struct sg_output *f = &out->files[i];
		long line;
		int err = sg_file_compare(f->path, f->text.data, f->text.len, &line);
		if (err == ENOENT) {
			fprintf(report, "%s: missing; run slotgen to write it\n", f->path);
		} else if (err) {
			struct sg_loc none = {NULL, 0, 0};
			sg_error(diags, none, "cannot read %s: %s", f->path, strerror(err));
		} else if (line) {
			fprintf(report, "%s: stale (differs from line %ld on); run slotgen to update it\n",
				f->path, line);
		}
		status = err || line ? 1 : status;
	}
	return status;
}

int sg_commit(const struct sg_options *opts, const struct sg_outputs *out,
	      struct sg_diags *diags, FILE *report)
{
	if (opts->check)
		return check_outputs(out, diags, report);
	/* Every output, then the depfile: all staged before any is renamed into
	 * place, so that a failure leaves every file as it was. */
	size_t n = out->count + (opts->depfile != NULL);
	struct sg_staged *staged = sg_malloc((n + 1) * sizeof *staged);
	struct sg_buf dep;
	sg_buf_init(&dep);
	if (opts->depfile)
		sg_depfile_text(out, &dep);
	if (!staged || dep.failed) {
		sg_free(staged);
		sg_buf_fini(&dep);
		diags->oom = true;
		return 1;
	}
	size_t done = 0;
	bool ok = true;
	for (; ok && done < out->count; done++)
		ok = sg_stage(diags, out->files[done].path, out->files[done].text.data,
			      out->files[done].text.len, &staged[done]);
	if (ok && opts->depfile)
		ok = sg_stage(diags, opts->depfile, dep.data ? dep.data : "", dep.len,
			      &staged[done++]);
	if (!ok)
		done--; /* the failed one holds nothing */
	for (size_t i = 0; i < done; i++)
		if (ok)
			ok = sg_publish(diags, &staged[i]);
		else
			sg_discard(&staged[i]);
	sg_free(staged);
	sg_buf_fini(&dep);
	return ok ? 0 : 1;
}
