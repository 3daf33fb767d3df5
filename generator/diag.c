/* diag.c - diagnostics. */
#include "diag.h"

#include <stdarg.h>
#include <string.h>

void sg_diags_init(struct sg_diags *d)
{
	d->head = NULL;
	d->tail = &d->head;
	d->errors = 0;
	d->oom = false;
}

void sg_diags_fini(struct sg_diags *d)
{
	struct sg_diag *p = d->head;
	while (p) {
		struct sg_diag *next = p->next;
		sg_free(p->message);
		sg_free((char *)p->loc.file);
		sg_free(p);
		p = next;
	}
	sg_diags_init(d);
}

static void add(struct sg_diags *d, enum sg_severity sev, struct sg_loc loc,
		const char *fmt, va_list ap)
{
	if (sev == SG_ERROR)
		d->errors++;
	struct sg_diag *p = sg_malloc(sizeof *p);
	struct sg_buf msg;
	sg_buf_init(&msg);
	sg_buf_vprintf(&msg, fmt, ap);
	/* The file name is copied: diagnostics outlive the model they speak of. */
	char *file = NULL;
	if (loc.file && (file = sg_malloc(strlen(loc.file) + 1)))
		memcpy(file, loc.file, strlen(loc.file) + 1);
	if (!p || msg.failed || (loc.file && !file)) {
		sg_free(p);
		sg_free(file);
		sg_buf_fini(&msg);
		d->oom = true;
		return;
	}
	p->next = NULL;
	p->severity = sev;
	p->loc = loc;
	p->loc.file = file;
	p->message = msg.data;
	*d->tail = p;
	d->tail = &p->next;
}

void sg_error(struct sg_diags *d, struct sg_loc loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, SG_ERROR, loc, fmt, ap);
	va_end(ap);
}

void sg_note(struct sg_diags *d, struct sg_loc loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, SG_NOTE, loc, fmt, ap);
	va_end(ap);
}

void sg_diags_print(const struct sg_diags *d, FILE *out)
{
	static const char *const names[] = {[SG_ERROR] = "error", [SG_NOTE] = "note"};
	for (const struct sg_diag *p = d->head; p; p = p->next) {
		const struct sg_loc *l = &p->loc;
		if (!l->file)
			fprintf(out, "slotgen: %s: %s\n", names[p->severity], p->message);
		else if (l->line)
			fprintf(out, "%s:%u:%u: %s: %s\n", l->file, l->line, l->col,
				names[p->severity], p->message);
		else
			fprintf(out, "%s: %s: %s\n", l->file, names[p->severity], p->message);
	}
	if (d->oom)
		fprintf(out, "slotgen: error: out of memory\n");
}
