/* load.c - schema files and their imports. */
#include "load.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A file met during loading, by its real path. */
struct entry {
	struct entry *next;
	const char *real;
	struct sg_module *module; /* NULL until loaded, or when it failed */
	bool loading;             /* on the current chain of imports */
};

struct loader {
	struct sg_arena *arena;
	struct sg_diags *diags;
	const struct sg_load_options *opts;
	struct entry *entries;
	struct sg_module **order; /* imports first; arena-owned, grown by copy */
	size_t count, cap;
	unsigned depth; /* imports being loaded, one inside the other */
	bool ok;
};

static bool exists(const struct loader *l, const char *path)
{
	if (l->opts->exists)
		return l->opts->exists(l->opts->read_ctx, path);
	struct stat st;
	return stat(path, &st) == 0;
}

static struct sg_module *load_file(struct loader *l, const char *path, struct sg_loc from);

/* Where an import's file is: beside the importer, then in -I directories. */
static const char *find_import(struct loader *l, const struct sg_module *m,
			       const struct sg_import *imp)
{
	const char *slash = strrchr(m->path, '/');
	const char *p = slash ? sg_arena_printf(l->arena, "%.*s/%s", (int)(slash - m->path),
						 m->path, imp->path)
			      : imp->path;
	if (imp->path[0] == '/')
		p = imp->path;
	if (p && exists(l, p))
		return p;
	for (size_t i = 0; p && imp->path[0] != '/' && i < l->opts->include_count; i++) {
		p = sg_arena_printf(l->arena, "%s/%s", l->opts->include_dirs[i], imp->path);
		if (p && exists(l, p))
			return p;
	}
	if (p)
		sg_error(l->diags, imp->loc, "cannot find imported schema '%s'", imp->path);
	else
		l->diags->oom = true;
	return NULL;
}

static bool push_order(struct loader *l, struct sg_module *m)
{
	if (l->count == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		struct sg_module **p = sg_arena_alloc(l->arena, cap * sizeof *p);
		if (!p) {
			l->diags->oom = true;
			return false;
		}
		if (l->count)
			memcpy(p, l->order, l->count * sizeof *p);
		l->order = p;
		l->cap = cap;
	}
	l->order[l->count++] = m;
	return true;
}

/* The module of the schema at @p path; *valid is false when it has errors
 * (it is still returned, so that its imports are checked in the same run). */
static struct sg_module *parse_module(struct loader *l, const char *path, struct sg_loc from,
				      bool *valid)
{
	char *text;
	size_t len;
	int err = l->opts->read ? l->opts->read(l->opts->read_ctx, path, SG_MAX_SCHEMA_BYTES, &text, &len)
				: sg_read_file(path, SG_MAX_SCHEMA_BYTES, &text, &len);
	if (err == EFBIG) {
		sg_error(l->diags, from, "%s: larger than %u bytes", path, SG_MAX_SCHEMA_BYTES);
		return NULL;
	}
	if (err) {
		sg_error(l->diags, from, "cannot read %s: %s", path, strerror(err));
		return NULL;
	}
	struct sg_node *doc;
	struct sg_module *m = sg_arena_alloc(l->arena, sizeof *m);
	bool ok = m && sg_yaml_parse(l->arena, l->diags, path, text, len, &doc);
	sg_free(text);
	if (!m)
		l->diags->oom = true;
	if (!ok)
		return NULL;
	*valid = sg_schema_read(l->arena, l->diags, path, doc, m);
	return m;
}

static struct sg_module *load_file(struct loader *l, const char *path, struct sg_loc from)
{
	char real[PATH_MAX];
	const char *key = realpath(path, real) ? real : path;
	for (struct entry *e = l->entries; e; e = e->next) {
		if (strcmp(e->real, key) != 0)
			continue;
		if (e->loading)
			sg_error(l->diags, from, "import cycle: '%s' imports itself, directly or not",
				 path);
		return e->module;
	}
	/* Bounded: each level is a stack frame, and a file system that makes up
	 * files (or paths too long to resolve) could otherwise go on forever. */
	if (l->depth > SG_MAX_IMPORT_DEPTH) {
		sg_error(l->diags, from, "imports nest more than %u deep", SG_MAX_IMPORT_DEPTH);
		return NULL;
	}
	struct entry *e = sg_arena_alloc(l->arena, sizeof *e);
	const char *kept = sg_arena_strdup(l->arena, path);
	if (e)
		e->real = sg_arena_strdup(l->arena, key);
	if (!e || !e->real || !kept) {
		l->diags->oom = true;
		return NULL;
	}
	e->next = l->entries;
	e->loading = true;
	l->entries = e;

	bool ok = false;
	struct sg_module *m = parse_module(l, kept, from, &ok);
	e->loading = m != NULL;
	if (!m)
		return NULL;
	l->depth++;
	for (size_t i = 0; i < m->import_count; i++) {
		struct sg_import *imp = &m->imports[i];
		const char *p = find_import(l, m, imp);
		imp->module = p ? load_file(l, p, imp->loc) : NULL;
		ok = imp->module && ok; /* load every import, even after an error */
	}
	l->depth--;
	e->loading = false;
	if (!ok || !push_order(l, m))
		return NULL;
	e->module = m;
	return m;
}

bool sg_load(struct sg_arena *arena, struct sg_diags *diags, const struct sg_load_options *opts,
	     const char *const *paths, size_t count, struct sg_program *out)
{
	struct loader l = {.arena = arena, .diags = diags, .opts = opts, .ok = true};
	bool ok = true;
	for (size_t i = 0; i < count; i++) {
		struct sg_loc whole = {NULL, 0, 0};
		struct sg_module *m = load_file(&l, paths[i], whole);
		if (m)
			m->root = true;
		ok = ok && m;
	}
	if (!ok || diags->errors || diags->oom)
		return false;
	out->modules = l.order;
	out->count = l.count;
	return true;
}
