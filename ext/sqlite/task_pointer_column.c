/* task_pointer_column.c - see task_pointer_column.h. */
#include "task_pointer_column.h"

#include "tasksext.h"
#include "waits_for_column.h"

#include <string.h>

SQLITE_EXTENSION_INIT3

void task_pointer_result(sqlite3_context *ctx, const scan_file *file, size_t row)
{
    const task_document *doc = file->doc;
    const task_graph *graph = file->graph;
    const task_record *t = &doc->tasks[row];
    size_t first, n = waits_for_range(graph, row, &first);
    enum { SPEC, FILE_NAME, ID, TITLE, MARK, STATUS, STEP_NAME, TEXTS };
    const char *texts[TEXTS] = {
        file->spec, file->path, t->id, t->title, t->mark, task_record_status(t), t->step_name};
    size_t sizes[TEXTS], text_bytes = waits_for_text_bytes(doc, graph, first, n);
    for (int i = 0; i < TEXTS; i++)
        text_bytes += sizes[i] = pointer_text_bytes(texts[i]);
    /* The row, its edges and every text they name in one allocation, freed
     * by SQLite when it lets the value go. The texts are copies: SQLite may
     * keep the value past the row (a bare column beside max()), when the
     * cursor's buffers hold the next file's names and the parsed file may
     * be gone. */
    tasksext_task *task = sqlite3_malloc64(sizeof *task + n * sizeof(tasksext_wait) + text_bytes);
    if (!task) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    tasksext_wait *items = (tasksext_wait *)(task + 1);
    char *at = (char *)(items + n);
    waits_for_fill(doc, graph, first, n, items, &at);
    const char *kept[TEXTS];
    for (int i = 0; i < TEXTS; i++) {
        kept[i] = texts[i] ? memcpy(at, texts[i], sizes[i]) : NULL;
        at += sizes[i];
    }
    *task = (tasksext_task){
        .spec = kept[SPEC],
        .file = kept[FILE_NAME],
        .id = kept[ID],
        .title = kept[TITLE],
        .mark = kept[MARK],
        .status = kept[STATUS],
        .step_name = kept[STEP_NAME],
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
