/* bench_options.h - tasks_bench's command line. */
#ifndef BENCH_OPTIONS_H
#define BENCH_OPTIONS_H

#include <limits.h>
#include <stdint.h>

typedef struct bench_options {
    unsigned specs;      /* --specs N (10000) */
    unsigned runs;       /* --runs R (5) */
    uint64_t seed;       /* --seed S (42) */
    const char *dir;     /* --dir DIR, else /tmp/tasks_bench-N-sS */
    int shell_mode;      /* --sqlite3-shell */
    const char *sqlite3; /* --sqlite3 PATH, else the shell CMake found */
    char default_dir[PATH_MAX];
} bench_options;

/* Returns 0 to go on, 1 when --help was printed, -1 after printing a usage
 * error. */
int bench_options_parse(int argc, char **argv, bench_options *options);

#endif
