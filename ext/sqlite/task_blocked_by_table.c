/*
 * task_blocked_by_table.c - task_blocked_by(path): one row per open task
 * and each open task it waits for, directly (depth 1) or through other open
 * tasks, at the shortest depth. A done or cancelled task holds nothing up,
 * so no chain runs through one. Computed in C per file (task_graph_add_paths):
 * no depth cap; a file whose relations pass TASKS_DEPS_MAX_PATH_STEPS gives
 * no rows (README "Limits").
 *
 *   SELECT id, blocker, depth FROM task_blocked_by('specs') WHERE spec = '001-auth';
 *
 * Columns: spec, file, id, line, blocker, blocker_line, blocker_status,
 *          depth, path HIDDEN
 */
#include "tasks_tables.h"

SQLITE_EXTENSION_INIT3

enum blocked_by_column {
    BLOCKED_SPEC,
    BLOCKED_FILE,
    BLOCKED_ID,
    BLOCKED_LINE,
    BLOCKED_BLOCKER,
    BLOCKED_BLOCKER_LINE,
    BLOCKED_BLOCKER_STATUS,
    BLOCKED_DEPTH,
    BLOCKED_PATH
};

static size_t blocked_row_count(const scan_file *file)
{
    return file->readable ? file->graph->n_blocked_by : 0;
}

static const char *blocked_row_id(const scan_file *file, size_t row)
{
    return file->doc->tasks[file->graph->blocked_by[row].task].id;
}

static void blocked_column(sqlite3_context *ctx, const scan_file *file, size_t row, int column)
{
    const task_blocker *b = &file->graph->blocked_by[row];
    const task_record *task = &file->doc->tasks[b->task];
    const task_record *blocker = &file->doc->tasks[b->blocker];
    switch (column) {
    case BLOCKED_SPEC:
        scan_result_text(ctx, file->spec);
        break;
    case BLOCKED_FILE:
        scan_result_text(ctx, file->path);
        break;
    case BLOCKED_ID:
        scan_result_text(ctx, task->id);
        break;
    case BLOCKED_LINE:
        sqlite3_result_int64(ctx, task->line);
        break;
    case BLOCKED_BLOCKER:
        scan_result_text(ctx, blocker->id);
        break;
    case BLOCKED_BLOCKER_LINE:
        sqlite3_result_int64(ctx, blocker->line);
        break;
    case BLOCKED_BLOCKER_STATUS:
        scan_result_text(ctx, task_record_status(blocker));
        break;
    case BLOCKED_DEPTH:
        sqlite3_result_int(ctx, b->depth);
        break;
    default:
        break;
    }
}

const scan_table task_blocked_by_table = {
    .name = "task_blocked_by",
    .schema = "CREATE TABLE x(spec TEXT, file TEXT, id TEXT, line INTEGER, blocker TEXT,"
              " blocker_line INTEGER, blocker_status TEXT, depth INTEGER, path HIDDEN)",
    .path_column = BLOCKED_PATH,
    .needs_graph = 1,
    .graph_columns = UINT64_MAX,
    .paths_columns = UINT64_MAX, /* every row is a path */
    .keyed = 1,
    .spec_column = BLOCKED_SPEC,
    .file_column = BLOCKED_FILE,
    .id_column = BLOCKED_ID,
    .row_id = blocked_row_id,
    .row_count = blocked_row_count,
    .column = blocked_column,
};
