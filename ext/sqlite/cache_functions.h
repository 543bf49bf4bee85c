/* cache_functions.h - SQL functions that look at and steer the parse cache. */
#ifndef TASKS_CACHE_FUNCTIONS_H
#define TASKS_CACHE_FUNCTIONS_H

#include "connection.h"

/* Registers tasksext_cache_limit(), tasksext_cache_clear() and
 * tasksext_cache_stats(); each holds a reference to `conn`. */
int register_cache_functions(sqlite3 *db, tasks_connection *conn);

#endif
