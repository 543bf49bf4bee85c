/* task_match.h - which task of one version of a task list is which task of
 * the next: the identity rules of the history, in the order they apply.
 *
 *   1. the same id and the same title;
 *   2. the same title (ids renumbered, or none: a task without an id is its
 *      text), pairs taken in document order;
 *   3. the same id (the title was edited);
 *   4. anything left is a task removed (old) or added (new).
 *
 * So a task whose id and title both change in one commit is one task removed
 * and another added. Nothing here knows git or SQLite. */
#ifndef TASKS_TASK_MATCH_H
#define TASKS_TASK_MATCH_H

#include "task_version.h"

/* Fills match[j] (n_new of them) with the index of the old task that new
 * task j is, or -1. 0, or -1 when out of memory. */
int task_match(const task_version *old_version, const task_version *new_version, long *match);

#endif
