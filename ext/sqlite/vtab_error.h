/* vtab_error.h - a virtual table's error, set where SQLite looks for it:
 * vtab->zErrMsg, sqlite3_malloc'd, the previous message freed. Every
 * table-valued function's xFilter and xColumn report through it. */
#ifndef TASKS_VTAB_ERROR_H
#define TASKS_VTAB_ERROR_H

#include "sqlite3ext.h"

void vtab_set_error(sqlite3_vtab *vtab, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

#endif
