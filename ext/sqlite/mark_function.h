/* mark_function.h - tasks_mark(): tick a box from SQL, guarded. */
#ifndef TASKS_MARK_FUNCTION_H
#define TASKS_MARK_FUNCTION_H

#include "connection.h"

/* Registers tasks_mark(file, line, mark_or_status, line_hash); it holds a
 * reference to `conn` (for the status rules). */
int register_mark_function(sqlite3 *db, tasks_connection *conn);

#endif
