/*
 * task_skipped_table.c - task_skipped(path): what the walk of a path left
 * out, and why, so that nothing disappears without a word.
 *
 *   SELECT entry, reason FROM task_skipped('.');
 *
 * Columns: entry, reason, path HIDDEN
 *   entry   the folder (not entered) or task file (not read), as the walk
 *           found it; or the argument itself, when its repository's ignore
 *           rules could not be read
 *   reason  git metadata | installed packages (node_modules) | ignored by git |
 *           a template folder | an agent's command or prompt folder | ...
 */
#include "tasks_tables.h"

SQLITE_EXTENSION_INIT3

enum task_skipped_column { SKIPPED_ENTRY, SKIPPED_REASON, SKIPPED_PATH };

static size_t skipped_row_count(const scan_file *file)
{
    return file->skipped ? 1 : 0;
}

static void skipped_column(sqlite3_context *ctx, const scan_file *file, size_t row, int column)
{
    (void)row;
    if (column == SKIPPED_ENTRY) scan_result_text(ctx, file->path);
    if (column == SKIPPED_REASON) scan_result_text(ctx, file->skipped);
}

const scan_table task_skipped_table = {
    .name = "task_skipped",
    .schema = "CREATE TABLE x(entry TEXT, reason TEXT, path HIDDEN)",
    .path_column = SKIPPED_PATH,
    .lists_skipped = 1,
    .row_count = skipped_row_count,
    .column = skipped_column,
};
