/*
 * entry.c - sqlite3_tasksext_init(): registers every function of tasksext.
 *
 *   .load ./build/tasksext
 *   SELECT tasksext_version();
 *
 * Registration is driven by one table, and every return code is checked; a
 * failure is reported through *error and nothing half-registered is left to
 * guess about.
 */
#include "tasksext.h"

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

static const scan_table *const tables[] = {&tasks_table, &task_specs_table, &task_deps_table,
                                           &task_issues_table};

TASKSEXT_API int sqlite3_tasksext_init(sqlite3 *db, char **error, const sqlite3_api_routines *api)
{
    SQLITE_EXTENSION_INIT2(api);
    int rc = sqlite3_create_function_v2(db, "tasksext_version", 0,
                                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                        NULL, version_function, NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        *error = sqlite3_mprintf("tasksext: cannot register tasksext_version: %s",
                                 sqlite3_errmsg(db));
        return rc;
    }
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        rc = sqlite3_create_module_v2(db, tables[i]->name, &file_scan_module, (void *)tables[i],
                                      NULL);
        if (rc != SQLITE_OK) {
            *error = sqlite3_mprintf("tasksext: cannot register %s: %s", tables[i]->name,
                                     sqlite3_errmsg(db));
            return rc;
        }
    }
    return SQLITE_OK;
}
