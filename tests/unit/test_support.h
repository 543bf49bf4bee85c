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

#define RUN_TESTS(tests) cmocka_run_group_tests(tests, NULL, NULL)

#endif
