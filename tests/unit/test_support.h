/* test_support.h - includes cmocka wants before it, and small helpers. */
#ifndef TASKS_TEST_SUPPORT_H
#define TASKS_TEST_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

/* A test that reads the shared folder (../shared beside the checkout in CI:
 * corpus/real, format/) starts with NEEDS_SHARED("corpus/real"). A clone
 * without it skips that test with a message, and RUN_TESTS then exits 77,
 * which CTest reports as skipped (never as passed) once the others passed.
 * A main() with group fixtures returns tests_status(cmocka_run_group_tests(...)). */
static int tests_skipped_for_shared;

/* fopen, not access(): <unistd.h> would take names such as read() from tests. */
static inline int shared_readable(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    fclose(f);
    return 1;
}

#define NEEDS_SHARED(what)                                                                         \
    do {                                                                                           \
        if (!shared_readable(TASKSEXT_SHARED_DIR "/" what)) {                                      \
            printf("skipped: needs %s from the shared folder, and there is no %s. The "            \
                   "shared folder sits beside the checkout as ../shared in CI, not in a "          \
                   "clone: put it there, or configure with -DTASKSEXT_SHARED_DIR=DIR.\n",          \
                   what, TASKSEXT_SHARED_DIR "/" what);                                            \
            tests_skipped_for_shared++;                                                            \
            skip();                                                                                \
        }                                                                                          \
    } while (0)

static inline int tests_status(int failed)
{
    return failed ? 1 : tests_skipped_for_shared ? 77 : 0;
}

#define RUN_TESTS(tests) tests_status(cmocka_run_group_tests(tests, NULL, NULL))

#endif
