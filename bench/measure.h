/* measure.h - wall time, medians and peak memory, the three numbers a
 * benchmark row is made of. */
#ifndef BENCH_MEASURE_H
#define BENCH_MEASURE_H

#include <stddef.h>

/* Seconds on the monotonic clock: wall time, because tasks() users wait on
 * the wall clock, I/O included. */
double measure_now(void);

/* Seconds of CPU this process used (every thread, user and system): on a
 * shared machine whose other load stretches wall times, the steadier
 * measure of the work itself. */
double measure_cpu_now(void);

/* Median of n values (sorts them in place); the mean of the middle two when
 * n is even. One slow run (a page-cache miss, a scheduler hiccup) does not
 * move a median the way it moves a mean. */
double measure_median(double *values, size_t n);

/* This process's peak resident set so far, in KiB (Linux's ru_maxrss unit).
 * It only grows, so read after a phase it is the peak up to that phase. */
long measure_peak_rss_kib(void);

#endif
