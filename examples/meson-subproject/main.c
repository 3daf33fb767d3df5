/* A program built from generated code: prints a circle as Python would. */
#include <stdio.h>

#include "shapes.h"

int main(void)
{
	shapes_circle c;
	shapes_circle_init(&c);
	if (shapes_circle_set_name(&c, "wheel") != SLOT_OK)
		return 1;
	shapes_circle_set_radius(&c, 0.5);
	char text[128];
	shapes_circle_repr(text, sizeof text, &c);
	puts(text);
	shapes_circle_fini(&c);
	return 0;
}
