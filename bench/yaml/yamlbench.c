/* yamlbench.c - loading 100,000 records from one YAML file, in one run,
 * each way in turn: libyaml's bare event parse (the limit), libcyaml into a
 * plain struct with a hand-written schema (players only), and slotgen's
 * generated loader.  Three data sets: players, a sequence of flow mappings
 * as slotgen's dumper writes them (bench/memory/player.yaml); nested
 * records in block style, about 35 events each (bench/yaml/records.yaml);
 * and containers of schemas/service.yaml in block style, 48 events each,
 * of lists and dicts (lists of strings and of ports, dicts of strings, a
 * union).
 *   yamlbench gen SET FILE        write the data set (players|records|services)
 *   yamlbench time SET FILE       median wall time of each way, and median
 *                                 of its ratio to the bare parse, over 15 rounds
 *   yamlbench once SET WAY FILE   one load (for callgrind): bare|cyaml|slotgen|none */
#define _POSIX_C_SOURCE 200809L
#include <cyaml/cyaml.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <yaml.h>

#include "mem_yaml.h"
#include "rec_yaml.h"
#include "service_yaml.h"

#define N 100000

struct plain_player {
	char *name;
	int32_t score;
	int32_t level;
	char *nickname;
	double x, y;
};

static const cyaml_schema_field_t player_fields[] = {
	CYAML_FIELD_STRING_PTR("name", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
			       struct plain_player, name, 0, CYAML_UNLIMITED),
	CYAML_FIELD_INT("score", CYAML_FLAG_OPTIONAL, struct plain_player, score),
	CYAML_FIELD_INT("level", CYAML_FLAG_OPTIONAL, struct plain_player, level),
	CYAML_FIELD_STRING_PTR("nickname", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
			       struct plain_player, nickname, 0, CYAML_UNLIMITED),
	CYAML_FIELD_FLOAT("x", CYAML_FLAG_OPTIONAL, struct plain_player, x),
	CYAML_FIELD_FLOAT("y", CYAML_FLAG_OPTIONAL, struct plain_player, y),
	CYAML_FIELD_END,
};
static const cyaml_schema_value_t player_schema = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct plain_player, player_fields),
};
static const cyaml_schema_value_t players_schema = {
	CYAML_VALUE_SEQUENCE(CYAML_FLAG_POINTER, struct plain_player, &player_schema, 0,
			     CYAML_UNLIMITED),
};
static const cyaml_config_t cyaml_config = {
	.log_fn = cyaml_log, .mem_fn = cyaml_mem, .log_level = CYAML_LOG_ERROR,
};

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		exit(1);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n)
		exit(1);
	fclose(f);
	buf[n] = '\0';
	*len = (size_t)n;
	return buf;
}

static size_t bare(const char *data, size_t len)
{
	yaml_parser_t p;
	yaml_event_t e;
	size_t events = 0;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)data, len);
	for (;;) {
		if (!yaml_parser_parse(&p, &e))
			exit(2);
		int done = e.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&e);
		events++;
		if (done)
			break;
	}
	yaml_parser_delete(&p);
	return events;
}

static size_t with_cyaml(const char *data, size_t len)
{
	struct plain_player *all;
	unsigned count;
	if (cyaml_load_data((const uint8_t *)data, len, &cyaml_config, &players_schema,
			    (cyaml_data_t **)&all, &count) != CYAML_OK)
		exit(3);
	cyaml_free(&cyaml_config, &players_schema, all, count);
	return count;
}

static size_t with_slotgen(const char *data, size_t len)
{
	mem_player *all;
	size_t count;
	slot_yaml_error err;
	if (mem_player_load_yaml_list(&all, &count, data, len, &err) != SLOT_OK) {
		fprintf(stderr, "%lu:%lu: %s\n", err.line, err.column, err.message);
		exit(4);
	}
	for (size_t i = 0; i < count; i++)
		mem_player_fini(&all[i]);
	free(all);
	return count;
}

static size_t with_slotgen_records(const char *data, size_t len)
{
	rec_vehicle *all;
	size_t count;
	slot_yaml_error err;
	if (rec_vehicle_load_yaml_list(&all, &count, data, len, &err) != SLOT_OK) {
		fprintf(stderr, "%lu:%lu: %s\n", err.line, err.column, err.message);
		exit(4);
	}
	for (size_t i = 0; i < count; i++)
		rec_vehicle_fini(&all[i]);
	free(all);
	return count;
}

static size_t with_slotgen_services(const char *data, size_t len)
{
	service_container *all;
	size_t count;
	slot_yaml_error err;
	if (service_container_load_yaml_list(&all, &count, data, len, &err) != SLOT_OK) {
		fprintf(stderr, "%lu:%lu: %s\n", err.line, err.column, err.message);
		exit(4);
	}
	for (size_t i = 0; i < count; i++)
		service_container_fini(&all[i]);
	free(all);
	return count;
}

static size_t nothing(const char *data, size_t len)
{
	(void)data;
	return len;
}

/* The players: slotgen's dumper, a sequence of flow mappings. */
static int gen_players(const char *path)
{
	mem_player *all = calloc(N, sizeof *all);
	char text[32];
	for (int i = 0; i < N; i++) {
		mem_player_init(&all[i]);
		snprintf(text, sizeof text, "player%06d", i);
		if (mem_player_set_name(&all[i], text) != SLOT_OK)
			return 1;
		mem_player_set_score(&all[i], i * 7);
		mem_player_set_level(&all[i], i % 100);
		if (i % 2 == 0) {
			snprintf(text, sizeof text, "nick%06d", i);
			if (mem_player_set_nickname(&all[i], text) != SLOT_OK)
				return 1;
		}
		mem_player_set_x(&all[i], i * 0.5);
		mem_player_set_y(&all[i], i * 0.25);
	}
	char *out;
	size_t len;
	if (mem_player_dump_yaml_list(all, N, &out, &len) != SLOT_OK)
		return 1;
	FILE *f = fopen(path, "wb");
	fwrite(out, 1, len, f);
	fclose(f);
	return 0;
}

/* Nested records in block style, as a person (or PyYAML) writes them:
 * 34 events a record, two or three stops. */
static int gen_records(const char *path)
{
	static const char *const status[] = {"active", "idle", "retired"};
	FILE *f = fopen(path, "wb");
	if (!f)
		return 1;
	for (int i = 0; i < N; i++) {
		fprintf(f, "- id: %d\n  name: unit%06d\n  status: %s\n", 1000 + i, i, status[i % 3]);
		fprintf(f, "  pos:\n    lat: %d.%d\n    lon: %d.25\n", i % 90, i % 10, i % 180);
		fprintf(f, "  stops:\n    - label: depot%d\n      minutes: %d\n", i % 50, 5 + i % 30);
		fprintf(f, "    - label: site%d\n      minutes: %d\n", i % 700, 10 + i % 20);
		fprintf(f, "  load_kg: %d\n  score: %d\n", 100 * (i % 300), i % 1000 - 500);
	}
	return fclose(f) != 0;
}

/* Containers in block style, as PyYAML writes them: a list of strings, a
 * dict of three strings, a list of two ports (their targetPort a name or
 * a number), a dict of two strings; 48 events a container. */
static int gen_services(const char *path)
{
	static const char *const level[] = {"debug", "info", "warn"};
	FILE *f = fopen(path, "wb");
	if (!f)
		return 1;
	for (int i = 0; i < N; i++) {
		fprintf(f, "- name: web-%06d\n  image: registry.example.com/shop/web:%d.%d\n",
			i, 1 + i % 3, i % 20);
		fprintf(f, "  command:\n  - /usr/bin/web\n  - --port=%d\n", 8000 + i % 100);
		fprintf(f, "  env:\n    LOG_LEVEL: %s\n    REGION: eu-%d\n    WORKERS: '%d'\n",
			level[i % 3], i % 4, 1 + i % 8);
		fprintf(f, "  ports:\n  - name: http\n    containerPort: %d\n    targetPort: http\n",
			8000 + i % 100);
		fprintf(f, "  - name: metrics\n    containerPort: 9090\n    targetPort: %d\n"
			   "    protocol: TCP\n", 9000 + i % 1000);
		fprintf(f, "  resources:\n    cpu: %dm\n    memory: %dMi\n", 100 * (1 + i % 5),
			64 << (i % 4));
	}
	return fclose(f) != 0;
}

#define ROUNDS 15

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "gen") == 0)
		return strcmp(argv[2], "records") == 0	  ? gen_records(argv[3])
		       : strcmp(argv[2], "services") == 0 ? gen_services(argv[3])
							  : gen_players(argv[3]);
	if (argc < 4)
		return 2;
	bool records = strcmp(argv[2], "records") == 0;
	bool services = strcmp(argv[2], "services") == 0;
	size_t len;
	char *data = read_all(argv[argc - 1], &len);
	size_t (*ways[4])(const char *, size_t) = {bare, with_cyaml, with_slotgen, nothing};
	const char *names[4] = {"bare", "cyaml", "slotgen", "none"};
	if (records || services) {
		ways[1] = NULL; /* no libcyaml schema for these */
		ways[2] = records ? with_slotgen_records : with_slotgen_services;
	}
	if (argc == 5 && strcmp(argv[1], "once") == 0) {
		for (int w = 0; w < 4; w++)
			if (ways[w] && strcmp(argv[3], names[w]) == 0)
				ways[w](data, len);
		return 0;
	}
	/* Rounds of one load each way, in turn, after one round of warming up:
	 * a drift of the machine's speed reaches every way alike, and each
	 * round's ratio to the bare parse compares loads made side by side. */
	double t[3][ROUNDS], ratio[3][ROUNDS];
	for (int r = -1; r < ROUNDS; r++)
		for (int w = 0; w < 3; w++) {
			if (!ways[w])
				continue;
			double t0 = now();
			ways[w](data, len);
			if (r >= 0)
				t[w][r] = now() - t0;
		}
	for (int w = 0; w < 3; w++) {
		if (!ways[w])
			continue;
		for (int r = 0; r < ROUNDS; r++)
			ratio[w][r] = t[w][r] / t[0][r];
		qsort(t[w], ROUNDS, sizeof *t[w], cmp);
		qsort(ratio[w], ROUNDS, sizeof *ratio[w], cmp);
		printf("%s %.6f %zu %.4f\n", names[w], t[w][ROUNDS / 2], len, ratio[w][ROUNDS / 2]);
	}
	free(data);
	return 0;
}
