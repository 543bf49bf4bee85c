/* task_version.h - one version of one task list, as the history compares it:
 * the tasks of one blob read at one path, parsed once per scan whatever how
 * many commits hold it (git names a blob by its contents, so an entry never
 * goes stale). Nothing here knows git or SQLite. */
#ifndef TASKS_TASK_VERSION_H
#define TASKS_TASK_VERSION_H

#include <stddef.h>
#include <stdint.h>

#include "../parse/arena.h"
#include "tasks_parse.h"

/* What the history keeps of a task. */
typedef struct version_task {
    const char *id;         /* NULL when the task has none */
    const char *title;      /* tasks().title */
    const char *status;     /* tasks().status: a status name or the user's word */
    const char *files_json; /* tasks().files */
    task_status state;
    uint32_t line;
    int counted; /* progress counts it (tasks().counted) */
} version_task;

typedef struct task_version {
    version_task *tasks;
    size_t n_tasks;
    /* Over the tasks progress counts: how many, done, cancelled. */
    int64_t counted, done, cancelled;
} task_version;

typedef struct version_map version_map;

/* A map whose versions live in `arena` (the scan's). NULL: out of memory. */
version_map *version_map_new(tasks_arena *arena);
void version_map_free(version_map *map);

/* The version of blob `id` (20 bytes) at `path`, parsed by
 * task_document_load() with `statuses` the first time it is asked for:
 * `bytes` is called then, to read the blob. 0 with *out, -1 when out of
 * memory or when `bytes` failed (its return). */
typedef int (*version_bytes_fn)(void *ctx, const unsigned char *id, const char **bytes,
                                size_t *size);
int version_map_get(version_map *map, const unsigned char *id, const char *path,
                    const task_status_map *statuses, version_bytes_fn bytes, void *ctx,
                    const task_version **out);

/* How many versions were parsed. */
size_t version_map_parsed(const version_map *map);

#endif
