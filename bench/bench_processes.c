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
#include <string.h>

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

/* The last line of a shell's output: what the SELECT printed (a PRAGMA or a
 * tasksext_cache_limit() given with -cmd prints a line of its own first). */
static const char *last_line(const char *output)
{
    const char *nl = strrchr(output, '\n');
    return nl ? nl + 1 : output;
}

/* One timed shell command: the setup statements, then `queries` copies of
 * the query. */
typedef struct shell_phase {
    const char *name;
    const char *setup; /* SQL run first with -cmd, or NULL */
    const char *query; /* a format with one %Q for the tree */
    int queries;
    int counts_done; /* prints tasks|done (else a single count) */
} shell_phase;

/* Enough for any generated tree to stay in the cache from query to query. */
#define WARM_CACHE "SELECT tasksext_cache_limit(1000000000)"

static const shell_phase shell_phases[] = {
    {"tasks() count(*),sum(done)", NULL, "SELECT count(*), sum(done) FROM tasks(%Q);", 1, 1},
    {"tasks(), PRAGMA threads = 2", "PRAGMA threads = 2",
     "SELECT count(*), sum(done) FROM tasks(%Q);", 1, 1},
    {"task_deps() count(*)", NULL, "SELECT count(*) FROM task_deps(%Q);", 1, 0},
    {"task_deps(), PRAGMA threads = 2", "PRAGMA threads = 2", "SELECT count(*) FROM task_deps(%Q);",
     1, 0},
    {"tasks(), cache limit raised", WARM_CACHE, "SELECT count(*), sum(done) FROM tasks(%Q);", 1, 1},
    {"tasks() twice, cache limit raised", WARM_CACHE, "SELECT count(*), sum(done) FROM tasks(%Q);",
     2, 1},
};
#define N_SHELL_PHASES (sizeof shell_phases / sizeof shell_phases[0])

static int run_shell_phase(const bench_options *o, const spec_tree *tree, const char *load,
                           const shell_phase *phase, timed *out)
{
    char *sql = sqlite3_mprintf("");
    for (int q = 0; sql && q < phase->queries; q++) {
        char *one = sqlite3_mprintf(phase->query, tree->dir);
        char *joined = one ? sqlite3_mprintf("%s%s", sql, one) : NULL;
        sqlite3_free(one);
        sqlite3_free(sql);
        sql = joined;
    }
    if (!sql) return -1;
    char *argv[9];
    int n = 0;
    argv[n++] = (char *)o->sqlite3;
    argv[n++] = ":memory:";
    argv[n++] = "-cmd";
    argv[n++] = (char *)load;
    if (phase->setup) {
        argv[n++] = "-cmd";
        argv[n++] = (char *)phase->setup;
    }
    argv[n++] = sql;
    argv[n] = NULL;
    int rc = time_process(argv, o->runs, out);
    sqlite3_free(sql);
    return rc;
}

int bench_processes(const bench_options *o, const spec_tree *tree)
{
    if (!o->sqlite3 || !*o->sqlite3) {
        fprintf(stderr, "tasks_bench: no sqlite3 shell; give one with --sqlite3 PATH\n");
        return 1;
    }
    /* The module path goes in single quotes, which the shell's dot-command
     * parser takes literally. */
    char *load = sqlite3_mprintf(".load '%s'", TASKS_BENCH_MODULE);
    if (!load) return 1;
    char *floor_argv[] = {(char *)TASKS_BENCH_FLOOR, (char *)tree->dir, NULL};
    timed floor_run, runs[N_SHELL_PHASES];
    int failed = time_process(floor_argv, o->runs, &floor_run) != 0;
    for (size_t i = 0; i < N_SHELL_PHASES && !failed; i++)
        failed = run_shell_phase(o, tree, load, &shell_phases[i], &runs[i]) != 0;
    sqlite3_free(load);
    if (failed) return 1;

    report_header("child RSS KiB");
    report_row("tasks_floor DIR", floor_run.median, floor_run.median, floor_run.peak_rss_kib);
    for (size_t i = 0; i < N_SHELL_PHASES; i++)
        report_row(shell_phases[i].name, runs[i].median, floor_run.median, runs[i].peak_rss_kib);
    /* The second query of the last phase is what a repeat costs: the run of
     * two minus the run of one, with the same cache limit. */
    double repeat = runs[N_SHELL_PHASES - 1].median - runs[N_SHELL_PHASES - 2].median;
    report_row("tasks() repeated, cache warm (difference)", repeat, floor_run.median, 0);

    /* tasks_floor prints "files: N, bytes: B"; the shell prints "tasks|done". */
    unsigned long long files = 0, bytes = 0;
    int bad = 0;
    if (sscanf(floor_run.last.output, "files: %llu, bytes: %llu", &files, &bytes) != 2 ||
        files != tree->specs) {
        printf("expected files: %u, tasks_floor: %s   <-- MISMATCH\n", tree->specs,
               floor_run.last.output);
        bad = 1;
    }
    for (size_t i = 0; i < N_SHELL_PHASES; i++) {
        const char *line = last_line(runs[i].last.output);
        unsigned long long tasks = 0, done = 0;
        if (!shell_phases[i].counts_done) {
            /* task_deps(): the edge count is not known ahead; it must print one. */
            if (sscanf(line, "%llu", &tasks) != 1 || tasks == 0) {
                printf("%s printed: %s   <-- MISMATCH\n", shell_phases[i].name, line);
                bad = 1;
            }
            continue;
        }
        if (sscanf(line, "%llu|%llu", &tasks, &done) != 2)
            printf("sqlite3 printed: %s\n", runs[i].last.output);
        bad |= report_check(shell_phases[i].name, tree->expected.tasks, tasks, tree->expected.done,
                            done);
    }
    return bad;
}
