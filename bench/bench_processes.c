/* bench_processes.c - --sqlite3-shell: whole processes against whole processes.
 *
 * In-process numbers leave out what a shell user also pays: exec, loading
 * libsqlite3 and tasksext.so, and exit. Here the sqlite3 shell with
 * `.load tasksext` is timed against tasks_floor, a program that only walks,
 * reads and md_parses, so the ratio is between two complete commands. Each
 * gets one untimed run first (page cache, dynamic loader caches). */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench_modes.h"
#include "measure.h"
#include "process_run.h"
#include "report.h"

#ifndef TASKS_BENCH_MODULE
#error "TASKS_BENCH_MODULE (the built tasksext module) must come from CMake"
#endif
#ifndef TASKS_BENCH_FLOOR
#error "TASKS_BENCH_FLOOR (the built tasks_floor program) must come from CMake"
#endif

typedef struct timed {
    double median;
    long peak_rss_kib; /* the largest of the runs */
    process_result last;
} timed;

/* Runs argv once untimed, then `runs` times; 0, or -1 when a run fails. */
static int time_process(char *const argv[], unsigned runs, timed *out)
{
    double *seconds = malloc(runs * sizeof *seconds);
    if (!seconds) return -1;
    out->peak_rss_kib = 0;
    for (unsigned r = 0; r <= runs; r++) {
        if (process_run(argv, &out->last) != 0 || out->last.exit_code != 0) {
            fprintf(stderr, "tasks_bench: %s failed (exit %d)\n", argv[0], out->last.exit_code);
            free(seconds);
            return -1;
        }
        if (r == 0) continue; /* the warm-up run */
        seconds[r - 1] = out->last.seconds;
        if (out->last.peak_rss_kib > out->peak_rss_kib) out->peak_rss_kib = out->last.peak_rss_kib;
    }
    out->median = measure_median(seconds, runs);
    free(seconds);
    return 0;
}

int bench_processes(const bench_options *o, const spec_tree *tree)
{
    if (!o->sqlite3 || !*o->sqlite3) {
        fprintf(stderr, "tasks_bench: no sqlite3 shell; give one with --sqlite3 PATH\n");
        return 1;
    }
    /* %Q quotes the path as an SQL literal; the module path goes in single
     * quotes, which the shell's dot-command parser takes literally. */
    char *select = sqlite3_mprintf("SELECT count(*), sum(done) FROM tasks(%Q)", tree->dir);
    char *load = sqlite3_mprintf(".load '%s'", TASKS_BENCH_MODULE);
    if (!select || !load) {
        sqlite3_free(select);
        sqlite3_free(load);
        return 1;
    }
    char *floor_argv[] = {(char *)TASKS_BENCH_FLOOR, (char *)tree->dir, NULL};
    char *shell_argv[] = {(char *)o->sqlite3, ":memory:", "-cmd", load, select, NULL};

    timed floor_run, shell_run;
    int failed = time_process(floor_argv, o->runs, &floor_run) != 0 ||
                 time_process(shell_argv, o->runs, &shell_run) != 0;
    sqlite3_free(select);
    sqlite3_free(load);
    if (failed) return 1;

    report_header("child RSS KiB");
    report_row("tasks_floor DIR", floor_run.median, floor_run.median, floor_run.peak_rss_kib);
    report_row("sqlite3 -cmd .load tasksext", shell_run.median, floor_run.median,
               shell_run.peak_rss_kib);

    /* tasks_floor prints "files: N, bytes: B"; the shell prints "tasks|done". */
    unsigned long long files = 0, bytes = 0, tasks = 0, done = 0;
    int bad = 0;
    if (sscanf(floor_run.last.output, "files: %llu, bytes: %llu", &files, &bytes) != 2 ||
        files != tree->specs) {
        printf("expected files: %u, tasks_floor: %s   <-- MISMATCH\n", tree->specs,
               floor_run.last.output);
        bad = 1;
    }
    if (sscanf(shell_run.last.output, "%llu|%llu", &tasks, &done) != 2)
        printf("sqlite3 printed: %s\n", shell_run.last.output);
    bad |= report_check("tasks()", tree->expected.tasks, tasks, tree->expected.done, done);
    return bad;
}
