/* task_files.h - the file paths a task names, from its source text. */
#ifndef TASKS_TASK_FILES_H
#define TASKS_TASK_FILES_H

#include <stddef.h>

#include "arena.h"

/* A JSON array of the paths in `raw` (the task's own source bytes): words
 * with a '/' whose last part has an extension or that end in '/', and bare
 * file names with a known extension (`user.py`, `package.json`). Read from
 * the source, not the rendered text, so `__init__.py` keeps its underscores.
 * Returns "[]" when there are none, NULL when out of memory. */
const char *task_files_json(tasks_arena *arena, const char *raw, size_t len);

#endif
