/* document.h - the steps of task_document_load(), each on its own; only the
 * load pipeline (document_load.c) strings them together. Internal to parse/. */
#ifndef TASKS_DOCUMENT_H
#define TASKS_DOCUMENT_H

#include "tasks_parse.h"

/* BOM, front matter, the markdown walk, subtasks nested by number; the
 * task_document_part bits in `omit` are left out. */
int task_document_parse(const char *bytes, size_t size, const char *spec, unsigned omit,
                        task_document *doc);

/* The dialect: front matter `dialect:`, then the path, then the content. */
task_dialect task_document_detect_dialect(const task_document *doc, const char *path);

/* Re-maps every task's status by `map` (may be NULL) over doc->dialect's
 * defaults (Kiro: `[-]` is in progress, not cancelled). Words that are not
 * built-in statuses are kept as status_word and count as open. */
int task_document_map_statuses(task_document *doc, const task_status_map *map);

/* Gives every task without an id its ordinal path as id: `S.k` for the k-th
 * top-level task under the S-th heading that has tasks, `S.k.j` below it
 * (rollout plans: `Task 4 (depends on 2 and 3)` counts within its heading). */
int task_document_number_tasks(task_document *doc);

/* Sets each task's `counted` by doc->dialect. */
void task_document_count_progress(task_document *doc);

/* A task without a `[USn]` tag takes the story a heading above it names. */
int task_document_stories_from_headings(task_document *doc);

/* Fills each task's line_hash from the bytes it was parsed from. */
void task_document_hash_lines(task_document *doc, const char *bytes, size_t size);

#endif
