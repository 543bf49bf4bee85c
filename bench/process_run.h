/* process_run.h - run a program to completion and time the whole process:
 * exec, dynamic loading, the work and exit, as a user of the shell sees it. */
#ifndef BENCH_PROCESS_RUN_H
#define BENCH_PROCESS_RUN_H

#include <stddef.h>

typedef struct process_result {
    double seconds;    /* spawn to reaped, wall clock */
    long peak_rss_kib; /* the child's own peak (wait4's rusage) */
    int exit_code;     /* -1 when it died of a signal */
    char output[256];  /* start of its stdout, trailing newlines off */
} process_result;

/* Spawns argv[0] (a path) with argv, its stdout captured and its stderr
 * passed through. Returns 0 when it ran (whatever its exit code), -1 after
 * printing why it could not be started. */
int process_run(char *const argv[], process_result *result);

#endif
