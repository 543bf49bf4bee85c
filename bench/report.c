/* report.c - fixed-width rows on stdout; diagnostics go to stderr. */
#include "report.h"

#include <stdio.h>

void report_header(const char *rss_label)
{
    printf("%-36s %10s %9s %14s\n", "phase", "median s", "x floor'", rss_label);
}

void report_row(const char *name, double seconds, double floor_seconds, long rss_kib)
{
    double ratio = floor_seconds > 0 ? seconds / floor_seconds : 0.0;
    printf("%-36s %10.4f %9.2f %14ld\n", name, seconds, ratio, rss_kib);
}

int report_check(const char *what, unsigned long long expected_tasks, unsigned long long tasks,
                 unsigned long long expected_done, unsigned long long done)
{
    printf("expected tasks: %llu, %s: %llu%s\n", expected_tasks, what, tasks,
           expected_tasks == tasks ? "" : "   <-- MISMATCH");
    printf("expected done: %llu, %s: %llu%s\n", expected_done, what, done,
           expected_done == done ? "" : "   <-- MISMATCH");
    return expected_tasks == tasks && expected_done == done ? 0 : 1;
}
