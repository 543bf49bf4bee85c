/*
 * mark_function.c - tasks_mark(file, line, mark_or_status, line_hash):
 *
 *   SELECT tasks_mark(file, line, 'done', line_hash)
 *     FROM tasks('specs/001-auth') WHERE id = 'T003';
 *
 * changes the box of the task on `line` of `file` and nothing else, and
 * returns the line's new line_hash; it refuses, changing nothing, with an
 * error naming file:line, when the line no longer hashes to line_hash, holds
 * no task, or the file cannot be rewritten (cache/task_mark.h). Registered
 * SQLITE_DIRECTONLY: a view or trigger in a database someone hands you must
 * not write your files.
 */
#include "mark_function.h"

#include "../cache/task_mark.h"
#include "../fs/file_read.h"

SQLITE_EXTENSION_INIT3

static void mark_function(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    tasks_connection *conn = sqlite3_user_data(ctx);
    for (int i = 0; i < 4; i++) {
        if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
            sqlite3_result_error(ctx,
                                 "tasks_mark(file, line, mark_or_status, line_hash): no NULLs; "
                                 "take file, line and line_hash from tasks()",
                                 -1);
            return;
        }
    }
    sqlite3_int64 line = sqlite3_value_int64(argv[1]);
    if (sqlite3_value_numeric_type(argv[1]) != SQLITE_INTEGER || line < 1 || line > UINT32_MAX) {
        sqlite3_result_error(ctx, "tasks_mark(): the line is a number from 1, as tasks().line", -1);
        return;
    }
    const char *path = (const char *)sqlite3_value_text(argv[0]);
    const char *mark = (const char *)sqlite3_value_text(argv[2]);
    const char *hash = (const char *)sqlite3_value_text(argv[3]);
    if (!path || !mark || !hash) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    sqlite3 *db = sqlite3_context_db_handle(ctx);
    int length = sqlite3_limit(db, SQLITE_LIMIT_LENGTH, -1);
    size_t max_bytes = FILE_READ_DEFAULT_MAX_BYTES;
    if (length > 0 && (size_t)length < max_bytes) max_bytes = (size_t)length;
    task_mark_request request = {path, (uint32_t)line, mark, hash, &conn->statuses, max_bytes};
    task_mark_result result;
    if (task_mark(&request, &result) != 0) {
        sqlite3_result_error(ctx, result.message, -1);
        return;
    }
    sqlite3_result_text(ctx, result.line_hash, -1, SQLITE_TRANSIENT);
}

int register_mark_function(sqlite3 *db, tasks_connection *conn)
{
    static const scalar_function functions[] = {{"tasks_mark", 4, mark_function}};
    /* DIRECTONLY: only your own statements may write your files. */
    return register_scalar_functions(db, conn, functions, 1, SQLITE_DIRECTONLY);
}
