/*
 * cache_functions.c - the parse cache from SQL.
 *
 *   SELECT tasksext_cache_limit(0);        -- off (and emptied); returns the old limit
 *   SELECT tasksext_cache_limit(64 << 20); -- on, at most 64 MiB (the default is 2 MiB;
 *                                          -- directory listings get an eighth)
 *   SELECT tasksext_cache_limit(0, 8 << 20); -- parsed files off, listings at most 8 MiB
 *   SELECT tasksext_cache_clear();         -- forget every parsed file; returns how many
 *   SELECT tasksext_cache_stats();         -- {"entries":..,"bytes":..,"limit":..,
 *                                          --  "hits":..,"misses":..,
 *                                          --  "listing_entries":..,"listing_limit":..}
 */
#include "cache_functions.h"

#include "../cache/file_loader.h"

#include <stdlib.h>
#include <string.h>

SQLITE_EXTENSION_INIT3

static void cache_limit(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    tasks_connection *conn = sqlite3_user_data(ctx);
    file_cache_stats stats = file_cache_get_stats(conn->documents);
    for (int i = 0; i < argc; i++) {
        if (sqlite3_value_type(argv[i]) != SQLITE_INTEGER || sqlite3_value_int64(argv[i]) < 0) {
            sqlite3_result_error(ctx,
                                 argc == 1
                                     ? "tasksext_cache_limit(): give a number of bytes, 0 or more"
                                     : "tasksext_cache_limit(): give two numbers of bytes,"
                                       " 0 or more: the parsed files' and the listings'",
                                 -1);
            return;
        }
    }
    if (argc >= 1) {
        size_t limit = (size_t)sqlite3_value_int64(argv[0]);
        /* One number: the listings get their share of it; two: each its own. */
        size_t listings =
            argc == 2 ? (size_t)sqlite3_value_int64(argv[1]) : limit / FILE_LOADER_LISTINGS_SHARE;
        file_cache_set_limit(conn->documents, limit);
        file_cache_set_limit(conn->listings, listings);
    }
    sqlite3_result_int64(ctx, (sqlite3_int64)stats.limit);
}

static void cache_clear(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    (void)argv;
    tasks_connection *conn = sqlite3_user_data(ctx);
    size_t cleared = file_cache_clear(conn->documents);
    file_cache_clear(conn->listings);
    sqlite3_result_int64(ctx, (sqlite3_int64)cleared);
}

static void cache_stats(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    (void)argv;
    tasks_connection *conn = sqlite3_user_data(ctx);
    file_cache_stats s = file_cache_get_stats(conn->documents);
    file_cache_stats l = file_cache_get_stats(conn->listings);
    char *json = sqlite3_mprintf(
        "{\"entries\":%llu,\"bytes\":%llu,\"limit\":%llu,\"hits\":%llu,\"misses\":%llu,"
        "\"listing_entries\":%llu,\"listing_limit\":%llu}",
        (unsigned long long)s.entries, (unsigned long long)s.bytes, (unsigned long long)s.limit,
        (unsigned long long)s.hits, (unsigned long long)s.misses, (unsigned long long)l.entries,
        (unsigned long long)l.limit);
    if (!json) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    sqlite3_result_text(ctx, json, -1, sqlite3_free);
}

int register_cache_functions(sqlite3 *db, tasks_connection *conn)
{
    static const scalar_function functions[] = {
        {"tasksext_cache_limit", 0, cache_limit}, {"tasksext_cache_limit", 1, cache_limit},
        {"tasksext_cache_limit", 2, cache_limit}, {"tasksext_cache_clear", 0, cache_clear},
        {"tasksext_cache_stats", 0, cache_stats},
    };
    /* DIRECTONLY: a schema must not switch the cache off or read it. */
    return register_scalar_functions(db, conn, functions, sizeof functions / sizeof functions[0],
                                     SQLITE_DIRECTONLY);
}
