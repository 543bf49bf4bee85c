/* connection.c - the shared state of one connection's functions. */
#include "connection.h"

#include <stdlib.h>

#include "../cache/file_loader.h"

SQLITE_EXTENSION_INIT3

tasks_connection *tasks_connection_new(void)
{
    tasks_connection *conn = calloc(1, sizeof(tasks_connection));
    if (!conn) return NULL;
    conn->documents = file_cache_new(FILE_LOADER_DEFAULT_LIMIT);
    conn->listings = file_cache_new(FILE_LOADER_DEFAULT_LIMIT / FILE_LOADER_LISTINGS_SHARE);
    conn->refs = 1;
    if (!conn->documents || !conn->listings) {
        tasks_connection_release(conn);
        return NULL;
    }
    return conn;
}

void tasks_connection_release(void *pointer)
{
    tasks_connection *conn = pointer;
    if (--conn->refs > 0) return;
    file_cache_free(conn->documents);
    file_cache_free(conn->listings);
    free(conn->statuses.rules);
    free(conn);
}

int register_scalar_functions(sqlite3 *db, tasks_connection *conn, const scalar_function *functions,
                              size_t n, int flags)
{
    for (size_t i = 0; i < n; i++) {
        conn->refs++;
        /* On failure SQLite calls the destructor itself. */
        int rc = sqlite3_create_function_v2(db, functions[i].name, functions[i].n_args,
                                            SQLITE_UTF8 | flags, conn, functions[i].fn, NULL, NULL,
                                            tasks_connection_release);
        if (rc != SQLITE_OK) return rc;
    }
    return SQLITE_OK;
}
