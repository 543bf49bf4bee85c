/*
 * entry.c - sqlite3_tasksext_init(): registers every function of tasksext.
 *
 *   .load ./build/tasksext
 *   SELECT tasksext_version();
 *
 * Registration is driven by one table, and every return code is checked; a
 * failure is reported through *error. The functions of one connection share
 * one tasks_connection (the parse cache), freed with the last of them.
 */
#include "tasksext.h"

#include <stdlib.h>

#include "../cache/file_loader.h"
#include "cache_functions.h"
#include "tasks_tables.h"

SQLITE_EXTENSION_INIT1

#ifndef TASKSEXT_VERSION
#define TASKSEXT_VERSION "unknown"
#endif

static void version_function(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    (void)argv;
    sqlite3_result_text(ctx, TASKSEXT_VERSION, -1, SQLITE_STATIC);
}

static const scan_table *const tables[] = {&tasks_table,     &task_specs_table,
                                           &task_deps_table, &task_issues_table,
                                           &task_refs_table, &task_skipped_table};
#define N_TABLES (sizeof tables / sizeof tables[0])

typedef struct connection_block {
    tasks_connection conn;
    scan_table_aux aux[N_TABLES];
} connection_block;

void tasks_connection_release(void *pointer)
{
    tasks_connection *conn = pointer;
    if (--conn->refs > 0) return;
    file_cache_free(conn->documents);
    file_cache_free(conn->listings);
    free(conn->statuses.rules);
    free(conn); /* conn is the first member of its connection_block */
}

static void release_aux(void *pointer)
{
    tasks_connection_release(((scan_table_aux *)pointer)->conn);
}

TASKSEXT_API int sqlite3_tasksext_init(sqlite3 *db, char **error, const sqlite3_api_routines *api)
{
    SQLITE_EXTENSION_INIT2(api);
    int rc = sqlite3_create_function_v2(db, "tasksext_version", 0,
                                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                                        version_function, NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        *error =
            sqlite3_mprintf("tasksext: cannot register tasksext_version: %s", sqlite3_errmsg(db));
        return rc;
    }
    connection_block *block = calloc(1, sizeof(connection_block));
    if (!block) return SQLITE_NOMEM;
    block->conn.documents = file_cache_new(FILE_LOADER_DEFAULT_LIMIT);
    block->conn.listings = file_cache_new(FILE_LOADER_DEFAULT_LIMIT / FILE_LOADER_LISTINGS_SHARE);
    if (!block->conn.documents || !block->conn.listings) {
        file_cache_free(block->conn.documents);
        file_cache_free(block->conn.listings);
        free(block);
        return SQLITE_NOMEM;
    }
    /* One reference held here until registration is over. */
    block->conn.refs = 1;
    for (size_t i = 0; i < N_TABLES && rc == SQLITE_OK; i++) {
        block->aux[i] = (scan_table_aux){tables[i], &block->conn};
        block->conn.refs++;
        /* On failure SQLite calls release_aux itself. */
        rc = sqlite3_create_module_v2(db, tables[i]->name, &file_scan_module, &block->aux[i],
                                      release_aux);
        if (rc != SQLITE_OK)
            *error = sqlite3_mprintf("tasksext: cannot register %s: %s", tables[i]->name,
                                     sqlite3_errmsg(db));
    }
    if (rc == SQLITE_OK) {
        rc = register_cache_functions(db, &block->conn);
        if (rc != SQLITE_OK)
            *error = sqlite3_mprintf("tasksext: cannot register the cache functions: %s",
                                     sqlite3_errmsg(db));
    }
    tasks_connection_release(&block->conn);
    return rc;
}
