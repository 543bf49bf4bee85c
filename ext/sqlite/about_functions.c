/*
 * about_functions.c - what this build is, for bug reports:
 *
 *   SELECT tasksext_version();  -- '0.1.0'
 *   SELECT tasksext_debug();    -- one JSON object:
 *     {"tasksext":"0.1.0","sqlite":{"built":"3.40.1","running":"3.40.1"},
 *      "md4c":"0.4.8","libyaml":"0.2.5","libgit2":"1.5.1",
 *      "build":{"type":"RelWithDebInfo","compiler":"GNU 12.2.0","sanitizers":"none"},
 *      "entry":"sqlite3_tasksext_init","cache":{"limit":2097152,"listings_limit":262144},
 *      "threads":0,"statuses":0}
 *
 * md4c has no call that says its version: it is the one the build found.
 */
#include "about_functions.h"

#include "../fs/git_ignore.h"
#include "../parse/library_versions.h"
#include "tasksext.h"

SQLITE_EXTENSION_INIT3

#ifndef TASKSEXT_BUILD_TYPE
#define TASKSEXT_BUILD_TYPE "unknown"
#endif
#ifndef TASKSEXT_BUILD_COMPILER
#define TASKSEXT_BUILD_COMPILER "unknown"
#endif
#ifndef TASKSEXT_BUILD_SANITIZERS
#define TASKSEXT_BUILD_SANITIZERS "none"
#endif

static void version_function(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    (void)argv;
    sqlite3_result_text(ctx, TASKSEXT_VERSION_STRING, -1, SQLITE_STATIC);
}

static void debug_function(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    (void)argv;
    tasks_connection *conn = sqlite3_user_data(ctx);
    file_cache_stats documents = file_cache_get_stats(conn->documents);
    file_cache_stats listings = file_cache_get_stats(conn->listings);
    sqlite3 *db = sqlite3_context_db_handle(ctx);
    char *json =
        sqlite3_mprintf("{\"tasksext\":\"%s\",\"sqlite\":{\"built\":\"%s\",\"running\":\"%s\"},"
                        "\"md4c\":\"%s\",\"libyaml\":\"%s\",\"libgit2\":\"%s\","
                        "\"build\":{\"type\":\"%s\",\"compiler\":\"%s\",\"sanitizers\":\"%s\"},"
                        "\"entry\":\"%s\",\"cache\":{\"limit\":%llu,\"listings_limit\":%llu},"
                        "\"threads\":%d,\"statuses\":%llu}",
                        TASKSEXT_VERSION_STRING, SQLITE_VERSION, sqlite3_libversion(),
                        parse_md4c_version(), parse_yaml_version(), git_ignore_library_version(),
                        TASKSEXT_BUILD_TYPE, TASKSEXT_BUILD_COMPILER, TASKSEXT_BUILD_SANITIZERS,
                        conn->text_only ? "sqlite3_tasksext_text_init" : "sqlite3_tasksext_init",
                        (unsigned long long)documents.limit, (unsigned long long)listings.limit,
                        sqlite3_limit(db, SQLITE_LIMIT_WORKER_THREADS, -1),
                        (unsigned long long)conn->statuses.n_rules);
    if (!json) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    sqlite3_result_text(ctx, json, -1, sqlite3_free);
}

int register_about_functions(sqlite3 *db, tasks_connection *conn)
{
    int rc = sqlite3_create_function_v2(db, "tasksext_version", 0,
                                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                                        version_function, NULL, NULL, NULL);
    if (rc != SQLITE_OK) return rc;
    static const scalar_function debug[] = {{"tasksext_debug", 0, debug_function}};
    /* Innocuous: it reads nothing but this build and this connection. */
    return register_scalar_functions(db, conn, debug, 1, SQLITE_INNOCUOUS);
}
