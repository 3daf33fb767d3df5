/* Uses the committed generated code. */
#include <stdio.h>

#include "inventory.h"

int main(void)
{
	inventory_item it;
	if (inventory_item_init(&it, "A-100") != SLOT_OK)
		return 1;
	inventory_item_set_count(&it, 3);
	char text[64];
	inventory_item_repr(text, sizeof text, &it);
	puts(text);
	inventory_item_fini(&it);
	return 0;
}
