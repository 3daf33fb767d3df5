/* yamltree.c - libyaml events to a node tree. */
#include "yamltree.h"

#include <yaml.h>

struct parse {
	yaml_parser_t parser;
	struct sg_arena *arena;
	struct sg_diags *diags;
	const char *file;
	const unsigned char *data; /* for the line and column of a byte offset */
	size_t len;
};

const char *sg_node_kind_name(enum sg_node_kind kind)
{
	static const char *const names[SG_NODE__COUNT] = {
		[SG_NODE_SCALAR] = "a scalar",
		[SG_NODE_SEQUENCE] = "a sequence",
		[SG_NODE_MAPPING] = "a mapping",
	};
	return names[kind];
}

static struct sg_loc loc_of(const struct parse *p, yaml_mark_t mark)
{
	struct sg_loc loc = {p->file, (unsigned)mark.line + 1, (unsigned)mark.column + 1};
	return loc;
}

/* The code point at @p s (@p left bytes, at least one) in UTF-8, or in
 * UTF-16 (1: little-, 2: big-endian), and in *n its bytes.  Only line
 * breaks need to be told apart. */
static unsigned long char_at(const unsigned char *s, size_t left, int utf16, size_t *n)
{
	unsigned long c = s[0];
	if (utf16) {
		if (left < 2) {
			*n = left;
			return 0;
		}
		c = utf16 == 1 ? s[0] | (unsigned long)s[1] << 8 : (unsigned long)s[0] << 8 | s[1];
		*n = (c & 0xfc00) == 0xd800 && left >= 4 ? 4 : 2;
		return c;
	}
	*n = c < 0xc0 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
	if (*n > left)
		*n = left;
	if (*n == 2)
		c = (c & 0x1f) << 6 | (s[1] & 0x3fu);
	else if (*n == 3)
		c = (c & 0x0f) << 12 | (s[1] & 0x3fu) << 6 | (s[2] & 0x3fu);
	return c;
}

/*
 * The line and column of byte @p offset, counted as libyaml counts its
 * marks (which its reader's errors lack): characters after a byte order
 * mark, lines after LF, CR, CRLF, NEL, LS and PS.  The column is the
 * character's holding the byte.
 */
static struct sg_loc loc_of_offset(const struct parse *p, size_t offset)
{
	const unsigned char *s = p->data;
	size_t len = p->len, i = 0, n, m;
	unsigned line = 1, column = 1;
	int utf16 = 0;
	if (len >= 2 && s[0] == 0xff && s[1] == 0xfe)
		utf16 = 1;
	else if (len >= 2 && s[0] == 0xfe && s[1] == 0xff)
		utf16 = 2;
	if (utf16)
		i = 2;
	else if (len >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf)
		i = 3;
	while (i < len && i < offset) {
		unsigned long c = char_at(s + i, len - i, utf16, &n);
		if (i + n > offset)
			break;
		i += n;
		bool crlf = c == '\r' && i < len && char_at(s + i, len - i, utf16, &m) == '\n';
		if (c == '\n' || (c == '\r' && !crlf) || c == 0x85 || c == 0x2028 || c == 0x2029) {
			line++;
			column = 1;
		} else {
			column++;
		}
	}
	struct sg_loc loc = {p->file, line, column};
	return loc;
}

/* Report libyaml's own problem at its own mark. */
static void parser_error(struct parse *p)
{
	const yaml_parser_t *y = &p->parser;
	if (y->error == YAML_MEMORY_ERROR) {
		p->diags->oom = true;
		p->diags->errors++;
		return;
	}
	struct sg_loc loc = loc_of(p, y->problem_mark);
	if (y->error == YAML_READER_ERROR) {
		/* The reader gives a byte offset, and no mark. */
		sg_error(p->diags, loc_of_offset(p, y->problem_offset), "%s",
			 y->problem ? y->problem : "invalid input");
		return;
	}
	if (y->context)
		sg_error(p->diags, loc, "%s %s", y->problem, y->context);
	else
		sg_error(p->diags, loc, "%s", y->problem ? y->problem : "invalid YAML");
}

static bool next_event(struct parse *p, yaml_event_t *ev)
{
	if (yaml_parser_parse(&p->parser, ev))
		return true;
	parser_error(p);
	return false;
}

static struct sg_node *new_node(struct parse *p, enum sg_node_kind kind, yaml_mark_t mark)
{
	struct sg_node *n = sg_arena_alloc(p->arena, sizeof *n);
	if (!n) {
		p->diags->oom = true;
		p->diags->errors++;
		return NULL;
	}
	n->kind = kind;
	n->loc = loc_of(p, mark);
	return n;
}

static struct sg_node *parse_node(struct parse *p, yaml_event_t *ev, unsigned depth);

/* Read the children of a collection whose start event was just seen. */
static struct sg_node *parse_collection(struct parse *p, struct sg_node *n, yaml_event_type_t end,
					unsigned depth)
{
	struct sg_node **tail = &n->first;
	struct sg_node *key = NULL;
	for (;;) {
		yaml_event_t ev;
		if (!next_event(p, &ev))
			return NULL;
		if (ev.type == end) {
			yaml_event_delete(&ev);
			return n;
		}
		struct sg_node *child = parse_node(p, &ev, depth + 1);
		yaml_event_delete(&ev);
		if (!child)
			return NULL;
		if (n->kind == SG_NODE_MAPPING && key) {
			key->value = child;
			key = NULL;
			continue;
		}
		if (n->kind == SG_NODE_MAPPING)
			key = child;
		*tail = child;
		tail = &child->next;
		n->count++;
	}
}

static struct sg_node *parse_node(struct parse *p, yaml_event_t *ev, unsigned depth)
{
	struct sg_node *n;
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		n = new_node(p, SG_NODE_SCALAR, ev->start_mark);
		if (!n)
			return NULL;
		n->len = ev->data.scalar.length;
		n->text = sg_arena_strndup(p->arena, (const char *)ev->data.scalar.value, n->len);
		if (!n->text) {
			p->diags->oom = true;
			p->diags->errors++;
			return NULL;
		}
		n->quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
		return n;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (depth >= SG_YAML_MAX_DEPTH) {
			sg_error(p->diags, loc_of(p, ev->start_mark),
				 "nesting deeper than %d levels", SG_YAML_MAX_DEPTH);
			return NULL;
		}
		if (ev->type == YAML_SEQUENCE_START_EVENT) {
			n = new_node(p, SG_NODE_SEQUENCE, ev->start_mark);
			return n ? parse_collection(p, n, YAML_SEQUENCE_END_EVENT, depth) : NULL;
		}
		n = new_node(p, SG_NODE_MAPPING, ev->start_mark);
		return n ? parse_collection(p, n, YAML_MAPPING_END_EVENT, depth) : NULL;
	case YAML_ALIAS_EVENT:
		sg_error(p->diags, loc_of(p, ev->start_mark),
			 "aliases are not supported in schemas");
		return NULL;
	default:
		sg_error(p->diags, loc_of(p, ev->start_mark), "unexpected YAML event");
		return NULL;
	}
}

/* Expect an event of the given type, or report what came instead. */
static bool expect(struct parse *p, yaml_event_type_t type, const char *what)
{
	yaml_event_t ev;
	if (!next_event(p, &ev))
		return false;
	bool ok = ev.type == type;
	if (!ok)
		sg_error(p->diags, loc_of(p, ev.start_mark), "%s", what);
	yaml_event_delete(&ev);
	return ok;
}

/* The document: its start, one top node, its end, and nothing after. */
static struct sg_node *parse_document(struct parse *p)
{
	yaml_event_t ev;
	if (!expect(p, YAML_STREAM_START_EVENT, "expected a YAML stream") || !next_event(p, &ev))
		return NULL;
	yaml_event_type_t type = ev.type;
	yaml_event_delete(&ev);
	if (type == YAML_STREAM_END_EVENT) {
		struct sg_loc whole = {p->file, 0, 0};
		sg_error(p->diags, whole, "the schema is empty");
		return NULL;
	}
	if (!next_event(p, &ev))
		return NULL;
	struct sg_node *top = parse_node(p, &ev, 0);
	yaml_event_delete(&ev);
	if (!top || !expect(p, YAML_DOCUMENT_END_EVENT, "expected the end of the document") ||
	    !expect(p, YAML_STREAM_END_EVENT, "a schema is one YAML document; found a second one"))
		return NULL;
	return top;
}

bool sg_yaml_parse(struct sg_arena *arena, struct sg_diags *diags, const char *file,
		   const char *data, size_t len, struct sg_node **root)
{
	struct parse p = {.arena = arena, .diags = diags, .file = file,
			  .data = (const unsigned char *)data, .len = len};
	if (!yaml_parser_initialize(&p.parser)) {
		diags->oom = true;
		diags->errors++;
		return false;
	}
	yaml_parser_set_input_string(&p.parser, (const unsigned char *)data, len);
	struct sg_node *top = parse_document(&p);
	yaml_parser_delete(&p.parser);
	if (top)
		*root = top;
	return top != NULL;
}
