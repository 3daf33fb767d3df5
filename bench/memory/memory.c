/* memory.c - bytes per record of 1,000,000 players, strings included:
 * slotgen's generated structs against plain C structs in schema order,
 * with the strings malloc'd and kept in the record.  Heap use is read from
 * glibc's mallinfo2() before and after building the records (one array of
 * records, and a malloc'd copy of every string where strings are malloc'd). */
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

struct plain_compact_player {
	char name[16];
	int32_t score;
	int32_t level;
	char nickname[16];
	double x, y;
};

static char *copy(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);
	if (!p)
		abort();
	return memcpy(p, s, n);
}

static void check(int rc)
{
	if (rc != SLOT_OK)
		abort();
}

/* Record i of each representation: nickname is NULL on every second one. */
static void fill_slotgen(void *all, int i, const char *name, const char *nick)
{
	mem_player *p = (mem_player *)all + i;
	mem_player_init(p);
	check(mem_player_set_name(p, name));
	mem_player_set_score(p, i);
	mem_player_set_level(p, i % 100);
	if (nick)
		check(mem_player_set_nickname(p, nick));
	mem_player_set_x(p, i * 0.5);
	mem_player_set_y(p, i * 0.25);
}

static void fini_slotgen(void *all, int i)
{
	mem_player_fini((mem_player *)all + i);
}

static void fill_slotgen_compact(void *all, int i, const char *name, const char *nick)
{
	mem_compact_player *p = (mem_compact_player *)all + i;
	mem_compact_player_init(p);
	check(mem_compact_player_set_name(p, name));
	mem_compact_player_set_score(p, i);
	mem_compact_player_set_level(p, i % 100);
	if (nick)
		check(mem_compact_player_set_nickname(p, nick));
	mem_compact_player_set_x(p, i * 0.5);
	mem_compact_player_set_y(p, i * 0.25);
}

static void fini_slotgen_compact(void *all, int i)
{
	mem_compact_player_fini((mem_compact_player *)all + i);
}

static void fill_plain(void *all, int i, const char *name, const char *nick)
{
	struct plain_player *p = (struct plain_player *)all + i;
	p->name = copy(name);
	p->score = i;
	p->level = i % 100;
	p->nickname = nick ? copy(nick) : NULL;
	p->x = i * 0.5;
	p->y = i * 0.25;
}

static void fini_plain(void *all, int i)
{
	struct plain_player *p = (struct plain_player *)all + i;
	free(p->name);
	free(p->nickname);
}

static void fill_plain_compact(void *all, int i, const char *name, const char *nick)
{
	struct plain_compact_player *p = (struct plain_compact_player *)all + i;
	memset(p, 0, sizeof *p);
	strcpy(p->name, name);
	p->score = i;
	p->level = i % 100;
	if (nick)
		strcpy(p->nickname, nick);
	p->x = i * 0.5;
	p->y = i * 0.25;
}

static void fini_plain_compact(void *all, int i)
{
	(void)all;
	(void)i;
}

struct representation {
	const char *id;
	size_t size;
	void (*fill)(void *all, int i, const char *name, const char *nick);
	void (*fini)(void *all, int i);
};

static const struct representation representations[] = {
	{"slotgen", sizeof(mem_player), fill_slotgen, fini_slotgen},
	{"plain", sizeof(struct plain_player), fill_plain, fini_plain},
	{"slotgen_compact", sizeof(mem_compact_player), fill_slotgen_compact, fini_slotgen_compact},
	{"plain_compact", sizeof(struct plain_compact_player), fill_plain_compact,
	 fini_plain_compact},
};

/* Heap bytes per record of N records of @p r. */
static double measure(const struct representation *r)
{
	size_t before = mallinfo2().uordblks;
	char *all = malloc(N * r->size);
	if (!all)
		abort();
	char name[32], nick[32];
	for (int i = 0; i < N; i++) {
		snprintf(name, sizeof name, "player%06d", i);
		snprintf(nick, sizeof nick, "nick%06d", i);
		r->fill(all, i, name, i % 2 == 0 ? nick : NULL);
	}
	double per = (double)(mallinfo2().uordblks - before) / N;
	for (int i = 0; i < N; i++)
		r->fini(all, i);
	free(all);
	return per;
}

int main(void)
{
	/* Every allocation from the main heap, so mallinfo2 sees it all. */
	mallopt(M_MMAP_THRESHOLD, 1 << 30);
	for (size_t k = 0; k < sizeof representations / sizeof *representations; k++)
		printf("%s %zu %.1f\n", representations[k].id, representations[k].size,
		       measure(&representations[k]));
	return 0;
}
