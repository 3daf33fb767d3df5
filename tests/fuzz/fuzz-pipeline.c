/* fuzz-pipeline.c - libFuzzer: arbitrary bytes as a schema, through the
 * whole pipeline in memory (load, check, plan, emit, render), nothing
 * written.  The input is the schema "fuzz.yaml"; its imports name
 * "a.yaml" and "b.yaml", which hold the input too, so imports, cycles and
 * missing files are reached.  Built by -Dfuzz=true with clang; run with
 * tools/fuzz. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "slotgen.h"

static const uint8_t *input;
static size_t input_len;

static int read_input(void *ctx, const char *path, size_t limit, char **data, size_t *len)
{
	(void)ctx;
	const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	if (strcmp(name, "fuzz.yaml") != 0 && strcmp(name, "a.yaml") != 0 &&
	    strcmp(name, "b.yaml") != 0)
		return ENOENT;
	if (input_len > limit)
		return EFBIG;
	char *copy = sg_malloc(input_len + 1);
	if (!copy)
		return ENOMEM;
	memcpy(copy, input, input_len);
	copy[input_len] = '\0';
	*data = copy;
	*len = input_len;
	return 0;
}

static bool input_exists(void *ctx, const char *path)
{
	(void)ctx;
	const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	return strcmp(name, "a.yaml") == 0 || strcmp(name, "b.yaml") == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	input = data;
	input_len = size;
	struct sg_options opts = {.out_dir = "out"};
	opts.load.read = read_input;
	opts.load.exists = input_exists;
	const char *path = "fuzz.yaml";
	struct sg_diags diags;
	struct sg_outputs out;
	sg_diags_init(&diags);
	if (sg_generate(&opts, &path, 1, &diags, &out)) {
		/* Success means text for both files and no diagnostics at all. */
		if (out.count != 2 || !out.files[0].text.len || diags.head)
			__builtin_trap();
		sg_outputs_fini(&out);
	} else if (!diags.errors && !diags.oom) {
		__builtin_trap(); /* a failure must say why */
	}
	sg_diags_fini(&diags);
	return 0;
}
