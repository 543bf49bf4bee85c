/* history_repo.h - the generated repository of the history benchmark. */
#ifndef BENCH_HISTORY_REPO_H
#define BENCH_HISTORY_REPO_H

#include <stdint.h>

/* What the generator wrote, for checking what the history reads. */
typedef struct history_repo_counts {
    unsigned commits;
    unsigned long long task_versions; /* distinct task-list blobs */
    unsigned long long changes;       /* task_history rows */
    unsigned long long counts;        /* task_burndown rows */
    unsigned long long done;          /* status changes to done */
} history_repo_counts;

/* Writes a repository of `commits` commits over `specs` specs into `dir`
 * (which must not hold one yet). 0, or -1 after printing what failed. */
int history_repo_make(const char *dir, unsigned specs, unsigned commits, uint64_t seed,
                      history_repo_counts *counts);

#endif
