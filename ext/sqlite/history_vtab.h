/* history_vtab.h - the one cursor layer of the functions that read a
 * repository's history (task_history, task_burndown, task_history_issues):
 * each is the same sqlite3_module with a different history_table as its
 * client data, over the rows of one history_scan (history/history_scan.h). */
#ifndef TASKS_HISTORY_VTAB_H
#define TASKS_HISTORY_VTAB_H

#include <stddef.h>

#include "../history/history_scan.h"
#include "file_scan.h"
#include "sqlite3ext.h"

typedef struct history_table {
    const char *name;   /* the function's name, for messages */
    const char *schema; /* CREATE TABLE x(...), with `repo HIDDEN, range HIDDEN` last */
    int repo_column;    /* the range column follows it */
    int lints;          /* its rows need the lints that read more of the repository */
    size_t (*row_count)(const history_scan *scan);
    void (*column)(sqlite3_context *ctx, const history_scan *scan, size_t row, int column);
} history_table;

/* The client data each function is registered with. */
typedef struct history_table_aux {
    const history_table *table;
    tasks_connection *conn;
} history_table_aux;

extern const sqlite3_module history_module;

extern const history_table task_history_table;
extern const history_table task_burndown_table;
extern const history_table task_history_issues_table;

/* The columns every history table starts with: the commit's id and time. */
void history_result_commit(sqlite3_context *ctx, const history_commit *commit, int time);

#endif
