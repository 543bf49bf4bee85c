/* bench_options.c - a hand-rolled parser: five options do not need getopt_long,
 * and strict number parsing catches `--specs 10k` instead of reading 10. */
#include "bench_options.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef TASKS_BENCH_SQLITE3
#define TASKS_BENCH_SQLITE3 ""
#endif

static void usage(FILE *to)
{
    fprintf(to,
            "usage: tasks_bench [--specs N] [--runs R] [--seed S] [--dir DIR]\n"
            "                   [--sqlite3-shell [--sqlite3 PATH]]\n"
            "  --specs N        specs in the generated tree (default 10000)\n"
            "  --runs R         timed runs per phase; the median is shown (default 5)\n"
            "  --seed S         generator seed (default 42)\n"
            "  --dir DIR        where the tree lives (default /tmp/tasks_bench-N-sS)\n"
            "  --sqlite3-shell  time whole processes: the sqlite3 shell loading\n"
            "                   tasksext against the tasks_floor program\n"
            "  --sqlite3 PATH   the sqlite3 shell to run (default %s)\n",
            *TASKS_BENCH_SQLITE3 ? TASKS_BENCH_SQLITE3 : "none found at configure time");
}

static int parse_number(const char *name, const char *text, unsigned long long max,
                        unsigned long long *out)
{
    char *end;
    errno = 0;
    unsigned long long value = text ? strtoull(text, &end, 10) : 0;
    if (!text || !*text || *end || errno || value == 0 || value > max || text[0] == '-') {
        fprintf(stderr, "tasks_bench: %s wants a whole number from 1 to %llu\n", name, max);
        return -1;
    }
    *out = value;
    return 0;
}

int bench_options_parse(int argc, char **argv, bench_options *o)
{
    memset(o, 0, sizeof *o);
    o->specs = 10000;
    o->runs = 5;
    o->seed = 42;
    o->sqlite3 = TASKS_BENCH_SQLITE3;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        unsigned long long n;
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            usage(stdout);
            return 1;
        } else if (strcmp(arg, "--sqlite3-shell") == 0) {
            o->shell_mode = 1;
        } else if (strcmp(arg, "--specs") == 0) {
            /* Five-digit folder numbers; a million specs is past any real tree. */
            if (parse_number(arg, value, 1000000, &n) != 0) return -1;
            o->specs = (unsigned)n;
            i++;
        } else if (strcmp(arg, "--runs") == 0) {
            if (parse_number(arg, value, 1000, &n) != 0) return -1;
            o->runs = (unsigned)n;
            i++;
        } else if (strcmp(arg, "--seed") == 0) {
            if (parse_number(arg, value, UINT64_MAX, &n) != 0) return -1;
            o->seed = n;
            i++;
        } else if (strcmp(arg, "--dir") == 0 || strcmp(arg, "--sqlite3") == 0) {
            if (!value || !*value) {
                fprintf(stderr, "tasks_bench: %s wants a path\n", arg);
                return -1;
            }
            if (arg[2] == 'd')
                o->dir = value;
            else
                o->sqlite3 = value;
            i++;
        } else {
            fprintf(stderr, "tasks_bench: unknown option %s\n", arg);
            usage(stderr);
            return -1;
        }
    }
    if (!o->dir) {
        /* Named by size and seed, so a second run finds and reuses the tree. */
        snprintf(o->default_dir, sizeof o->default_dir, "/tmp/tasks_bench-%u-s%llu", o->specs,
                 (unsigned long long)o->seed);
        o->dir = o->default_dir;
    }
    return 0;
}
