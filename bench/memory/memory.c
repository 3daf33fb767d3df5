/* memory.c - bytes per record of 1,000,000 players, strings included:
 * slotgen's generated struct against a plain C struct in schema order.
 * Heap use is read from glibc's mallinfo2() before and after building the
 * records (one array of records, a malloc'd copy of every string). */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

#define N 1000000

/* The same fields, in schema order, as a careful C programmer would write
 * them without slotgen: no unset state. */
struct plain_player {
	char *name;
	int32_t score;
	int32_t level;
	char *nickname;
	double x, y;
};

static size_t heap_in_use(void)
{
	return mallinfo2().uordblks;
}

static char *copy(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);
	if (!p)
		abort();
	return memcpy(p, s, n);
}

static double measure_slotgen(void)
{
	size_t before = heap_in_use();
	mem_player *all = malloc(N * sizeof *all);
	char text[32];
	for (int i = 0; i < N; i++) {
		mem_player_init(&all[i]);
		snprintf(text, sizeof text, "player%06d", i);
		if (mem_player_set_name(&all[i], text) != SLOT_OK)
			abort();
		mem_player_set_score(&all[i], i);
		mem_player_set_level(&all[i], i % 100);
		if (i % 2 == 0) {
			snprintf(text, sizeof text, "nick%06d", i);
			if (mem_player_set_nickname(&all[i], text) != SLOT_OK)
				abort();
		}
		mem_player_set_x(&all[i], i * 0.5);
		mem_player_set_y(&all[i], i * 0.25);
	}
	double per = (double)(heap_in_use() - before) / N;
	for (int i = 0; i < N; i++)
		mem_player_fini(&all[i]);
	free(all);
	return per;
}

static double measure_plain(void)
{
	size_t before = heap_in_use();
	struct plain_player *all = malloc(N * sizeof *all);
	char text[32];
	for (int i = 0; i < N; i++) {
		snprintf(text, sizeof text, "player%06d", i);
		all[i].name = copy(text);
		all[i].score = i;
		all[i].level = i % 100;
		all[i].nickname = NULL;
		if (i % 2 == 0) {
			snprintf(text, sizeof text, "nick%06d", i);
			all[i].nickname = copy(text);
		}
		all[i].x = i * 0.5;
		all[i].y = i * 0.25;
	}
	double per = (double)(heap_in_use() - before) / N;
	for (int i = 0; i < N; i++) {
		free(all[i].name);
		free(all[i].nickname);
	}
	free(all);
	return per;
}

int main(void)
{
	/* Every allocation from the main heap, so mallinfo2 sees it all. */
	mallopt(M_MMAP_THRESHOLD, 1 << 30);
	double s = measure_slotgen();
	double p = measure_plain();
	printf("slotgen %zu %.1f\n", sizeof(mem_player), s);
	printf("plain %zu %.1f\n", sizeof(struct plain_player), p);
	return 0;
}
