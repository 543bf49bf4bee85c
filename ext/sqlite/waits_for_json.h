/* waits_for_json.h - tasks().waits_for: the tasks one task waits for
 * directly, its rows of task_deps() as a JSON array, made only when a query
 * reads the column. */
#ifndef TASKS_WAITS_FOR_JSON_H
#define TASKS_WAITS_FOR_JSON_H

#include "sqlite3ext.h"
#include "tasks_deps.h"
#include "tasks_parse.h"

/* Sets the result to `[{"line":12,"id":"T001","kind":"step"},...]` for task
 * `task` of `doc` (an edge's other task: its line, its id or null, the
 * edge's kind), in task_deps() order; `[]` for none. */
void waits_for_json_result(sqlite3_context *ctx, const task_document *doc, const task_graph *graph,
                           size_t task);

#endif
