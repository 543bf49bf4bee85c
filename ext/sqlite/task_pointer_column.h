/* task_pointer_column.h - tasks().task_pointer, a hidden column: the whole
 * row as a tasksext_task (tasksext.h) for C in the same process, NULL to
 * SQL. A statement that reads twenty columns of a tree's tasks pays, per
 * value, a column call, a text copy into a register and a copy out of it;
 * this is one call and one allocation per task. */
#ifndef TASKS_TASK_POINTER_COLUMN_H
#define TASKS_TASK_POINTER_COLUMN_H

#include "file_scan.h"
#include "sqlite3ext.h"

/* Sets the result to a pointer of type TASKSEXT_TASK_TYPE for row `row` of
 * `file` (its graph built), freed by SQLite when the statement steps on. */
void task_pointer_result(sqlite3_context *ctx, const scan_file *file, size_t row);

#endif
