/* task_pointer_column.c - see task_pointer_column.h. */
#include "task_pointer_column.h"

#include "tasksext.h"
#include "waits_for_column.h"

SQLITE_EXTENSION_INIT3

void task_pointer_result(sqlite3_context *ctx, const scan_file *file, size_t row)
{
    const task_document *doc = file->doc;
    const task_graph *graph = file->graph;
    const task_record *t = &doc->tasks[row];
    size_t first, n = waits_for_range(graph, row, &first);
    /* The row and its edges in one allocation. */
    tasksext_task *task = sqlite3_malloc64(sizeof *task + n * sizeof(tasksext_wait));
    if (!task) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    tasksext_wait *items = (tasksext_wait *)(task + 1);
    waits_for_fill(doc, graph, first, n, items);
    *task = (tasksext_task){
        .spec = file->spec,
        .file = file->path,
        .id = t->id,
        .title = t->title,
        .mark = t->mark,
        .status = task_record_status(t),
        .step_name = t->step_name,
        .line = (int)t->line,
        .done = t->status == TASK_STATUS_DONE,
        .parallel = t->parallel,
        .counted = t->counted,
        .optional = t->optional,
        .depth = t->depth,
        .ready = graph->ready[row],
        .wave = graph->wave[row],
        .level = graph->level[row] >= 0 ? graph->level[row] : -1,
        .waits_for = {n, n ? items : NULL},
    };
    sqlite3_result_pointer(ctx, task, TASKSEXT_TASK_TYPE, sqlite3_free);
}
