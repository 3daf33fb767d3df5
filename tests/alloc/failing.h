/* failing.h - a counting allocator that fails on request, for the tests
 * of every allocation failure (header-only, for the behaviour suites). */
#ifndef SLOTGEN_TESTS_FAILING_H
#define SLOTGEN_TESTS_FAILING_H

#include <check.h>
#include <stdlib.h>

#include "slotgen_runtime.h"

static struct {
	long calls;   /* allocations and reallocations asked for */
	long fail_at; /* the call that fails (0-based); -1 for none */
	long live;    /* blocks allocated and not freed */
} A;

static void *t_allocate(size_t size, void *ctx)
{
	(void)ctx;
	if (A.calls++ == A.fail_at)
		return NULL;
	void *p = malloc(size);
	A.live += p != NULL;
	return p;
}

static void *t_reallocate(void *ptr, size_t size, void *ctx)
{
	(void)ctx;
	if (A.calls++ == A.fail_at)
		return NULL;
	return realloc(ptr, size);
}

static void t_release(void *ptr, void *ctx)
{
	(void)ctx;
	A.live--;
	free(ptr);
}

static const slot_allocator counting = {t_allocate, t_reallocate, t_release, NULL};

static void counting_setup(void)
{
	A.calls = 0;
	A.fail_at = -1;
	A.live = 0;
	slot_set_allocator(&counting);
}

static void counting_teardown(void)
{
	slot_set_allocator(NULL);
	ck_assert_int_eq(A.live, 0); /* every block of the test freed */
}

/* Arm the failure of the @p n th allocation from now. */
static void fail_at(long n)
{
	A.fail_at = A.calls + n;
}

/* Run OP (setting rc) with each allocation it makes failing in turn, then
 * with none failing: FAILED checks what a failure must leave, and runs with
 * the failure's rc; the loop ends at the first run that fails nothing. */
#define EVERY_FAILURE(OP, FAILED)                                                          \
	for (long n_ = 0;; n_++) {                                                         \
		fail_at(n_);                                                               \
		int rc = SLOT_OK;                                                          \
		OP;                                                                        \
		bool hit_ = A.calls > A.fail_at;                                           \
		A.fail_at = -1;                                                            \
		if (!hit_) {                                                               \
			ck_assert_int_eq(rc, SLOT_OK);                                     \
			break;                                                             \
		}                                                                          \
		ck_assert_int_eq(rc, SLOT_ENOMEM);                                         \
		FAILED;                                                                    \
	}

#endif
