/*
 * cache_functions.c - the parse cache from SQL.
 *
 *   SELECT tasksext_cache_limit(0);          -- off (and emptied); returns the old limit
 *   SELECT tasksext_cache_limit(64 << 20);   -- on, at most 64 MiB (the default is 2 MiB; listings
 * get an eighth) SELECT tasksext_cache_clear();           -- forget every parsed file; returns how
 * many SELECT tasksext_cache_stats();           --
 * {"entries":..,"bytes":..,"limit":..,"hits":..,"misses":..}
 *
 * and the statuses marks map to, which the cache depends on:
 *
 *   SELECT tasksext_status('~', 'blocked');           -- in every dialect
 *   SELECT tasksext_status('-', 'cancelled', 'kiro'); -- in one dialect
 *   SELECT tasksext_status_reset();                   -- back to the defaults
 */
#include "cache_functions.h"

#include "../cache/file_loader.h"

#include <stdlib.h>
#include <string.h>

SQLITE_EXTENSION_INIT3

static void cache_limit(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    tasks_connection *conn = sqlite3_user_data(ctx);
    file_cache_stats stats = file_cache_get_stats(conn->documents);
    if (argc == 1) {
        if (sqlite3_value_type(argv[0]) != SQLITE_INTEGER || sqlite3_value_int64(argv[0]) < 0) {
            sqlite3_result_error(ctx, "tasksext_cache_limit(): give a number of bytes, 0 or more",
                                 -1);
            return;
        }
        size_t limit = (size_t)sqlite3_value_int64(argv[0]);
        file_cache_set_limit(conn->documents, limit);
        file_cache_set_limit(conn->listings, limit / FILE_LOADER_LISTINGS_SHARE);
    }
    sqlite3_result_int64(ctx, (sqlite3_int64)stats.limit);
}

static void cache_clear(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    (void)argv;
    tasks_connection *conn = sqlite3_user_data(ctx);
    size_t cleared = file_cache_clear(conn->documents);
    file_cache_clear(conn->listings);
    sqlite3_result_int64(ctx, (sqlite3_int64)cleared);
}

static void cache_stats(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    (void)argv;
    tasks_connection *conn = sqlite3_user_data(ctx);
    file_cache_stats s = file_cache_get_stats(conn->documents);
    char *json = sqlite3_mprintf(
        "{\"entries\":%llu,\"bytes\":%llu,\"limit\":%llu,\"hits\":%llu,\"misses\":%llu}",
        (unsigned long long)s.entries, (unsigned long long)s.bytes, (unsigned long long)s.limit,
        (unsigned long long)s.hits, (unsigned long long)s.misses);
    if (!json) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    sqlite3_result_text(ctx, json, -1, sqlite3_free);
}

static int valid_dialect(const char *name)
{
    return task_dialect_from_name(name) >= 0;
}

/* A new rule changes what parsed files say: the cache is emptied. */
static void status_rule(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    tasks_connection *conn = sqlite3_user_data(ctx);
    const char *mark = (const char *)sqlite3_value_text(argv[0]);
    const char *status = (const char *)sqlite3_value_text(argv[1]);
    const char *dialect = argc > 2 ? (const char *)sqlite3_value_text(argv[2]) : "";
    if (!mark || !status || !dialect) {
        sqlite3_result_error(ctx, "tasksext_status(mark, status [, dialect]): no NULLs", -1);
        return;
    }
    task_status_rule rule;
    memset(&rule, 0, sizeof rule);
    if (strlen(mark) == 0 || strlen(mark) >= sizeof rule.mark || strlen(status) == 0 ||
        strlen(status) >= sizeof rule.status || (*dialect && !valid_dialect(dialect))) {
        sqlite3_result_error(ctx,
                             "tasksext_status(mark, status [, dialect]): one mark character, a "
                             "status word under 32 bytes, and a dialect among catalyst, speckit, "
                             "kiro, rollout, generic",
                             -1);
        return;
    }
    strcpy(rule.mark, mark);
    strcpy(rule.status, status);
    strcpy(rule.dialect, dialect);
    task_status_rule *grown =
        realloc(conn->statuses.rules, (conn->statuses.n_rules + 1) * sizeof(task_status_rule));
    if (grown) {
        grown[conn->statuses.n_rules++] = rule;
        conn->statuses.rules = grown;
        file_cache_clear(conn->documents);
    }
    size_t n = conn->statuses.n_rules;
    if (!grown) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    sqlite3_result_int64(ctx, (sqlite3_int64)n);
}

static void status_reset(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    (void)argv;
    tasks_connection *conn = sqlite3_user_data(ctx);
    size_t n = conn->statuses.n_rules;
    free(conn->statuses.rules);
    conn->statuses.rules = NULL;
    conn->statuses.n_rules = 0;
    file_cache_clear(conn->documents);
    sqlite3_result_int64(ctx, (sqlite3_int64)n);
}

typedef struct cache_function {
    const char *name;
    int n_args;
    void (*fn)(sqlite3_context *, int, sqlite3_value **);
} cache_function;

int register_cache_functions(sqlite3 *db, tasks_connection *conn)
{
    static const cache_function functions[] = {
        {"tasksext_cache_limit", 0, cache_limit},   {"tasksext_cache_limit", 1, cache_limit},
        {"tasksext_cache_clear", 0, cache_clear},   {"tasksext_cache_stats", 0, cache_stats},
        {"tasksext_status", 2, status_rule},        {"tasksext_status", 3, status_rule},
        {"tasksext_status_reset", 0, status_reset},
    };
    for (size_t i = 0; i < sizeof functions / sizeof functions[0]; i++) {
        conn->refs++;
        /* DIRECTONLY: a schema must not switch the cache off or read it. */
        int rc = sqlite3_create_function_v2(db, functions[i].name, functions[i].n_args,
                                            SQLITE_UTF8 | SQLITE_DIRECTONLY, conn, functions[i].fn,
                                            NULL, NULL, tasks_connection_release);
        if (rc != SQLITE_OK) return rc;
    }
    return SQLITE_OK;
}
