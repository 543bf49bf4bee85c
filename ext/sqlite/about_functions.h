/* about_functions.h - tasksext_version() and tasksext_debug(). */
#ifndef TASKS_ABOUT_FUNCTIONS_H
#define TASKS_ABOUT_FUNCTIONS_H

#include "connection.h"

/* Registers both; tasksext_debug() holds a reference to `conn`. */
int register_about_functions(sqlite3 *db, tasks_connection *conn);

#endif
