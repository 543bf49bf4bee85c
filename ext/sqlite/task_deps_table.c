/*
 * task_deps_table.c - task_deps(path): one row per (id, depends_on, kind).
 *
 *   SELECT id, depends_on, kind FROM task_deps('.xe/specs') WHERE spec = '001-auth';
 *
 * Columns: spec, file, id, depends_on, kind, line, source, task_line,
 *          depends_on_line, path HIDDEN
 *   kind    sequence | step | subtask | explicit | wave
 *   line    the task's line (implicit kinds) or the phrase's line (explicit)
 *   source  the phrase's text for explicit edges, else NULL
 *   task_line, depends_on_line  the lines of the two tasks (tasks().line), so
 *           that tasks without ids can be joined on (file, line)
 */
#include "tasks_tables.h"

SQLITE_EXTENSION_INIT3

enum task_deps_column {
    DEPS_SPEC,
    DEPS_FILE,
    DEPS_ID,
    DEPS_DEPENDS_ON,
    DEPS_KIND,
    DEPS_LINE,
    DEPS_SOURCE,
    DEPS_TASK_LINE,
    DEPS_DEPENDS_ON_LINE,
    DEPS_PATH
};

static size_t deps_row_count(const scan_file *file)
{
    return file->readable ? file->graph->n_edges : 0;
}

static const char *deps_row_id(const scan_file *file, size_t row)
{
    return file->doc->tasks[file->graph->edges[row].task].id;
}

static void deps_column(sqlite3_context *ctx, const scan_file *file, size_t row, int column)
{
    const task_edge *e = &file->graph->edges[row];
    const task_record *tasks = file->doc->tasks;
    switch (column) {
    case DEPS_SPEC:
        scan_result_text(ctx, file->spec);
        break;
    case DEPS_FILE:
        scan_result_text(ctx, file->path);
        break;
    case DEPS_ID:
        scan_result_text(ctx, tasks[e->task].id);
        break;
    case DEPS_DEPENDS_ON:
        scan_result_text(ctx, tasks[e->depends_on].id);
        break;
    case DEPS_KIND:
        scan_result_text(ctx, task_edge_kind_name(e->kind));
        break;
    case DEPS_LINE:
        sqlite3_result_int64(ctx, e->line);
        break;
    case DEPS_SOURCE:
        scan_result_text(ctx, e->source);
        break;
    case DEPS_TASK_LINE:
        sqlite3_result_int64(ctx, tasks[e->task].line);
        break;
    case DEPS_DEPENDS_ON_LINE:
        sqlite3_result_int64(ctx, tasks[e->depends_on].line);
        break;
    default:
        break;
    }
}

const scan_table task_deps_table = {
    .name = "task_deps",
    .schema = "CREATE TABLE x(spec TEXT, file TEXT, id TEXT, depends_on TEXT, kind TEXT,"
              " line INTEGER, source TEXT, task_line INTEGER, depends_on_line INTEGER,"
              " path HIDDEN)",
    .path_column = DEPS_PATH,
    .needs_graph = 1,
    .graph_columns = UINT64_MAX, /* every row is an edge or issue */
    .keyed = 1,
    .spec_column = DEPS_SPEC,
    .file_column = DEPS_FILE,
    .id_column = DEPS_ID,
    .row_id = deps_row_id,
    .row_count = deps_row_count,
    .column = deps_column,
};
