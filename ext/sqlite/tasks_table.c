/*
 * tasks_table.c - tasks(path): one row per task.
 *
 *   SELECT spec, id, title, status FROM tasks('.xe/specs') WHERE NOT done;
 *
 * Columns (see README "tasks(path)" for their meaning):
 *   spec, file, line, id, title, done, mark, status, parallel, story, tags,
 *   step, step_name, section, depth, parent, optional, wave, ready, level,
 *   files, counted, line_hash, blockers, unblocks, critical, waits_for,
 *   path HIDDEN, waits_for_pointer HIDDEN, task_pointer HIDDEN, file_sink HIDDEN
 *   (the last three for C callers: tasksext.h)
 */
#include "task_pointer_column.h"
#include "tasks_tables.h"
#include "waits_for_column.h"

#include <stdio.h>

SQLITE_EXTENSION_INIT3

enum tasks_column {
    TASKS_SPEC,
    TASKS_FILE,
    TASKS_LINE,
    TASKS_ID,
    TASKS_TITLE,
    TASKS_DONE,
    TASKS_MARK,
    TASKS_STATUS,
    TASKS_PARALLEL,
    TASKS_STORY,
    TASKS_TAGS,
    TASKS_STEP,
    TASKS_STEP_NAME,
    TASKS_SECTION,
    TASKS_DEPTH,
    TASKS_PARENT,
    TASKS_OPTIONAL,
    TASKS_WAVE,
    TASKS_READY,
    TASKS_LEVEL,
    TASKS_FILES,
    TASKS_COUNTED,
    TASKS_LINE_HASH,
    TASKS_BLOCKERS,
    TASKS_UNBLOCKS,
    TASKS_CRITICAL,
    TASKS_WAITS_FOR,
    TASKS_PATH,
    /* After the path: SQL's arguments fill hidden columns in order. */
    TASKS_WAITS_FOR_POINTER,
    TASKS_TASK_POINTER,
    TASKS_FILE_SINK
};

static size_t tasks_row_count(const scan_file *file)
{
    return file->doc->n_tasks;
}

static const char *tasks_row_id(const scan_file *file, size_t row)
{
    return file->doc->tasks[row].id;
}

static void tasks_column(sqlite3_context *ctx, const scan_file *file, size_t row, int column)
{
    const task_document *doc = file->doc;
    const task_record *t = &doc->tasks[row];
    switch (column) {
    case TASKS_SPEC:
        scan_result_text(ctx, file->spec);
        break;
    case TASKS_FILE:
        scan_result_text(ctx, file->path);
        break;
    case TASKS_LINE:
        sqlite3_result_int64(ctx, t->line);
        break;
    case TASKS_ID:
        scan_result_text(ctx, t->id);
        break;
    case TASKS_TITLE:
        scan_result_text(ctx, t->title);
        break;
    case TASKS_DONE:
        sqlite3_result_int(ctx, t->status == TASK_STATUS_DONE);
        break;
    case TASKS_MARK:
        scan_result_text(ctx, t->mark);
        break;
    case TASKS_STATUS:
        scan_result_text(ctx, task_record_status(t));
        break;
    case TASKS_PARALLEL:
        sqlite3_result_int(ctx, t->parallel);
        break;
    case TASKS_STORY:
        scan_result_text(ctx, t->story);
        break;
    case TASKS_TAGS:
        scan_result_text(ctx, t->tags_json);
        break;
    case TASKS_STEP:
        scan_result_number(ctx, t->step);
        break;
    case TASKS_STEP_NAME:
        scan_result_text(ctx, t->step_name);
        break;
    case TASKS_SECTION:
        scan_result_text(ctx, t->section);
        break;
    case TASKS_DEPTH:
        sqlite3_result_int(ctx, t->depth);
        break;
    case TASKS_PARENT:
        if (t->parent >= 0) scan_result_text(ctx, doc->tasks[t->parent].id);
        break;
    case TASKS_OPTIONAL:
        sqlite3_result_int(ctx, t->optional);
        break;
    case TASKS_WAVE:
        sqlite3_result_int(ctx, file->graph->wave[row]);
        break;
    case TASKS_READY:
        sqlite3_result_int(ctx, file->graph->ready[row]);
        break;
    case TASKS_LEVEL:
        if (file->graph->level[row] >= 0) sqlite3_result_int(ctx, file->graph->level[row]);
        break;
    case TASKS_FILES:
        scan_result_text(ctx, t->files_json);
        break;
    case TASKS_COUNTED:
        sqlite3_result_int(ctx, t->counted);
        break;
    case TASKS_BLOCKERS:
        sqlite3_result_int(ctx, file->graph->blockers[row]);
        break;
    case TASKS_UNBLOCKS:
        if (file->graph->unblocks[row] >= 0) sqlite3_result_int(ctx, file->graph->unblocks[row]);
        break;
    case TASKS_CRITICAL:
        if (file->graph->critical[row] > 0) sqlite3_result_int(ctx, file->graph->critical[row]);
        break;
    case TASKS_WAITS_FOR:
        waits_for_json_result(ctx, doc, file->graph, row);
        break;
    case TASKS_WAITS_FOR_POINTER:
        waits_for_pointer_result(ctx, doc, file->graph, row);
        break;
    case TASKS_TASK_POINTER:
        task_pointer_result(ctx, file, row);
        break;
    case TASKS_LINE_HASH: {
        char hash[17];
        task_line_hash_text(t->line_hash, hash);
        sqlite3_result_text(ctx, hash, 16, SQLITE_TRANSIENT);
        break;
    }
    default:
        break;
    }
}

const scan_table tasks_table = {
    .name = "tasks",
    .schema = "CREATE TABLE x(spec TEXT, file TEXT, line INTEGER, id TEXT, title TEXT,"
              " done INTEGER, mark TEXT, status TEXT, parallel INTEGER, story TEXT,"
              " tags TEXT, step NUMERIC, step_name TEXT, section TEXT, depth INTEGER,"
              " parent TEXT, optional INTEGER, wave INTEGER, ready INTEGER, level INTEGER,"
              " files TEXT, counted INTEGER, line_hash TEXT, blockers INTEGER,"
              " unblocks INTEGER, critical INTEGER, waits_for TEXT, path HIDDEN,"
              " waits_for_pointer HIDDEN, task_pointer HIDDEN, file_sink HIDDEN)",
    .path_column = TASKS_PATH,
    .file_sink_column = TASKS_FILE_SINK,
    .needs_graph = 1,
    .lean = 1,
    .details_columns = (1ull << TASKS_STORY) | (1ull << TASKS_TAGS) | (1ull << TASKS_FILES) |
                       (1ull << TASKS_LINE_HASH),
    .graph_columns = (1ull << TASKS_WAVE) | (1ull << TASKS_READY) | (1ull << TASKS_LEVEL) |
                     (1ull << TASKS_WAITS_FOR) | (1ull << TASKS_WAITS_FOR_POINTER) |
                     (1ull << TASKS_TASK_POINTER),
    .paths_columns = (1ull << TASKS_BLOCKERS) | (1ull << TASKS_UNBLOCKS) | (1ull << TASKS_CRITICAL),
    .keyed = 1,
    .spec_column = TASKS_SPEC,
    .file_column = TASKS_FILE,
    .id_column = TASKS_ID,
    .row_id = tasks_row_id,
    .row_count = tasks_row_count,
    .column = tasks_column,
};
