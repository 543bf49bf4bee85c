/* waits_for_column.h - tasks().waits_for, the tasks one task waits for
 * directly (its rows of task_deps()), in its two forms: the JSON array SQL
 * reads, and the same edges as a pointer for C in the same process (the
 * hidden column waits_for_pointer; tasksext.h). Each is made only when a
 * query reads its column. */
#ifndef TASKS_WAITS_FOR_COLUMN_H
#define TASKS_WAITS_FOR_COLUMN_H

#include <string.h>

#include "sqlite3ext.h"
#include "tasks_deps.h"
#include "tasksext.h"
#include "tasks_parse.h"

/* Sets the result to `[{"line":12,"id":"T001","kind":"step"},...]` for task
 * `task` of `doc` (an edge's other task: its line, its id or null, the
 * edge's kind), in task_deps() order; `[]` for none. */
void waits_for_json_result(sqlite3_context *ctx, const task_document *doc, const task_graph *graph,
                           size_t task);

/* Sets the result to a pointer of type TASKSEXT_WAITS_TYPE: the same edges,
 * in the same order, as a tasksext_waits (NULL to SQL). */
void waits_for_pointer_result(sqlite3_context *ctx, const task_document *doc,
                              const task_graph *graph, size_t task);

/* The edges of `task`: their count, and in *first the index of the first in
 * graph->edges (they are consecutive). */
size_t waits_for_range(const task_graph *graph, size_t task, size_t *first);

/* items[0 .. n) = the edges graph->edges[first .. first + n) as
 * tasksext_wait: the other task's line and id, the edge's kind. The ids are
 * copied to *texts, which moves past them: room for
 * waits_for_text_bytes() of the same edges. */
void waits_for_fill(const task_document *doc, const task_graph *graph, size_t first, size_t n,
                    tasksext_wait *items, char **texts);
size_t waits_for_text_bytes(const task_document *doc, const task_graph *graph, size_t first,
                            size_t n);

/* A pointer value's texts are copied behind its struct, so that the value
 * stands alone for as long as SQLite keeps it: the bytes one text takes
 * (0 for NULL), and its copy at *at, which moves past it (NULL for NULL). */
static inline size_t pointer_text_bytes(const char *text)
{
    return text ? strlen(text) + 1 : 0;
}

static inline const char *pointer_text_copy(char **at, const char *text)
{
    if (!text) return NULL;
    size_t n = strlen(text) + 1;
    char *kept = memcpy(*at, text, n);
    *at += n;
    return kept;
}

#endif
