/* The call overhead every lookup row includes: a function that does nothing. */
const void *null_lookup(const char *s);
const void *null_lookup(const char *s)
{
	return s;
}
