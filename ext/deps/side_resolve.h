/* side_resolve.h - one side of a dependency phrase to the tasks it means.
 * A side that names ids means exactly those tasks (the words around them are
 * labels); a side without ids is resolved to steps, by number (`Phase 2`,
 * `Steps 3, 5 and 7`) or by name (`polish`, `Setup completion`). */
#ifndef TASKS_DEPS_SIDE_RESOLVE_H
#define TASKS_DEPS_SIDE_RESOLVE_H

#include <stddef.h>

#include "id_index.h"
#include "tasks_parse.h"

typedef enum side_kind {
    SIDE_UNRESOLVED,
    SIDE_IDS,
    SIDE_STEPS,
    SIDE_STORIES,
    SIDE_NAME,
    SIDE_ALL_OTHERS, /* `all other tasks`, `everything`: the tasks after the other side
                      * when they wait, the tasks before it when it waits */
    SIDE_ALL_BEFORE, /* `all preceding phases`: every task before the other side */
    SIDE_ALL_STORIES /* `all user stories`: every story's tasks */
} side_kind;

/* What a side may be resolved by: ids and numbered groups always; step
 * names too for lines of a dependency section, not for a task's own notes. */
enum side_flags {
    SIDE_BY_NAME = 1,       /* step names (`Setup`, `polish`) */
    SIDE_NO_BARE_NUMBER = 2 /* prose on a task's line: `Run N+1` names no task 1 */
};

typedef struct task_set {
    int *tasks;
    size_t n, cap;
} task_set;

typedef struct side_result {
    side_kind kind;
    task_set set;
    char unknown[64]; /* the first id named that is not in the file */
    int n_unknown;
    int backwards; /* a range written high to low (taken low to high) */
} side_result;

/* Returns 0, or -1 when out of memory. `scope` (may be NULL) is the id
 * prefix a bare number may be relative to: in a rollout, `2` written on task
 * `3.4` means task `3.2` when there is no task `2`. */
int side_resolve(const task_document *doc, const id_index *index, const char *scope,
                 const char *text, size_t len, int flags, side_result *out);

/* The tasks under heading `heading` (its own and its subheadings'): 0, or
 * -1 when out of memory. */
int tasks_under_heading(const task_document *doc, int heading, task_set *out);

/* A group side (steps, stories, names) rather than a list of ids. */
int side_is_group(const side_result *side);

int task_set_add(task_set *set, int task);
void task_set_free(task_set *set);

#endif
