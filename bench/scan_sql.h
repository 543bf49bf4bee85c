/* scan_sql.h - the real thing: tasks() through an in-process connection. */
#ifndef BENCH_SCAN_SQL_H
#define BENCH_SCAN_SQL_H

#include <sqlite3.h>

#include "scan.h"

/* Opens a :memory: connection with tasksext registered (statically linked,
 * so no .load and no shared-library lookup). NULL after printing why. */
sqlite3 *scan_sql_open(void);

/* Runs `query` (?1 is the root; its first two columns are counts) into
 * result->tasks and result->done. Returns 0, or -1 after printing why. */
int scan_sql_query(sqlite3 *db, const char *query, const char *root, scan_result *result);

/* SELECT count(*), sum(done) FROM tasks(root). */
int scan_sql(sqlite3 *db, const char *root, scan_result *result);

/* Runs one statement that returns nothing of interest (settings). */
int scan_sql_exec(sqlite3 *db, const char *sql);

#endif
