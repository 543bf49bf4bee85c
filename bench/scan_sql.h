/* scan_sql.h - the real thing: tasks() through an in-process connection. */
#ifndef BENCH_SCAN_SQL_H
#define BENCH_SCAN_SQL_H

#include <sqlite3.h>

#include "scan.h"

/* Opens a :memory: connection with tasksext registered (statically linked,
 * so no .load and no shared-library lookup). NULL after printing why. */
sqlite3 *scan_sql_open(void);

/* Runs SELECT count(*), sum(done) FROM tasks(root) into result->tasks and
 * result->done. Returns 0, or -1 after printing SQLite's message. */
int scan_sql(sqlite3 *db, const char *root, scan_result *result);

#endif
