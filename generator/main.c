/* main.c - the slotgen command: options and exit status, nothing more. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "slotgen.h"

#ifndef SLOTGEN_VERSION
#define SLOTGEN_VERSION "unknown"
#endif

static const char usage[] =
	"usage: slotgen [options] SCHEMA.yaml...\n"
	"       slotgen --runtime [options] [SCHEMA.yaml...]\n"
	"Generate C structs, accessors and name tables from slotgen schemas.\n"
	"\n"
	"  -o DIR        write MODULE.h and MODULE.c into DIR (default: .)\n"
	"  -I DIR        look for imported schemas in DIR too (repeatable)\n"
	"      --header FILE  write the header to FILE instead (one schema only)\n"
	"      --source FILE  write the source to FILE instead (one schema only)\n"
	"      --depfile FILE write Makefile-style dependencies of the outputs to FILE\n"
	"      --yaml    also write MODULE_yaml.h and MODULE_yaml.c: objects to and from\n"
	"                YAML, with libyaml\n"
	"      --python  also write MODULE_python.c: a CPython extension module whose\n"
	"                types are the generated structs\n"
	"      --runtime also write slotgen_runtime.h and slotgen_runtime.c into DIR: the\n"
	"                runtime every module needs, compiled once in a program (with\n"
	"                --yaml and --python, their runtimes too)\n"
	"      --check   write nothing; exit 1 if an output is stale or missing\n"
	"      --layout  write nothing; print each class's size, padding and minimum\n"
	"      --version print the version and exit\n"
	"  -h, --help    print this help and exit\n";

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"check", no_argument, NULL, 'c'},
		{"header", required_argument, NULL, 'H'},
		{"source", required_argument, NULL, 'S'},
		{"depfile", required_argument, NULL, 'D'},
		{"layout", no_argument, NULL, 'L'},
		{"yaml", no_argument, NULL, 'Y'},
		{"python", no_argument, NULL, 'P'},
		{"runtime", no_argument, NULL, 'R'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	struct sg_options opts = {.out_dir = "."};
	bool layout = false;
	const char **includes = calloc((size_t)argc, sizeof *includes);
	if (!includes) {
		fputs("slotgen: out of memory\n", stderr);
		return 2;
	}
	opts.load.include_dirs = includes;
	int c;
	while ((c = getopt_long(argc, argv, "o:I:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			opts.out_dir = optarg;
			break;
		case 'I':
			includes[opts.load.include_count++] = optarg;
			break;
		case 'c':
			opts.check = true;
			break;
		case 'H':
			opts.header_path = optarg;
			break;
		case 'S':
			opts.source_path = optarg;
			break;
		case 'D':
			opts.depfile = optarg;
			break;
		case 'L':
			layout = true;
			break;
		case 'Y':
			opts.yaml = true;
			break;
		case 'P':
			opts.python = true;
			break;
		case 'R':
			opts.runtime = true;
			break;
		case 'h':
			fputs(usage, stdout);
			free(includes);
			return 0;
		case 'V':
			printf("slotgen %s\n", SLOTGEN_VERSION);
			free(includes);
			return 0;
		default:
			fputs(usage, stderr);
			free(includes);
			return 2;
		}
	}
	if (optind == argc && (!opts.runtime || layout)) {
		fputs("slotgen: no schema given\n", stderr);
		fputs(usage, stderr);
		free(includes);
		return 2;
	}
	struct sg_diags diags;
	struct sg_outputs out;
	sg_diags_init(&diags);
	int status = 1;
	if (layout) {
		status = sg_layout_report(&opts, (const char *const *)argv + optind,
					  (size_t)(argc - optind), &diags, stdout)
				 ? 0
				 : 1;
	} else if (sg_generate(&opts, (const char *const *)argv + optind, (size_t)(argc - optind), &diags,
			&out)) {
		status = sg_commit(&opts, &out, &diags, stderr);
		sg_outputs_fini(&out);
	}
	sg_diags_print(&diags, stderr);
	sg_diags_fini(&diags);
	free(includes);
	return status;
}
