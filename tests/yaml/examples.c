/* examples.c - the C side of the examples test (examples.py): one
 * document of examples/service/ loaded as its class of schemas/service.yaml,
 * dumped, the dump loaded again and compared with the first load (equal,
 * and dumping the same text).
 *
 *   examples CLASS FILE      print the dump; exit 1, saying why, on a failure */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "service_yaml.h"

static const slot_class *const classes[] = {
	&service_deployment_class, &service_service_class, &service_container_class,
	&service_port_class, &service_node_class, &service_packet_class,
};

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0, got;
	if (!f)
		return NULL;
	do {
		if (cap - n < 4096) {
			cap = cap ? 2 * cap : 65536;
			char *p = realloc(buf, cap);
			if (!p)
				abort();
			buf = p;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	*len = n;
	return buf;
}

int main(int argc, char **argv)
{
	const slot_class *cls = NULL;
	for (size_t i = 0; argc == 3 && i < sizeof classes / sizeof *classes; i++)
		if (strcmp(classes[i]->name, argv[1]) == 0)
			cls = classes[i];
	if (!cls) {
		fprintf(stderr, "usage: examples CLASS FILE\n");
		return 2;
	}
	size_t len, dump_len, again_len;
	char *data = read_file(argv[2], &len), *dump, *again;
	if (!data) {
		perror(argv[2]);
		return 2;
	}
	void *a = malloc(cls->size), *b = malloc(cls->size);
	slot_yaml_error err;
	if (slot_yaml_load(a, cls, data, len, &err) != SLOT_OK) {
		fprintf(stderr, "%s:%lu:%lu: %s\n", argv[2], err.line, err.column, err.message);
		return 1;
	}
	if (slot_yaml_dump(a, cls, &dump, &dump_len) != SLOT_OK) {
		fprintf(stderr, "%s: the dump failed\n", argv[2]);
		return 1;
	}
	if (slot_yaml_load(b, cls, dump, dump_len, &err) != SLOT_OK) {
		fprintf(stderr, "the dump of %s:%lu:%lu: %s\n", argv[2], err.line, err.column,
			err.message);
		return 1;
	}
	if (!slot_equal(a, b, cls)) {
		fprintf(stderr, "%s: the dump loads as another object\n", argv[2]);
		return 1;
	}
	if (slot_yaml_dump(b, cls, &again, &again_len) != SLOT_OK || again_len != dump_len ||
	    memcmp(dump, again, dump_len) != 0) {
		fprintf(stderr, "%s: the dump of the dump differs\n", argv[2]);
		return 1;
	}
	fwrite(dump, 1, dump_len, stdout);
	slot_free(dump);
	slot_free(again);
	slot_object_fini(a, cls);
	slot_object_fini(b, cls);
	free(a);
	free(b);
	free(data);
	return 0;
}
