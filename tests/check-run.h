/* check-run.h - run one Check suite the way meson test reads it (TAP, set
 * through CK_TAP_LOG_FILE_NAME), and turn its failures into the exit
 * status.  Header-only, for every Check suite of the project. */
#ifndef SLOTGEN_CHECK_RUN_H
#define SLOTGEN_CHECK_RUN_H

#include <check.h>
#include <stdlib.h>

static inline int check_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_ENV);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
