/* scan_sql.c - count(*) and sum(done) make SQLite fetch one column per row,
 * so what is timed is the virtual table's scan, not result formatting. The
 * statement is prepared inside the timed region, as a shell would. */
#include "scan_sql.h"

#include <stdio.h>
#include <string.h>

#include "tasksext.h"

sqlite3 *scan_sql_open(void)
{
    sqlite3 *db;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
        fprintf(stderr, "sqlite: cannot open :memory:: %s\n", sqlite3_errmsg(db));
        sqlite3_close(db);
        return NULL;
    }
    char *error = NULL;
    /* Linked with SQLITE_CORE the API table is not used: NULL is fine. */
    if (sqlite3_tasksext_init(db, &error, NULL) != SQLITE_OK) {
        fprintf(stderr, "sqlite: %s\n", error ? error : "cannot register tasksext");
        sqlite3_free(error);
        sqlite3_close(db);
        return NULL;
    }
    return db;
}

int scan_sql(sqlite3 *db, const char *root, scan_result *result)
{
    return scan_sql_query(db, "SELECT count(*), sum(done) FROM tasks(?1)", root, result);
}

int scan_sql_exec(sqlite3 *db, const char *sql)
{
    char *error = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &error) == SQLITE_OK) return 0;
    fprintf(stderr, "sqlite: %s\n", error ? error : sqlite3_errmsg(db));
    sqlite3_free(error);
    return -1;
}

int scan_sql_query(sqlite3 *db, const char *query, const char *root, scan_result *result)
{
    memset(result, 0, sizeof *result);
    sqlite3_stmt *stmt;
    int rc = sqlite3_prepare_v2(db, query, -1, &stmt, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_bind_text(stmt, 1, root, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK) rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        result->tasks = (unsigned long long)sqlite3_column_int64(stmt, 0);
        result->done = (unsigned long long)sqlite3_column_int64(stmt, 1);
        rc = SQLITE_OK;
    }
    if (rc != SQLITE_OK) fprintf(stderr, "sqlite: %s\n", sqlite3_errmsg(db));
    sqlite3_finalize(stmt);
    return rc == SQLITE_OK ? 0 : -1;
}
