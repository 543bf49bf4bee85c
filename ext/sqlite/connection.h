/* connection.h - what the functions of one connection share, made once per
 * sqlite3_tasksext_init() and freed with the last function that holds it. */
#ifndef TASKS_CONNECTION_H
#define TASKS_CONNECTION_H

#include "file_scan.h"

/* A connection with its caches at their default bounds and one reference;
 * NULL when out of memory. */
tasks_connection *tasks_connection_new(void);

/* Drops one reference; the last frees the caches. Any sqlite3 destructor. */
void tasks_connection_release(void *conn);

/* A scalar function and its arity. */
typedef struct scalar_function {
    const char *name;
    int n_args;
    void (*fn)(sqlite3_context *ctx, int argc, sqlite3_value **argv);
} scalar_function;

/* Registers each function with `conn` as its user data (one reference each)
 * and `flags` besides SQLITE_UTF8. SQLITE_OK or SQLite's error code. */
int register_scalar_functions(sqlite3 *db, tasks_connection *conn, const scalar_function *functions,
                              size_t n, int flags);

#endif
