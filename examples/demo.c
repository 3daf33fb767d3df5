/* demo.c - a few lines of what slotgen's output gives a program.
 * Built by tools/demo against the code generated from schemas/game.yaml. */
#include <stdio.h>

#include "game.h"

static void show(int rc, slot_op op, const char *name, const slot_value *v)
{
	char msg[128];
	slot_strerror(msg, sizeof msg, rc, op, &game_player_class, name, v);
	printf("  %-10s -> %s\n", name, msg);
}

int main(void)
{
	game_player p;
	game_player_init(&p, 42); /* id is readonly: given when the object is built */
	if (game_player_set_name(&p, "Ace") != SLOT_OK)
		return 1;
	game_player_set_score(&p, 100);
	game_player_mut_pos(&p)->x = 1.5f;

	printf("%s (id %llu): score %d, level %u, team %s, nickname %s\n",
	       game_player_get_name(&p), (unsigned long long)game_player_get_id(&p),
	       (int)game_player_get_score(&p), (unsigned)game_player_get_level(&p),
	       game_team_enum.names[game_player_get_team(&p)],
	       game_player_has_nickname(&p) ? game_player_get_nickname(&p) : "(unset)");

	/* A game_player is a game_entity: its parent is its first member. */
	game_entity *e = (game_entity *)&p;
	printf("as an entity: id %llu, pos.x %.1f\n", (unsigned long long)game_entity_get_id(e),
	       (double)game_entity_get_pos(e)->x);

	puts("by name, through the name table:");
	slot_value v;
	show(slot_get(&p, &game_player_class, "score", &v), SLOT_OP_GET, "score", NULL);
	printf("  score      = %lld\n", (long long)v.as.i);
	show(slot_get(&p, &game_player_class, "nmae", &v), SLOT_OP_GET, "nmae", NULL);
	show(slot_get(&p, &game_player_class, "nickname", &v), SLOT_OP_GET, "nickname", NULL);
	slot_value big = {SLOT_INT64, 1, NULL, NULL, {.i = 300}, 0, NULL};
	show(slot_set(&p, &game_player_class, "level", &big), SLOT_OP_SET, "level", &big);
	show(slot_set(&p, &game_player_class, "id", &big), SLOT_OP_SET, "id", &big);
	slot_value text = {SLOT_STRING, 1, NULL, NULL, {.s = "Ace"}, 0, NULL};
	show(slot_set(&p, &game_player_class, "score", &text), SLOT_OP_SET, "score", &text);

	puts("slots of Player, in table order:");
	for (const slot_field *f = slot_next(&game_player_class, NULL); f;
	     f = slot_next(&game_player_class, f))
		printf("  %-10s %s\n", f->name, slot_is_set(&p, f) ? "set" : "unset");

	game_player_fini(&p);
	return 0;
}
