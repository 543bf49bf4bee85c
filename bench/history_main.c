/* history_main.c - tasks_history_bench: what reading a repository's whole
 * task-list history costs, against the floor of walking its commits with
 * libgit2 and parsing each distinct task-list blob once with md4c, in the
 * same run (see bench/README.md).
 *
 *   tasks_history_bench [--specs 100] [--commits 2000] [--runs 5] [--seed 42] [--dir DIR]
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "history/history_scan.h"
#include "history_floor.h"
#include "history_repo.h"
#include "measure.h"
#include "scan_sql.h"

#define MAX_RUNS 101

typedef struct options {
    unsigned specs, commits, runs;
    unsigned long long seed;
    char dir[512];
} options;

static int parse_options(int argc, char **argv, options *o)
{
    *o = (options){100, 2000, 5, 42, ""};
    /* Every option takes a value: they go two by two. */
    for (int i = 1; i < argc; i += 2) {
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        char *end = NULL;
        unsigned long long n = value ? strtoull(value, &end, 10) : 0;
        int number = value && *value && end && !*end;
        if (strcmp(argv[i], "--dir") == 0 && value) {
            snprintf(o->dir, sizeof o->dir, "%s", value);
        } else if (strcmp(argv[i], "--specs") == 0 && number && n > 0 && n < 100000) {
            o->specs = (unsigned)n;
        } else if (strcmp(argv[i], "--commits") == 0 && number && n > 0 && n < 10000000) {
            o->commits = (unsigned)n;
        } else if (strcmp(argv[i], "--runs") == 0 && number && n > 0 && n <= MAX_RUNS) {
            o->runs = (unsigned)n;
        } else if (strcmp(argv[i], "--seed") == 0 && number) {
            o->seed = n;
        } else {
            fprintf(stderr, "usage: tasks_history_bench [--specs N] [--commits N] [--runs R] "
                            "[--seed S] [--dir DIR]\n");
            return -1;
        }
    }
    if (!o->dir[0])
        snprintf(o->dir, sizeof o->dir, "/tmp/tasks_history_bench-%ux%u-s%llu", o->specs,
                 o->commits, o->seed);
    return 0;
}

/* The repository in o->dir: made once, reused while its marker matches. */
static int repository(const options *o, history_repo_counts *counts)
{
    char marker[600], expected[128], found[128] = "";
    snprintf(marker, sizeof marker, "%s/.git/tasks_history_bench", o->dir);
    snprintf(expected, sizeof expected, "%u specs, %u commits, seed %llu, generator 2\n", o->specs,
             o->commits, o->seed);
    FILE *f = fopen(marker, "r");
    if (f) {
        if (!fgets(found, sizeof found, f)) found[0] = '\0';
        fclose(f);
    }
    struct stat st;
    int exists = stat(o->dir, &st) == 0;
    if (exists && strcmp(found, expected) != 0) {
        fprintf(stderr, "%s exists and is not this benchmark's repository: remove it\n", o->dir);
        return -1;
    }
    char scratch[600];
    snprintf(scratch, sizeof scratch, "%s-scratch", o->dir);
    double start = measure_now();
    /* Reused or not, the generator runs to know the counts: into a scratch
     * folder when the repository is there already. */
    const char *target = exists ? scratch : o->dir;
    if (history_repo_make(target, o->specs, o->commits, o->seed, counts) < 0) return -1;
    if (exists) {
        char command[1300];
        snprintf(command, sizeof command, "rm -rf '%s'", scratch);
        if (system(command) != 0) return -1;
    } else {
        f = fopen(marker, "w");
        if (!f || fputs(expected, f) < 0 || fclose(f) != 0) return -1;
    }
    printf("repository: %s, %u commits over %u specs, seed %llu, %s in %.2f s\n", o->dir,
           counts->commits, o->specs, o->seed, exists ? "reused" : "written",
           measure_now() - start);
    return 0;
}

typedef struct phase_counts {
    unsigned long long a, b, c;
} phase_counts;

typedef int (*phase_fn)(const options *o, sqlite3 *db, phase_counts *counts);

static int run_floor(const options *o, sqlite3 *db, phase_counts *counts)
{
    (void)db;
    history_floor_result r;
    if (history_floor(o->dir, &r) < 0) return -1;
    *counts = (phase_counts){r.commits, r.blobs, 0};
    return 0;
}

static int run_scan(const options *o, sqlite3 *db, phase_counts *counts)
{
    (void)db;
    history_options wanted = {o->dir, NULL, NULL, 0};
    history_scan *scan;
    char *message = NULL;
    if (history_scan_run(&wanted, &scan, &message) < 0) {
        fprintf(stderr, "history_scan_run: %s\n", message ? message : "out of memory");
        free(message);
        return -1;
    }
    *counts = (phase_counts){scan->n_changes, scan->parsed, scan->n_counts};
    history_scan_free(scan);
    return 0;
}

static int run_query(sqlite3 *db, const char *query, const char *dir, phase_counts *counts)
{
    scan_result r;
    if (scan_sql_query(db, query, dir, &r) < 0) return -1;
    *counts = (phase_counts){r.tasks, r.done, 0};
    return 0;
}

static int run_history(const options *o, sqlite3 *db, phase_counts *counts)
{
    return run_query(db, "SELECT count(*), count(new_status) FROM task_history(?1)", o->dir,
                     counts);
}

static int run_burndown(const options *o, sqlite3 *db, phase_counts *counts)
{
    return run_query(db, "SELECT count(*), 0 FROM task_burndown(?1)", o->dir, counts);
}

static int run_issues(const options *o, sqlite3 *db, phase_counts *counts)
{
    return run_query(db, "SELECT count(*), 0 FROM task_history_issues(?1)", o->dir, counts);
}

/* R timed runs (after one untimed run): the medians of wall and CPU time,
 * and the last counts. */
static int timed(const options *o, sqlite3 *db, phase_fn fn, double *wall, double *cpu,
                 phase_counts *counts)
{
    double walls[MAX_RUNS], cpus[MAX_RUNS];
    if (fn(o, db, counts) < 0) return -1;
    for (unsigned r = 0; r < o->runs; r++) {
        double start = measure_now(), cpu_start = measure_cpu_now();
        if (fn(o, db, counts) < 0) return -1;
        walls[r] = measure_now() - start;
        cpus[r] = measure_cpu_now() - cpu_start;
    }
    *wall = measure_median(walls, o->runs);
    *cpu = measure_median(cpus, o->runs);
    return 0;
}

static int check(const char *what, unsigned long long expected, unsigned long long got)
{
    printf("expected %s: %llu, got %llu%s\n", what, expected, got,
           expected == got ? "" : "  <-- MISMATCH");
    return expected == got ? 0 : 1;
}

int main(int argc, char **argv)
{
    options o;
    if (parse_options(argc, argv, &o) < 0) return 2;
    history_repo_counts expected;
    if (repository(&o, &expected) < 0) return 2;
    sqlite3 *db = scan_sql_open();
    if (!db) return 1;
    printf("runs: %u per phase, median shown\n", o.runs);
    printf("%-36s %10s %9s %10s %9s %14s\n", "phase", "median s", "x floor", "cpu s", "x floor",
           "peak RSS KiB");
    static const struct {
        const char *name;
        phase_fn fn;
    } phases[] = {
        {"floor (revwalk+diff+md_parse once)", run_floor},
        {"history_scan_run (no SQL)", run_scan},
        {"task_history() count(*)", run_history},
        {"task_burndown() count(*)", run_burndown},
        {"task_history_issues() (+lints)", run_issues},
    };
    phase_counts got[5];
    double floor = 0, floor_cpu = 0;
    int failed = 0;
    for (size_t i = 0; i < 5; i++) {
        double wall, cpu;
        if (timed(&o, db, phases[i].fn, &wall, &cpu, &got[i]) < 0) return 1;
        if (i == 0) {
            floor = wall;
            floor_cpu = cpu;
        }
        printf("%-36s %10.4f %9.2f %10.4f %9.2f %14ld\n", phases[i].name, wall, wall / floor, cpu,
               cpu / floor_cpu, measure_peak_rss_kib());
    }
    failed |= check("commits, floor", expected.commits, got[0].a);
    failed |= check("distinct task-list blobs, floor", expected.task_versions, got[0].b);
    failed |=
        check("task-list versions parsed, history_scan_run", expected.task_versions, got[1].b);
    failed |= check("changes, history_scan_run", expected.changes, got[1].a);
    failed |= check("burn-down rows, history_scan_run", expected.counts, got[1].c);
    failed |= check("changes, task_history()", expected.changes, got[2].a);
    failed |= check("burn-down rows, task_burndown()", expected.counts, got[3].a);
    sqlite3_close(db);
    return failed;
}
