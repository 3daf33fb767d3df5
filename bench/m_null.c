/* The call overhead every lookup row includes: a function that does nothing. */
#include "cells.h"

const void *null_lookup(const char *s)
{
	return s;
}
