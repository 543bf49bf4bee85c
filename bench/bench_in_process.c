/* bench_in_process.c - the in-process phases, each timed R times.
 *
 * The phases run in order floor, parse, SQL so the peak-RSS column grows
 * only by what each later phase adds. One untimed floor pass first puts the
 * tree in the page cache, so no phase pays for the disk and the floor is not
 * penalised for going first. */
#include <stdio.h>
#include <stdlib.h>

#include "bench_modes.h"
#include "measure.h"
#include "report.h"
#include "scan.h"
#include "scan_sql.h"

typedef struct phase {
    const char *name;
    int (*run)(const struct phase *phase, const char *root, scan_result *result);
    sqlite3 *db;       /* the SQL phases only */
    const char *query; /* the SQL phases only */
} phase;

static int run_floor(const phase *p, const char *root, scan_result *result)
{
    (void)p;
    return scan_floor(root, result);
}

static int run_floor_yaml(const phase *p, const char *root, scan_result *result)
{
    (void)p;
    return scan_floor_yaml(root, result);
}

static int run_parse(const phase *p, const char *root, scan_result *result)
{
    (void)p;
    return scan_parse(root, result);
}

static int run_graph(const phase *p, const char *root, scan_result *result)
{
    (void)p;
    return scan_graph(root, result);
}

static int run_sql(const phase *p, const char *root, scan_result *result)
{
    return scan_sql_query(p->db, p->query, root, result);
}

#define TASKS_QUERY "SELECT count(*), sum(done) FROM tasks(?1)"
#define DEPS_QUERY "SELECT count(*), 0 FROM task_deps(?1)"
/* A plain join: the inner function serves each outer row from the index it
 * builds on its first scan (README "Joins"). */
#define JOIN_QUERY                                                                                 \
    "SELECT count(*), sum(t.done) FROM tasks(?1) t JOIN task_deps(?1) d"                           \
    " ON d.spec = t.spec AND d.id = t.id"

/* The statements of sql/blocked.sql and sql/critical_path.sql (their first
 * part, with :root as ?1), counted. */
#define BLOCKED_QUERY                                                                              \
    "SELECT count(*), 0 FROM (SELECT spec, coalesce(id, 'line ' || line) AS id,"                   \
    " coalesce(blocker, 'line ' || blocker_line) AS blocked_by, min(depth) AS depth,"              \
    " blocker_status FROM task_blocked_by(?1) GROUP BY spec, 2, 3 ORDER BY spec, 2, depth, 3)"
#define CRITICAL_QUERY                                                                             \
    "WITH c AS (SELECT spec, coalesce(id, 'line ' || line) AS id, critical FROM tasks(?1)"         \
    " WHERE critical IS NOT NULL), path(spec, place, chain) AS (SELECT spec, 1, id FROM c"         \
    " WHERE critical = 1 UNION ALL SELECT p.spec, p.place + 1, p.chain || ' -> ' || c.id"          \
    " FROM path p JOIN c ON c.spec = p.spec AND c.critical = p.place + 1)"                         \
    " SELECT count(*), sum(place) FROM path"                                                       \
    " WHERE place = (SELECT max(critical) FROM c WHERE c.spec = path.spec)"

/* Median seconds over `runs`, the last run's counts in *result; -1 on failure. */
static double time_phase(const phase *p, const char *root, unsigned runs, scan_result *result)
{
    double *seconds = malloc(runs * sizeof *seconds);
    if (!seconds) return -1;
    for (unsigned r = 0; r < runs; r++) {
        double start = measure_now();
        if (p->run(p, root, result) != 0) {
            free(seconds);
            return -1;
        }
        seconds[r] = measure_now() - start;
    }
    double median = measure_median(seconds, runs);
    free(seconds);
    return median;
}

/* Two connections: one with the parse cache off, for the scans that must
 * parse every file each time; one with it on and warmed, for the repeated
 * query over an unchanged tree. */
static sqlite3 *open_cold(int threads)
{
    sqlite3 *db = scan_sql_open();
    if (db && (scan_sql_exec(db, "SELECT tasksext_cache_limit(0)") != 0 ||
               (threads && scan_sql_exec(db, "PRAGMA threads = 2") != 0))) {
        sqlite3_close(db);
        return NULL;
    }
    return db;
}

int bench_in_process(const bench_options *o, const spec_tree *tree)
{
    sqlite3 *db = open_cold(0);
    sqlite3 *threaded = open_cold(1);
    sqlite3 *warm = scan_sql_open();
    /* Large enough for the whole tree: the default 2 MiB keeps scans small. */
    if (warm && scan_sql_exec(warm, "SELECT tasksext_cache_limit(1 << 30)") != 0) {
        sqlite3_close(warm);
        warm = NULL;
    }
    if (!db || !threaded || !warm) {
        sqlite3_close(db);
        sqlite3_close(threaded);
        sqlite3_close(warm);
        return 1;
    }
    /* floor' (walk, read, libyaml's front matter, md4c) first: every ratio is
     * to it, since tasksext must read front matter with libyaml. */
    phase phases[] = {
        {"floor' (walk+read+yaml+md_parse)", run_floor_yaml, NULL, NULL},
        {"floor without libyaml", run_floor, NULL, NULL},
        {"parse (task_document_load)", run_parse, NULL, NULL},
        {"parse+graph (+task_graph_build)", run_graph, NULL, NULL},
        {"tasks() count(*),sum(done)", run_sql, db, TASKS_QUERY},
        {"tasks(), PRAGMA threads = 2", run_sql, threaded, TASKS_QUERY},
        {"task_deps() count(*)", run_sql, db, DEPS_QUERY},
        {"task_deps(), PRAGMA threads = 2", run_sql, threaded, DEPS_QUERY},
        {"tasks JOIN task_deps", run_sql, db, JOIN_QUERY},
        {"sql/blocked.sql", run_sql, db, BLOCKED_QUERY},
        {"sql/critical_path.sql", run_sql, db, CRITICAL_QUERY},
        {"tasks() repeated, cache warm", run_sql, warm, TASKS_QUERY},
    };
    enum {
        FLOOR_YAML,
        FLOOR,
        PARSE,
        GRAPH,
        SQL,
        THREADED,
        DEPS,
        DEPS_THREADED,
        JOIN,
        BLOCKED,
        CRITICAL,
        WARM,
        N_PHASES
    };
    scan_result results[N_PHASES];
    if (scan_floor(tree->dir, &results[FLOOR]) != 0 || scan_sql(warm, tree->dir, &results[WARM])) {
        sqlite3_close(db);
        sqlite3_close(threaded);
        sqlite3_close(warm);
        return 1;
    }
    report_header("peak RSS KiB");
    double floor_seconds = 0;
    for (int i = 0; i < N_PHASES; i++) {
        double median = time_phase(&phases[i], tree->dir, o->runs, &results[i]);
        if (median < 0) {
            fprintf(stderr, "tasks_bench: phase '%s' failed\n", phases[i].name);
            sqlite3_close(db);
            sqlite3_close(threaded);
            sqlite3_close(warm);
            return 1;
        }
        if (i == FLOOR_YAML) floor_seconds = median;
        report_row(phases[i].name, median, floor_seconds, measure_peak_rss_kib());
        fflush(stdout);
    }
    sqlite3_close(warm);
    sqlite3_close(threaded);
    sqlite3_close(db);

    int bad = 0;
    if (results[FLOOR].files != tree->specs) {
        printf("expected files: %u, walk: %llu   <-- MISMATCH\n", tree->specs,
               results[FLOOR].files);
        bad = 1;
    }
    bad |= report_check("task_document_load", tree->expected.tasks, results[PARSE].tasks,
                        tree->expected.done, results[PARSE].done);
    bad |= report_check("task_graph_build", tree->expected.tasks, results[GRAPH].tasks,
                        tree->expected.done, results[GRAPH].done);
    bad |= report_check("tasks()", tree->expected.tasks, results[SQL].tasks, tree->expected.done,
                        results[SQL].done);
    bad |= report_check("tasks() threaded", tree->expected.tasks, results[THREADED].tasks,
                        tree->expected.done, results[THREADED].done);
    if (results[DEPS].tasks != results[DEPS_THREADED].tasks) {
        printf("task_deps(): %llu edges, threaded: %llu   <-- MISMATCH\n", results[DEPS].tasks,
               results[DEPS_THREADED].tasks);
        bad = 1;
    }
    bad |= report_check("tasks() repeated", tree->expected.tasks, results[WARM].tasks,
                        tree->expected.done, results[WARM].done);
    return bad;
}
