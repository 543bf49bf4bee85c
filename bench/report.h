/* report.h - the result table, one format for both modes so the columns can
 * be read the same way. */
#ifndef BENCH_REPORT_H
#define BENCH_REPORT_H

void report_header(const char *rss_label);

/* floor_seconds is the first row's median (floor'): the ratio is seconds / floor'. */
void report_row(const char *name, double seconds, double floor_seconds, long rss_kib);

/* Prints `expected tasks: X, <what>: Y` (and the same for done); returns 0
 * when both match, 1 otherwise. */
int report_check(const char *what, unsigned long long expected_tasks, unsigned long long tasks,
                 unsigned long long expected_done, unsigned long long done);

#endif
