/* id_index.h - task id -> first task with that id, in one file. */
#ifndef TASKS_DEPS_ID_INDEX_H
#define TASKS_DEPS_ID_INDEX_H

#include <stddef.h>

#include "tasks_parse.h"

typedef struct id_entry {
    const char *id;
    size_t len;
    int task;
} id_entry;

typedef struct id_index {
    id_entry *entries; /* sorted by id, one per distinct id */
    size_t n;
    int *duplicates; /* tasks whose id an earlier task already has */
    size_t n_duplicates;
    /* The letters ids start with (`T`, `TASK-`, `WP`; "" for numbers): an
     * unknown `T099` is a task that is missing, an `FR-001` is no task. */
    char prefixes[8][8];
    int n_prefixes;
} id_index;

int id_index_build(const task_document *doc, id_index *index); /* 0, or -1 out of memory */
void id_index_free(id_index *index);

/* 1 when some task's id starts with the letters `id` starts with. */
int id_index_has_prefix(const id_index *index, const char *id, size_t len);

/* The first task with this id, or -1. */
int id_index_find(const id_index *index, const char *id, size_t len);

#endif
