/* status_functions.h - tasksext_status() and tasksext_status_reset(). */
#ifndef TASKS_STATUS_FUNCTIONS_H
#define TASKS_STATUS_FUNCTIONS_H

#include "connection.h"

/* Registers both; each holds a reference to `conn`. */
int register_status_functions(sqlite3 *db, tasks_connection *conn);

#endif
