/* arena.h - one allocation pool per document, so a document frees in one call. */
#ifndef TASKS_ARENA_H
#define TASKS_ARENA_H

#include <stddef.h>

typedef struct tasks_arena tasks_arena;

tasks_arena *tasks_arena_new(void);
void tasks_arena_free(tasks_arena *arena);

/* Zeroed memory that lives as long as the arena; NULL when out of memory. */
void *tasks_arena_alloc(tasks_arena *arena, size_t size);

/* `size` bytes for text (no alignment, not zeroed); NULL when out of memory. */
char *tasks_arena_text(tasks_arena *arena, size_t size);

/* A NUL-terminated copy of `len` bytes; NULL when out of memory. */
char *tasks_arena_strndup(tasks_arena *arena, const char *text, size_t len);

/* Memory the arena holds, for cache accounting. */
size_t tasks_arena_bytes(const tasks_arena *arena);

#endif
