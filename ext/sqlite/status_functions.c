/*
 * status_functions.c - the statuses marks map to, from SQL:
 *
 *   SELECT tasksext_status('~', 'blocked');           -- in every dialect
 *   SELECT tasksext_status('-', 'cancelled', 'kiro'); -- in one dialect
 *   SELECT tasksext_status_reset();                   -- back to the defaults
 *
 * A scan copies the rules when it starts; only the connection's own calls
 * read and change them, so they need no lock. Changing them empties the
 * parse cache, whose documents were mapped with the old rules. They read no
 * file, so they are registered with the text functions too.
 */
#include "status_functions.h"

#include <stdlib.h>
#include <string.h>

SQLITE_EXTENSION_INIT3

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

int register_status_functions(sqlite3 *db, tasks_connection *conn)
{
    static const scalar_function functions[] = {
        {"tasksext_status", 2, status_rule},
        {"tasksext_status", 3, status_rule},
        {"tasksext_status_reset", 0, status_reset},
    };
    /* DIRECTONLY: a schema must not change what your marks mean. */
    return register_scalar_functions(db, conn, functions, sizeof functions / sizeof functions[0],
                                     SQLITE_DIRECTONLY);
}
