/*
 * entry.c - the entry points: register the functions of tasksext.
 *
 *   .load ./build/tasksext                               -- every function
 *   .load ./build/tasksext sqlite3_tasksext_text_init    -- none that reads a file
 *
 * Registration is driven by tables, and every return code is checked; a
 * failure is reported through *error. The functions of one connection share
 * one tasks_connection (the caches, the status rules), freed with the last
 * of them.
 */
#include "tasksext.h"

#include <stdlib.h>

#include "about_functions.h"
#include "cache_functions.h"
#include "history_vtab.h"
#include "mark_function.h"
#include "status_functions.h"
#include "tasks_tables.h"

SQLITE_EXTENSION_INIT1

/* The functions that read files, each over a path argument. */
static const scan_table *const file_tables[] = {
    &tasks_table,     &task_specs_table,   &task_deps_table,      &task_issues_table,
    &task_refs_table, &task_skipped_table, &task_blocked_by_table};

/* Those whose rows markdown given as a value gives too (`tasks_text`, ...):
 * all but task_skipped, which lists what a walk leaves out. */
static const scan_table *const text_tables[] = {&tasks_table,     &task_specs_table,
                                                &task_deps_table, &task_issues_table,
                                                &task_refs_table, &task_blocked_by_table};

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

/* One registered function's client data, and the text sibling it owns. */
typedef struct registered_table {
    scan_table_aux aux;
    scan_table text;
} registered_table;

static void release_table(void *pointer)
{
    registered_table *t = pointer;
    if (t->aux.table == &t->text) scan_table_text_sibling_free(&t->text);
    tasks_connection_release(t->aux.conn);
    free(t);
}

static int register_table(sqlite3 *db, tasks_connection *conn, const scan_table *table, int text,
                          char **error)
{
    registered_table *t = calloc(1, sizeof(registered_table));
    if (!t) return SQLITE_NOMEM;
    conn->refs++;
    t->aux.conn = conn;
    t->aux.table = table;
    if (text) {
        t->aux.table = &t->text;
        if (scan_table_text_sibling(table, &t->text) != SQLITE_OK) {
            release_table(t);
            return SQLITE_NOMEM;
        }
    }
    /* On failure SQLite calls release_table itself. */
    int rc =
        sqlite3_create_module_v2(db, t->aux.table->name, &file_scan_module, &t->aux, release_table);
    if (rc != SQLITE_OK)
        *error =
            sqlite3_mprintf("tasksext: cannot register %s: %s", table->name, sqlite3_errmsg(db));
    return rc;
}

/* The functions that read a repository's history (history_vtab.h). */
static const history_table *const history_tables[] = {&task_history_table, &task_burndown_table,
                                                      &task_history_issues_table};

static void release_history_table(void *pointer)
{
    history_table_aux *t = pointer;
    tasks_connection_release(t->conn);
    free(t);
}

static int register_history_table(sqlite3 *db, tasks_connection *conn, const history_table *table,
                                  char **error)
{
    history_table_aux *t = calloc(1, sizeof(history_table_aux));
    if (!t) return SQLITE_NOMEM;
    conn->refs++;
    t->conn = conn;
    t->table = table;
    /* On failure SQLite calls release_history_table itself. */
    int rc = sqlite3_create_module_v2(db, table->name, &history_module, t, release_history_table);
    if (rc != SQLITE_OK)
        *error =
            sqlite3_mprintf("tasksext: cannot register %s: %s", table->name, sqlite3_errmsg(db));
    return rc;
}

static int register_all(sqlite3 *db, char **error, int text_only)
{
    tasks_connection *conn = tasks_connection_new();
    if (!conn) return SQLITE_NOMEM;
    conn->text_only = text_only;
    /* One reference held here until registration is over. */
    int rc = register_about_functions(db, conn);
    if (rc != SQLITE_OK)
        *error =
            sqlite3_mprintf("tasksext: cannot register tasksext_version: %s", sqlite3_errmsg(db));
    for (size_t i = 0; i < COUNT(file_tables) && rc == SQLITE_OK && !text_only; i++)
        rc = register_table(db, conn, file_tables[i], 0, error);
    for (size_t i = 0; i < COUNT(history_tables) && rc == SQLITE_OK && !text_only; i++)
        rc = register_history_table(db, conn, history_tables[i], error);
    for (size_t i = 0; i < COUNT(text_tables) && rc == SQLITE_OK; i++)
        rc = register_table(db, conn, text_tables[i], 1, error);
    if (rc == SQLITE_OK && !text_only) {
        rc = register_mark_function(db, conn);
        if (rc != SQLITE_OK)
            *error =
                sqlite3_mprintf("tasksext: cannot register tasks_mark: %s", sqlite3_errmsg(db));
    }
    if (rc == SQLITE_OK && !text_only) {
        rc = register_cache_functions(db, conn);
        if (rc != SQLITE_OK)
            *error = sqlite3_mprintf("tasksext: cannot register the cache functions: %s",
                                     sqlite3_errmsg(db));
    }
    if (rc == SQLITE_OK) {
        rc = register_status_functions(db, conn);
        if (rc != SQLITE_OK)
            *error = sqlite3_mprintf("tasksext: cannot register the status functions: %s",
                                     sqlite3_errmsg(db));
    }
    tasks_connection_release(conn);
    return rc;
}

TASKSEXT_API int sqlite3_tasksext_init(sqlite3 *db, char **error, const sqlite3_api_routines *api)
{
    SQLITE_EXTENSION_INIT2(api);
    return register_all(db, error, 0);
}

TASKSEXT_API int sqlite3_tasksext_text_init(sqlite3 *db, char **error,
                                            const sqlite3_api_routines *api)
{
    SQLITE_EXTENSION_INIT2(api);
    return register_all(db, error, 1);
}
